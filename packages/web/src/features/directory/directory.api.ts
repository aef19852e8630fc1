import type { CreateHelpServiceRequest, HelpService, HelpServiceSummary, UpdateHelpServiceRequest } from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ids, request } from '../../api/client';

const service = (id: string) => `/api/directory/services/${ids(id)}`;

export const directoryKeys = { all: ['directory'] as const, list: () => ['directory', 'list'] as const, one: (id: string) => ['directory', 'one', id] as const };

/** The organisation's own listings in the public help directory. */
export const helpServicesQuery = queryOptions({
  queryKey: directoryKeys.list(),
  queryFn: ({ signal }) => request<HelpServiceSummary[]>('GET', '/api/directory/services', { signal }),
});

export const helpServiceQuery = (id: string) => queryOptions({ queryKey: directoryKeys.one(id), queryFn: ({ signal }) => request<HelpService>('GET', service(id), { signal }) });

export const createHelpService = (body: CreateHelpServiceRequest) => request<HelpService>('POST', '/api/directory/services', { body });
/** Lists (phones, locations, opening hours …) are replaced as a whole, so the form sends them complete. */
export const updateHelpService = (id: string, body: UpdateHelpServiceRequest) => request<HelpService>('PATCH', service(id), { body });
export const markHelpServiceChecked = (id: string) => request<HelpService>('POST', `${service(id)}/mark-checked`, { body: {} });
