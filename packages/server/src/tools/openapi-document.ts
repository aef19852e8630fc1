import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection } from 'kysely';
import { buildApp } from '../app.ts';
import type { Database } from '../db/tables.ts';
import { readEnv } from '../env.ts';
import { systemClock } from '../platform/clock.ts';
import { createFieldCipher } from '../platform/field-encryption.ts';
import { createInProcessLiveUpdates } from '../platform/live-updates.ts';

/**
 * The API's OpenAPI document, as /api/openapi.json serves it, without a database: for the tools that lint it
 * (write-openapi.ts) and expand it (write-authorization-matrix.ts). The app is built exactly as in production but
 * on a database handle that refuses every connection: if building the app ever started to query, the tools would
 * fail instead of quietly needing a database.
 */

class RefusingDriver extends DummyDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    throw new Error('OpenAPI document: building the app tried to use the database');
  }
}

function createUnconnectedDatabase(): Kysely<Database> {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new RefusingDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  // The same configuration as `npm start` with this environment: its PUBLIC_ORIGIN becomes the document's server.
  const env = readEnv();
  const app = await buildApp({
    db: createUnconnectedDatabase(),
    clock: systemClock,
    // A throwaway key: nothing is encrypted or decrypted while the document is built.
    cipher: createFieldCipher(Buffer.alloc(32).toString('base64')),
    liveUpdates: createInProcessLiveUpdates(),
    config: { publicOrigin: env.publicOrigin, allowInsecureOidc: env.allowInsecureOidc, loginAttemptsPerMinute: env.loginAttemptsPerMinute, logLevel: 'silent' },
  });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}
