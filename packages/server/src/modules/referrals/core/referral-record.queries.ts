import { SELF_REFERRAL_ORGANISATION_LABEL } from '@bro/domain';
import { sql, type ExpressionBuilder, type OperationNodeSource, type RawBuilder, type Transaction } from 'kysely';
import type { Database, Db, NewRow, RowChanges } from '../../../db/tables.ts';
import { whereReferralVisible, type ReferralVisibility } from './referral-access.ts';

/**
 * SQL of the referral record every path shares: writing a referral and its events, reading one referral with its
 * person and consent (joined, so one read is one statement), its timeline and linked referrals.
 */

// ---------------------------------------------------------------------------------------------------------------
// Writing a referral

/**
 * A service a referral can be sent to now: active, of an active organisation. With its line (an onward referral's
 * side must fit) and its deadlines (a rerouted referral starts its first-contact deadline afresh).
 */
export async function findReferableService(db: Db, serviceId: string) {
  return db
    .selectFrom('services as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.organisation_id', 's.service_line', 's.receives_genders', 's.minimum_age', 's.maximum_age', 's.first_contact_deadline_hours', 's.high_risk_deadline_hours', 's.max_contact_attempts'])
    .where('s.id', '=', serviceId)
    .where('s.is_active', '=', true)
    .where('o.is_active', '=', true)
    .executeTakeFirst();
}

/**
 * The next human-readable reference, as SQL: from a sequence, so short, unique, and saying nothing about the person.
 * A caller reserves it in a statement it runs anyway.
 */
export function nextReferralReference(): RawBuilder<string> {
  return sql<string>`'BRO-' || nextval('referral_reference_seq')::text`;
}

/** The ids of a new referral's first events, drawn from the events' own identity sequence, in ascending order. */
export function nextReferralEventIds(count: number): RawBuilder<string[]> {
  return sql<string[]>`ARRAY(SELECT nextval(pg_get_serial_sequence('referral_events', 'id'))::text FROM generate_series(1, ${count}))`;
}

/** For a caller without a statement of its own to reserve them in (a self-referral, an onward referral). */
export async function reserveReferralNumbers(trx: Transaction<Database>, eventCount: number): Promise<{ reference: string; eventIds: string[] }> {
  const result = await sql<{ reference: string; event_ids: string[] }>`SELECT ${nextReferralReference()} AS reference, ${nextReferralEventIds(eventCount)} AS event_ids`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error('no reference reserved');
  return { reference: row.reference, eventIds: row.event_ids };
}

/** The insert of a referral whose id and reference the caller chose, not yet run (see {@link runWritesAsOneStatement}). */
export function insertReferralQuery(trx: Transaction<Database>, values: NewRow<'referrals'> & { id: string; reference: string }) {
  return trx.insertInto('referrals').values(values);
}

export type NewReferralEvent = NewRow<'referral_events'> & { id: string };

/**
 * The insert of events whose ids were reserved with {@link nextReferralEventIds}, not yet run. The id column is an
 * identity column (GENERATED ALWAYS), so the reserved ids go in with OVERRIDING SYSTEM VALUE.
 */
export function insertReferralEventsQuery(events: readonly NewReferralEvent[]): RawBuilder<unknown> {
  const rows = events.map(
    (event) =>
      sql`(${event.id}::bigint, ${event.referral_id}::uuid, ${event.action}, ${event.from_status ?? null}, ${event.to_status ?? null}, ${event.actor_user_id ?? null}::uuid, ${event.actor_organisation_id ?? null}::uuid, ${event.occurred_at ?? null}::timestamptz, ${event.to_service_id ?? null}::uuid, ${event.note_enc ?? null})`,
  );
  return sql`INSERT INTO referral_events (id, referral_id, action, from_status, to_status, actor_user_id, actor_organisation_id, occurred_at, to_service_id, note_enc) OVERRIDING SYSTEM VALUE VALUES ${sql.join(rows)}`;
}

/**
 * Runs several writes as ONE statement of data-modifying CTEs: one round trip instead of one per write. The writes
 * must not read each other's rows (they all see the same snapshot); the foreign keys between them are checked at the
 * end of the statement, so a referral may reference the person inserted beside it. `check`, if given, is evaluated
 * in the same statement (its snapshot); the answer is its value.
 */
export async function runWritesAsOneStatement(trx: Transaction<Database>, writes: readonly OperationNodeSource[], check?: RawBuilder<boolean>): Promise<boolean> {
  if (writes.length === 0) return true;
  const [first, ...rest] = writes;
  if (rest.length === 0 && first && !check) {
    await sql`${first}`.execute(trx);
    return true;
  }
  const result = await sql<{ is_ok: boolean }>`WITH ${sql.join(writes.map((write, index) => sql`${sql.id(`write_${index}`)} AS (${write})`))} SELECT ${check ?? sql<boolean>`true`} AS is_ok`.execute(trx);
  return result.rows[0]?.is_ok === true;
}

export async function updateReferral(trx: Transaction<Database>, referralId: string, changes: RowChanges<'referrals'>): Promise<void> {
  await trx.updateTable('referrals').set(changes).where('id', '=', referralId).execute();
}

export async function insertReferralEvent(trx: Transaction<Database>, values: NewRow<'referral_events'>): Promise<void> {
  await trx.insertInto('referral_events').values(values).execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Reading one referral

/** The time of a referral's latest event: when anything last happened to it. */
export function lastEventAt(eb: ExpressionBuilder<Database, 'referrals'>) {
  return eb
    .selectFrom('referral_events')
    .select((sub) => sub.fn.max('referral_events.occurred_at').as('at'))
    .whereRef('referral_events.referral_id', '=', 'referrals.id')
    .as('last_event_at');
}

const referralColumns = [
  'referrals.id',
  'referrals.reference',
  'referrals.incident_id',
  'referrals.person_id',
  'referrals.person_role',
  'referrals.source',
  'referrals.referring_organisation_id',
  'referrals.programme_id',
  'referrals.service_id',
  'referrals.receiving_organisation_id',
  'referrals.consent_id',
  'referrals.status',
  'referrals.risk_level',
  'referrals.situation_enc',
  'referrals.phone_enc',
  'referrals.is_safe_to_call',
  'referrals.safe_times_enc',
  'referrals.other_way_to_reach_enc',
  'referrals.voicemail_allowed',
  'referrals.sms_allowed',
  'referrals.language',
  'referrals.interpreter_needed',
  'referrals.children_in_home',
  'referrals.unsuccessful_contact_attempts',
  'referrals.contact_attempt_count',
  'referrals.first_contact_at',
  'referrals.due_at',
  'referrals.escalated_at',
  'referrals.sent_at',
  'referrals.received_at',
  'referrals.created_at',
] as const;

/** The terms the referral was made under (its programme's, kept on the referral), else its service's current ones. */
const serviceColumns = [
  'service.name as service_name',
  sql<number>`coalesce(referrals.first_contact_deadline_hours, service.first_contact_deadline_hours)`.as('service_first_contact_deadline_hours'),
  sql<number>`coalesce(referrals.high_risk_deadline_hours, service.high_risk_deadline_hours)`.as('service_high_risk_deadline_hours'),
  sql<number>`coalesce(referrals.max_contact_attempts, service.max_contact_attempts)`.as('service_max_contact_attempts'),
] as const;

const personColumns = [
  'person.full_name_enc as person_full_name_enc',
  'person.cpr_enc as person_cpr_enc',
  'person.gender as person_gender',
  'person.birth_year as person_birth_year',
  'person.address_protection as person_address_protection',
] as const;

const consentColumns = [
  'consent.recipient_organisation_id as consent_recipient_organisation_id',
  'recipient.name as consent_recipient_organisation_name',
  'consent.data_categories as consent_data_categories',
  'consent.method as consent_method',
  'consent.obtained_at as consent_obtained_at',
  'consent.withdrawn_at as consent_withdrawn_at',
] as const;

/**
 * A referral with everything its views need, in one query: its service, both organisations, the person and the
 * consent it was sent under (persons and consents belong to modules/persons; they are joined here so that a read is
 * one statement). `*_enc` columns are still ciphertext.
 */
function selectReferralRecords(db: Db) {
  return db
    .selectFrom('referrals')
    .innerJoin('services as service', 'service.id', 'referrals.service_id')
    .innerJoin('organisations as receiving', 'receiving.id', 'referrals.receiving_organisation_id')
    // Left join: a self-referral has no referring organisation.
    .leftJoin('organisations as referring', 'referring.id', 'referrals.referring_organisation_id')
    .innerJoin('persons as person', 'person.id', 'referrals.person_id')
    .leftJoin('consents as consent', 'consent.id', 'referrals.consent_id')
    .leftJoin('organisations as recipient', 'recipient.id', 'consent.recipient_organisation_id')
    .select((eb) => [
      ...referralColumns,
      eb.fn.coalesce('referring.name', eb.val(SELF_REFERRAL_ORGANISATION_LABEL)).as('referring_organisation_name'),
      'receiving.name as receiving_organisation_name',
      ...serviceColumns,
      lastEventAt(eb),
      ...personColumns,
      ...consentColumns,
    ]);
}

/**
 * One referral, if the visibility allows it. With `lock`, the referral row is locked for the rest of the
 * transaction, so two people acting on the same referral at once are serialised and both see the latest state.
 */
export async function findReferralRecord(db: Db, input: { referralId: string; visibility: ReferralVisibility; lock?: boolean }) {
  let query = selectReferralRecords(db).where('referrals.id', '=', input.referralId).where(whereReferralVisible(input.visibility));
  if (input.lock) query = query.forUpdate('referrals');
  return query.executeTakeFirst();
}

/** A referral with everything its views need (see {@link findReferralRecord}). */
export type ReferralRecord = NonNullable<Awaited<ReturnType<typeof findReferralRecord>>>;

export async function listReferralEvents(db: Db, referralId: string) {
  return db
    .selectFrom('referral_events as e')
    .leftJoin('organisations as o', 'o.id', 'e.actor_organisation_id')
    .leftJoin('services as fs', 'fs.id', 'e.from_service_id')
    .leftJoin('services as ts', 'ts.id', 'e.to_service_id')
    .select([
      'e.id',
      'e.action',
      'e.occurred_at',
      'e.to_status',
      'e.actor_organisation_id',
      'o.name as organisation_name',
      'e.decline_reason',
      'e.declined_by',
      'e.contact_outcome',
      'e.closing_reason',
      'fs.name as from_service_name',
      'ts.name as to_service_name',
      'e.note_enc',
    ])
    .where('e.referral_id', '=', referralId)
    .orderBy('e.id')
    .execute();
}

export type ReferralEventRow = Awaited<ReturnType<typeof listReferralEvents>>[number];

/** Other referrals from the same call-out that this caller may see. */
export async function listLinkedReferralIds(db: Db, input: { incidentId: string; exceptReferralId: string; visibility: ReferralVisibility }): Promise<string[]> {
  const rows = await db
    .selectFrom('referrals')
    .select('id')
    .where('incident_id', '=', input.incidentId)
    .where('id', '<>', input.exceptReferralId)
    .where(whereReferralVisible(input.visibility))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

