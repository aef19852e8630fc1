import {
  CourseGroupNoteView,
  GroupMeetingParams,
  GroupMeetingParticipantParams,
  GroupNoteRequest,
  GroupOfferParams,
  GroupOutcomeParams,
  GroupParams,
  GroupParticipantParams,
  GroupSummary,
  GroupView,
  RecordGroupAttendanceRequest,
  RecordGroupOutcomeRequest,
  StartGroupRequest,
} from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { groupRoute } from '../core/group-http.ts';
import { closeGroup, getGroup, leaveGroup, listGroups, startGroup } from './group.service.ts';
import { listCourseGroupNotes, recordAttendance, recordGroupOutcome, writeGroupNote, writeParticipantNote } from './meeting.service.ts';

const tag = 'conversation groups';

/** Forming a group from the waiting list, its meetings (attendance, notes), outcomes and closing. */
export function registerGroupRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/group-offers/:offerId/groups',
    groupRoute('groups:manage', tag, { summary: 'The groups formed from an offer (no participant data)', params: GroupOfferParams, response: { 200: z.array(GroupSummary) } }),
    async (request) => listGroups({ ...deps, actor: requireActor(request), offerId: request.params.offerId }),
  );

  api.post(
    '/group-offers/:offerId/groups',
    groupRoute('groups:manage', tag, {
      operationId: 'startGroupOfferGroup',
      summary: 'Start a group with people picked from the waiting list; plans its meetings from the offer’s rhythm',
      description:
        'At least the offer’s minimum (422 `below_minimum`), never above its maximum (409 `above_maximum`). Picking past someone still waiting needs `overrideReason` (422 `override_reason_required`). Meetings are planned in Danish local time.',
      params: GroupOfferParams,
      body: StartGroupRequest,
      response: { 201: GroupView },
    }),
    async (request, reply) => reply.status(201).send(await startGroup({ ...deps, actor: requireActor(request), offerId: request.params.offerId, request: request.body })),
  );

  api.get(
    '/groups/:groupId',
    groupRoute('groups:manage', tag, { summary: 'A group: participants (their course labels), meetings with attendance and notes, outcomes', params: GroupParams, response: { 200: GroupView } }),
    async (request) => getGroup({ ...deps, actor: requireActor(request), groupId: request.params.groupId }),
  );

  api.post(
    '/groups/:groupId/participants/:participantId/leave',
    groupRoute('groups:manage', tag, { summary: 'A participant leaves; before the second meeting the place goes to the next on the waiting list', params: GroupParticipantParams, response: { 200: GroupView } }),
    async (request) => leaveGroup({ ...deps, actor: requireActor(request), ...request.params }),
  );

  api.post(
    '/groups/:groupId/close',
    groupRoute('groups:manage', tag, { summary: 'Close the group, recording how many completed', params: GroupParams, response: { 200: GroupView } }),
    async (request) => closeGroup({ ...deps, actor: requireActor(request), groupId: request.params.groupId }),
  );

  registerMeetingRoutes(app, deps);
}

/** A group's meetings (attendance, notes), the participants' outcomes, and the notes a person's course shows. */
function registerMeetingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.put(
    '/groups/:groupId/meetings/:meetingId/attendance',
    groupRoute('groups:manage', tag, { summary: 'Record attendance at a meeting (attended, absent with notice, absent)', params: GroupMeetingParams, body: RecordGroupAttendanceRequest, response: { 200: GroupView } }),
    async (request) => recordAttendance({ ...deps, actor: requireActor(request), ...request.params, request: request.body }),
  );

  api.put(
    '/groups/:groupId/meetings/:meetingId/note',
    groupRoute('groups:manage', tag, { summary: 'The facilitators’ note about the group at a meeting (encrypted)', params: GroupMeetingParams, body: GroupNoteRequest, response: { 200: GroupView } }),
    async (request) => writeGroupNote({ ...deps, actor: requireActor(request), ...request.params, note: request.body.note }),
  );

  api.put(
    '/groups/:groupId/meetings/:meetingId/participants/:participantId/note',
    groupRoute('groups:manage', tag, {
      summary: 'A note about one participant at a meeting; read only on that person’s own course',
      params: GroupMeetingParticipantParams,
      body: GroupNoteRequest,
      response: { 200: GroupView },
    }),
    async (request) => writeParticipantNote({ ...deps, actor: requireActor(request), ...request.params, note: request.body.note }),
  );

  api.put(
    '/groups/:groupId/participants/:participantId/outcomes/:phase',
    groupRoute('groups:manage', tag, { summary: 'The participant’s ratings (tryghed, handlemuligheder 0–10) at the first or last meeting', params: GroupOutcomeParams, body: RecordGroupOutcomeRequest, response: { 200: GroupView } }),
    async (request) => recordGroupOutcome({ ...deps, actor: requireActor(request), groupId: request.params.groupId, participantId: request.params.participantId, phase: request.params.phase, request: request.body }),
  );

  api.get(
    '/courses/:courseId/group-notes',
    groupRoute('course:read', tag, { summary: 'The group notes about this course’s person (course access rules apply)', params: z.strictObject({ courseId: z.uuid() }), response: { 200: z.array(CourseGroupNoteView) } }),
    async (request) => listCourseGroupNotes({ ...deps, actor: requireActor(request), courseId: request.params.courseId }),
  );
}
