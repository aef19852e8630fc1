import type { InAppNotification } from '@bro/domain';
import { createContext, useContext } from 'react';

export type InboxLiveValue = {
  notifications: readonly InAppNotification[];
  unreadCount: number;
  markRead: (id: string) => Promise<void>;
};

export const InboxLiveContext = createContext<InboxLiveValue | undefined>(undefined);

/** The receiver's notifications, kept fresh by the inbox's live updates; undefined for users without an inbox. */
export function useInboxLive(): InboxLiveValue | undefined {
  return useContext(InboxLiveContext);
}
