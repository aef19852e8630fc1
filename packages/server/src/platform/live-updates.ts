/**
 * Live updates for open inboxes. Implemented in the referrals work: PostgreSQL LISTEN/NOTIFY fans events out to
 * every server process; each process pushes them to its own server-sent-event subscribers.
 */
export type LiveEvent = { kind: 'referral_changed'; serviceId: string; referralId: string };

export type LiveUpdates = {
  publish: (event: LiveEvent) => Promise<void>;
  subscribe: (serviceIds: readonly string[], listener: (event: LiveEvent) => void) => () => void;
  close: () => Promise<void>;
};

/** In-process only: for tests that do not exercise cross-process delivery. */
export function createInProcessLiveUpdates(): LiveUpdates {
  const listeners = new Set<{ serviceIds: readonly string[]; listener: (event: LiveEvent) => void }>();
  return {
    publish: async (event) => {
      for (const entry of listeners) if (entry.serviceIds.includes(event.serviceId)) entry.listener(event);
    },
    subscribe: (serviceIds, listener) => {
      const entry = { serviceIds, listener };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
    close: async () => listeners.clear(),
  };
}
