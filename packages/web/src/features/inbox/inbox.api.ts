import type { ContactAttemptRequest, DeclineReferralRequest, InAppNotification, InboxItem, NoteInput, ReferralForReceiver, RerouteReferralRequest, ServiceOption } from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ids, request } from '../../api/client';

const inboxReferral = (id: string) => `/api/inbox/${ids(id)}`;

export const inboxKeys = {
  all: ['inbox'] as const,
  list: () => [...inboxKeys.all, 'list'] as const,
  referral: (id: string) => [...inboxKeys.all, 'referral', id] as const,
  rerouteOptions: () => [...inboxKeys.all, 'reroute-options'] as const,
  notifications: () => ['notifications'] as const,
};

/** The service's referrals in the server's order: high risk first, then deadline. */
export const inboxQuery = queryOptions({ queryKey: inboxKeys.list(), queryFn: ({ signal }) => request<InboxItem[]>('GET', '/api/inbox', { signal }) });

/** One referral as the receiving service sees it: exactly what the consent covers. */
export const inboxReferralQuery = (id: string) =>
  queryOptions({ queryKey: inboxKeys.referral(id), queryFn: ({ signal }) => request<ReferralForReceiver>('GET', inboxReferral(id), { signal }) });

export const rerouteOptionsQuery = queryOptions({
  queryKey: inboxKeys.rerouteOptions(),
  queryFn: ({ signal }) => request<ServiceOption[]>('GET', '/api/inbox/reroute-options', { signal }),
});

export const notificationsQuery = queryOptions({
  queryKey: inboxKeys.notifications(),
  queryFn: ({ signal }) => request<InAppNotification[]>('GET', '/api/notifications', { signal }),
});

/** Server-sent events: `referral_changed` with a referral id (`ReferralChangedEvent`), nothing else. */
export const inboxEventsUrl = '/api/inbox/events';

export const logContactAttempt = (id: string, body: ContactAttemptRequest) => request<ReferralForReceiver>('POST', `${inboxReferral(id)}/contact-attempts`, { body });
export const acceptReferral = (id: string, body: NoteInput) => request<ReferralForReceiver>('POST', `${inboxReferral(id)}/accept`, { body });
export const handOverReferral = (id: string, body: NoteInput) => request<ReferralForReceiver>('POST', `${inboxReferral(id)}/hand-over`, { body });
export const declineReferral = (id: string, body: DeclineReferralRequest) => request<ReferralForReceiver>('POST', `${inboxReferral(id)}/decline`, { body });
/** 204: after a reroute the referral belongs to the new service, and this one can no longer open it. */
export const rerouteReferral = (id: string, body: RerouteReferralRequest) => request<void>('POST', `${inboxReferral(id)}/reroute`, { body });
export const markNotificationRead = (id: string) => request<InAppNotification>('POST', `/api/notifications/${ids(id)}/read`, { body: {} });
