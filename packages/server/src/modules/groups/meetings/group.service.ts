import { canReplaceParticipant, findPickProblems, isOutOfOrder, planMeetings, type GroupSummary, type GroupView, type StartGroupRequest } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { AppError } from '../../../platform/errors.ts';
import { listUserNames } from '../core/core.queries.ts';
import type { OfferRow } from '../core/core.queries.ts';
import { auditGroupChange, getWorkableOffer, getWorkableOfferOfGroup, logGroupReads, type GroupDeps } from '../core/group-access.ts';
import { listOpenEntries } from '../waiting-list/waiting-list.queries.ts';
import {
  findGroupRow,
  insertGroup,
  insertMeetings,
  insertParticipants,
  listAttendance,
  listGroupsOfOffer,
  listMeetings,
  listOutcomes,
  listParticipantNoteKeys,
  listParticipants,
  placeEntries,
  updateGroup,
  updateParticipant,
  type GroupRow,
} from './group.queries.ts';

/**
 * Forming, running and closing a conversation group. The offer is locked for every change, so two coordinators
 * cannot fill the same places. A group view shows a coordinator the participants' course labels (each read logged);
 * nothing a participant receives ever names another participant.
 */

export async function startGroup(input: GroupDeps & { actor: Actor; offerId: string; request: StartGroupRequest }): Promise<GroupView> {
  const { actor, request } = input;
  const groupId = await input.db.transaction().execute(async (trx) => {
    const offer = await getWorkableOffer(trx, actor, input.offerId, { forUpdate: true });
    const open = await listOpenEntries(trx, offer.id);
    const waitingInOrder = open.map((entry) => entry.id);
    const problems = findPickProblems({ waitingInOrder, picked: request.entryIds, alreadyInGroup: 0, minimum: offer.min_participants, maximum: offer.max_participants, overrideReason: request.overrideReason });
    // Over capacity is a conflict with the offer's size (409); every other problem is the request's (422).
    if (problems.some((problem) => problem.message === 'above_maximum')) throw new AppError('conflict', problems);
    if (problems.length > 0) throw new AppError('validation_failed', problems);
    const now = input.clock.now();
    const meetings = planMeetings({ rhythm: { weekday: offer.weekday, startTime: offer.start_time, intervalWeeks: offer.interval_weeks, durationMinutes: offer.duration_minutes }, firstDate: request.firstDate, count: offer.meeting_count });
    if ((meetings[0]?.startsAt.getTime() ?? 0) <= now.getTime()) throw new AppError('validation_failed', [{ path: 'body.firstDate', message: 'in_the_past' }]);
    const isOverride = isOutOfOrder(waitingInOrder, request.entryIds);
    const id = await insertGroup(trx, { offer_id: offer.id, status: 'running', started_at: now, started_by_user_id: actor.userId, override_reason_enc: isOverride ? input.cipher.encryptOptional(request.overrideReason) : null });
    const courseOf = new Map(open.map((entry) => [entry.id, entry.course_id]));
    await insertParticipants(trx, request.entryIds.map((entryId) => ({ group_id: id, waiting_entry_id: entryId, course_id: courseOf.get(entryId) ?? '', status: 'active', is_replacement: false, joined_at: now })));
    await placeEntries(trx, { entryIds: request.entryIds, now });
    await insertMeetings(trx, meetings.map((meeting) => ({ group_id: id, number: meeting.number, starts_at: meeting.startsAt, ends_at: meeting.endsAt })));
    // The reason itself may describe someone's circumstances: sealed on the group, only that there was one here.
    await auditGroupChange(trx, { actor, now, action: 'group.start', objectType: 'conversation_group', objectId: id, details: { offerId: offer.id, participantCount: request.entryIds.length, isOutOfOrder: isOverride } });
    return id;
  });
  return getGroup({ ...input, groupId });
}

export async function listGroups(input: GroupDeps & { actor: Actor; offerId: string }): Promise<GroupSummary[]> {
  const offer = await getWorkableOffer(input.db, input.actor, input.offerId);
  const rows = await listGroupsOfOffer(input.db, offer.id);
  const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string | Date).toISOString());
  return rows.map((row) => ({
    id: row.id,
    status: row.status === 'closed' ? 'closed' : 'running',
    startedAt: row.started_at.toISOString(),
    participantCount: Number(row.participant_count ?? 0),
    firstMeetingAt: iso(row.first_meeting_at),
    lastMeetingAt: iso(row.last_meeting_at),
  }));
}

export async function getGroup(input: GroupDeps & { actor: Actor; groupId: string }): Promise<GroupView> {
  const offer = await getWorkableOfferOfGroup(input.db, input.actor, input.groupId);
  const group = await findGroupRow(input.db, input.groupId);
  if (!group) throw new AppError('not_found');
  return readGroupView(input, offer, group);
}

/**
 * A participant leaves. Before the second meeting has begun, the freed place goes to the next person on the waiting
 * list (they get an invitation like everyone else); after it, the group carries on smaller.
 */
export async function leaveGroup(input: GroupDeps & { actor: Actor; groupId: string; participantId: string }): Promise<GroupView> {
  await input.db.transaction().execute(async (trx) => {
    const { offer, group } = await lockRunningGroup(trx, input.actor, input.groupId);
    const participant = (await listParticipants(trx, group.id)).find((candidate) => candidate.id === input.participantId);
    if (!participant) throw new AppError('not_found');
    if (participant.status !== 'active') throw new AppError('transition_not_allowed', [{ path: 'participant.status', message: 'participant_left' }]);
    const now = input.clock.now();
    await updateParticipant(trx, participant.id, { status: 'left', left_at: now });
    const meetings = await listMeetings(trx, group.id);
    const next = canReplaceParticipant(meetings.map((meeting) => meeting.starts_at), now) ? (await listOpenEntries(trx, offer.id))[0] : undefined;
    if (next) {
      await insertParticipants(trx, [{ group_id: group.id, waiting_entry_id: next.id, course_id: next.course_id, status: 'active', is_replacement: true, joined_at: now }]);
      await placeEntries(trx, { entryIds: [next.id], now });
    }
    await auditGroupChange(trx, { actor: input.actor, now, action: 'group.participant_leave', objectType: 'conversation_group', objectId: group.id, details: { participantId: participant.id, replacementEntryId: next?.id ?? null } });
  });
  return getGroup(input);
}

/** Closing records how many completed: the participants still in the group at its end. */
export async function closeGroup(input: GroupDeps & { actor: Actor; groupId: string }): Promise<GroupView> {
  await input.db.transaction().execute(async (trx) => {
    const { group } = await lockRunningGroup(trx, input.actor, input.groupId);
    const completed = (await listParticipants(trx, group.id)).filter((participant) => participant.status === 'active').length;
    const now = input.clock.now();
    await updateGroup(trx, group.id, { status: 'closed', closed_at: now, closed_by_user_id: input.actor.userId, completed_count: completed });
    await auditGroupChange(trx, { actor: input.actor, now, action: 'group.close', objectType: 'conversation_group', objectId: group.id, details: { completedCount: completed } });
  });
  return getGroup(input);
}

/** The group for a change: visible (else 404), its offer locked, and still running (else 409 `group_closed`). */
export async function lockRunningGroup(trx: Transaction<Database>, actor: Actor, groupId: string): Promise<{ offer: OfferRow; group: GroupRow }> {
  const offer = await getWorkableOfferOfGroup(trx, actor, groupId, { forUpdate: true });
  const group = await findGroupRow(trx, groupId);
  if (!group) throw new AppError('not_found');
  if (group.status !== 'running') throw new AppError('transition_not_allowed', [{ path: 'group.status', message: 'group_closed' }]);
  return { offer, group };
}

async function readGroupView(input: GroupDeps & { actor: Actor }, offer: OfferRow, group: GroupRow): Promise<GroupView> {
  const [participants, meetings, attendance, noteKeys, outcomes, names] = await Promise.all([
    listParticipants(input.db, group.id),
    listMeetings(input.db, group.id),
    listAttendance(input.db, group.id),
    listParticipantNoteKeys(input.db, group.id),
    listOutcomes(input.db, group.id),
    listUserNames(input.db, offer.facilitator_user_ids),
  ]);
  await logGroupReads(input.db, { actor: input.actor, now: input.clock.now(), objectType: 'conversation_group', entries: participants.map((participant) => ({ objectId: `${group.id}:${participant.id}`, personId: participant.person_id })) });
  return {
    id: group.id,
    offerId: offer.id,
    offerName: offer.name,
    serviceName: offer.service_name,
    status: group.status === 'closed' ? 'closed' : 'running',
    startedAt: group.started_at.toISOString(),
    closedAt: group.closed_at?.toISOString() ?? null,
    completedCount: group.completed_count,
    mode: offer.mode === 'online' ? 'online' : 'in_person',
    place: offer.place,
    facilitators: offer.facilitator_user_ids.map((userId) => ({ userId, displayName: names.find((user) => user.id === userId)?.display_name ?? '' })),
    participants: participants.map((participant) => ({
      id: participant.id,
      courseId: participant.course_id,
      clientLabel: input.cipher.decrypt(participant.client_label_enc),
      status: participant.status === 'left' ? 'left' : 'active',
      joinedAt: participant.joined_at.toISOString(),
      isReplacement: participant.is_replacement,
      outcomes: outcomes.filter((outcome) => outcome.participant_id === participant.id).map((outcome) => ({ phase: outcome.phase === 'last' ? 'last' : 'first', safety: outcome.safety_rating, options: outcome.options_rating })),
    })),
    meetings: meetings.map((meeting) => ({
      id: meeting.id,
      number: meeting.number,
      startsAt: meeting.starts_at.toISOString(),
      endsAt: meeting.ends_at.toISOString(),
      attendance: attendance.filter((row) => row.meeting_id === meeting.id).map((row) => ({ participantId: row.participant_id, attendance: row.attendance as 'attended' | 'absent_with_notice' | 'absent' })),
      groupNote: input.cipher.decryptOptional(meeting.group_note_enc),
      participantNoteIds: noteKeys.filter((key) => key.meeting_id === meeting.id).map((key) => key.participant_id),
    })),
  };
}
