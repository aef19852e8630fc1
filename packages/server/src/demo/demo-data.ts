import { hash } from '@node-rs/argon2';
import { sql, type Transaction } from 'kysely';
import { CreateProgrammeRequest, municipalities, municipalitySlug, Role, UpdateProgrammeRequest } from '@bro/domain';
import type { Database, Db } from '../db/tables.ts';
import { createProgramme, updateProgramme, type ProgrammeActor } from '../modules/programmes/index.ts';
import { appendAuditEntry } from '../platform/audit-log.ts';
import type { Clock } from '../platform/clock.ts';
import type { FieldCipher } from '../platform/field-encryption.ts';
import { DEMO_PASSWORD, DEMO_PROGRAMME_MANAGER_EMAIL, demoAccounts } from './demo-accounts.ts';
import { loadCampaignDemoData } from './campaign-demo.ts';
import { loadEventDemoData } from './event-demo.ts';
import { loadCourseDemoData } from './course-demo.ts';
import { loadCommunityMeetingDemoData } from './community-meeting-demo.ts';
import { loadDirectoryDemoData } from './directory-demo.ts';
import { loadGroupDemoData } from './group-demo.ts';
import { createDemoService, insertDemoAccount } from './demo-rows.ts';
import { loadPeerSupportDemoData } from './peer-support-demo.ts';
import {
  interventionscenterMunicipalityCodes,
  MUNICIPAL_UNIT_NAME,
  POLICE_UNIT_NAME,
  policeDistricts,
  programmes,
  services,
  specialistOrganisations,
} from './organisations.ts';

/** Serialises demo loading, so two app nodes starting at once on an empty database load it once. */
const DEMO_LOAD_LOCK = 727_274_101;

/**
 * Loads the demo organisations, services, programmes and accounts into an empty database, in one transaction.
 * Idempotent: anything in `organisations` means the database is not empty, and nothing is loaded.
 * Deterministic: the same rows every time (apart from generated ids and password salts).
 */
export async function loadDemoDataIfEmpty({ db, cipher, clock }: { db: Db; cipher: FieldCipher; clock: Clock }): Promise<{ isLoaded: boolean }> {
  if (await hasAnyOrganisation(db)) return { isLoaded: false };
  // Hashed once, outside the transaction: argon2 is slow by design and every demo account shares the password.
  const passwordHash = await hash(DEMO_PASSWORD);
  const result = await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${DEMO_LOAD_LOCK})`.execute(trx);
    if (await hasAnyOrganisation(trx)) return { isLoaded: false };
    const now = clock.now();
    const organisationIds = await insertOrganisations(trx, now);
    const unitIds = await insertUnits(trx, organisationIds, now);
    const serviceIds = await createServices(trx, organisationIds, clock);
    await insertAccounts(trx, { organisationIds, unitIds, passwordHash, cipher, now });
    await createProgrammes(trx, { organisationIds, serviceIds, clock });
    await loadCourseDemoData({ db: trx, cipher, clock });
    await loadCommunityMeetingDemoData({ db: trx, cipher, clock });
    await loadGroupDemoData({ db: trx, cipher, clock });
    await appendAuditEntry(trx, {
      occurredAt: now,
      actorUserId: null,
      actorOrganisationId: null,
      action: 'demo_data.load',
      objectType: 'platform',
      objectId: 'demo-data',
      details: { organisations: organisationIds.size, services: serviceIds.size, programmes: programmes.length, accounts: demoAccounts.length },
    });
    return { isLoaded: true };
  });
  // After the commit: the directory loader reads the organisations this transaction created.
  if (result.isLoaded) await loadDirectoryDemoData({ db, clock });
  if (result.isLoaded) await loadCampaignDemoData({ db, clock });
  if (result.isLoaded) await loadPeerSupportDemoData({ db, cipher, clock });
  if (result.isLoaded) await loadEventDemoData({ db, clock, cipher });
  return result;
}

async function hasAnyOrganisation(db: Db): Promise<boolean> {
  return (await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Returns id by slug. */
async function insertOrganisations(trx: Transaction<Database>, now: Date): Promise<Map<string, string>> {
  const rows = [
    ...policeDistricts.map((district) => ({
      slug: district.slug,
      name: district.name,
      kind: 'police_district',
      municipality_code: null,
      police_district_code: district.code,
    })),
    ...municipalities.map((municipality) => ({
      slug: municipalitySlug(municipality),
      name: municipality.organisationName,
      kind: 'municipality',
      municipality_code: municipality.code,
      police_district_code: null,
    })),
    ...specialistOrganisations.map((organisation) => ({
      slug: organisation.slug,
      name: organisation.name,
      kind: organisation.kind,
      municipality_code: null,
      police_district_code: null,
    })),
  ].map((row) => ({ ...row, created_at: now, updated_at: now }));
  const inserted = await trx.insertInto('organisations').values(rows).returning(['id', 'slug']).execute();
  return new Map(inserted.map((row) => [row.slug, row.id]));
}

/** Returns unit id by organisation slug (one unit per organisation that has one). */
async function insertUnits(trx: Transaction<Database>, organisationIds: Map<string, string>, now: Date): Promise<Map<string, string>> {
  const municipalSlugs = municipalities.filter((municipality) => (interventionscenterMunicipalityCodes as readonly string[]).includes(municipality.code)).map(municipalitySlug);
  const rows = [
    ...policeDistricts.map((district) => ({ organisationSlug: district.slug, name: POLICE_UNIT_NAME })),
    ...municipalSlugs.map((slug) => ({ organisationSlug: slug, name: MUNICIPAL_UNIT_NAME })),
  ];
  const inserted = await trx
    .insertInto('units')
    .values(rows.map((row) => ({ organisation_id: idOf(organisationIds, row.organisationSlug), name: row.name, created_at: now })))
    .returning(['id', 'organisation_id'])
    .execute();
  const slugById = new Map([...organisationIds].map(([slug, id]) => [id, slug]));
  return new Map(inserted.map((row) => [slugById.get(row.organisation_id) ?? '', row.id]));
}

/** The demo services, through the organisation admin's use case; returns id by slug. */
async function createServices(trx: Transaction<Database>, organisationIds: Map<string, string>, clock: Clock): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const service of services) ids.set(service.slug, await createDemoService(trx, { service, organisationId: idOf(organisationIds, service.organisationSlug), clock }));
  return ids;
}

/**
 * The demo programmes go through the same use cases as a programme set up by hand: the demo's platform admin starts
 * each and appoints the demo programme manager, who configures it (referrers, services in routing order) and sets
 * it running. Only the service ids come from this loader.
 */
async function createProgrammes(trx: Transaction<Database>, input: { organisationIds: Map<string, string>; serviceIds: Map<string, string>; clock: Clock }): Promise<void> {
  const platformAdmin = await demoActor(trx, 'drift@demo.bro.dk');
  const manager = await demoActor(trx, DEMO_PROGRAMME_MANAGER_EMAIL);
  for (const programme of programmes) {
    const created = await createProgramme({ db: trx, clock: input.clock, actor: platformAdmin, request: CreateProgrammeRequest.parse({ name: programme.name, managerEmail: DEMO_PROGRAMME_MANAGER_EMAIL }) });
    const request = UpdateProgrammeRequest.parse({
      version: created.version,
      name: programme.name,
      description: programme.description,
      funder: programme.funder,
      periodStart: null,
      periodEnd: null,
      status: 'running',
      referrerOrganisationIds: programme.referrerSlugs.map((slug) => idOf(input.organisationIds, slug)),
      services: programme.routes.map((route) => ({
        serviceId: idOf(input.serviceIds, route.serviceSlug),
        receivesRoles: route.role === null ? null : [route.role],
        receivesGenders: route.gender === null ? null : [route.gender],
        minimumAge: null,
        maximumAge: null,
        isProposed: route.isProposed ?? true,
        isFallback: route.isFallback ?? false,
        firstContactDeadlineHours: null,
        highRiskDeadlineHours: null,
        maxContactAttempts: null,
      })),
    });
    await updateProgramme({ db: trx, clock: input.clock, actor: manager, programmeId: created.id, request });
  }
}

/** A demo account as the actor of a use case: its first membership. */
async function demoActor(trx: Transaction<Database>, email: string): Promise<ProgrammeActor> {
  const row = await trx
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id', 'm.organisation_id', 'm.role'])
    .where('u.email', '=', email)
    .orderBy('m.created_at')
    .executeTakeFirstOrThrow();
  return { userId: row.id, organisationId: row.organisation_id, role: Role.parse(row.role) };
}

async function insertAccounts(
  trx: Transaction<Database>,
  input: { organisationIds: Map<string, string>; unitIds: Map<string, string>; passwordHash: string; cipher: FieldCipher; now: Date },
): Promise<void> {
  for (const account of demoAccounts) {
    const organisationId = idOf(input.organisationIds, account.organisationSlug);
    const unitId = account.unitName === null ? null : idOf(input.unitIds, account.organisationSlug);
    await insertDemoAccount(trx, { account, organisationId, unitId, passwordHash: input.passwordHash, cipher: input.cipher, now: input.now });
  }
}

/** The demo data refers to its own rows by slug; a typo must fail the load, not insert a dangling row. */
function idOf(ids: Map<string, string>, slug: string): string {
  const id = ids.get(slug);
  if (!id) throw new Error(`demo data refers to an unknown slug: ${slug}`);
  return id;
}
