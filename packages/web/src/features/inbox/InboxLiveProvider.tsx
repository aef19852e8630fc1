import type { ReferralChangedEvent } from '@bro/domain';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { inboxEventsUrl, inboxKeys, markNotificationRead, notificationsQuery } from './inbox.api';
import { InboxLiveContext, type InboxLiveValue } from './useInboxLive';

/** The referral id of a `referral_changed` event, or undefined for anything else. */
export function referralIdOfEvent(data: string): string | undefined {
  try {
    const { referralId } = JSON.parse(data) as Partial<ReferralChangedEvent>;
    return typeof referralId === 'string' && referralId ? referralId : undefined;
  } catch {
    return undefined;
  }
}

/** What a change to a referral makes stale: the inbox, that referral, and the notifications. */
export function invalidateAfterChange(queryClient: QueryClient, referralId: string): void {
  void queryClient.invalidateQueries({ queryKey: inboxKeys.list() });
  void queryClient.invalidateQueries({ queryKey: inboxKeys.referral(referralId) });
  void queryClient.invalidateQueries({ queryKey: inboxKeys.notifications() });
}

/**
 * One EventSource per tab for the receiver's live updates. The events carry only a referral id; everything else is
 * fetched again through the normal, access-logged API, by invalidating the queries that show it.
 */
export function InboxLiveProvider({ isEnabled, children }: { isEnabled: boolean; children: ReactNode }) {
  const queryClient = useQueryClient();
  // The count is a convenience; the inbox itself shows what matters, so a failed load is no error page.
  const notifications = useQuery({ ...notificationsQuery, enabled: isEnabled }).data;

  useEffect(() => {
    if (!isEnabled) return;
    const source = new EventSource(inboxEventsUrl);
    const onChanged = (event: MessageEvent<string>) => {
      const referralId = referralIdOfEvent(event.data);
      if (referralId) invalidateAfterChange(queryClient, referralId);
    };
    source.addEventListener('referral_changed', onChanged);
    return () => {
      source.removeEventListener('referral_changed', onChanged);
      source.close();
    };
  }, [isEnabled, queryClient]);

  const value = useMemo<InboxLiveValue>(
    () => ({
      notifications: notifications ?? [],
      unreadCount: (notifications ?? []).filter((notification) => !notification.isRead).length,
      markRead: async (id) => {
        const read = await markNotificationRead(id);
        queryClient.setQueryData(notificationsQuery.queryKey, (current) => current?.map((notification) => (notification.id === id ? { ...read, isRead: true } : notification)));
      },
    }),
    [notifications, queryClient],
  );

  return <InboxLiveContext.Provider value={isEnabled ? value : undefined}>{children}</InboxLiveContext.Provider>;
}
