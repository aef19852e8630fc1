import type { GroupOfferView, GroupView, WaitingEntryView } from '@bro/domain';
import { expectStatus } from '../../modules/courses/testing.ts';
import type { TestApp } from '../test-app.ts';
import type { MatrixCase, Side } from './authorization-matrix.ts';
import { actorKey, givenSideCourse, once, ownStaff, type World } from './authorization-world.ts';

/**
 * Conversation-group objects for the authorization matrix: an offer at each side's home service (its own counsellor
 * facilitates), a waiting entry on it, and a running group of two. Operations that end something (closing a group,
 * a participant leaving, starting a group from the list) get objects of their own per case.
 */

const ending = new Set(['closeGroup', 'leaveGroupParticipant', 'startGroupOfferGroup']);
const keyOf = (c: MatrixCase) => (ending.has(c.operationId) ? `${c.operationId}:${c.role}:${c.relation}` : '');

function offerBodyFor(facilitatorUserId: string) {
  return {
    name: 'Samtalegruppe',
    targetGroup: 'Kvinder, der har forladt en voldelig partner.',
    eligibilityRules: null,
    minParticipants: 2,
    maxParticipants: 8,
    meetingCount: 3,
    rhythm: { weekday: 2, startTime: '17:00', intervalWeeks: 1, durationMinutes: 90 },
    mode: 'online',
    place: null,
    facilitatorUserIds: [facilitatorUserId],
    reconfirmAfterDays: 30,
  };
}

const preferences = { dayTimes: ['evening'], language: 'da', mode: 'either' };

/** An offer at the side's home service with two people waiting. */
function offerWithWaiting(world: World, side: Side, key: string): Promise<{ offerId: string; entryIds: string[] }> {
  return once(world, `group-offer:${side}:${key}`, async () => {
    const counsellor = ownStaff(world, side, 'counsellor');
    const offer = expectStatus(await counsellor.client.post('/api/group-offers', { ...offerBodyFor(counsellor.user.id), serviceId: world.places[side].own.serviceId }), 201).json() as GroupOfferView;
    const entryIds: string[] = [];
    for (const index of [1, 2]) {
      const courseId = await givenSideCourse(world, side, 'open', `group-offer:${key}:${index}`);
      entryIds.push((expectStatus(await counsellor.client.post(`/api/group-offers/${offer.id}/waiting-list`, { courseId, preferences }), 201).json() as WaitingEntryView).id);
    }
    return { offerId: offer.id, entryIds };
  });
}

/** A running group of two formed from such an offer. */
function runningGroup(world: World, side: Side, key: string): Promise<GroupView> {
  return once(world, `group:${side}:${key}`, async () => {
    const { offerId, entryIds } = await offerWithWaiting(world, side, `group:${key}`);
    const counsellor = ownStaff(world, side, 'counsellor');
    return expectStatus(await counsellor.client.post(`/api/group-offers/${offerId}/groups`, { firstDate: '2026-12-01', entryIds }), 201).json() as GroupView;
  });
}

export const groupParameters = {
  offerId: async (_t: TestApp, world: World, c: MatrixCase) => (await offerWithWaiting(world, c.side, keyOf(c))).offerId,
  entryId: async (_t: TestApp, world: World, c: MatrixCase) => (await offerWithWaiting(world, c.side, ''))?.entryIds[0] ?? '',
  groupId: async (_t: TestApp, world: World, c: MatrixCase) => (await runningGroup(world, c.side, keyOf(c))).id,
  meetingId: async (_t: TestApp, world: World, c: MatrixCase) => (await runningGroup(world, c.side, keyOf(c))).meetings[0]?.id ?? '',
  participantId: async (_t: TestApp, world: World, c: MatrixCase) => (await runningGroup(world, c.side, keyOf(c))).participants[0]?.id ?? '',
};

/** Bodies that name objects: the caller's own service and self as facilitator; a course, picks and participants of the case's objects. */
export const groupBodies = {
  createGroupOffer: (_t: TestApp, world: World, c: MatrixCase) => {
    const place = world.places[c.side][c.relation === 'other_org' || c.relation === 'other_line' ? c.relation : 'own'];
    const caller = world.actors.get(actorKey(c.role, c.relation, c.side));
    return { ...offerBodyFor(caller?.user.id ?? place.serviceId), serviceId: place.serviceId };
  },
  setGroupOffer: (_t: TestApp, world: World, c: MatrixCase) => offerBodyFor(ownStaff(world, c.side, 'counsellor').user.id),
  addGroupOfferWaitingEntry: async (_t: TestApp, world: World, c: MatrixCase) => ({ courseId: await givenSideCourse(world, c.side, 'open', `waiting:${c.role}:${c.relation}`), preferences }),
  declineGroupWaitingEntry: () => ({ keepsPlace: true }),
  startGroupOfferGroup: async (_t: TestApp, world: World, c: MatrixCase) => ({ firstDate: '2026-12-01', entryIds: (await offerWithWaiting(world, c.side, keyOf(c))).entryIds }),
  setGroupMeetingAttendance: async (_t: TestApp, world: World, c: MatrixCase) => ({ entries: (await runningGroup(world, c.side, keyOf(c))).participants.map((participant) => ({ participantId: participant.id, attendance: 'attended' })) }),
  setGroupMeetingNote: () => ({ note: 'Gruppenotat' }),
  setGroupMeetingParticipantNote: () => ({ note: 'Notat om deltageren' }),
  setGroupParticipantOutcome: () => ({ safety: 5, options: 5 }),
};
