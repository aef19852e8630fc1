import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createDataFolder,
  postgresProcessesOn,
  postmasterPidOf,
  removeDataFolder,
  startBro,
  stopAll,
  stopBro,
  stopPostgresOn,
  waitForHealth,
  waitForNoPostgresOn,
} from './test/bro-process.ts';

/**
 * Issue 12 §5, through the real app in a child process with its embedded PostgreSQL on a data folder of its own:
 * after `kill -9` of the app, or of its PostgreSQL, the next start on the same folder is healthy, and nothing is
 * left running once the app is stopped. Before the fix the start after `kill -9` failed with
 * "Bro could not start: undefined" and left the old PostgreSQL running.
 */
describe('start after a crash (embedded PostgreSQL)', () => {
  const dataDir = createDataFolder();
  afterAll(async () => {
    await stopAll();
    await stopPostgresOn(dataDir);
    removeDataFolder(dataDir);
  });

  it('starts cleanly after kill -9 of the app, then of its PostgreSQL, and with a stale lock file; stops without leftovers', async () => {
    const first = await startBro(dataDir);
    await waitForHealth(first, 90_000);
    const orphan = postmasterPidOf(dataDir);
    first.kill('SIGKILL');
    await first.exited;
    // What kill -9 leaves behind: the app's PostgreSQL, running on without it.
    expect(postgresProcessesOn(dataDir)).toEqual([orphan]);

    const second = await startBro(dataDir);
    await waitForHealth(second);
    expect(second.output()).toContain(`an orphaned PostgreSQL (process ${orphan})`);
    const secondPostgres = postmasterPidOf(dataDir);
    expect(postgresProcessesOn(dataDir)).toEqual([secondPostgres]);

    // Its PostgreSQL killed under it, the app exits (so a service manager restarts it) and says why.
    process.kill(secondPostgres, 'SIGKILL');
    expect(await second.exited).toEqual({ code: 1, signal: null });
    expect(second.output()).toContain(`Bro stops: the embedded PostgreSQL (process ${secondPostgres}) stopped unexpectedly (killed by SIGKILL)`);

    // The lock file now names a dead PID: PostgreSQL takes it over.
    const third = await startBro(dataDir);
    await waitForHealth(third);
    expect(await stopBro(third)).toBe(0);
    expect(await waitForNoPostgresOn(dataDir)).toEqual([]);

    // A lock file whose PID now belongs to another program (here: this test) is stale, and removed.
    writeFileSync(join(dataDir, 'postgres', 'postmaster.pid'), `${process.pid}\n${join(dataDir, 'postgres')}\n`);
    const fourth = await startBro(dataDir);
    await waitForHealth(fourth);
    expect(fourth.output()).toContain(`removed a stale ${join(dataDir, 'postgres', 'postmaster.pid')}: its process ${process.pid} is no longer PostgreSQL`);

    // A second app on a folder that a running app uses is refused with the cause and the way out; the first runs on.
    const intruder = await startBro(dataDir);
    expect((await intruder.exited).code).toBe(1);
    expect(intruder.output()).toMatch(/Bro could not start: the data folder .* is in use by a PostgreSQL \(process \d+\) that another Bro process \(\d+\) started\. Stop that Bro first/);
    await waitForHealth(fourth, 5_000);

    expect(await stopBro(fourth)).toBe(0);
    expect(await waitForNoPostgresOn(dataDir)).toEqual([]);
  }, 180_000);
});
