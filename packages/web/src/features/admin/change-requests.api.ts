import type { AdminChangeDecision, AdminChangeRequest } from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ids, request } from '../../api/client';

const base = '/api/admin/change-requests';

export const changeRequestKeys = { all: ['admin', 'change-requests'] as const };

/** Platform admins' requests to this organisation (a new admin, a new identity provider), pending first. */
export const changeRequestsQuery = queryOptions({
  queryKey: changeRequestKeys.all,
  queryFn: ({ signal }) => request<AdminChangeRequest[]>('GET', base, { signal }),
});

export const approveChangeRequest = (requestId: string) => request<AdminChangeDecision>('POST', `${base}/${ids(requestId)}/approve`, { body: {} });
export const rejectChangeRequest = (requestId: string) => request<AdminChangeDecision>('POST', `${base}/${ids(requestId)}/reject`, { body: {} });
