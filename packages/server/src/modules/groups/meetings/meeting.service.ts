import type { CourseGroupNoteView, GroupView, OutcomePhase, RecordGroupAttendanceRequest, RecordGroupOutcomeRequest } from '@bro/domain';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { AppError } from '../../../platform/errors.ts';
import { getVisibleCourse, logCourseReads } from '../../courses/index.ts';
import { auditGroupChange, type GroupDeps } from '../core/group-access.ts';
import { findMeeting, listNotesOfCourse, listParticipants, setMeetingNote, upsertAttendance, upsertOutcome, upsertParticipantNote } from './group.queries.ts';
import { getGroup, lockRunningGroup } from './group.service.ts';

/**
 * A group's meetings: attendance per participant, the facilitators' note about the group, a note about one
 * participant (read only on that person's own course), and the before/after ratings at the first and last meeting.
 * Notes are sealed per field; the audit log says that something was written, never what.
 */

type OnMeeting = GroupDeps & { actor: Actor; groupId: string; meetingId: string };

export async function recordAttendance(input: OnMeeting & { request: RecordGroupAttendanceRequest }): Promise<GroupView> {
  await input.db.transaction().execute(async (trx) => {
    const { group } = await lockRunningGroup(trx, input.actor, input.groupId);
    const meeting = await findMeeting(trx, { groupId: group.id, meetingId: input.meetingId });
    if (!meeting) throw new AppError('not_found');
    const participantIds = new Set((await listParticipants(trx, group.id)).map((participant) => participant.id));
    const strangers = input.request.entries.flatMap((entry, index) => (participantIds.has(entry.participantId) ? [] : [{ path: `body.entries.${index}.participantId`, message: 'not_a_participant' }]));
    if (strangers.length > 0) throw new AppError('validation_failed', strangers);
    const now = input.clock.now();
    await upsertAttendance(trx, input.request.entries.map((entry) => ({ meeting_id: meeting.id, participant_id: entry.participantId, attendance: entry.attendance, recorded_by_user_id: input.actor.userId, recorded_at: now })));
    await auditGroupChange(trx, { actor: input.actor, now, action: 'group.record_attendance', objectType: 'conversation_group', objectId: group.id, details: { meetingNumber: meeting.number, entries: input.request.entries.length } });
  });
  return getGroup(input);
}

export async function writeGroupNote(input: OnMeeting & { note: string }): Promise<GroupView> {
  await input.db.transaction().execute(async (trx) => {
    const { group } = await lockRunningGroup(trx, input.actor, input.groupId);
    const meeting = await findMeeting(trx, { groupId: group.id, meetingId: input.meetingId });
    if (!meeting) throw new AppError('not_found');
    const now = input.clock.now();
    await setMeetingNote(trx, { meetingId: meeting.id, noteEnc: input.cipher.encrypt(input.note), now });
    await auditGroupChange(trx, { actor: input.actor, now, action: 'group.write_group_note', objectType: 'conversation_group', objectId: group.id, details: { meetingNumber: meeting.number } });
  });
  return getGroup(input);
}

export async function writeParticipantNote(input: OnMeeting & { participantId: string; note: string }): Promise<GroupView> {
  await input.db.transaction().execute(async (trx) => {
    const { group } = await lockRunningGroup(trx, input.actor, input.groupId);
    const meeting = await findMeeting(trx, { groupId: group.id, meetingId: input.meetingId });
    const participant = (await listParticipants(trx, group.id)).find((candidate) => candidate.id === input.participantId);
    if (!meeting || !participant) throw new AppError('not_found');
    const now = input.clock.now();
    await upsertParticipantNote(trx, { meeting_id: meeting.id, participant_id: participant.id, note_enc: input.cipher.encrypt(input.note), written_by_user_id: input.actor.userId, written_at: now });
    await auditGroupChange(trx, { actor: input.actor, now, action: 'group.write_participant_note', objectType: 'conversation_group', objectId: group.id, details: { meetingNumber: meeting.number, participantId: participant.id } });
  });
  return getGroup(input);
}

/** The same ratings as a course's outcome; recording a phase again corrects it (the audit log keeps that it changed). */
export async function recordGroupOutcome(input: GroupDeps & { actor: Actor; groupId: string; participantId: string; phase: OutcomePhase; request: RecordGroupOutcomeRequest }): Promise<GroupView> {
  await input.db.transaction().execute(async (trx) => {
    const { group } = await lockRunningGroup(trx, input.actor, input.groupId);
    const participant = (await listParticipants(trx, group.id)).find((candidate) => candidate.id === input.participantId);
    if (!participant) throw new AppError('not_found');
    const now = input.clock.now();
    await upsertOutcome(trx, { participant_id: participant.id, phase: input.phase, safety_rating: input.request.safety, options_rating: input.request.options, recorded_by_user_id: input.actor.userId, recorded_at: now });
    await auditGroupChange(trx, { actor: input.actor, now, action: 'group.record_outcome', objectType: 'conversation_group', objectId: group.id, details: { participantId: participant.id, phase: input.phase } });
  });
  return getGroup(input);
}

/**
 * The group notes about the person of one course, for that course's page. Course access rules apply (the caller
 * must see the course: its service, its side, its organisation); other participants are never part of the answer.
 */
export async function listCourseGroupNotes(input: GroupDeps & { actor: Actor; courseId: string }): Promise<CourseGroupNoteView[]> {
  const now = input.clock.now();
  const { row } = await getVisibleCourse(input.db, input.actor, input.courseId, now);
  const notes = await listNotesOfCourse(input.db, row.id);
  await logCourseReads(input.db, { actor: input.actor, now, entries: notes.length > 0 ? [{ objectType: 'course_group_notes', objectId: row.id, personId: row.person_id }] : [] });
  return notes.map((note) => ({
    groupId: note.group_id,
    offerName: note.offer_name,
    meetingNumber: note.number,
    meetingStartsAt: note.starts_at.toISOString(),
    note: input.cipher.decrypt(note.note_enc),
    writtenAt: note.written_at.toISOString(),
  }));
}
