/**
 * The app under test, as its own process (so the bench can sample its resident memory and run two of them on one
 * database): what main.ts starts — migrated database from DATABASE_URL, PostgreSQL live updates (LISTEN/NOTIFY, so
 * two processes see each other's changes), the job worker, the audit sealer (signing with a key of its own into a
 * temporary checkpoint folder) — but with the rate limits off, because the bench sends
 * thousands of referrals a second as one user, and without demo data or static pages. Prints `listening <url>`.
 * Run by run-bench.ts only: `DATABASE_URL=… ENCRYPTION_KEY=… PORT=… node packages/server/bench/bench-app.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, jobDefinitions } from '../src/app.ts';
import { readEnv } from '../src/env.ts';
import { createFolderCheckpointStore, generateAuditSigningKey, readAuditSigningKey } from '../src/platform/audit-checkpoints.ts';
import { startAuditSealer } from '../src/platform/audit-sealer.ts';
import { systemClock } from '../src/platform/clock.ts';
import { startJobWorker } from '../src/platform/job-queue.ts';
import type { JobContext } from '../src/platform/jobs.ts';
import { createPostgresLiveUpdates } from '../src/platform/live-updates.postgres.ts';
import { openMigratedDatabase } from '../src/startup.ts';

const env = readEnv();
const { database, cipher } = await openMigratedDatabase(env);
const liveUpdates = await createPostgresLiveUpdates(database.connectionString);
const jobContext: JobContext = { db: database.db, clock: systemClock, cipher, liveUpdates, mailer: undefined, sms: undefined, log: () => undefined };
const app = await buildApp({
  db: database.db,
  clock: systemClock,
  cipher,
  liveUpdates,
  config: { publicOrigin: env.publicOrigin, allowInsecureOidc: false, isRateLimitEnabled: false, logLevel: 'silent', webDistDir: '/nonexistent' },
});
const jobs = await startJobWorker({ ...jobContext, connectionString: database.connectionString }, { definitions: jobDefinitions, log: jobContext.log });
const checkpointFolder = mkdtempSync(join(tmpdir(), 'bro-bench-checkpoints-'));
const sealer = startAuditSealer({
  connectionString: database.connectionString,
  checkpoints: { key: readAuditSigningKey(generateAuditSigningKey()), store: createFolderCheckpointStore(checkpointFolder) },
  log: () => undefined,
});
await app.listen({ host: '127.0.0.1', port: env.port });
process.stdout.write(`listening http://127.0.0.1:${env.port}\n`);

process.on('SIGTERM', () => {
  void (async () => {
    await app.close();
    await jobs.stop();
    await sealer.stop();
    rmSync(checkpointFolder, { recursive: true, force: true });
    await liveUpdates.close();
    await database.close();
    process.exit(0);
  })();
});
