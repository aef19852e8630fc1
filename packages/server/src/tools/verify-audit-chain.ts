/**
 * `npm run audit:verify`: checks the audit log and the access log against their signed checkpoints.
 *
 *   audit log intact: N sealed entries (from genesis), C checkpoints checked; U unsealed, oldest S s   (exit 0)
 *   audit log BROKEN at entry <id>: <why>                                                          (exit 1)
 *   audit log: U unsealed, the oldest for S s, over the 5 s alarm: is the sealer running?           (exit 1)
 *   audit chain not verified: <why>                                   (exit 2: no database, unreadable checkpoints)
 *
 * Checkpoints and public keys come from AUDIT_CHECKPOINT_DIR (default DATA_DIR/audit-checkpoints); compare the
 * public keys there with the ones on record before trusting a pass. Which database: DATABASE_URL when set; otherwise
 * the embedded server in DATA_DIR, reached where the running app recorded it (DATA_DIR/postgres.json), or started
 * here for the check and stopped again when the app is not running. It reads only, on a read-only session. Run it
 * on restored backups too (QUALITY.md #40).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import '../db/database.ts'; // registers the type parsers (bigint ids as strings) the verifier relies on
import { startEmbeddedPostgres } from '../db/embedded-postgres.ts';
import type { Database } from '../db/tables.ts';
import { readEnv, type Env } from '../env.ts';
import { createFolderCheckpointStore, type SealedLog } from '../platform/audit-checkpoints.ts';
import { SEAL_ALARM_SECONDS } from '../platform/audit-sealer.ts';
import { verifyLog, type LogVerdict } from '../platform/audit-verification.ts';

type Target = { connectionString: string; close: () => Promise<void> };

async function main(): Promise<number> {
  const env = readEnv();
  let target: Target;
  const store = createFolderCheckpointStore(env.auditCheckpointDir);
  let checkpoints;
  let publicKeys;
  try {
    checkpoints = await store.list();
    publicKeys = await store.readPublicKeys();
    target = await findTarget(env);
  } catch (error) {
    process.stderr.write(`audit chain not verified: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: target.connectionString, max: 1, options: '-c default_transaction_read_only=on', application_name: 'bro-audit-verify' }),
    }),
  });
  try {
    let exitCode = 0;
    for (const log of ['audit', 'access'] as const satisfies readonly SealedLog[]) {
      const verdict = await verifyLog(db, { log, checkpoints, publicKeys, unsealedAlarmSeconds: SEAL_ALARM_SECONDS });
      if (!verdict.isIntact) {
        process.stderr.write(`${log} log BROKEN at entry ${verdict.firstBrokenId}: ${verdict.problem}\n`);
        exitCode = 1;
        continue;
      }
      process.stdout.write(`${log} log intact: ${describe(verdict)}\n`);
      if (verdict.isSealingLate) {
        process.stderr.write(
          `${log} log: ${verdict.unsealedEntries} unsealed, the oldest for ${verdict.oldestUnsealedSeconds.toFixed(1)} s, over the ${SEAL_ALARM_SECONDS} s alarm: is the sealer running?\n`,
        );
        exitCode = 1;
      }
    }
    if (checkpoints.length === 0) process.stdout.write(`no checkpoints in ${env.auditCheckpointDir}: a deleted tail cannot be detected without them\n`);
    return exitCode;
  } finally {
    await db.destroy();
    await target.close();
  }
}

/** "N sealed entries (from genesis), C checkpoints checked; U unsealed, oldest S s". Unsealed entries are not a failure under the alarm threshold. */
function describe(verdict: LogVerdict): string {
  const from = verdict.startedFrom === 'genesis' ? 'from genesis' : `from the checkpoint at entry ${verdict.startedFrom}`;
  const unsealed = verdict.unsealedEntries === 0 ? '0 unsealed' : `${verdict.unsealedEntries} unsealed, oldest ${verdict.oldestUnsealedSeconds.toFixed(1)} s`;
  return `${verdict.sealedEntries} sealed entries (${from}), ${verdict.checkpointsChecked} checkpoints checked; ${unsealed}`;
}

async function findTarget(env: Env): Promise<Target> {
  if (env.databaseUrl) return { connectionString: env.databaseUrl, close: async () => {} };

  const recordPath = join(env.dataDir, 'postgres.json');
  if (!existsSync(recordPath) || !existsSync(join(env.dataDir, 'postgres', 'PG_VERSION'))) {
    // Never initialise a new, empty cluster just to report that it is intact.
    throw new Error(`no database in ${env.dataDir} and no DATABASE_URL`);
  }
  const record = JSON.parse(readFileSync(recordPath, 'utf8')) as { port: number; password: string };
  const running = `postgres://postgres:${encodeURIComponent(record.password)}@127.0.0.1:${record.port}/bro`;
  if (await canConnect(running)) return { connectionString: running, close: async () => {} };

  // The app is not running: start its server for the check. If the app is in fact running and only unreachable,
  // PostgreSQL's own lock on the data directory makes this start fail instead of opening the files twice.
  const server = await startEmbeddedPostgres(env.dataDir);
  return { connectionString: server.connectionString('bro'), close: () => server.stop() };
}

async function canConnect(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Message only: a driver error's details may quote row contents.
    process.stderr.write(`audit chain not verified: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
