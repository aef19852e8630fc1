import { afterAll, describe, expect, it } from 'vitest';
import { generateEncryptionKey } from './platform/field-encryption.ts';
import { createDataFolder, removeDataFolder, startBro, stopAll, stopBro, waitForHealth } from './test/bro-process.ts';
import { planRequests, retryAndCheck, sendAllAndCrash, stopwatch } from './test/referral-crash.ts';
import { createTestDatabase, type TestDatabase } from './test/test-database.ts';

/**
 * Issue 12 §6, crash test, kill -9 of the app: 500 concurrent referral creations with Idempotency-Keys against the
 * real app in a child process, `kill -9` in the middle, start again, retry every request → exactly one referral per
 * key, each with its audit entry, and every request answered 201 before is there (test/referral-crash.ts).
 * The app runs on this file's own database (cloned from the run's template, named bro_test_…), so this runs in both
 * CI passes: on the embedded server and on the machine's PostgreSQL. Killing the database: start-after-crash.test.ts.
 */
describe('crash test: kill -9 of the app during 500 concurrent referral creations', () => {
  let database: TestDatabase | undefined;
  const dataDir = createDataFolder();
  afterAll(async () => {
    await stopAll();
    await database?.drop();
    removeDataFolder(dataDir);
  });

  it('leaves exactly one referral per key, with its audit entry, after a restart and a retry of every request', async () => {
    const lap = stopwatch('app');
    database = await createTestDatabase();
    const encryptionKey = generateEncryptionKey();
    const env = { DATABASE_URL: database.connectionString, ENCRYPTION_KEY: encryptionKey };
    const requests = await planRequests(database.db, encryptionKey, 'app');
    lap('fixtures');
    const crashed = await startBro(dataDir, env);
    await waitForHealth(crashed);
    lap('start');
    const before = await sendAllAndCrash(crashed, requests, () => crashed.kill('SIGKILL'));
    expect(await crashed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    lap('burst and kill');

    const restarted = await startBro(dataDir, env);
    await waitForHealth(restarted);
    lap('restart');
    await retryAndCheck({ bro: restarted, db: database.db, requests, before, label: 'app' });
    lap('retries and checks');
    expect(await stopBro(restarted)).toBe(0);
    lap('stop', true);
  }, 240_000);
});
