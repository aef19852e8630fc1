import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { createFixedClock } from './clock.ts';
import { jobDefinitions } from '../app.ts';
import { startJobWorker, type JobDeps, type JobLog, type JobWorker } from './job-queue.ts';
import type { JobDefinition, JobResult } from './jobs.ts';
import { createInProcessLiveUpdates } from './live-updates.ts';
import { createFieldCipher } from './field-encryption.ts';
import { createRecordingMailer } from './mailer.ts';

const fastRetry = { limit: 2, delaySeconds: 0, isBackoff: false };

describe('startJobWorker (pg-boss)', () => {
  let database: TestDatabase;
  let deps: JobDeps;
  const workers: JobWorker[] = [];
  const lines: string[] = [];
  const log: JobLog = (level, message) => void lines.push(`${level} ${message}`);

  async function start(definitions: JobDefinition[]): Promise<JobWorker> {
    const worker = await startJobWorker(deps, { definitions, log, retry: fastRetry, pollingIntervalSeconds: 0.5 });
    workers.push(worker);
    return worker;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    deps = {
      connectionString: database.connectionString,
      db: database.db,
      clock: createFixedClock(new Date('2026-11-23T09:00:00.000Z')),
      mailer: createRecordingMailer(),
      liveUpdates: createInProcessLiveUpdates(),
      cipher: createFieldCipher(Buffer.alloc(32, 7).toString('base64')),
    };
  });

  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await database.drop();
  });

  it('runs a definition when a job is sent, with the job context', async () => {
    const contexts: unknown[] = [];
    const worker = await start([
      {
        name: 'test-sent',
        handler: async (context) => {
          contexts.push(context);
          return 'done';
        },
      },
    ]);
    await worker.send('test-sent');
    await vi.waitFor(() => expect(contexts).toHaveLength(1), { timeout: 10_000, interval: 50 });
    expect(contexts[0]).toEqual({ db: deps.db, clock: deps.clock, mailer: deps.mailer, liveUpdates: deps.liveUpdates, cipher: deps.cipher, log });
    await vi.waitFor(() => expect(lines.some((line) => /^info test-sent: done in \d+ ms$/.test(line))).toBe(true));
  });

  it('retries a handler that throws, and logs only the error message', async () => {
    let runs = 0;
    const worker = await start([
      {
        name: 'test-flaky',
        handler: async (): Promise<JobResult> => {
          runs += 1;
          if (runs === 1) throw Object.assign(new Error('temporary failure'), { detail: 'Key (email)=(someone@example.dk) already exists' });
          return 'done';
        },
      },
    ]);
    const id = await worker.send('test-flaky');
    await vi.waitFor(() => expect(runs).toBe(2), { timeout: 15_000, interval: 50 });
    await vi.waitFor(async () => {
      const row = await readJob(database, id);
      expect(row?.state).toBe('completed');
      expect(row?.retry_count).toBe(1);
    });
    const errorLines = lines.filter((line) => line.startsWith('error test-flaky'));
    expect(errorLines).toEqual([expect.stringMatching(/^error test-flaky: threw "temporary failure" in \d+ ms; pg-boss retries it$/)]);
    expect(lines.join('\n')).not.toContain('someone@example.dk');
  });

  it('stores a thrown error in the job row by its message only, without the driver details', async () => {
    const worker = await start([
      {
        name: 'test-always-failing',
        handler: async () => {
          throw Object.assign(new Error('always fails'), { detail: 'Key (cpr)=(0101901234) already exists' });
        },
      },
    ]);
    const id = await worker.send('test-always-failing');
    await vi.waitFor(async () => expect((await readJob(database, id))?.state).toBe('failed'), { timeout: 15_000, interval: 100 });
    const row = await readJob(database, id);
    expect(row?.retry_count).toBe(fastRetry.limit);
    expect(JSON.stringify(row?.output)).toContain('always fails');
    expect(JSON.stringify(row?.output)).not.toContain('0101901234');
  });

  it('runs a sent job exactly once when two workers share the database', async () => {
    let runs = 0;
    const definitions: JobDefinition[] = [
      {
        name: 'test-shared',
        handler: async () => {
          runs += 1;
          // Long enough that both workers are polling while the first still holds the job.
          await new Promise((resolve) => setTimeout(resolve, 300));
          return 'done';
        },
      },
    ];
    const first = await start(definitions);
    await start(definitions);
    const ids = await Promise.all(Array.from({ length: 6 }, () => first.send('test-shared')));
    await vi.waitFor(async () => {
      for (const id of ids) expect((await readJob(database, id))?.state).toBe('completed');
    }, { timeout: 15_000, interval: 100 });
    // Give a duplicate run the chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(runs).toBe(ids.length);
  });

  it('schedules a definition with a cron expression, once however many processes start', async () => {
    const definitions: JobDefinition[] = [{ name: 'test-cron', cron: '*/5 * * * *', handler: async () => 'skipped' }];
    await start(definitions);
    await start(definitions);
    const { rows } = await sql<{ name: string; cron: string; timezone: string }>`
      SELECT name, cron, timezone FROM pgboss.schedule WHERE name = ${'test-cron'}
    `.execute(database.db);
    expect(rows).toEqual([{ name: 'test-cron', cron: '*/5 * * * *', timezone: 'UTC' }]);
  });

  it('runs every module\'s definitions by default, each under its own name, with its cron scheduled', async () => {
    const names = jobDefinitions.map((definition) => definition.name);
    expect(names).toContain('escalate-overdue-referrals');
    expect(new Set(names).size).toBe(names.length);
    // The modules' handlers are tested in their modules; here only that the worker takes them all on.
    await startJobWorker(deps, { definitions: jobDefinitions, log }).then((worker) => workers.push(worker));
    const { rows } = await sql<{ name: string; cron: string }>`SELECT name, cron FROM pgboss.schedule WHERE name IN (${sql.join(names)}) ORDER BY name`.execute(database.db);
    const withCron = jobDefinitions.filter((definition) => definition.cron).map(({ name, cron }) => ({ name, cron }));
    expect(rows).toEqual(withCron.sort((a, b) => a.name.localeCompare(b.name)));
  });

  it('stops gracefully: a running handler finishes before stop() resolves', async () => {
    let isFinished = false;
    let hasStarted = false;
    const worker = await startJobWorker(deps, {
      definitions: [
        {
          name: 'test-graceful',
          handler: async () => {
            hasStarted = true;
            await new Promise((resolve) => setTimeout(resolve, 500));
            isFinished = true;
            return 'done';
          },
        },
      ],
      log,
      retry: fastRetry,
      pollingIntervalSeconds: 0.5,
    });
    await worker.send('test-graceful');
    await vi.waitFor(() => expect(hasStarted).toBe(true), { timeout: 10_000, interval: 20 });
    await worker.stop();
    expect(isFinished).toBe(true);
  });
});

type JobRow = { state: string; retry_count: number; output: unknown };

async function readJob(database: TestDatabase, id: string): Promise<JobRow | undefined> {
  const { rows } = await sql<JobRow>`SELECT state, retry_count, output FROM pgboss.job WHERE id = ${id}`.execute(database.db);
  return rows[0];
}
