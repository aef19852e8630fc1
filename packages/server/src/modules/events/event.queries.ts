import { sql, type Transaction } from 'kysely';
import type { Database, Db, NewRow, Row, RowChanges } from '../../db/tables.ts';

/** The only file that writes SQL for open events, their exceptions, occurrences and link requests. */

type Trx = Transaction<Database>;

// ---------------------------------------------------------------------------------------------------------------
// Services and who may manage their events

export async function findService(db: Db, input: { serviceId: string; organisationId: string }) {
  return db.selectFrom('services').select(['id', 'name', 'organisation_id', 'service_line', 'is_active']).where('id', '=', input.serviceId).where('organisation_id', '=', input.organisationId).executeTakeFirst();
}

export async function isAssignedToService(db: Db, input: { serviceId: string; membershipId: string }): Promise<boolean> {
  const row = await db.selectFrom('service_staff').select('service_id').where('service_id', '=', input.serviceId).where('membership_id', '=', input.membershipId).executeTakeFirst();
  return row !== undefined;
}

/** The organisation's active services, or only those the membership is assigned to; narrowed to one side when given. */
export async function listManageableServices(db: Db, input: { organisationId: string; membershipId: string | null; serviceLine: string | null }) {
  let query = db.selectFrom('services as s').select(['s.id', 's.name']).where('s.organisation_id', '=', input.organisationId).where('s.is_active', '=', true);
  if (input.membershipId !== null) {
    const membershipId = input.membershipId;
    query = query.where((eb) => eb.exists(eb.selectFrom('service_staff as st').select('st.service_id').whereRef('st.service_id', '=', 's.id').where('st.membership_id', '=', membershipId)));
  }
  if (input.serviceLine !== null) query = query.where((eb) => eb.or([eb('s.service_line', 'is', null), eb('s.service_line', '=', input.serviceLine)]));
  return query.orderBy('s.name').orderBy('s.id').execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Events

const eventColumns = [
  'e.id',
  'e.organisation_id',
  'e.service_id',
  'e.title',
  'e.description',
  'e.recurrence_rule',
  'e.start_time',
  'e.duration_minutes',
  'e.is_online',
  'e.place_name',
  'e.address_line',
  'e.postal_code',
  'e.city',
  'e.online_link_enc',
  'e.is_registration_required',
  'e.capacity',
  'e.is_published',
  'e.updated_at',
  's.name as service_name',
  's.service_line',
  's.is_active as is_service_active',
] as const;

function selectEvents(db: Db) {
  return db
    .selectFrom('open_events as e')
    .innerJoin('services as s', 's.id', 'e.service_id')
    .select(eventColumns)
    .select(sql<string>`to_char(e.start_date, 'YYYY-MM-DD')`.as('start_date'));
}

export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

/** An event of the organisation (another organisation's is simply not found). */
export async function findEvent(db: Db, input: { eventId: string; organisationId: string; isForUpdate?: boolean }) {
  const query = selectEvents(db).where('e.id', '=', input.eventId).where('e.organisation_id', '=', input.organisationId);
  return (input.isForUpdate ? query.forUpdate('e') : query).executeTakeFirst();
}

export async function listEventsOfServices(db: Db, input: { serviceIds: readonly string[]; now: Date }) {
  if (input.serviceIds.length === 0) return [];
  return selectEvents(db)
    .select((eb) =>
      eb
        .selectFrom('open_event_occurrences as o')
        .select((inner) => inner.fn.min('o.starts_at').as('next'))
        .whereRef('o.event_id', '=', 'e.id')
        .where('o.starts_at', '>=', input.now)
        .where('o.is_cancelled', '=', false)
        .as('next_starts_at'),
    )
    .where('e.service_id', 'in', [...input.serviceIds])
    .orderBy('e.title')
    .orderBy('e.id')
    .execute();
}

export async function insertEvent(trx: Trx, values: NewRow<'open_events'>): Promise<string> {
  return (await trx.insertInto('open_events').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateEvent(trx: Trx, eventId: string, changes: RowChanges<'open_events'>): Promise<void> {
  await trx.updateTable('open_events').set(changes).where('id', '=', eventId).execute();
}

/** Events whose occurrences reach less far than the horizon: what the daily job extends, a batch at a time. */
export async function listEventsToExtend(db: Db, input: { until: string; limit: number }) {
  return selectEvents(db)
    .where((eb) => eb.or([eb('e.materialised_until', 'is', null), eb('e.materialised_until', '<', input.until)]))
    .orderBy('e.id')
    .limit(input.limit)
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Exceptions

export async function listExceptions(db: Db, eventId: string) {
  return db.selectFrom('open_event_exceptions').select([sql<string>`to_char(occurs_on, 'YYYY-MM-DD')`.as('date'), 'note']).where('event_id', '=', eventId).orderBy('occurs_on').execute();
}

export async function upsertException(trx: Trx, input: { eventId: string; date: string; note: string; now: Date }): Promise<void> {
  await trx
    .insertInto('open_event_exceptions')
    .values({ event_id: input.eventId, occurs_on: input.date, note: input.note, created_at: input.now })
    .onConflict((conflict) => conflict.columns(['event_id', 'occurs_on']).doUpdateSet({ note: input.note }))
    .execute();
}

export async function deleteException(trx: Trx, input: { eventId: string; date: string }): Promise<boolean> {
  const result = await trx.deleteFrom('open_event_exceptions').where('event_id', '=', input.eventId).where('occurs_on', '=', input.date).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

// ---------------------------------------------------------------------------------------------------------------
// Occurrences

export type OccurrenceValues = Omit<NewRow<'open_event_occurrences'>, 'id'>;

/**
 * Writes the expanded occurrences (one statement) and removes future ones the rule no longer gives — unless a head
 * count was recorded on one, which is history. Past occurrences are never touched.
 */
export async function replaceFutureOccurrences(trx: Trx, input: { eventId: string; fromDate: string; occurrences: readonly OccurrenceValues[] }): Promise<void> {
  const dates = input.occurrences.map((occurrence) => occurrence.occurs_on);
  let removal = trx.deleteFrom('open_event_occurrences').where('event_id', '=', input.eventId).where('occurs_on', '>=', input.fromDate).where('head_count', 'is', null);
  if (dates.length > 0) removal = removal.where('occurs_on', 'not in', dates);
  await removal.execute();
  if (input.occurrences.length === 0) return;
  await trx
    .insertInto('open_event_occurrences')
    .values([...input.occurrences])
    .onConflict((conflict) =>
      conflict.columns(['event_id', 'occurs_on']).doUpdateSet((eb) => ({
        starts_at: eb.ref('excluded.starts_at'),
        ends_at: eb.ref('excluded.ends_at'),
        is_public: eb.ref('excluded.is_public'),
        is_online: eb.ref('excluded.is_online'),
        city_key: eb.ref('excluded.city_key'),
        is_cancelled: eb.ref('excluded.is_cancelled'),
        cancel_note: eb.ref('excluded.cancel_note'),
      })),
    )
    .execute();
}

const occurrenceColumns = [
  'o.id',
  'o.event_id',
  'o.starts_at',
  'o.ends_at',
  'o.is_cancelled',
  'o.cancel_note',
  'o.head_count',
  'o.first_time_count',
  'o.with_children_count',
  'o.head_count_note_enc',
  'o.head_count_recorded_at',
] as const;

export type OccurrenceRow = Pick<Row<'open_event_occurrences'>, 'id' | 'event_id' | 'starts_at' | 'ends_at' | 'is_cancelled' | 'cancel_note' | 'head_count' | 'first_time_count' | 'with_children_count' | 'head_count_note_enc' | 'head_count_recorded_at'> & { occurs_on: string };

export async function listOccurrences(db: Db, input: { eventId: string; fromDate: string; toDate: string; limit: number }): Promise<OccurrenceRow[]> {
  return db
    .selectFrom('open_event_occurrences as o')
    .select(occurrenceColumns)
    .select(sql<string>`to_char(o.occurs_on, 'YYYY-MM-DD')`.as('occurs_on'))
    .where('o.event_id', '=', input.eventId)
    .where('o.occurs_on', '>=', input.fromDate)
    .where('o.occurs_on', '<=', input.toDate)
    .orderBy('o.occurs_on')
    .limit(input.limit)
    .execute();
}

export async function findOccurrence(db: Db, input: { eventId: string; occurrenceId: string }): Promise<OccurrenceRow | undefined> {
  return db
    .selectFrom('open_event_occurrences as o')
    .select(occurrenceColumns)
    .select(sql<string>`to_char(o.occurs_on, 'YYYY-MM-DD')`.as('occurs_on'))
    .where('o.event_id', '=', input.eventId)
    .where('o.id', '=', input.occurrenceId)
    .executeTakeFirst();
}

export async function updateOccurrence(trx: Trx, occurrenceId: string, changes: RowChanges<'open_event_occurrences'>): Promise<void> {
  await trx.updateTable('open_event_occurrences').set(changes).where('id', '=', occurrenceId).execute();
}

/** Occurrences of events of the given services within a time range: the staff calendar. */
export async function listOccurrencesOfServices(db: Db, input: { serviceIds: readonly string[]; from: Date; to: Date }) {
  if (input.serviceIds.length === 0) return [];
  return db
    .selectFrom('open_event_occurrences as o')
    .innerJoin('open_events as e', 'e.id', 'o.event_id')
    .select(['o.id', 'o.event_id', 'o.starts_at', 'o.ends_at', 'o.is_cancelled', 'e.title', 'e.is_online', 'e.place_name', 'e.address_line', 'e.postal_code', 'e.city'])
    .select(sql<string>`to_char(o.occurs_on, 'YYYY-MM-DD')`.as('occurs_on'))
    .where('e.service_id', 'in', [...input.serviceIds])
    .where('o.starts_at', '<', input.to)
    .where('o.ends_at', '>', input.from)
    .orderBy('o.starts_at')
    .orderBy('o.id')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Public reads: published events of active services only

const publicOccurrenceColumns = [
  'o.id',
  'o.event_id',
  'o.starts_at',
  'o.ends_at',
  'o.is_cancelled',
  'o.cancel_note',
  'e.title',
  'e.description',
  'e.is_online',
  'e.place_name',
  'e.address_line',
  'e.postal_code',
  'e.city',
  'e.is_registration_required',
  'e.capacity',
  'e.service_id',
  'org.name as organisation_name',
  's.name as service_name',
] as const;

export type PublicOccurrenceRow = Awaited<ReturnType<typeof listPublicOccurrences>>[number];

/** Public occurrences from a time on, with their event, service and organisation: what every public list starts from. */
function selectPublicOccurrencesFrom(db: Db, from: Date) {
  return db
    .selectFrom('open_event_occurrences as o')
    .innerJoin('open_events as e', 'e.id', 'o.event_id')
    .innerJoin('services as s', 's.id', 'e.service_id')
    .innerJoin('organisations as org', 'org.id', 'e.organisation_id')
    .select(publicOccurrenceColumns)
    .where('o.is_public', '=', true)
    .where('o.starts_at', '>=', from);
}

/**
 * The "what's on" list: one range scan of the partial index on upcoming public occurrences (by city or online when
 * filtered), joined to its event and organisation by primary key. `limit + 1` rows tell whether a next page exists
 * without counting every row.
 */
export async function listPublicOccurrences(db: Db, input: { now: Date; cityKey?: string | undefined; isOnlineOnly: boolean; limit: number; offset: number }) {
  let query = selectPublicOccurrencesFrom(db, input.now);
  if (input.cityKey !== undefined) query = query.where('o.city_key', '=', input.cityKey);
  if (input.isOnlineOnly) query = query.where('o.is_online', '=', true);
  return query.orderBy('o.starts_at').orderBy('o.id').limit(input.limit).offset(input.offset).execute();
}

/** Upcoming public occurrences of one event or of one service's events (the event page, the service page, the feed). */
export async function listPublicOccurrencesOf(db: Db, input: { eventId?: string; serviceId?: string; from: Date; limit: number }) {
  let query = selectPublicOccurrencesFrom(db, input.from);
  if (input.eventId !== undefined) query = query.where('o.event_id', '=', input.eventId);
  if (input.serviceId !== undefined) query = query.where('e.service_id', '=', input.serviceId);
  return query.orderBy('o.starts_at').orderBy('o.id').limit(input.limit).execute();
}

/** A published event of an active service, as the public may see it: never its online link. */
export async function findPublicEvent(db: Db, eventId: string) {
  return db
    .selectFrom('open_events as e')
    .innerJoin('services as s', 's.id', 'e.service_id')
    .innerJoin('organisations as org', 'org.id', 'e.organisation_id')
    .select(['e.id', 'e.service_id', 'e.title', 'e.description', 'e.is_online', 'e.place_name', 'e.address_line', 'e.postal_code', 'e.city', 'e.is_registration_required', 'e.capacity', 'e.start_time', 'e.duration_minutes', 'org.name as organisation_name', 's.name as service_name'])
    .where('e.id', '=', eventId)
    .where('e.is_published', '=', true)
    .where('s.is_active', '=', true)
    .executeTakeFirst();
}

/** The online link, for the one use that may read it: the message to a person who asked. */
export async function findPublicOnlineLink(db: Db, eventId: string) {
  return db
    .selectFrom('open_events as e')
    .innerJoin('services as s', 's.id', 'e.service_id')
    .select(['e.id', 'e.online_link_enc', 'e.organisation_id'])
    .where('e.id', '=', eventId)
    .where('e.is_published', '=', true)
    .where('e.is_online', '=', true)
    .where('s.is_active', '=', true)
    .executeTakeFirst();
}

/** The cities of published in-person events: the public list's city filter. */
export async function listPublicCities(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('open_events as e')
    .innerJoin('services as s', 's.id', 'e.service_id')
    .select('e.city')
    .distinct()
    .where('e.is_published', '=', true)
    .where('s.is_active', '=', true)
    .where('e.city', 'is not', null)
    .orderBy('e.city')
    .execute();
  return rows.flatMap((row) => (row.city === null ? [] : [row.city]));
}

export async function findActiveServiceName(db: Db, serviceId: string) {
  return db.selectFrom('services').select(['id', 'name']).where('id', '=', serviceId).where('is_active', '=', true).executeTakeFirst();
}

/** Claims a link request form's challenge; false when it was answered before (a reload, a double click). */
export async function claimLinkRequest(trx: Trx, input: { challengeHash: string; eventId: string; now: Date }): Promise<boolean> {
  const row = await trx
    .insertInto('open_event_link_requests')
    .values({ challenge_hash: input.challengeHash, event_id: input.eventId, created_at: input.now })
    .onConflict((conflict) => conflict.column('challenge_hash').doNothing())
    .returning('challenge_hash')
    .executeTakeFirst();
  return row !== undefined;
}
