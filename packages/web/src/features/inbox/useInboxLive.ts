import { createContext, useContext, useEffect, useRef } from 'react';
import type { InAppNotification } from '../../api';

export type InboxLiveValue = {
  /** Registers a listener for `referral_changed` server-sent events; returns the unsubscribe function. */
  subscribe: (listener: (referralId: string) => void) => () => void;
  notifications: readonly InAppNotification[];
  unreadCount: number;
  markRead: (id: string) => Promise<void>;
};

export const InboxLiveContext = createContext<InboxLiveValue | undefined>(undefined);

export function useInboxLive(): InboxLiveValue | undefined {
  return useContext(InboxLiveContext);
}

/** Calls `onChange` whenever the server reports that a referral in this user's inbox changed. */
export function useReferralChanges(onChange: (referralId: string) => void): void {
  const live = useInboxLive();
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => live?.subscribe((referralId) => handler.current(referralId)), [live]);
}
