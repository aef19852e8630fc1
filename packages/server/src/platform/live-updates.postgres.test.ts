import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import type { LiveEvent, LiveUpdates, ReferralChangedEvent } from './live-updates.ts';
import { createPostgresLiveUpdates, LIVE_CHANNEL, LIVE_LISTENER_APPLICATION_NAME } from './live-updates.postgres.ts';

/** Time enough for a NOTIFY to cross the server on loopback many times over. */
const SETTLE_MS = 300;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

const eventFor = (serviceId: string): ReferralChangedEvent => ({ kind: 'referral_changed', serviceId, referralId: randomUUID() });

describe('createPostgresLiveUpdates: two server processes on one database', () => {
  let database: TestDatabase;
  let processA: LiveUpdates;
  let processB: LiveUpdates;
  const serviceX = randomUUID();
  const serviceY = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    processA = await createPostgresLiveUpdates(database.connectionString);
    processB = await createPostgresLiveUpdates(database.connectionString);
  });

  afterAll(async () => {
    await processA.close();
    await processB.close();
    await database.drop();
  });

  it('delivers an event published on A to a subscriber for that service on B, and on A itself', async () => {
    const onB: LiveEvent[] = [];
    const onA: LiveEvent[] = [];
    const unsubscribeB = processB.subscribe([serviceX], (event) => onB.push(event));
    const unsubscribeA = processA.subscribe([serviceX, serviceY], (event) => onA.push(event));
    const event = eventFor(serviceX);
    await processA.publish(event);
    await vi.waitFor(() => expect(onB).toEqual([event]), { timeout: 5_000, interval: 10 });
    await vi.waitFor(() => expect(onA).toEqual([event]), { timeout: 5_000, interval: 10 });
    unsubscribeA();
    unsubscribeB();
  });

  it('tells the session watchers of a user on B, and only of that user, that their sessions ended on A', async () => {
    const user = randomUUID();
    const ended: string[] = [];
    const unwatch = processB.watchSessions(user, () => ended.push('user'));
    const unwatchOther = processB.watchSessions(randomUUID(), () => ended.push('other'));
    const referrals: LiveEvent[] = [];
    const unsubscribe = processB.subscribe([serviceX], (event) => referrals.push(event));
    await processA.publish({ kind: 'sessions_ended', userId: user });
    await vi.waitFor(() => expect(ended).toEqual(['user']), { timeout: 5_000, interval: 10 });
    await settle();
    expect(ended).toEqual(['user']);
    expect(referrals).toEqual([]);
    unwatch();
    unwatchOther();
    unsubscribe();
  });

  it('does not deliver to a subscriber for another service', async () => {
    const forY: LiveEvent[] = [];
    const forX: LiveEvent[] = [];
    const unsubscribeY = processB.subscribe([serviceY], (event) => forY.push(event));
    const unsubscribeX = processB.subscribe([serviceX], (event) => forX.push(event));
    await processA.publish(eventFor(serviceX));
    await vi.waitFor(() => expect(forX).toHaveLength(1), { timeout: 5_000, interval: 10 });
    await settle();
    expect(forY).toEqual([]);
    unsubscribeX();
    unsubscribeY();
  });

  it('stops delivering to a subscriber once it unsubscribes', async () => {
    const received: LiveEvent[] = [];
    const unsubscribe = processB.subscribe([serviceX], (event) => received.push(event));
    unsubscribe();
    await processA.publish(eventFor(serviceX));
    await settle();
    expect(received).toEqual([]);
  });

  it('keeps delivering to other subscribers when one of them throws', async () => {
    const received: LiveEvent[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const unsubscribeFailing = processB.subscribe([serviceX], () => {
      throw new Error('stream closed');
    });
    const unsubscribe = processB.subscribe([serviceX], (event) => received.push(event));
    await processA.publish(eventFor(serviceX));
    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 5_000, interval: 10 });
    expect(consoleError).toHaveBeenCalledWith('[live-updates] a subscriber failed:', 'stream closed');
    consoleError.mockRestore();
    unsubscribeFailing();
    unsubscribe();
  });

  it('ignores malformed notifications on the channel and refuses to publish anything but identifiers', async () => {
    const received: LiveEvent[] = [];
    const unsubscribe = processB.subscribe([serviceX], (event) => received.push(event));
    const stray = new pg.Client({ connectionString: database.connectionString });
    await stray.connect();
    for (const payload of ['not json', '{}', JSON.stringify({ kind: 'referral_changed', serviceId: serviceX, referralId: 'Jane Doe' }), JSON.stringify({ kind: 'other', serviceId: serviceX, referralId: randomUUID() })]) {
      await stray.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, payload]);
    }
    await stray.end();
    const valid = eventFor(serviceX);
    await processA.publish(valid);
    await vi.waitFor(() => expect(received).toEqual([valid]), { timeout: 5_000, interval: 10 });

    await expect(processA.publish({ kind: 'referral_changed', serviceId: serviceX, referralId: 'Jane Doe' })).rejects.toThrow();
    // Extra fields are stripped before anything leaves the process.
    const withExtra = { ...eventFor(serviceX), personName: 'Jane Doe' } as ReferralChangedEvent;
    await processA.publish(withExtra);
    await vi.waitFor(() => expect(received).toHaveLength(2), { timeout: 5_000, interval: 10 });
    expect(received[1]).toEqual({ kind: withExtra.kind, serviceId: withExtra.serviceId, referralId: withExtra.referralId });
    unsubscribe();
  });

  it('reconnects and listens again when its connection is dropped', async () => {
    const received: LiveEvent[] = [];
    const unsubscribe = processB.subscribe([serviceX], (event) => received.push(event));
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const admin = new pg.Client({ connectionString: database.connectionString });
    await admin.connect();
    const terminated = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
      [LIVE_LISTENER_APPLICATION_NAME],
    );
    await admin.end();
    expect(terminated.rowCount).toBe(2);
    // Publish until one arrives: events sent while the listener is down are not replayed, by design.
    await vi.waitFor(
      async () => {
        if (received.length === 0) await processA.publish(eventFor(serviceX));
        expect(received.length).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(consoleError).toHaveBeenCalledWith(expect.stringMatching(/^\[live-updates\] listener connection lost/));
    consoleError.mockRestore();
    unsubscribe();
  });

  it('delivers nothing after close()', async () => {
    const processC = await createPostgresLiveUpdates(database.connectionString);
    const received: LiveEvent[] = [];
    processC.subscribe([serviceX], (event) => received.push(event));
    await processC.close();
    await processA.publish(eventFor(serviceX));
    await settle();
    expect(received).toEqual([]);
    await expect(processC.close()).resolves.toBeUndefined();
  });
});
