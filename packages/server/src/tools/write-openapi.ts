import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection } from 'kysely';
import { buildApp } from '../app.ts';
import type { Database } from '../db/tables.ts';
import { readEnv } from '../env.ts';
import { systemClock } from '../platform/clock.ts';
import { createFieldCipher } from '../platform/field-encryption.ts';
import { createInProcessLiveUpdates } from '../platform/live-updates.ts';

/**
 * `node packages/server/src/tools/write-openapi.ts <file>`: writes the API's OpenAPI document, as /api/openapi.json
 * serves it, without a database, so `npm run lint` can lint it anywhere. The app is built exactly as in production
 * but on a database handle that refuses every connection: if building the app ever started to query, this tool
 * would fail instead of quietly needing a database.
 */

class RefusingDriver extends DummyDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    throw new Error('write-openapi: building the app tried to use the database');
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

async function writeOpenApiDocument(file: string): Promise<void> {
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
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(app.swagger(), null, 2)}\n`);
  } finally {
    await app.close();
  }
}

const target = process.argv[2];
if (!target) {
  console.error('usage: node packages/server/src/tools/write-openapi.ts <output file>');
  process.exit(2);
}
writeOpenApiDocument(resolve(target)).catch((error: unknown) => {
  console.error('Could not write the OpenAPI document:', error instanceof Error ? error.message : error);
  process.exit(1);
});
