import type { PublicationDecision, PublicationRequestView, RejectPublicationRequest } from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ids, request } from '../../api/client';

const base = '/api/approvals/directory-listings';

export const approvalKeys = { pending: ['approvals', 'directory-listings'] as const };

/** Proposed directory listings waiting for approval, oldest first, each with its changes. */
export const pendingListingsQuery = queryOptions({
  queryKey: approvalKeys.pending,
  queryFn: ({ signal }) => request<PublicationRequestView[]>('GET', base, { signal }),
});

export const approveListing = (requestId: string) => request<PublicationDecision>('POST', `${base}/${ids(requestId)}/approve`, { body: {} });
export const rejectListing = (requestId: string, body: RejectPublicationRequest) => request<PublicationDecision>('POST', `${base}/${ids(requestId)}/reject`, { body });
