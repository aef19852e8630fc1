import { Channel, CreateHelpServiceRequest, HelpServiceStatus, isCheckDue, TargetGroup, WeeklyRule, type HelpService, type PublicationState } from '@bro/domain';
import { z } from 'zod';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { deriveUuidV5 } from '../../platform/uuid-v5.ts';
import type { DirectoryLocationValues, DirectoryServiceValues, findDirectoryService, listOwnDirectoryLocations } from './directory.queries.ts';

/**
 * The shapes of a listing and the mappings between them: the stored row, the request an admin sends, the response
 * the admin reads, and the proposal waiting for approval (a request whose secret addresses are encrypted).
 */

export type ListingRow = NonNullable<Awaited<ReturnType<typeof findDirectoryService>>>;
export type ListingLocationRow = Awaited<ReturnType<typeof listOwnDirectoryLocations>>[number];

export const StoredRules = z.array(WeeklyRule);
export const StoredPhones = z.array(z.object({ number: z.string(), descriptionDa: z.string().nullable(), descriptionEn: z.string().nullable() }));

export function toServiceValues(input: {
  request: CreateHelpServiceRequest;
  organisationId: string;
  now: Date;
  lastCheckedAt: Date;
  capacityUpdatedAt: Date | null;
  publishedAt: Date | null;
}): DirectoryServiceValues {
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
    published_at: input.publishedAt,
    updated_at: input.now,
  };
}

export function toLocationValues(locations: CreateHelpServiceRequest['locations'], cipher: FieldCipher | undefined): DirectoryLocationValues[] {
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
export function toRequestShape(row: ListingRow, locations: ListingLocationRow[], cipher: FieldCipher): Record<string, unknown> {
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
function toLocationShape(location: ListingLocationRow, cipher: FieldCipher) {
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

export function toHelpService(row: ListingRow, locations: ListingLocationRow[], cipher: FieldCipher, now: Date, publication: PublicationState): HelpService {
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
    publication,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function isCapacityChanged(request: CreateHelpServiceRequest, row: ListingRow): boolean {
  return (
    (request.capacity?.available ?? null) !== row.capacity_available ||
    (request.capacity?.maximum ?? null) !== row.capacity_maximum ||
    (request.capacity?.unit ?? null) !== row.capacity_unit
  );
}

/**
 * The listing as it would be stored if the proposal were applied now: the admin keeps working on it. Locations keep
 * the ids of the live ones at the same place; a location the live version lacks gets a stable id derived from it.
 */
export function toProposedRows(input: { row: ListingRow; locations: ListingLocationRow[]; proposal: CreateHelpServiceRequest; proposedAt: Date; cipher: FieldCipher }) {
  const { row, proposal, proposedAt } = input;
  const values = toServiceValues({ request: proposal, organisationId: row.organisation_id, now: proposedAt, lastCheckedAt: row.last_checked_at, capacityUpdatedAt: null, publishedAt: null });
  // The timestamps are the row's own or the proposal's, all Dates (the values type also admits strings).
  const proposedRow: ListingRow = {
    ...row,
    ...values,
    capacity_updated_at: proposal.capacity ? (isCapacityChanged(proposal, row) ? proposedAt : row.capacity_updated_at) : null,
    last_checked_at: row.last_checked_at,
    published_at: row.published_at,
    updated_at: proposedAt,
    schedule_rules: JSON.parse(values.schedule_rules),
    phones: JSON.parse(values.phones),
  };
  const proposedLocations: ListingLocationRow[] = toLocationValues(proposal.locations, input.cipher).map((location, position) => ({
    ...location,
    id: input.locations[position]?.id ?? deriveUuidV5(row.id, `proposed-location:${position}`),
    directory_service_id: row.id,
    position,
  }));
  return { row: proposedRow, locations: proposedLocations };
}

/** A proposal as stored for approval: the whole request, with each secret address encrypted (it is never stored plain). */
export function toStoredProposal(request: CreateHelpServiceRequest, cipher: FieldCipher): unknown {
  return { ...request, locations: request.locations.map((location) => ({ ...location, confidentialAddress: cipher.encryptOptional(location.confidentialAddress) })) };
}

const StoredProposalLocations = z.object({ locations: z.array(z.looseObject({ confidentialAddress: z.string().nullable().optional() })) }).loose();

export function fromStoredProposal(content: unknown, cipher: FieldCipher): CreateHelpServiceRequest {
  const stored = StoredProposalLocations.parse(content);
  return CreateHelpServiceRequest.parse({
    ...stored,
    locations: stored.locations.map((location) => ({ ...location, confidentialAddress: cipher.decryptOptional(location.confidentialAddress ?? null) })),
  });
}

/** The few fields the list of listings shows, read from a stored proposal without decrypting anything. */
export const ProposalSummary = z.object({
  slug: z.string(),
  status: HelpServiceStatus,
  nameDa: z.string(),
  nameEn: z.string(),
  targetGroups: z.array(TargetGroup),
  channels: z.array(Channel),
});
