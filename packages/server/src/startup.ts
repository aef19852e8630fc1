import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { ConfigError, type Env } from './env.ts';
import { createFieldCipher, generateEncryptionKey, type FieldCipher } from './platform/field-encryption.ts';

/**
 * What the app and the command line (`npm run bro`) both do first: open the database (embedded or DATABASE_URL),
 * bring it to the latest migration, and make the field cipher. Migrations run under Kysely's migration lock, so
 * nodes starting together migrate one after the other.
 */
export async function openMigratedDatabase(env: Env): Promise<{ database: DatabaseHandle; cipher: FieldCipher }> {
  const database = await openDatabase(env);
  try {
    await migrateToLatest(database.db);
    const cipher = createFieldCipher(resolveEncryptionKey(env, database.isEmbedded));
    return { database, cipher };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** With DATABASE_URL the key must come from configuration; the embedded mode keeps one in DATA_DIR. */
function resolveEncryptionKey(env: Env, isEmbedded: boolean): string {
  if (env.encryptionKey) return env.encryptionKey;
  if (!isEmbedded) throw new ConfigError('ENCRYPTION_KEY is required when DATABASE_URL is set (32 bytes, base64).');
  const keyPath = join(env.dataDir, 'encryption.key');
  if (!existsSync(keyPath)) writeFileSync(keyPath, generateEncryptionKey(), { mode: 0o600 });
  return readFileSync(keyPath, 'utf8').trim();
}

/** The one-line message an operator sees when the app or a command cannot start: never a stack trace. */
export function describeStartupError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
