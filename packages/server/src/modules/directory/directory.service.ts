import {
  Channel,
  CreateHelpServiceRequest,
  HelpServiceStatus,
  isCheckDue,
  TargetGroup,
  WeeklyRule,
  type HelpService,
  type HelpServiceSummary,
  type UpdateHelpServiceRequest,
} from '@bro/domain';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, Db } from '../../db/tables.ts';
import { appendAuditEntryBy, type AuditEntry } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import {
  bumpDirectoryVersion,
  findListingOfReferralService,
  findOwnDirectoryService,
  insertDirectoryService,
  isOwnReferralService,
  listOwnDirectoryLocations,
  listOwnDirectoryServices,
  markDirectoryServiceChecked,
  replaceDirectoryLocations,
  updateDirectoryService,
  type DirectoryLocationValues,
  type DirectoryServiceValues,
} from './directory.queries.ts';

type Trx = Transaction<Database>;

// ---- Staff admin use cases (organisation admins maintain their own organisation's listings) ---------------------

export async function listHelpServices(input: { db: Db; clock: Clock; actor: Actor }): Promise<HelpServiceSummary[]> {
  const now = input.clock.now();
  const rows = await listOwnDirectoryServices(input.db, input.actor.organisationId);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    status: HelpServiceStatus.parse(row.status),
    nameDa: row.name_da,
    nameEn: row.name_en,
    targetGroups: row.target_groups.map((group) => TargetGroup.parse(group)),
    channels: row.channels.map((channel) => Channel.parse(channel)),
    lastCheckedAt: row.last_checked_at.toISOString(),
    isCheckDue: isCheckDue(row.last_checked_at, now),
    updatedAt: row.updated_at.toISOString(),
  }));
}

/** Another organisation's service answers 404, exactly like a service that does not exist. */
export async function getHelpService(input: { db: Db; clock: Clock; cipher: FieldCipher; actor: Actor; serviceId: string }): Promise<HelpService> {
  return readOwnHelpService(input.db, { ...input, organisationId: input.actor.organisationId });
}

export async function createHelpService(input: { db: Db; clock: Clock; cipher: FieldCipher; actor: Actor; request: CreateHelpServiceRequest }): Promise<HelpService> {
  const { actor, request, cipher } = input;
  const now = input.clock.now();
  const serviceId = await input.db.transaction().execute(async (trx) => {
    const id = await insertHelpService(trx, { request, organisationId: actor.organisationId, now, cipher });
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'directory_service.create',
      objectType: 'directory_service',
      objectId: id,
      details: { status: request.status, locations: request.locations.length, confidentialLocations: request.locations.filter((location) => location.isConfidential).length },
    });
    return id;
  });
  return readOwnHelpService(input.db, { ...input, serviceId, organisationId: actor.organisationId });
}

/**
 * Adds a listing for an organisation inside the caller's transaction (which also writes the audit entry). Used by
 * the admin API and by the demo loader. Throws a 422 when the slug is taken or the referral link is not allowed.
 * Without a cipher (the demo) a location's secret address cannot be stored, and one given is refused.
 */
export async function insertHelpService(
  trx: Trx,
  input: { request: CreateHelpServiceRequest; organisationId: string; now: Date; cipher: FieldCipher | undefined },
): Promise<string> {
  const { request, organisationId, now } = input;
  await checkReferralServiceLink(trx, { referralServiceId: request.referralServiceId ?? null, organisationId });
  const values = toServiceValues({ request, organisationId, now, lastCheckedAt: now, capacityUpdatedAt: request.capacity ? now : null });
  const id = await insertDirectoryService(trx, { ...values, created_at: now });
  if (!id) throw new AppError('validation_failed', [{ path: 'body.slug', message: 'slug_taken' }]);
  await replaceDirectoryLocations(trx, id, toLocationValues(request.locations, input.cipher));
  await bumpDirectoryVersion(trx);
  return id;
}

/**
 * Applies the given fields to the current listing and validates the result as a whole, so a partial update cannot
 * produce an invalid listing (e.g. a regional service with no municipalities). Lists are replaced as a whole.
 */
export async function updateHelpService(input: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  actor: Actor;
  serviceId: string;
  request: UpdateHelpServiceRequest;
}): Promise<HelpService> {
  const { actor, cipher } = input;
  const now = input.clock.now();
  await input.db.transaction().execute(async (trx) => {
    const current = await getOwnRow(trx, { serviceId: input.serviceId, organisationId: actor.organisationId, isForUpdate: true });
    const currentLocations = await listOwnDirectoryLocations(trx, current.id);
    const merged = CreateHelpServiceRequest.safeParse({ ...toRequestShape(current, currentLocations, cipher), ...input.request });
    if (!merged.success) {
      throw new AppError(
        'validation_failed',
        merged.error.issues.map((issue) => ({ path: ['body', ...issue.path.map(String)].join('.'), message: issue.message })),
      );
    }
    const request = merged.data;
    if (input.request.referralServiceId !== undefined) {
      await checkReferralServiceLink(trx, { referralServiceId: request.referralServiceId ?? null, organisationId: actor.organisationId, exceptServiceId: current.id });
    }
    const isCapacityChanged =
      (request.capacity?.available ?? null) !== current.capacity_available ||
      (request.capacity?.maximum ?? null) !== current.capacity_maximum ||
      (request.capacity?.unit ?? null) !== current.capacity_unit;
    const values = toServiceValues({
      request,
      organisationId: actor.organisationId,
      now,
      lastCheckedAt: current.last_checked_at,
      capacityUpdatedAt: request.capacity ? (isCapacityChanged ? now : current.capacity_updated_at) : null,
    });
    if (!(await updateDirectoryService(trx, current.id, values))) throw new AppError('validation_failed', [{ path: 'body.slug', message: 'slug_taken' }]);
    if (input.request.locations !== undefined) await replaceDirectoryLocations(trx, current.id, toLocationValues(request.locations, cipher));
    await recordListingChange(trx, {
      actor,
      now,
      action: 'directory_service.update',
      serviceId: current.id,
      // Field names only: which parts changed, never their text.
      details: { fields: Object.keys(input.request).sort().join(','), fromStatus: current.status, toStatus: request.status },
    });
  });
  return readOwnHelpService(input.db, { ...input, organisationId: actor.organisationId });
}

/** The organisation confirms the listing is still right (HSDS assured_date); this stops the reminders. */
export async function markHelpServiceChecked(input: { db: Db; clock: Clock; cipher: FieldCipher; actor: Actor; serviceId: string }): Promise<HelpService> {
  const { actor } = input;
  const now = input.clock.now();
  await input.db.transaction().execute(async (trx) => {
    const current = await getOwnRow(trx, { serviceId: input.serviceId, organisationId: actor.organisationId, isForUpdate: true });
    await markDirectoryServiceChecked(trx, { serviceId: current.id, now });
    await recordListingChange(trx, { actor, now, action: 'directory_service.mark_checked', serviceId: current.id, details: { previousCheckAt: current.last_checked_at.toISOString() } });
  });
  return readOwnHelpService(input.db, { ...input, organisationId: actor.organisationId });
}

/**
 * Ends a change to an existing listing: the directory's version moves on (so every app process reloads its public
 * copy), then the change is audited, last, as the audit log asks.
 */
async function recordListingChange(trx: Trx, input: { actor: Actor; now: Date; action: string; serviceId: string; details: AuditEntry['details'] }) {
  await bumpDirectoryVersion(trx);
  await appendAuditEntryBy(trx, input.actor, { occurredAt: input.now, action: input.action, objectType: 'directory_service', objectId: input.serviceId, details: input.details });
}

async function getOwnRow(db: Db, input: { serviceId: string; organisationId: string; isForUpdate?: boolean }) {
  const row = await findOwnDirectoryService(db, input);
  if (!row) throw new AppError('not_found');
  return row;
}

type OwnRow = Awaited<ReturnType<typeof getOwnRow>>;
type OwnLocationRow = Awaited<ReturnType<typeof listOwnDirectoryLocations>>[number];

async function readOwnHelpService(db: Db, input: { clock: Clock; cipher: FieldCipher; serviceId: string; organisationId: string }): Promise<HelpService> {
  const row = await getOwnRow(db, input);
  const locations = await listOwnDirectoryLocations(db, row.id);
  return toHelpService(row, locations, input.cipher, input.clock.now());
}

/** A listing may point to one of its own organisation's referral services, and only one listing to each. */
async function checkReferralServiceLink(trx: Trx, input: { referralServiceId: string | null; organisationId: string; exceptServiceId?: string }) {
  if (input.referralServiceId === null) return;
  if (!(await isOwnReferralService(trx, { referralServiceId: input.referralServiceId, organisationId: input.organisationId }))) {
    throw new AppError('validation_failed', [{ path: 'body.referralServiceId', message: 'unknown_service' }]);
  }
  const existing = await findListingOfReferralService(trx, {
    referralServiceId: input.referralServiceId,
    ...(input.exceptServiceId ? { exceptServiceId: input.exceptServiceId } : {}),
  });
  if (existing) throw new AppError('validation_failed', [{ path: 'body.referralServiceId', message: 'already_listed' }]);
}

export const StoredRules = z.array(WeeklyRule);
export const StoredPhones = z.array(z.object({ number: z.string(), descriptionDa: z.string().nullable(), descriptionEn: z.string().nullable() }));

function toServiceValues(input: { request: CreateHelpServiceRequest; organisationId: string; now: Date; lastCheckedAt: Date; capacityUpdatedAt: Date | null }): DirectoryServiceValues {
  const { request } = input;
  return {
    organisation_id: input.organisationId,
    referral_service_id: request.referralServiceId ?? null,
    slug: request.slug,
    status: request.status,
    name_da: request.nameDa,
    name_en: request.nameEn,
    name_ar: request.nameAr ?? null,
    description_da: request.descriptionDa,
    description_en: request.descriptionEn,
    description_ar: request.descriptionAr ?? null,
    how_to_contact_da: request.howToContactDa,
    how_to_contact_en: request.howToContactEn,
    how_to_contact_ar: request.howToContactAr ?? null,
    eligibility_da: request.eligibilityDa ?? null,
    eligibility_en: request.eligibilityEn ?? null,
    minimum_age: request.minimumAge ?? null,
    maximum_age: request.maximumAge ?? null,
    target_groups: [...request.targetGroups],
    channels: [...request.channels],
    languages: [...request.languages],
    is_anonymous_contact_offered: request.isAnonymousContactOffered,
    is_free_of_charge: request.isFreeOfCharge,
    is_open_24_hours: request.schedule.isOpen24Hours,
    schedule_rules: JSON.stringify(request.schedule.rules),
    schedule_note_da: request.schedule.noteDa ?? null,
    schedule_note_en: request.schedule.noteEn ?? null,
    is_national: request.serviceArea.isNational,
    municipality_codes: request.serviceArea.isNational ? [] : [...new Set(request.serviceArea.municipalityCodes)],
    phones: JSON.stringify(request.phones.map((phone) => ({ number: phone.number, descriptionDa: phone.descriptionDa ?? null, descriptionEn: phone.descriptionEn ?? null }))),
    email: request.email ?? null,
    website_url: request.websiteUrl ?? null,
    capacity_available: request.capacity?.available ?? null,
    capacity_maximum: request.capacity?.maximum ?? null,
    capacity_unit: request.capacity?.unit ?? null,
    capacity_updated_at: input.capacityUpdatedAt,
    last_checked_at: input.lastCheckedAt,
    updated_at: input.now,
  };
}

function toLocationValues(locations: CreateHelpServiceRequest['locations'], cipher: FieldCipher | undefined): DirectoryLocationValues[] {
  return locations.map((location) => {
    if (location.confidentialAddress && !cipher) throw new Error('a secret address needs the field cipher');
    return {
      name_da: location.nameDa,
      name_en: location.nameEn,
      name_ar: location.nameAr ?? null,
      location_type: location.locationType,
      is_confidential: location.isConfidential,
      // The schema already refuses public address fields on a confidential location; null them again regardless.
      address_line: location.isConfidential ? null : (location.addressLine ?? null),
      postal_code: location.isConfidential ? null : (location.postalCode ?? null),
      city: location.city ?? null,
      municipality_code: location.municipalityCode ?? null,
      latitude: location.isConfidential ? null : (location.latitude ?? null),
      longitude: location.isConfidential ? null : (location.longitude ?? null),
      confidential_address_enc: location.isConfidential && cipher ? cipher.encryptOptional(location.confidentialAddress) : null,
    };
  });
}

/** The stored listing in the shape of a create request, so an update can be merged onto it and validated whole. */
function toRequestShape(row: OwnRow, locations: OwnLocationRow[], cipher: FieldCipher): Record<string, unknown> {
  return {
    slug: row.slug,
    status: row.status,
    referralServiceId: row.referral_service_id,
    nameDa: row.name_da,
    nameEn: row.name_en,
    nameAr: row.name_ar,
    descriptionDa: row.description_da,
    descriptionEn: row.description_en,
    descriptionAr: row.description_ar,
    howToContactDa: row.how_to_contact_da,
    howToContactEn: row.how_to_contact_en,
    howToContactAr: row.how_to_contact_ar,
    eligibilityDa: row.eligibility_da,
    eligibilityEn: row.eligibility_en,
    minimumAge: row.minimum_age,
    maximumAge: row.maximum_age,
    targetGroups: row.target_groups,
    channels: row.channels,
    languages: row.languages,
    isAnonymousContactOffered: row.is_anonymous_contact_offered,
    isFreeOfCharge: row.is_free_of_charge,
    schedule: { isOpen24Hours: row.is_open_24_hours, rules: StoredRules.parse(row.schedule_rules), noteDa: row.schedule_note_da, noteEn: row.schedule_note_en },
    serviceArea: { isNational: row.is_national, municipalityCodes: row.municipality_codes },
    phones: StoredPhones.parse(row.phones),
    email: row.email,
    websiteUrl: row.website_url,
    locations: locations.map((location) => toLocationShape(location, cipher)),
    capacity: row.capacity_unit === null ? null : { available: row.capacity_available, maximum: row.capacity_maximum, unit: row.capacity_unit },
  };
}

/** A stored location as the admin API shows it: the secret address decrypted, for the owner's admins only. */
function toLocationShape(location: OwnLocationRow, cipher: FieldCipher) {
  return {
    nameDa: location.name_da,
    nameEn: location.name_en,
    nameAr: location.name_ar,
    locationType: location.location_type,
    isConfidential: location.is_confidential,
    addressLine: location.address_line,
    postalCode: location.postal_code,
    city: location.city,
    municipalityCode: location.municipality_code,
    latitude: location.latitude,
    longitude: location.longitude,
    confidentialAddress: cipher.decryptOptional(location.confidential_address_enc),
  };
}

function toHelpService(row: OwnRow, locations: OwnLocationRow[], cipher: FieldCipher, now: Date): HelpService {
  const shape = toRequestShape(row, locations, cipher) as Omit<HelpService, 'locations' | 'capacity'>;
  return {
    ...shape,
    id: row.id,
    organisationId: row.organisation_id,
    status: HelpServiceStatus.parse(row.status),
    targetGroups: row.target_groups.map((group) => TargetGroup.parse(group)),
    channels: row.channels.map((channel) => Channel.parse(channel)),
    locations: locations.map((location) => ({
      id: location.id,
      ...toLocationShape(location, cipher),
      locationType: location.location_type === 'virtual' ? ('virtual' as const) : ('physical' as const),
    })),
    capacity:
      row.capacity_unit === null || row.capacity_available === null
        ? null
        : { available: row.capacity_available, maximum: row.capacity_maximum, unit: row.capacity_unit, updatedAt: (row.capacity_updated_at ?? row.updated_at).toISOString() },
    lastCheckedAt: row.last_checked_at.toISOString(),
    isCheckDue: isCheckDue(row.last_checked_at, now),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
