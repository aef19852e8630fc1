import {
  Attendance,
  countSessions,
  ReminderChannel,
  ReminderSkipReason,
  SessionMode,
  type PlanSessionRequest,
  type RecordAttendanceRequest,
  type RescheduleSessionRequest,
  type SessionList,
  type SessionView,
} from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import type { CourseRow } from '../core/course.queries.ts';
import { auditCourse, getVisibleCourse, logCourseReads, withCourseForChange, type CourseDeps } from '../core/course.service.ts';
import { findSession, insertSession, listSessions, updateSession, type SessionRow } from './session.queries.ts';
import { courseProblem } from '../core/course-views.ts';

/** Sessions: plan (time, mode, place or link), record attendance, write the (encrypted) note. */

function toSessionView(row: SessionRow, cipher: FieldCipher): SessionView {
  return {
    id: row.id,
    plannedAt: row.planned_at.toISOString(),
    durationMinutes: row.duration_minutes,
    mode: SessionMode.parse(row.mode),
    location: cipher.decryptOptional(row.location_enc),
    attendance: Attendance.parse(row.attendance),
    note: cipher.decryptOptional(row.note_enc),
    reminder: {
      sentAt: row.reminder_sent_at?.toISOString() ?? null,
      channel: row.reminder_channel === null ? null : ReminderChannel.parse(row.reminder_channel),
      lastSkipReason: row.reminder_skip_reason === null ? null : ReminderSkipReason.parse(row.reminder_skip_reason),
    },
    createdAt: row.created_at.toISOString(),
  };
}

async function viewOf(trx: Transaction<Database>, input: CourseDeps & { actor: Actor }, row: CourseRow, sessionId: string): Promise<SessionView> {
  const session = await findSession(trx, { courseId: row.id, sessionId });
  if (!session) throw new AppError('not_found');
  await logCourseReads(trx, { actor: input.actor, now: input.clock.now(), entries: [{ objectType: 'course_session', objectId: session.id, personId: row.person_id }] });
  return toSessionView(session, input.cipher);
}

async function getSessionOf(trx: Transaction<Database>, row: CourseRow, sessionId: string): Promise<SessionRow> {
  const session = await findSession(trx, { courseId: row.id, sessionId });
  if (!session) throw new AppError('not_found');
  return session;
}

function assertModeOffered(row: CourseRow, mode: string): void {
  if (!row.session_modes.includes(mode)) throw courseProblem.invalid('body.mode', 'mode_not_offered_by_the_course');
}

export async function planSession(input: CourseDeps & { actor: Actor; courseId: string; request: PlanSessionRequest }): Promise<SessionView> {
  return withCourseForChange(input, input.actor, input.courseId, 'plan_session', async (trx, row) => {
    const now = input.clock.now();
    assertModeOffered(row, input.request.mode);
    const sessionId = await insertSession(trx, {
      course_id: row.id,
      planned_at: input.request.plannedAt,
      duration_minutes: input.request.durationMinutes,
      mode: input.request.mode,
      location_enc: input.cipher.encryptOptional(input.request.location),
      created_by_user_id: input.actor.userId,
      created_at: now,
      updated_at: now,
    });
    await auditCourse(trx, { actor: input.actor, now, action: 'course.plan_session', courseId: row.id, details: { sessionId, mode: input.request.mode } });
    return viewOf(trx, input, row, sessionId);
  });
}

/** Only a session still planned can move; moving it re-arms its reminder. */
export async function rescheduleSession(input: CourseDeps & { actor: Actor; courseId: string; sessionId: string; request: RescheduleSessionRequest }): Promise<SessionView> {
  return withCourseForChange(input, input.actor, input.courseId, 'plan_session', async (trx, row) => {
    const now = input.clock.now();
    const session = await getSessionOf(trx, row, input.sessionId);
    if (session.attendance !== 'planned') throw new AppError('transition_not_allowed', [{ path: 'session.attendance', message: 'attendance_already_recorded' }]);
    const { request } = input;
    if (request.mode) assertModeOffered(row, request.mode);
    const isMoved = request.plannedAt !== undefined && new Date(request.plannedAt).getTime() !== session.planned_at.getTime();
    await updateSession(trx, session.id, {
      ...(request.plannedAt !== undefined ? { planned_at: request.plannedAt } : {}),
      ...(request.durationMinutes !== undefined ? { duration_minutes: request.durationMinutes } : {}),
      ...(request.mode !== undefined ? { mode: request.mode } : {}),
      ...(request.location !== undefined ? { location_enc: input.cipher.encryptOptional(request.location) } : {}),
      ...(isMoved ? { reminder_sent_at: null, reminder_channel: null, reminder_skip_reason: null } : {}),
      updated_at: now,
    });
    await auditCourse(trx, { actor: input.actor, now, action: 'course.reschedule_session', courseId: row.id, details: { sessionId: session.id, isMoved, mode: request.mode ?? null } });
    return viewOf(trx, input, row, session.id);
  });
}

/** Attendance can be corrected; "attended" and "no-show" only once the session's time has come. */
export async function recordAttendance(input: CourseDeps & { actor: Actor; courseId: string; sessionId: string; request: RecordAttendanceRequest }): Promise<SessionView> {
  return withCourseForChange(input, input.actor, input.courseId, 'record_attendance', async (trx, row) => {
    const now = input.clock.now();
    const session = await getSessionOf(trx, row, input.sessionId);
    const { attendance } = input.request;
    if ((attendance === 'attended' || attendance === 'no_show') && session.planned_at.getTime() > now.getTime()) {
      throw courseProblem.invalid('body.attendance', 'session_not_yet_held');
    }
    await updateSession(trx, session.id, { attendance, attendance_recorded_at: now, updated_at: now });
    await auditCourse(trx, { actor: input.actor, now, action: 'course.record_attendance', courseId: row.id, details: { sessionId: session.id, from: session.attendance, to: attendance } });
    return viewOf(trx, input, row, session.id);
  });
}

export async function writeSessionNote(input: CourseDeps & { actor: Actor; courseId: string; sessionId: string; note: string }): Promise<SessionView> {
  return withCourseForChange(input, input.actor, input.courseId, 'write_session_note', async (trx, row) => {
    const now = input.clock.now();
    const session = await getSessionOf(trx, row, input.sessionId);
    await updateSession(trx, session.id, { note_enc: input.cipher.encrypt(input.note), updated_at: now });
    await auditCourse(trx, { actor: input.actor, now, action: 'course.write_session_note', courseId: row.id, details: { sessionId: session.id, hadNote: session.note_enc !== null } });
    return viewOf(trx, input, row, session.id);
  });
}

/** The sessions with their notes, and the counts: used (attended), remaining, scheduled. */
export async function listSessionsOfCourse(input: CourseDeps & { actor: Actor; courseId: string }): Promise<SessionList> {
  const now = input.clock.now();
  const { row } = await getVisibleCourse(input.db, input.actor, input.courseId, now);
  const sessions = await listSessions(input.db, row.id);
  await logCourseReads(input.db, { actor: input.actor, now, entries: sessions.map((session) => ({ objectType: 'course_session', objectId: session.id, personId: row.person_id })) });
  return {
    counts: countSessions(
      sessions.map((session) => ({ attendance: Attendance.parse(session.attendance), plannedAt: session.planned_at })),
      row.planned_sessions,
      now,
    ),
    sessions: sessions.map((session) => toSessionView(session, input.cipher)),
  };
}
