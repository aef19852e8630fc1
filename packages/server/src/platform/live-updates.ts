import { z } from 'zod';

/**
 * Live updates for open inboxes. PostgreSQL LISTEN/NOTIFY (live-updates.postgres.ts) fans events out to every
 * server process; each process pushes them to its own server-sent-event subscribers.
 *
 * An event carries identifiers only, never personal data: it says "look again", and the client refetches through
 * the normal, access-checked and access-logged API. The schema guards that on the way out and on the way in.
 *
 * `sessions_ended` says that some sessions of a user ended (deactivated, second factor reset, signed out): every
 * process checks its open streams of that user against the database at once and ends those whose session is gone,
 * rather than at their next heartbeat.
 */
export const ReferralChangedEvent = z.object({ kind: z.literal('referral_changed'), serviceId: z.guid(), referralId: z.guid() });
export type ReferralChangedEvent = z.infer<typeof ReferralChangedEvent>;

const SessionsEndedEvent = z.object({ kind: z.literal('sessions_ended'), userId: z.guid() });

export const LiveEvent = z.discriminatedUnion('kind', [ReferralChangedEvent, SessionsEndedEvent]);
export type LiveEvent = z.infer<typeof LiveEvent>;

export type LiveUpdates = {
  publish: (event: LiveEvent) => Promise<void>;
  subscribe: (serviceIds: readonly string[], listener: (event: ReferralChangedEvent) => void) => () => void;
  /** Hears when sessions of the user ended, on any process. */
  watchSessions: (userId: string, onEnded: () => void) => () => void;
  close: () => Promise<void>;
};

/** In-process only: for tests that do not exercise cross-process delivery. */
export function createInProcessLiveUpdates(): LiveUpdates {
  const subscribers = createSubscriberSet();
  return {
    publish: async (event) => subscribers.deliver(event),
    subscribe: subscribers.add,
    watchSessions: subscribers.watchSessions,
    close: async () => subscribers.clear(),
  };
}

/**
 * Tells every process that sessions of a user ended, after the change committed. A failure is logged, not thrown:
 * the change is done, and each stream's own heartbeat still ends it within its interval.
 */
export async function announceSessionsEnded(liveUpdates: LiveUpdates, userId: string): Promise<void> {
  await liveUpdates.publish({ kind: 'sessions_ended', userId }).catch((error: unknown) => {
    console.error('[live-updates] could not announce ended sessions:', error instanceof Error ? error.message : String(error));
  });
}

/** One failing subscriber (e.g. a closed stream) must not keep the event from the others. */
function callSafely(listener: () => void): void {
  try {
    listener();
  } catch (error) {
    console.error('[live-updates] a subscriber failed:', error instanceof Error ? error.message : String(error));
  }
}

/** The local half shared by both implementations: who in this process wants which services' events. */
export function createSubscriberSet() {
  const entries = new Set<{ serviceIds: readonly string[]; listener: (event: ReferralChangedEvent) => void }>();
  const watchers = new Set<{ userId: string; onEnded: () => void }>();
  return {
    add: (serviceIds: readonly string[], listener: (event: ReferralChangedEvent) => void): (() => void) => {
      const entry = { serviceIds, listener };
      entries.add(entry);
      return () => void entries.delete(entry);
    },
    watchSessions: (userId: string, onEnded: () => void): (() => void) => {
      const watcher = { userId, onEnded };
      watchers.add(watcher);
      return () => void watchers.delete(watcher);
    },
    deliver: (event: LiveEvent): void => {
      if (event.kind === 'sessions_ended') {
        for (const watcher of watchers) if (watcher.userId === event.userId) callSafely(watcher.onEnded);
        return;
      }
      for (const entry of entries) if (entry.serviceIds.includes(event.serviceId)) callSafely(() => entry.listener(event));
    },
    clear: (): void => {
      entries.clear();
      watchers.clear();
    },
  };
}
