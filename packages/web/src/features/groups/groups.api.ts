import type {
  AddToWaitingListRequest,
  CourseGroupNoteView,
  CourseSummary,
  CreateGroupOfferRequest,
  GroupAttendance,
  GroupOfferView,
  GroupServiceChoice,
  GroupSummary,
  GroupView,
  OutcomePhase,
  StartGroupRequest,
  UpdateGroupOfferRequest,
  WaitingEntryView,
} from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ids, request } from '../../api/client';

/** The conversation-group API: offers, waiting lists, groups and meetings. Paths carry ids only. */

export const groupKeys = {
  offers: () => ['groups', 'offers'] as const,
  offer: (id: string) => ['groups', 'offer', id] as const,
  waiting: (id: string) => ['groups', 'waiting', id] as const,
  groupsOf: (id: string) => ['groups', 'of-offer', id] as const,
  group: (id: string) => ['groups', 'group', id] as const,
};

const get =
  <T,>(path: string) =>
  ({ signal }: { signal: AbortSignal }) =>
    request<T>('GET', path, { signal });

export const groupOffersQuery = queryOptions({ queryKey: groupKeys.offers(), queryFn: get<GroupOfferView[]>('/api/group-offers') });
export const groupServicesQuery = queryOptions({ queryKey: ['groups', 'services'], queryFn: get<GroupServiceChoice[]>('/api/group-services') });
export const groupOfferQuery = (id: string) => queryOptions({ queryKey: groupKeys.offer(id), queryFn: get<GroupOfferView>(`/api/group-offers/${ids(id)}`) });
export const waitingListQuery = (id: string) => queryOptions({ queryKey: groupKeys.waiting(id), queryFn: get<WaitingEntryView[]>(`/api/group-offers/${ids(id)}/waiting-list`) });
export const groupsOfOfferQuery = (id: string) => queryOptions({ queryKey: groupKeys.groupsOf(id), queryFn: get<GroupSummary[]>(`/api/group-offers/${ids(id)}/groups`) });
export const groupQuery = (id: string) => queryOptions({ queryKey: groupKeys.group(id), queryFn: get<GroupView>(`/api/groups/${ids(id)}`) });
/** Open courses at the offer's service: who can be put on its waiting list. */
export const serviceCoursesQuery = (serviceId: string) =>
  queryOptions({ queryKey: ['groups', 'service-courses', serviceId], queryFn: get<CourseSummary[]>(`/api/courses?status=open&serviceId=${ids(serviceId)}`) });
export const courseGroupNotesQuery = (courseId: string) =>
  queryOptions({ queryKey: ['groups', 'course-notes', courseId], queryFn: get<CourseGroupNoteView[]>(`/api/courses/${ids(courseId)}/group-notes`) });

export const createOffer = (body: CreateGroupOfferRequest) => request<GroupOfferView>('POST', '/api/group-offers', { body });
export const changeOffer = (offerId: string, body: UpdateGroupOfferRequest) => request<GroupOfferView>('PUT', `/api/group-offers/${ids(offerId)}`, { body });
export const addToWaitingList = (offerId: string, body: AddToWaitingListRequest) => request<WaitingEntryView>('POST', `/api/group-offers/${ids(offerId)}/waiting-list`, { body });
export const declinePlace = (entryId: string, keepsPlace: boolean) => request<WaitingEntryView>('POST', `/api/group-waiting-entries/${ids(entryId)}/decline`, { body: { keepsPlace } });
export const reconfirmEntry = (entryId: string) => request<WaitingEntryView>('POST', `/api/group-waiting-entries/${ids(entryId)}/reconfirm`);
export const startGroup = (offerId: string, body: StartGroupRequest) => request<GroupView>('POST', `/api/group-offers/${ids(offerId)}/groups`, { body });

const group = (id: string) => `/api/groups/${ids(id)}`;
export const recordAttendance = (groupId: string, meetingId: string, entries: { participantId: string; attendance: GroupAttendance }[]) =>
  request<GroupView>('PUT', `${group(groupId)}/meetings/${ids(meetingId)}/attendance`, { body: { entries } });
export const writeGroupNote = (groupId: string, meetingId: string, note: string) => request<GroupView>('PUT', `${group(groupId)}/meetings/${ids(meetingId)}/note`, { body: { note } });
export const writeParticipantNote = (groupId: string, meetingId: string, participantId: string, note: string) =>
  request<GroupView>('PUT', `${group(groupId)}/meetings/${ids(meetingId)}/participants/${ids(participantId)}/note`, { body: { note } });
export const recordOutcome = (groupId: string, participantId: string, phase: OutcomePhase, ratings: { safety: number; options: number }) =>
  request<GroupView>('PUT', `${group(groupId)}/participants/${ids(participantId)}/outcomes/${phase}`, { body: ratings });
export const leaveGroup = (groupId: string, participantId: string) => request<GroupView>('POST', `${group(groupId)}/participants/${ids(participantId)}/leave`);
export const closeGroup = (groupId: string) => request<GroupView>('POST', `${group(groupId)}/close`);
