import { z } from 'zod';

/**
 * Live updates for open inboxes. PostgreSQL LISTEN/NOTIFY (live-updates.postgres.ts) fans events out to every
 * server process; each process pushes them to its own server-sent-event subscribers.
 *
 * An event carries identifiers only, never personal data: it says "look again", and the client refetches through
 * the normal, access-checked and access-logged API. The schema guards that on the way out and on the way in.
 */
export const LiveEvent = z.object({ kind: z.literal('referral_changed'), serviceId: z.guid(), referralId: z.guid() });
export type LiveEvent = z.infer<typeof LiveEvent>;

export type LiveUpdates = {
  publish: (event: LiveEvent) => Promise<void>;
  subscribe: (serviceIds: readonly string[], listener: (event: LiveEvent) => void) => () => void;
  close: () => Promise<void>;
};

/** In-process only: for tests that do not exercise cross-process delivery. */
export function createInProcessLiveUpdates(): LiveUpdates {
  const subscribers = createSubscriberSet();
  return {
    publish: async (event) => subscribers.deliver(event),
    subscribe: subscribers.add,
    close: async () => subscribers.clear(),
  };
}

/** The local half shared by both implementations: who in this process wants which services' events. */
export function createSubscriberSet() {
  const entries = new Set<{ serviceIds: readonly string[]; listener: (event: LiveEvent) => void }>();
  return {
    add: (serviceIds: readonly string[], listener: (event: LiveEvent) => void): (() => void) => {
      const entry = { serviceIds, listener };
      entries.add(entry);
      return () => void entries.delete(entry);
    },
    deliver: (event: LiveEvent): void => {
      for (const entry of entries) {
        if (!entry.serviceIds.includes(event.serviceId)) continue;
        // One failing subscriber (e.g. a closed stream) must not keep the event from the others.
        try {
          entry.listener(event);
        } catch (error) {
          console.error('[live-updates] a subscriber failed:', error instanceof Error ? error.message : String(error));
        }
      }
    },
    clear: (): void => entries.clear(),
  };
}
