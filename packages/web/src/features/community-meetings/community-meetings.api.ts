import type {
  CommunityMeeting,
  CommunityMeetingEvaluations,
  CommunityMeetingFacilitator,
  CommunityMeetingPlan,
  CommunityMeetingReport,
  CommunityMeetingSignUpList,
  EvaluationCode,
  FacilitatedCommunityMeeting,
} from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ids, request } from '../../api/client';

const meeting = (id: string) => `/api/community-meetings/${ids(id)}`;
const facilitated = (id: string) => `/api/facilitation/community-meetings/${ids(id)}`;

export const communityMeetingKeys = {
  all: ['community-meetings'] as const,
  list: () => ['community-meetings', 'list'] as const,
  one: (id: string) => ['community-meetings', 'one', id] as const,
  facilitated: () => ['community-meetings', 'facilitated'] as const,
  facilitatedOne: (id: string) => ['community-meetings', 'facilitated', id] as const,
};

export const communityMeetingsQuery = queryOptions({ queryKey: communityMeetingKeys.list(), queryFn: ({ signal }) => request<CommunityMeeting[]>('GET', '/api/community-meetings', { signal }) });
export const communityMeetingQuery = (id: string) => queryOptions({ queryKey: communityMeetingKeys.one(id), queryFn: ({ signal }) => request<CommunityMeeting>('GET', meeting(id), { signal }) });
export const facilitatorOptionsQuery = queryOptions({
  queryKey: ['community-meetings', 'facilitator-options'],
  queryFn: ({ signal }) => request<CommunityMeetingFacilitator[]>('GET', '/api/community-meetings/facilitator-options', { signal }),
});
export const evaluationsQuery = queryOptions({
  queryKey: ['community-meetings', 'evaluations'],
  queryFn: ({ signal }) => request<CommunityMeetingEvaluations>('GET', '/api/community-meetings/evaluations', { signal }),
});
export const facilitatedMeetingsQuery = queryOptions({
  queryKey: communityMeetingKeys.facilitated(),
  queryFn: ({ signal }) => request<FacilitatedCommunityMeeting[]>('GET', '/api/facilitation/community-meetings', { signal }),
});
export const facilitatedMeetingQuery = (id: string) =>
  queryOptions({ queryKey: communityMeetingKeys.facilitatedOne(id), queryFn: ({ signal }) => request<FacilitatedCommunityMeeting>('GET', facilitated(id), { signal }) });

export const planMeeting = (body: CommunityMeetingPlan) => request<CommunityMeeting>('POST', '/api/community-meetings', { body });
export const changeMeeting = (id: string, body: CommunityMeetingPlan) => request<CommunityMeeting>('PUT', meeting(id), { body });
export const cancelMeeting = (id: string) => request<CommunityMeeting>('POST', `${meeting(id)}/cancel`, { body: {} });
/** Access-logged on the server: fetched only when the facilitator asks to see the names. */
export const readSignUps = (id: string) => request<CommunityMeetingSignUpList>('GET', `${facilitated(id)}/sign-ups`);
export const recordReport = (id: string, body: CommunityMeetingReport) => request<FacilitatedCommunityMeeting>('PUT', `${facilitated(id)}/report`, { body });
export const issueEvaluationCode = (id: string) => request<EvaluationCode>('POST', `${facilitated(id)}/evaluation-code`, { body: {} });
