import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { fetchNotifications, inboxEventsUrl, markNotificationRead, type InAppNotification } from '../../api';
import { InboxLiveContext, type InboxLiveValue } from './useInboxLive';

/**
 * One EventSource per tab for the receiver's live updates. The events carry only a referral id; everything else
 * is fetched again through the normal, access-logged API.
 */
export function InboxLiveProvider({ isEnabled, children }: { isEnabled: boolean; children: ReactNode }) {
  const listeners = useRef(new Set<(referralId: string) => void>());
  const [notifications, setNotifications] = useState<InAppNotification[]>([]);

  const loadNotifications = useCallback(async () => {
    try {
      setNotifications(await fetchNotifications());
    } catch {
      // The count is a convenience; the inbox itself shows what matters, so a failed refresh is not an error page.
    }
  }, []);

  useEffect(() => {
    if (!isEnabled) return;
    void loadNotifications();
    const source = new EventSource(inboxEventsUrl);
    const onChanged = (event: MessageEvent<string>) => {
      let referralId = '';
      try {
        referralId = String((JSON.parse(event.data) as { referralId?: unknown }).referralId ?? '');
      } catch {
        return;
      }
      for (const listener of listeners.current) listener(referralId);
      void loadNotifications();
    };
    source.addEventListener('referral_changed', onChanged);
    return () => {
      source.removeEventListener('referral_changed', onChanged);
      source.close();
    };
  }, [isEnabled, loadNotifications]);

  const value = useMemo<InboxLiveValue>(
    () => ({
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => {
          listeners.current.delete(listener);
        };
      },
      notifications,
      unreadCount: notifications.filter((notification) => !notification.isRead).length,
      markRead: async (id) => {
        await markNotificationRead(id);
        setNotifications((current) => current.map((notification) => (notification.id === id ? { ...notification, isRead: true } : notification)));
      },
    }),
    [notifications],
  );

  return <InboxLiveContext.Provider value={isEnabled ? value : undefined}>{children}</InboxLiveContext.Provider>;
}
