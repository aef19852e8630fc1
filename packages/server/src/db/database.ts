import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { prepareRepeatedStatements } from './prepared-statements.ts';
import type { Env } from '../env.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import type { Database, Db } from './tables.ts';

export type DatabaseHandle = {
  db: Db;
  connectionString: string;
  isEmbedded: boolean;
  close: () => Promise<void>;
  /** The embedded server only: called if PostgreSQL exits without being stopped (killed, crashed). */
  onServerLost?: (listener: (description: string) => void) => void;
};

// Return timestamps as Date and bigint ids as strings (never lose precision).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

/** Each Kysely's pool, for the metrics (pool usage and waits) without handing the pool itself around. */
const poolsByDb = new WeakMap<Db, pg.Pool>();

export type PoolUsage = { total: number; idle: number; waiting: number; max: number };

/** Connections open, idle, and requests waiting for one, now; undefined for a Kysely not made by createKysely. */
export function readPoolUsage(db: Db): PoolUsage | undefined {
  const pool = poolsByDb.get(db);
  return pool && { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
}

export function createKysely(connectionString: string, maxConnections = 20): Db {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => console.error('[db] idle client error:', error.message));
  // A connection dropped while checked out but between queries (a transaction waiting on an SMTP server, say) must
  // fail that transaction, not the process: without a listener the client's 'error' event is an uncaught exception.
  // Nothing to log here: the transaction's next query rejects with this error (and is reported where it is run),
  // the transaction rolls back, and the pool discards the dead client on release. Idle clients are logged above.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    prepareRepeatedStatements(client);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  poolsByDb.set(db, pool);
  return db;
}

/**
 * Opens the database: the server at DATABASE_URL when given, otherwise a real PostgreSQL started from the
 * embedded-postgres package in DATA_DIR (created on first start).
 */
export async function openDatabase(env: Pick<Env, 'databaseUrl' | 'dataDir'>): Promise<DatabaseHandle> {
  if (env.databaseUrl) {
    const db = createKysely(env.databaseUrl);
    return { db, connectionString: env.databaseUrl, isEmbedded: false, close: () => db.destroy() };
  }
  const server = await startEmbeddedPostgres(env.dataDir);
  const admin = new pg.Client({ connectionString: server.connectionString('postgres') });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'bro'");
  if (exists.rowCount === 0) await admin.query('CREATE DATABASE bro');
  await admin.end();
  const connectionString = server.connectionString('bro');
  const db = createKysely(connectionString);
  return {
    db,
    connectionString,
    isEmbedded: true,
    onServerLost: server.onUnexpectedExit,
    close: async () => {
      await db.destroy();
      await server.stop();
    },
  };
}
