import type { CancelDateRequest, CreateOpenEventRequest, Occurrence, OccurrenceList, OpenEvent, OpenEventList, OpenEventServiceList, RecordHeadCountRequest, UpdateOpenEventRequest } from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ids, request } from '../../api/client';

const event = (id: string) => `/api/events/${ids(id)}`;

export const eventKeys = {
  all: ['events'] as const,
  list: () => ['events', 'list'] as const,
  one: (id: string) => ['events', 'one', id] as const,
  occurrences: (id: string) => ['events', 'occurrences', id] as const,
};

export const eventServicesQuery = queryOptions({ queryKey: ['events', 'services'], queryFn: ({ signal }) => request<OpenEventServiceList>('GET', '/api/events/services', { signal }) });
export const eventsQuery = queryOptions({ queryKey: eventKeys.list(), queryFn: ({ signal }) => request<OpenEventList>('GET', '/api/events', { signal }) });
export const eventQuery = (id: string) => queryOptions({ queryKey: eventKeys.one(id), queryFn: ({ signal }) => request<OpenEvent>('GET', event(id), { signal }) });
export const occurrencesQuery = (id: string) => queryOptions({ queryKey: eventKeys.occurrences(id), queryFn: ({ signal }) => request<OccurrenceList>('GET', `${event(id)}/occurrences`, { signal }) });

export const createEvent = (body: CreateOpenEventRequest) => request<OpenEvent>('POST', '/api/events', { body });
export const updateEvent = (id: string, body: UpdateOpenEventRequest) => request<OpenEvent>('PUT', event(id), { body });
export const cancelDate = (id: string, body: CancelDateRequest) => request<OpenEvent>('POST', `${event(id)}/exceptions`, { body });
export const restoreDate = (id: string, date: string) => request<OpenEvent>('DELETE', `${event(id)}/exceptions/${ids(date)}`);
export const recordHeadCount = (id: string, occurrenceId: string, body: RecordHeadCountRequest) => request<Occurrence>('PUT', `${event(id)}/occurrences/${ids(occurrenceId)}/head-count`, { body });
