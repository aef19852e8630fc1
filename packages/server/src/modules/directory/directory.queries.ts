import type { Role } from '@bro/domain';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database, Db, NewRow } from '../../db/tables.ts';

/**
 * The only file that writes SQL for the directory tables. Public reads (pages and HSDS API) go through
 * `loadPublicDirectory`, which names its columns one by one: the encrypted secret address of a confidential
 * location is never selected, and its public address columns are masked again here even though a CHECK
 * constraint already keeps them empty.
 */

/**
 * Every column a create or an update writes (all of them, so an update never leaves a stale field), taken from the
 * table type: `schedule_rules` and `phones` are JSON text. Only the id and created_at are left to the insert.
 */
export type DirectoryServiceValues = Required<Omit<NewRow<'directory_services'>, 'id' | 'created_at'>>;

/** Every column of a location but its place: the service and position come from the list it stands in. */
export type DirectoryLocationValues = Required<Omit<NewRow<'directory_locations'>, 'id' | 'directory_service_id' | 'position'>>;

/** `undefined` when the slug is taken. */
export async function insertDirectoryService(db: Db, values: DirectoryServiceValues & { created_at: Date }): Promise<string | undefined> {
  const row = await db
    .insertInto('directory_services')
    .values(values)
    .onConflict((conflict) => conflict.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** `false` when the new slug is taken by another service. */
export async function updateDirectoryService(db: Db, serviceId: string, values: DirectoryServiceValues): Promise<boolean> {
  const taken = await db.selectFrom('directory_services').select('id').where('slug', '=', values.slug).where('id', '!=', serviceId).executeTakeFirst();
  if (taken) return false;
  await db.updateTable('directory_services').set(values).where('id', '=', serviceId).execute();
  return true;
}

export async function markDirectoryServiceChecked(db: Db, input: { serviceId: string; now: Date }): Promise<void> {
  await db.updateTable('directory_services').set({ last_checked_at: input.now, updated_at: input.now }).where('id', '=', input.serviceId).execute();
}

export async function replaceDirectoryLocations(db: Db, serviceId: string, locations: readonly DirectoryLocationValues[]): Promise<void> {
  await db.deleteFrom('directory_locations').where('directory_service_id', '=', serviceId).execute();
  if (locations.length === 0) return;
  await db
    .insertInto('directory_locations')
    .values(locations.map((location, index) => ({ ...location, directory_service_id: serviceId, position: index })))
    .execute();
}

/**
 * Hides the public address of the given live locations at once (they become confidential, with no secret address
 * stored): a correction that takes an address out of public view must not wait for approval.
 */
export async function withdrawLocationAddresses(db: Db, locationIds: readonly string[]): Promise<void> {
  if (locationIds.length === 0) return;
  await db
    .updateTable('directory_locations')
    .set({ is_confidential: true, address_line: null, postal_code: null, latitude: null, longitude: null })
    .where('id', 'in', [...locationIds])
    .execute();
}

/** Is the slug used by another listing (public or not)? */
export async function isSlugTaken(db: Db, input: { slug: string; exceptServiceId: string }): Promise<boolean> {
  const row = await db.selectFrom('directory_services').select('id').where('slug', '=', input.slug).where('id', '!=', input.exceptServiceId).executeTakeFirst();
  return row !== undefined;
}

/** Any organisation's listing, for the approval of a proposal (the approver works nationally). */
export async function findDirectoryService(db: Db, input: { serviceId: string; isForUpdate?: boolean }) {
  let query = db.selectFrom('directory_services').selectAll().where('id', '=', input.serviceId);
  if (input.isForUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The name of a referral service (the approver reads which service a listing links to by its name, not its id). */
export async function findServiceName(db: Db, serviceId: string): Promise<string | undefined> {
  return (await db.selectFrom('services').select('name').where('id', '=', serviceId).executeTakeFirst())?.name;
}

/** A service of the given organisation (staff admin view), locked for update inside a transaction if asked. */
export async function findOwnDirectoryService(db: Db, input: { serviceId: string; organisationId: string; isForUpdate?: boolean }) {
  let query = db
    .selectFrom('directory_services')
    .selectAll()
    .where('id', '=', input.serviceId)
    .where('organisation_id', '=', input.organisationId);
  if (input.isForUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function listOwnDirectoryServices(db: Db, organisationId: string) {
  return db
    .selectFrom('directory_services')
    .select(['id', 'slug', 'status', 'name_da', 'name_en', 'target_groups', 'channels', 'last_checked_at', 'published_at', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name_da')
    .execute();
}

/** All columns of the locations, the encrypted secret address included: staff admin API of the owner only. */
export async function listOwnDirectoryLocations(db: Db, serviceId: string) {
  return db.selectFrom('directory_locations').selectAll().where('directory_service_id', '=', serviceId).orderBy('position').execute();
}

/** Is this referral service the organisation's own (so its listing may point to it)? */
export async function isOwnReferralService(db: Db, input: { referralServiceId: string; organisationId: string }): Promise<boolean> {
  const row = await db.selectFrom('services').select('id').where('id', '=', input.referralServiceId).where('organisation_id', '=', input.organisationId).executeTakeFirst();
  return row !== undefined;
}

/** Another listing already points to this referral service. */
export async function findListingOfReferralService(db: Db, input: { referralServiceId: string; exceptServiceId?: string }): Promise<string | undefined> {
  let query = db.selectFrom('directory_services').select('id').where('referral_service_id', '=', input.referralServiceId);
  if (input.exceptServiceId) query = query.where('id', '!=', input.exceptServiceId);
  return (await query.executeTakeFirst())?.id;
}

// ---- Public reads -----------------------------------------------------------------------------------------------

/**
 * Every transaction that changes what the public directory shows calls this (before its audit entry). App nodes
 * compare the counter on each public request and reload their in-memory copy when it moved.
 */
export async function bumpDirectoryVersion(db: Db): Promise<void> {
  await db.updateTable('directory_state').set({ version: sql`version + 1` }).execute();
}

/**
 * What the public copy depends on, as one string: the directory's counter, and a digest of the organisations'
 * names and active flags (the platform admin renames or deactivates organisations in another module; a digest
 * catches that exactly, where a latest-change timestamp could miss two changes in the same millisecond).
 */
export async function readDirectoryVersion(db: Db): Promise<string> {
  const row = await db
    .selectFrom('directory_state')
    .select((eb) => [
      'directory_state.version',
      eb
        .selectFrom('organisations')
        .select(sql<string>`md5(string_agg(organisations.id::text || ':' || organisations.is_active::text || ':' || organisations.name, '|' ORDER BY organisations.id))`.as('digest'))
        .as('organisations_digest'),
    ])
    .executeTakeFirstOrThrow();
  return `${row.version}/${row.organisations_digest ?? '-'}`;
}

/**
 * The whole public directory: every published listing (its approved version: a proposal waits elsewhere until
 * approved) that is not defunct, of an active organisation, with the public columns only (no secret address), and
 * the version it belongs to, read in one consistent snapshot.
 */
export async function loadPublicDirectory(db: Db) {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const version = await readDirectoryVersion(trx);
      const services = await selectPublicService(trx).where('directory_services.status', '!=', 'defunct').where('directory_services.published_at', 'is not', null).execute();
      const locations = await trx
        .selectFrom('directory_locations')
        .innerJoin('directory_services', 'directory_services.id', 'directory_locations.directory_service_id')
        .select((eb) => [
          'directory_locations.id',
          'directory_locations.directory_service_id',
          'directory_locations.name_da',
          'directory_locations.name_en',
          'directory_locations.name_ar',
          'directory_locations.location_type',
          'directory_locations.is_confidential',
          'directory_locations.city',
          'directory_locations.municipality_code',
          publicOnly(eb, 'directory_locations.address_line').as('address_line'),
          publicOnly(eb, 'directory_locations.postal_code').as('postal_code'),
          publicOnly(eb, 'directory_locations.latitude').as('latitude'),
          publicOnly(eb, 'directory_locations.longitude').as('longitude'),
        ])
        .where('directory_services.status', '!=', 'defunct')
        .where('directory_services.published_at', 'is not', null)
        .orderBy('directory_locations.directory_service_id')
        .orderBy('directory_locations.position')
        .execute();
      return { version, services, locations };
    });
}

/** A public address column, masked for a confidential location (the CHECK constraint already keeps it empty). */
function publicOnly<C extends 'directory_locations.address_line' | 'directory_locations.postal_code' | 'directory_locations.latitude' | 'directory_locations.longitude'>(
  eb: ExpressionBuilder<Database, 'directory_locations' | 'directory_services'>,
  column: C,
) {
  return eb.case().when('directory_locations.is_confidential', '=', true).then(null).else(eb.ref(column)).end();
}

function selectPublicService(db: Db) {
  return db
    .selectFrom('directory_services')
    .innerJoin('organisations', 'organisations.id', 'directory_services.organisation_id')
    .select([
      'directory_services.id',
      'directory_services.organisation_id',
      'organisations.name as organisation_name',
      'organisations.updated_at as organisation_updated_at',
      'directory_services.referral_service_id',
      'directory_services.slug',
      'directory_services.status',
      'directory_services.name_da',
      'directory_services.name_en',
      'directory_services.name_ar',
      'directory_services.description_da',
      'directory_services.description_en',
      'directory_services.description_ar',
      'directory_services.how_to_contact_da',
      'directory_services.how_to_contact_en',
      'directory_services.how_to_contact_ar',
      'directory_services.eligibility_da',
      'directory_services.eligibility_en',
      'directory_services.minimum_age',
      'directory_services.maximum_age',
      'directory_services.target_groups',
      'directory_services.channels',
      'directory_services.languages',
      'directory_services.is_anonymous_contact_offered',
      'directory_services.is_free_of_charge',
      'directory_services.is_open_24_hours',
      'directory_services.schedule_rules',
      'directory_services.schedule_note_da',
      'directory_services.schedule_note_en',
      'directory_services.is_national',
      'directory_services.municipality_codes',
      'directory_services.phones',
      'directory_services.email',
      'directory_services.website_url',
      'directory_services.capacity_available',
      'directory_services.capacity_maximum',
      'directory_services.capacity_unit',
      'directory_services.capacity_updated_at',
      'directory_services.last_checked_at',
      'directory_services.updated_at',
    ])
    .where('organisations.is_active', '=', true);
}

type PublicDirectoryRows = Awaited<ReturnType<typeof loadPublicDirectory>>;
export type PublicServiceRow = PublicDirectoryRows['services'][number];
export type PublicLocationRow = PublicDirectoryRows['locations'][number];

// ---- Reminder job -----------------------------------------------------------------------------------------------

/** Listed services last checked before the cutoff that have had no reminder in this period. */
export async function listServicesDueForCheck(db: Db, input: { checkedBefore: Date; period: string; limit: number }) {
  return db
    .selectFrom('directory_services')
    .select(['id', 'organisation_id'])
    .where('status', 'in', ['active', 'temporarily closed'])
    .where('last_checked_at', '<=', input.checkedBefore)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('directory_check_reminders')
            .select('directory_check_reminders.period')
            .whereRef('directory_check_reminders.directory_service_id', '=', 'directory_services.id')
            .where('directory_check_reminders.period', '=', input.period),
        ),
      ),
    )
    .orderBy('last_checked_at')
    .limit(input.limit)
    .execute();
}

/** Claims the reminder of one service for one period; `false` when another run already claimed it. */
export async function claimCheckReminder(db: Db, input: { serviceId: string; period: string; notifiedUsers: number; now: Date }): Promise<boolean> {
  const row = await db
    .insertInto('directory_check_reminders')
    .values({ directory_service_id: input.serviceId, period: input.period, notified_users: input.notifiedUsers, created_at: input.now })
    .onConflict((conflict) => conflict.columns(['directory_service_id', 'period']).doNothing())
    .returning('period')
    .executeTakeFirst();
  return row !== undefined;
}

/** Active users holding one of the given roles in an organisation. */
export async function listActiveMemberIds(db: Db, input: { organisationId: string; roles: readonly Role[] }): Promise<string[]> {
  if (input.roles.length === 0) return [];
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.id')
    .where('memberships.organisation_id', '=', input.organisationId)
    .where('memberships.role', 'in', input.roles)
    .where('users.is_active', '=', true)
    .execute();
  return rows.map((row) => row.id);
}

export async function insertCheckDueNotifications(db: Db, input: { userIds: readonly string[]; now: Date }): Promise<void> {
  if (input.userIds.length === 0) return;
  await db
    .insertInto('notifications')
    .values(input.userIds.map((userId) => ({ user_id: userId, kind: 'directory_check_due', referral_id: null, created_at: input.now })))
    .execute();
}
