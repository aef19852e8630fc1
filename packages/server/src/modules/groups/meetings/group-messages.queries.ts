import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';

/**
 * The only file that reads and claims what a group sends a person: invitations and meeting reminders. The person's
 * safe contact is read from their course (sealed there), never copied.
 */

/** Active participants of running groups not yet invited, with their group's next meeting. */
/** Active participants of running groups, with what an invitation names and their group's next meeting after `now`. */
function selectRunningParticipants(db: Db, now: Date) {
  return db
    .selectFrom('group_participants as p')
    .innerJoin('conversation_groups as g', 'g.id', 'p.group_id')
    .innerJoin('group_offers as o', 'o.id', 'g.offer_id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .innerJoin('courses as c', 'c.id', 'p.course_id')
    .select((eb) => [
      'p.id',
      'g.id as group_id',
      'o.name as offer_name',
      's.name as service_name',
      'c.safe_contact_enc',
      eb.selectFrom('group_meetings as m').select((min) => min.fn.min('m.starts_at').as('next')).whereRef('m.group_id', '=', 'g.id').where('m.starts_at', '>', now).as('next_meeting_at'),
    ])
    .where('p.status', '=', 'active')
    .where('g.status', '=', 'running');
}

/** Active participants of running groups not yet invited, with their group's next meeting. */
export async function listParticipantsToInvite(db: Db, input: { now: Date; limit: number }) {
  return selectRunningParticipants(db, input.now).where('p.invitation_queued_at', 'is', null).orderBy('p.joined_at').limit(input.limit).execute();
}

export async function findInvitationForCheck(db: Db, input: { participantId: string; now: Date }) {
  return selectRunningParticipants(db, input.now).where('p.id', '=', input.participantId).executeTakeFirst();
}

export async function claimInvitation(trx: Transaction<Database>, input: { participantId: string; now: Date }): Promise<boolean> {
  const result = await trx.updateTable('group_participants').set({ invitation_queued_at: input.now }).where('id', '=', input.participantId).where('invitation_queued_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

const reminderColumns = ['m.id as meeting_id', 'm.starts_at', 'p.id as participant_id', 'g.id as group_id', 'o.name as offer_name', 's.name as service_name', 'c.safe_contact_enc'] as const;

/** Meetings starting within the window, per active participant, not yet reminded. */
export async function listMeetingRemindersDue(db: Db, input: { from: Date; until: Date; limit: number }) {
  return db
    .selectFrom('group_meetings as m')
    .innerJoin('conversation_groups as g', 'g.id', 'm.group_id')
    .innerJoin('group_participants as p', 'p.group_id', 'g.id')
    .innerJoin('group_offers as o', 'o.id', 'g.offer_id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .innerJoin('courses as c', 'c.id', 'p.course_id')
    .select(reminderColumns)
    .where('g.status', '=', 'running')
    .where('p.status', '=', 'active')
    .where('m.starts_at', '>', input.from)
    .where('m.starts_at', '<=', input.until)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('group_meeting_reminders as r').select('r.id').whereRef('r.meeting_id', '=', 'm.id').whereRef('r.participant_id', '=', 'p.id'))))
    .orderBy('m.starts_at')
    .limit(input.limit)
    .execute();
}

export async function findReminderForCheck(db: Db, reminderId: string) {
  return db
    .selectFrom('group_meeting_reminders as r')
    .innerJoin('group_meetings as m', 'm.id', 'r.meeting_id')
    .innerJoin('group_participants as p', 'p.id', 'r.participant_id')
    .innerJoin('conversation_groups as g', 'g.id', 'm.group_id')
    .innerJoin('group_offers as o', 'o.id', 'g.offer_id')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .innerJoin('courses as c', 'c.id', 'p.course_id')
    .select(reminderColumns)
    .where('r.id', '=', reminderId)
    .where('g.status', '=', 'running')
    .where('p.status', '=', 'active')
    .executeTakeFirst();
}

/** Claims a reminder: one per meeting and participant, however many workers run. Returns its id, or undefined. */
export async function claimMeetingReminder(trx: Transaction<Database>, input: { meetingId: string; participantId: string; channel: string; now: Date }): Promise<string | undefined> {
  const row = await trx
    .insertInto('group_meeting_reminders')
    .values({ meeting_id: input.meetingId, participant_id: input.participantId, channel: input.channel, queued_at: input.now })
    .onConflict((conflict) => conflict.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}
