import { PgBoss } from 'pg-boss';
import type { Db } from '../db/tables.ts';
import type { JobContext, JobDefinition, JobLog } from './jobs.ts';

export type JobDeps = Omit<JobContext, 'db' | 'log'> & { connectionString: string; db: Db };

/** pg-boss keeps its tables in a schema of its own, apart from the application's (migrated by Kysely). */
const JOB_SCHEMA = 'pgboss';

export type { JobLog };

export type JobWorkerOptions = {
  /** What to run: the composition root passes every module's definitions (app.ts `jobDefinitions`); tests their own. */
  definitions: readonly JobDefinition[];
  /** Where the worker says what ran. Defaults to one line on stdout/stderr. Never given personal data. */
  log?: JobLog;
  /** Retries after a thrown error. Defaults: 3 retries, 30 s apart, doubling (pg-boss backoff with jitter). */
  retry?: { limit: number; delaySeconds: number; isBackoff: boolean };
  /** How often an idle worker looks for work, in seconds (minimum 0.5). Default 2. */
  pollingIntervalSeconds?: number;
};

export type JobWorker = {
  /** Queues one run of a job now; resolves to the pg-boss job id. */
  send: (name: string) => Promise<string>;
  /** Stops fetching, lets running handlers finish (up to 30 s), then closes the pool. */
  stop: () => Promise<void>;
};

const defaultLog: JobLog = (level, message) => (level === 'error' ? process.stderr : process.stdout).write(`[jobs] ${message}\n`);

/**
 * Runs the modules' job definitions on pg-boss, in the same PostgreSQL database as the app. Safe with several app
 * processes: a job is claimed with `FOR UPDATE SKIP LOCKED`, so exactly one worker runs it, and pg-boss derives a
 * cron job's singleton key from its time slot, so every process may schedule the same cron without double runs.
 * Cron expressions are evaluated in UTC.
 */
export async function startJobWorker(deps: JobDeps, options: JobWorkerOptions): Promise<JobWorker> {
  const { definitions } = options;
  const log = options.log ?? defaultLog;
  const retry = options.retry ?? { limit: 3, delaySeconds: 30, isBackoff: true };
  const context: JobContext = { db: deps.db, clock: deps.clock, mailer: deps.mailer, liveUpdates: deps.liveUpdates, cipher: deps.cipher, sms: deps.sms, log };

  const boss = new PgBoss({
    connectionString: deps.connectionString,
    schema: JOB_SCHEMA,
    application_name: 'bro-jobs',
    max: 4,
    // Plain polling, no LISTEN/NOTIFY wake-ups: with batch size 1, pg-boss waits the (long) notify backstop interval
    // between fetches once NOTIFY is on, which drains a backlog or a retry slowly. A poll every few seconds is
    // cheap (one indexed query per queue) and our jobs are sweeps, not latency-critical.
  });
  // Without a listener an 'error' event would crash the process; pg-boss recovers from these by itself.
  boss.on('error', (error: Error) => log('error', `pg-boss: ${error.message}`));
  await boss.start();

  try {
    for (const definition of definitions) {
      const queueOptions = { retryLimit: retry.limit, retryDelay: retry.delaySeconds, retryBackoff: retry.isBackoff };
      await boss.createQueue(definition.name, queueOptions);
      // createQueue leaves an existing queue as it was; this brings its settings up to date with the code.
      await boss.updateQueue(definition.name, queueOptions);
      await boss.work(definition.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async () => runJob(definition, context, log));
      if (definition.cron) await boss.schedule(definition.name, definition.cron, null, { tz: 'UTC' });
      // A job whose cron was removed from the code must stop being scheduled.
      else await boss.unschedule(definition.name);
    }
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }

  return {
    send: async (name) => {
      const id = await boss.send(name, null);
      if (id === null) throw new Error(`pg-boss did not accept a job for ${name}`);
      return id;
    },
    stop: () => boss.stop({ graceful: true, timeout: 30_000 }),
  };
}

async function runJob(definition: JobDefinition, context: JobContext, log: JobLog): Promise<{ result: string }> {
  const startedAt = Date.now();
  try {
    const result = await definition.handler(context);
    log(result === 'failed' ? 'error' : 'info', `${definition.name}: ${result} in ${Date.now() - startedAt} ms`);
    return { result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log('error', `${definition.name}: threw "${message}" in ${Date.now() - startedAt} ms; pg-boss retries it`);
    // Rethrown as a bare Error: pg-boss stores what it catches in the job row, and a driver error's `detail`
    // (e.g. "Key (email)=(…) already exists") or stack must not end up there.
    throw new Error(message);
  }
}
