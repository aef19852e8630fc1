import { sql, type Transaction } from 'kysely';
import type { Database, Db, NewRow, RowChanges } from '../../../db/tables.ts';

/** The only file that writes SQL for waiting lists. Courses are read (never written) to reach the person. */

const OPEN_ENTRY_STATUSES = ['waiting', 'reconfirmation_requested'] as const;

/** A course the actor could add: at the offer's service and organisation, on an allowed side, not closed. */
export async function findCourseForWaitingList(db: Db, input: { courseId: string; organisationId: string; serviceId: string; sides: readonly string[] }) {
  if (input.sides.length === 0) return undefined;
  return db
    .selectFrom('courses')
    .select((eb) => [
      'id',
      'person_id',
      'status',
      'person_role',
      // What triage last knew about the person: the facts the offer's eligibility rules are evaluated on.
      eb.selectFrom('course_triage_decisions as d').select('d.facts_enc').whereRef('d.course_id', '=', 'courses.id').orderBy('d.decided_at', 'desc').limit(1).as('triage_facts_enc'),
    ])
    .where('id', '=', input.courseId)
    .where('organisation_id', '=', input.organisationId)
    .where('service_id', '=', input.serviceId)
    .where('side', 'in', [...input.sides])
    .executeTakeFirst();
}

export async function insertEntry(trx: Transaction<Database>, values: NewRow<'group_waiting_entries'>): Promise<string | undefined> {
  const row = await trx.insertInto('group_waiting_entries').values(values).onConflict((conflict) => conflict.doNothing()).returning('id').executeTakeFirst();
  return row?.id;
}

export async function updateEntry(trx: Transaction<Database>, entryId: string, changes: RowChanges<'group_waiting_entries'>): Promise<void> {
  await trx.updateTable('group_waiting_entries').set(changes).where('id', '=', entryId).execute();
}

const entryColumns = [
  'w.id',
  'w.offer_id',
  'w.course_id',
  'w.status',
  'w.added_at',
  'w.waiting_since',
  'w.preferences',
  'w.decline_count',
  'w.reconfirm_by',
  'c.reference as course_reference',
  'c.client_label_enc',
  'c.person_id',
] as const;

/** Open entries in list order: the date added, then the order of arrival. */
export async function listOpenEntries(db: Db, offerId: string) {
  return db
    .selectFrom('group_waiting_entries as w')
    .innerJoin('courses as c', 'c.id', 'w.course_id')
    .select(entryColumns)
    .where('w.offer_id', '=', offerId)
    .where('w.status', 'in', [...OPEN_ENTRY_STATUSES])
    .orderBy('w.added_at')
    .orderBy('w.arrival')
    .execute();
}

export type EntryRow = Awaited<ReturnType<typeof listOpenEntries>>[number];

export async function findEntry(db: Db, entryId: string): Promise<EntryRow | undefined> {
  return db.selectFrom('group_waiting_entries as w').innerJoin('courses as c', 'c.id', 'w.course_id').select(entryColumns).where('w.id', '=', entryId).executeTakeFirst();
}

// The reconfirmation job ---------------------------------------------------------------------------------------

/** Waiting entries whose wait has passed their offer's reconfirmation period. */
export async function listEntriesDueForReconfirmation(db: Db, input: { now: Date; limit: number }) {
  return db
    .selectFrom('group_waiting_entries as w')
    .innerJoin('group_offers as o', 'o.id', 'w.offer_id')
    .select(['w.id', 'w.offer_id', 'w.waiting_since', 'o.reconfirm_after_days'])
    .where('w.status', '=', 'waiting')
    .where(sql<boolean>`w.waiting_since + make_interval(days => o.reconfirm_after_days) <= ${input.now}`)
    .orderBy('w.waiting_since')
    .limit(input.limit)
    .execute();
}

/** Entries asked to reconfirm whose message is not queued yet (no safe moment so far), with what the message needs. */
export async function listReconfirmationsToSend(db: Db, input: { limit: number }) {
  return db
    .selectFrom('group_waiting_entries as w')
    .innerJoin('group_offers as o', 'o.id', 'w.offer_id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .innerJoin('courses as c', 'c.id', 'w.course_id')
    .select(['w.id', 'w.reconfirm_by', 'o.name as offer_name', 's.name as service_name', 'c.safe_contact_enc'])
    .where('w.status', '=', 'reconfirmation_requested')
    .where('w.reconfirmation_queued_at', 'is', null)
    .limit(input.limit)
    .execute();
}

export async function findReconfirmationForCheck(db: Db, entryId: string) {
  return db
    .selectFrom('group_waiting_entries as w')
    .innerJoin('group_offers as o', 'o.id', 'w.offer_id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .innerJoin('courses as c', 'c.id', 'w.course_id')
    .select(['w.id', 'w.reconfirm_by', 'o.name as offer_name', 's.name as service_name', 'c.safe_contact_enc'])
    .where('w.id', '=', entryId)
    .where('w.status', '=', 'reconfirmation_requested')
    .executeTakeFirst();
}

/** Claims the sending of a reconfirmation request (at most once per request). */
export async function claimReconfirmationMessage(trx: Transaction<Database>, input: { entryId: string; now: Date }): Promise<boolean> {
  const result = await trx
    .updateTable('group_waiting_entries')
    .set({ reconfirmation_queued_at: input.now })
    .where('id', '=', input.entryId)
    .where('status', '=', 'reconfirmation_requested')
    .where('reconfirmation_queued_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Entries asked to reconfirm that did not answer by the deadline. */
export async function listLapsingEntries(db: Db, input: { now: Date; limit: number }) {
  return db.selectFrom('group_waiting_entries').select(['id', 'offer_id']).where('status', '=', 'reconfirmation_requested').where('reconfirm_by', '<=', input.now).limit(input.limit).execute();
}
