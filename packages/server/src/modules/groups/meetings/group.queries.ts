import type { Transaction } from 'kysely';
import type { Database, Db, NewRow, RowChanges } from '../../../db/tables.ts';

/** The only file that writes SQL for conversation groups, their participants, meetings, attendance, notes and outcomes. */

export async function insertGroup(trx: Transaction<Database>, values: NewRow<'conversation_groups'>): Promise<string> {
  return (await trx.insertInto('conversation_groups').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateGroup(trx: Transaction<Database>, groupId: string, changes: RowChanges<'conversation_groups'>): Promise<void> {
  await trx.updateTable('conversation_groups').set(changes).where('id', '=', groupId).execute();
}

export async function insertParticipants(trx: Transaction<Database>, values: NewRow<'group_participants'>[]): Promise<void> {
  if (values.length > 0) await trx.insertInto('group_participants').values(values).execute();
}

export async function updateParticipant(trx: Transaction<Database>, participantId: string, changes: RowChanges<'group_participants'>): Promise<void> {
  await trx.updateTable('group_participants').set(changes).where('id', '=', participantId).execute();
}

export async function insertMeetings(trx: Transaction<Database>, values: NewRow<'group_meetings'>[]): Promise<void> {
  if (values.length > 0) await trx.insertInto('group_meetings').values(values).execute();
}

export async function placeEntries(trx: Transaction<Database>, input: { entryIds: readonly string[]; now: Date }): Promise<void> {
  if (input.entryIds.length === 0) return;
  await trx.updateTable('group_waiting_entries').set({ status: 'placed', ended_at: input.now, reconfirm_by: null }).where('id', 'in', [...input.entryIds]).execute();
}

export async function findGroupRow(db: Db, groupId: string) {
  return db.selectFrom('conversation_groups').selectAll().where('id', '=', groupId).executeTakeFirst();
}

export type GroupRow = NonNullable<Awaited<ReturnType<typeof findGroupRow>>>;

export async function listGroupsOfOffer(db: Db, offerId: string) {
  return db
    .selectFrom('conversation_groups as g')
    .select((eb) => [
      'g.id',
      'g.status',
      'g.started_at',
      eb.selectFrom('group_participants as p').select((count) => count.fn.countAll<string>().as('n')).whereRef('p.group_id', '=', 'g.id').where('p.status', '=', 'active').as('participant_count'),
      eb.selectFrom('group_meetings as m').select((min) => min.fn.min('m.starts_at').as('first')).whereRef('m.group_id', '=', 'g.id').as('first_meeting_at'),
      eb.selectFrom('group_meetings as m').select((max) => max.fn.max('m.starts_at').as('last')).whereRef('m.group_id', '=', 'g.id').as('last_meeting_at'),
    ])
    .where('g.offer_id', '=', offerId)
    .orderBy('g.started_at', 'desc')
    .orderBy('g.id')
    .execute();
}

export async function listParticipants(db: Db, groupId: string) {
  return db
    .selectFrom('group_participants as p')
    .innerJoin('courses as c', 'c.id', 'p.course_id')
    .innerJoin('group_waiting_entries as w', 'w.id', 'p.waiting_entry_id')
    .select(['p.id', 'p.course_id', 'p.status', 'p.joined_at', 'p.is_replacement', 'c.client_label_enc', 'c.person_id'])
    .where('p.group_id', '=', groupId)
    // In the order they joined, and within one start in the waiting list's order.
    .orderBy('p.joined_at')
    .orderBy('w.added_at')
    .orderBy('w.arrival')
    .execute();
}


export async function listMeetings(db: Db, groupId: string) {
  return db.selectFrom('group_meetings').selectAll().where('group_id', '=', groupId).orderBy('number').execute();
}

export async function listAttendance(db: Db, groupId: string) {
  return db
    .selectFrom('group_attendance as a')
    .innerJoin('group_meetings as m', 'm.id', 'a.meeting_id')
    .select(['a.meeting_id', 'a.participant_id', 'a.attendance'])
    .where('m.group_id', '=', groupId)
    .orderBy('a.participant_id')
    .execute();
}

export async function listParticipantNoteKeys(db: Db, groupId: string) {
  return db
    .selectFrom('group_participant_notes as n')
    .innerJoin('group_meetings as m', 'm.id', 'n.meeting_id')
    .select(['n.meeting_id', 'n.participant_id'])
    .where('m.group_id', '=', groupId)
    .execute();
}

export async function listOutcomes(db: Db, groupId: string) {
  return db
    .selectFrom('group_outcomes as o')
    .innerJoin('group_participants as p', 'p.id', 'o.participant_id')
    .select(['o.participant_id', 'o.phase', 'o.safety_rating', 'o.options_rating'])
    .where('p.group_id', '=', groupId)
    .orderBy('o.phase')
    .execute();
}

export async function findMeeting(db: Db, input: { groupId: string; meetingId: string }) {
  return db.selectFrom('group_meetings').selectAll().where('id', '=', input.meetingId).where('group_id', '=', input.groupId).executeTakeFirst();
}

export async function upsertAttendance(trx: Transaction<Database>, values: NewRow<'group_attendance'>[]): Promise<void> {
  if (values.length === 0) return;
  await trx
    .insertInto('group_attendance')
    .values(values)
    .onConflict((conflict) => conflict.columns(['meeting_id', 'participant_id']).doUpdateSet((eb) => ({ attendance: eb.ref('excluded.attendance'), recorded_by_user_id: eb.ref('excluded.recorded_by_user_id'), recorded_at: eb.ref('excluded.recorded_at') })))
    .execute();
}

export async function setMeetingNote(trx: Transaction<Database>, input: { meetingId: string; noteEnc: string; now: Date }): Promise<void> {
  await trx.updateTable('group_meetings').set({ group_note_enc: input.noteEnc, group_note_written_at: input.now }).where('id', '=', input.meetingId).execute();
}

export async function upsertParticipantNote(trx: Transaction<Database>, values: NewRow<'group_participant_notes'>): Promise<void> {
  await trx
    .insertInto('group_participant_notes')
    .values(values)
    .onConflict((conflict) => conflict.columns(['meeting_id', 'participant_id']).doUpdateSet({ note_enc: values.note_enc, written_by_user_id: values.written_by_user_id, written_at: values.written_at }))
    .execute();
}

export async function upsertOutcome(trx: Transaction<Database>, values: NewRow<'group_outcomes'>): Promise<void> {
  await trx
    .insertInto('group_outcomes')
    .values(values)
    .onConflict((conflict) => conflict.columns(['participant_id', 'phase']).doUpdateSet({ safety_rating: values.safety_rating, options_rating: values.options_rating, recorded_by_user_id: values.recorded_by_user_id, recorded_at: values.recorded_at }))
    .execute();
}

/** The notes about the person of one course, across their groups: what that course's page shows. */
export async function listNotesOfCourse(db: Db, courseId: string) {
  return db
    .selectFrom('group_participant_notes as n')
    .innerJoin('group_participants as p', 'p.id', 'n.participant_id')
    .innerJoin('group_meetings as m', 'm.id', 'n.meeting_id')
    .innerJoin('conversation_groups as g', 'g.id', 'p.group_id')
    .innerJoin('group_offers as o', 'o.id', 'g.offer_id')
    .select(['g.id as group_id', 'o.name as offer_name', 'm.number', 'm.starts_at', 'n.note_enc', 'n.written_at'])
    .where('p.course_id', '=', courseId)
    .orderBy('m.starts_at')
    .execute();
}
