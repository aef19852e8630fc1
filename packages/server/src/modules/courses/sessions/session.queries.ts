import type { Transaction } from 'kysely';
import type { Database, Db, NewRow, Row, RowChanges } from '../../../db/tables.ts';

/** The only file that writes SQL for course sessions (including their reminders). */

const sessionColumns = [
  'id',
  'course_id',
  'planned_at',
  'duration_minutes',
  'mode',
  'location_enc',
  'attendance',
  'note_enc',
  'reminder_sent_at',
  'reminder_channel',
  'reminder_skip_reason',
  'created_at',
] as const;

export type SessionRow = Pick<Row<'course_sessions'>, (typeof sessionColumns)[number]>;

export async function insertSession(trx: Transaction<Database>, values: NewRow<'course_sessions'>): Promise<string> {
  const row = await trx.insertInto('course_sessions').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSession(trx: Transaction<Database>, sessionId: string, changes: RowChanges<'course_sessions'>): Promise<void> {
  await trx.updateTable('course_sessions').set(changes).where('id', '=', sessionId).execute();
}

/** A session of the course (the caller has already checked the course is visible). */
export async function findSession(db: Db, input: { courseId: string; sessionId: string }): Promise<SessionRow | undefined> {
  return db.selectFrom('course_sessions').select(sessionColumns).where('id', '=', input.sessionId).where('course_id', '=', input.courseId).executeTakeFirst();
}

export async function listSessions(db: Db, courseId: string): Promise<SessionRow[]> {
  return db.selectFrom('course_sessions').select(sessionColumns).where('course_id', '=', courseId).orderBy('planned_at').orderBy('id').execute();
}

export async function listSessionStates(db: Db, courseId: string) {
  return db.selectFrom('course_sessions').select(['attendance', 'planned_at']).where('course_id', '=', courseId).execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Reminders (job)

/** Planned sessions of open courses starting in the window, not yet reminded. */
export async function listSessionsDueForReminder(db: Db, input: { from: Date; until: Date; limit: number }) {
  return db
    .selectFrom('course_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('services as service', 'service.id', 'c.service_id')
    .select(['s.id', 's.planned_at', 'c.safe_contact_enc', 'service.name as service_name', 's.reminder_skip_reason', 'c.id as course_id'])
    .where('s.attendance', '=', 'planned')
    .where('s.reminder_sent_at', 'is', null)
    .where('s.planned_at', '>', input.from)
    .where('s.planned_at', '<=', input.until)
    .where('c.status', '<>', 'closed')
    .orderBy('s.planned_at')
    .orderBy('s.id')
    .limit(input.limit)
    .execute();
}

/**
 * Claims the reminder: set only while still unsent and still planned. The conditional update is what makes a
 * reminder go out at most once, however many workers run the job at the same time.
 */
export async function claimReminder(trx: Transaction<Database>, input: { sessionId: string; channel: string; now: Date }): Promise<boolean> {
  const row = await trx
    .updateTable('course_sessions')
    .set({ reminder_sent_at: input.now, reminder_channel: input.channel, reminder_skip_reason: null })
    .where('id', '=', input.sessionId)
    .where('reminder_sent_at', 'is', null)
    .where('attendance', '=', 'planned')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordReminderSkip(db: Db, input: { sessionId: string; reason: string }): Promise<void> {
  await db.updateTable('course_sessions').set({ reminder_skip_reason: input.reason }).where('id', '=', input.sessionId).where('reminder_sent_at', 'is', null).execute();
}

/** What the outbox's send-time check re-reads: only while the session is still planned in an open course. */
export async function findSessionForReminderCheck(db: Db, sessionId: string) {
  return db
    .selectFrom('course_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('services as service', 'service.id', 'c.service_id')
    .select(['s.planned_at', 'c.safe_contact_enc', 'service.name as service_name'])
    .where('s.id', '=', sessionId)
    .where('s.attendance', '=', 'planned')
    .where('c.status', '<>', 'closed')
    .executeTakeFirst();
}
