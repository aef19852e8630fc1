import {
  CommunityMeeting,
  CommunityMeetingEvaluations,
  CommunityMeetingIdParams,
  CommunityMeetingList,
  CommunityMeetingPlan,
  CommunityMeetingReport,
  CommunityMeetingSignUpList,
  EvaluationCode,
  FacilitatedCommunityMeeting,
  FacilitatedCommunityMeetingList,
  FacilitatorOptionList,
} from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor } from '../../platform/auth/authorization.ts';
import {
  cancelCommunityMeeting,
  changeCommunityMeeting,
  getCommunityMeeting,
  listCommunityMeetings,
  listFacilitatorOptions,
  planCommunityMeeting,
} from './community-meeting.service.ts';
import { getFacilitatedMeeting, issueEvaluationCode, listFacilitatedMeetings, listSignUpsOfMeeting, recordMeetingReport } from './facilitation.service.ts';
import { getCommunityMeetingEvaluations } from './sign-up.service.ts';

/**
 * Community meetings, staff side. Planning and evaluations: `community_meetings:manage` (the host organisation's
 * counsellors and admins). Running a meeting: `community_meetings:facilitate` under `/facilitation/…` (the meetings
 * one facilitates; a host manager reaches all of the organisation's). The public sign-up and evaluation are pages of
 * the public site.
 */
export function registerCommunityMeetingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, cipher } = deps;
  const config = { permission: 'community_meetings:manage' as const };
  const tags = ['community meetings'];
  const params = CommunityMeetingIdParams;

  api.get('/community-meetings', { config, schema: { tags, summary: 'My organisation’s community meetings, newest first', response: { 200: CommunityMeetingList } } }, async (request) =>
    listCommunityMeetings({ db, cipher, actor: requireActor(request) }),
  );
  api.post(
    '/community-meetings',
    {
      config,
      schema: {
        tags,
        summary: 'Plans a community meeting',
        description: 'Date and times are Danish local time (Europe/Copenhagen). The address is public only with `isAddressPublic`; otherwise it is sent to each registered participant. Facilitators: members whose role may facilitate (see `/community-meetings/facilitator-options`).',
        body: CommunityMeetingPlan,
        response: { 201: CommunityMeeting },
      },
    },
    async (request, reply) => reply.status(201).send(await planCommunityMeeting({ db, clock, cipher, actor: requireActor(request), plan: request.body })),
  );
  api.get(
    '/community-meetings/facilitator-options',
    { config, schema: { tags, summary: 'Members of my organisation who may facilitate a meeting', response: { 200: FacilitatorOptionList } } },
    async (request) => listFacilitatorOptions({ db, actor: requireActor(request) }),
  );
  api.get(
    '/community-meetings/evaluations',
    {
      config,
      schema: {
        tags,
        summary: 'Anonymous evaluations per meeting and across all of them',
        description: 'Counts below 5 read "<5"; with fewer than 5 answers no average or split is given.',
        response: { 200: CommunityMeetingEvaluations },
      },
    },
    async (request) => getCommunityMeetingEvaluations({ db, actor: requireActor(request) }),
  );
  api.get('/community-meetings/:meetingId', { config, schema: { tags, summary: 'One of my organisation’s community meetings', params, response: { 200: CommunityMeeting } } }, async (request) =>
    getCommunityMeeting({ db, cipher, actor: requireActor(request), meetingId: request.params.meetingId }),
  );
  api.put(
    '/community-meetings/:meetingId',
    { config, schema: { tags, summary: 'Replaces the plan of a planned meeting', params, body: CommunityMeetingPlan, response: { 200: CommunityMeeting } } },
    async (request) => changeCommunityMeeting({ db, clock, cipher, actor: requireActor(request), meetingId: request.params.meetingId, plan: request.body }),
  );
  api.post(
    '/community-meetings/:meetingId/cancel',
    {
      config,
      schema: { tags, summary: 'Cancels a meeting; everyone registered who may be written to is told through the outbox', params, body: z.strictObject({}).optional(), response: { 200: CommunityMeeting } },
    },
    async (request) => cancelCommunityMeeting({ db, clock, cipher, actor: requireActor(request), meetingId: request.params.meetingId }),
  );

  registerFacilitationRoutes(app, deps);
}

function registerFacilitationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, cipher } = deps;
  const config = { permission: 'community_meetings:facilitate' as const };
  const tags = ['community meetings'];
  const params = CommunityMeetingIdParams;

  api.get(
    '/facilitation/community-meetings',
    { config, schema: { tags, summary: 'The community meetings I facilitate', response: { 200: FacilitatedCommunityMeetingList } } },
    async (request) => listFacilitatedMeetings({ db, cipher, actor: requireActor(request) }),
  );
  api.get(
    '/facilitation/community-meetings/:meetingId',
    { config, schema: { tags, summary: 'A meeting I facilitate, with its evaluation code once issued', params, response: { 200: FacilitatedCommunityMeeting } } },
    async (request) => getFacilitatedMeeting({ db, cipher, actor: requireActor(request), meetingId: request.params.meetingId }),
  );
  api.get(
    '/facilitation/community-meetings/:meetingId/sign-ups',
    { config, schema: { tags, summary: 'Who signed up: first names or pseudonyms only (access-logged)', params, response: { 200: CommunityMeetingSignUpList } } },
    async (request) => listSignUpsOfMeeting({ db, clock, cipher, actor: requireActor(request), meetingId: request.params.meetingId }),
  );
  api.put(
    '/facilitation/community-meetings/:meetingId/report',
    {
      config,
      schema: { tags, summary: 'Records (or corrects) the head count and the facilitator’s report; no names', params, body: CommunityMeetingReport, response: { 200: FacilitatedCommunityMeeting } },
    },
    async (request) => recordMeetingReport({ db, clock, cipher, actor: requireActor(request), meetingId: request.params.meetingId, report: request.body }),
  );
  api.post(
    '/facilitation/community-meetings/:meetingId/evaluation-code',
    {
      config,
      schema: {
        tags,
        operationId: 'issueCommunityMeetingEvaluationCode',
        summary: 'Issues (or shows again) the code participants evaluate the meeting with', params, body: z.strictObject({}).optional(), response: { 200: EvaluationCode } },
    },
    async (request) => issueEvaluationCode({ db, clock, cipher, actor: requireActor(request), meetingId: request.params.meetingId }),
  );
}
