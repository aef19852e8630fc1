import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { AppError } from './errors.ts';
import { canonicalJson, hashIdempotentRequest, IDEMPOTENCY_RETENTION_MS, IN_FLIGHT_TIMEOUT_MS, parseIdempotencyKey, purgeExpiredIdempotencyKeys, runIdempotently } from './idempotency.ts';

describe('platform/idempotency', () => {
  let t: TestApp;
  let userId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const organisation = await t.given.organisation();
    userId = (await t.given.user({ organisationId: organisation.id, role: 'referrer' })).id;
  });
  afterAll(async () => t.close());

  let keyCounter = 0;
  const nextKey = () => `platform-key-${++keyCounter}`;
  const run = (key: string, requestHash: string, execute: () => Promise<{ n: number }>) =>
    runIdempotently({ db: t.db, clock: t.clock, cipher: t.cipher, userId, key, requestHash, statusCode: 201, execute: () => execute(), serialize: (result) => JSON.stringify(result) });
  const codeOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
      return 'no error';
    } catch (error) {
      return error instanceof AppError ? error.code : String(error);
    }
  };

  it('validates the key: 8–128 characters of [A-Za-z0-9_-]', () => {
    expect(parseIdempotencyKey('abcdEFGH-1234_x')).toBe('abcdEFGH-1234_x');
    for (const bad of [undefined, '', 'short', 'x'.repeat(129), 'with space', ['a', 'b'] as string[]]) {
      expect(() => parseIdempotencyKey(bad)).toThrow(AppError);
    }
  });

  it('hashes a canonical form: key order does not matter, values do', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe('{"a":{"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(hashIdempotentRequest({ a: 1, b: 2 })).toBe(hashIdempotentRequest({ b: 2, a: 1 }));
    expect(hashIdempotentRequest({ a: 1 })).not.toBe(hashIdempotentRequest({ a: 2 }));
  });

  it('runs once, then replays the stored body', async () => {
    const key = nextKey();
    let runs = 0;
    const first = await run(key, 'h1', async () => ({ n: ++runs }));
    const second = await run(key, 'h1', async () => ({ n: ++runs }));
    expect(runs).toBe(1);
    expect(first).toMatchObject({ isReplay: false, statusCode: 201, body: '{"n":1}' });
    expect(second).toEqual({ isReplay: true, statusCode: 201, body: '{"n":1}' });
  });

  it('refuses a second request while the first is in flight, and takes over a claim older than the timeout', async () => {
    const key = nextKey();
    let release: () => void = () => {};
    const slow = run(key, 'h1', () => new Promise((resolve) => (release = () => resolve({ n: 1 }))));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await codeOf(run(key, 'h1', async () => ({ n: 2 })))).toBe('idempotency_in_flight');
    expect(await codeOf(run(key, 'h2', async () => ({ n: 2 })))).toBe('idempotency_mismatch');
    release();
    await slow;

    // A claim left behind by a crashed process.
    const orphan = nextKey();
    await t.db.insertInto('idempotency_keys').values({ user_id: userId, key: orphan, request_hash: 'h1', state: 'in_flight', created_at: t.clock.now() }).execute();
    expect(await codeOf(run(orphan, 'h1', async () => ({ n: 3 })))).toBe('idempotency_in_flight');
    t.clock.advance(IN_FLIGHT_TIMEOUT_MS);
    expect(await run(orphan, 'h1', async () => ({ n: 3 }))).toMatchObject({ isReplay: false, body: '{"n":3}' });
  });

  it('deletes the claim when the work fails, so the same key can be retried', async () => {
    const key = nextKey();
    expect(await codeOf(run(key, 'h1', async () => Promise.reject(new AppError('consent_required'))))).toBe('consent_required');
    expect(await run(key, 'h1', async () => ({ n: 4 }))).toMatchObject({ isReplay: false, body: '{"n":4}' });
  });

  it('rolls back the work together with the stored response if storing fails', async () => {
    const key = nextKey();
    const outcome = codeOf(
      runIdempotently({
        db: t.db,
        clock: t.clock,
        cipher: t.cipher,
        userId,
        key,
        requestHash: 'h1',
        statusCode: 201,
        execute: async (trx) => {
          await trx.insertInto('units').values({ organisation_id: (await t.given.organisation()).id, name: 'rolled back' }).execute();
          return { n: 5 };
        },
        serialize: () => {
          throw new Error('serialisation failed');
        },
      }),
    );
    expect(await outcome).toBe('Error: serialisation failed');
    expect(await t.db.selectFrom('units').select('id').where('name', '=', 'rolled back').executeTakeFirst()).toBeUndefined();
  });

  it('purges keys after the retention window, and keeps younger ones', async () => {
    const key = nextKey();
    await run(key, 'h1', async () => ({ n: 6 }));
    expect(await purgeExpiredIdempotencyKeys({ db: t.db, clock: t.clock })).toBe(0);
    t.clock.advance(IDEMPOTENCY_RETENTION_MS + 1);
    expect(await purgeExpiredIdempotencyKeys({ db: t.db, clock: t.clock })).toBeGreaterThan(0);
    expect(await t.db.selectFrom('idempotency_keys').select('key').where('key', '=', key).executeTakeFirst()).toBeUndefined();
  });
});
