import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { ConfigError, type Env } from './env.ts';
import { StartupError } from './startup-error.ts';
import { generateAuditSigningKey } from './platform/audit-checkpoints.ts';
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

/**
 * The key that signs the audit checkpoints: AUDIT_SIGNING_KEY, or outside production one generated once into
 * DATA_DIR/audit-signing.key (production refuses to start without AUDIT_SIGNING_KEY: env.ts).
 */
export function resolveAuditSigningKey(env: Env): string {
  if (env.auditSigningKey) return env.auditSigningKey;
  const keyPath = join(env.dataDir, 'audit-signing.key');
  if (!existsSync(keyPath)) {
    mkdirSync(env.dataDir, { recursive: true });
    writeFileSync(keyPath, generateAuditSigningKey(), { mode: 0o600 });
  }
  return readFileSync(keyPath, 'utf8').trim();
}

/**
 * The one-line message an operator sees when the app or a command cannot start: never a stack trace, never
 * `undefined`. It names the cause (also of an error without a message, an AggregateError, a thrown non-error) and a
 * way out: its own for a ConfigError or StartupError, one by error code for the usual others.
 */
export function describeStartupError(error: unknown): string {
  const cause = describeCause(error, 0);
  if (error instanceof ConfigError || error instanceof StartupError) return cause;
  return `${cause}. ${wayOutFor(codeOf(error))}`;
}

function describeCause(error: unknown, depth: number): string {
  if (depth > 3) return '…';
  if (error === undefined || error === null) return `an unknown error (${String(error)} was thrown, with no details)`;
  if (!(error instanceof Error)) return typeof error === 'object' ? `a thrown ${safeJson(error)}` : `a thrown ${typeof error} "${String(error)}"`;
  const code = codeOf(error);
  const label = error.message.trim() || `${error.name}${code ? ` ${code}` : ''} without a message`;
  const inner = error instanceof AggregateError && error.errors.length > 0 ? [...new Set(error.errors.map((each: unknown) => describeCause(each, depth + 1)))].join('; ') : '';
  const cause = error.cause !== undefined ? describeCause(error.cause, depth + 1) : '';
  return [label, inner && `(${inner})`, cause && `(cause: ${cause})`].filter(Boolean).join(' ');
}

function codeOf(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Node's connect errors for a name with several addresses come as an AggregateError with an empty message.
  if (error instanceof AggregateError) return error.errors.map(codeOf).find((each) => each !== undefined);
  return codeOf(error.cause);
}

function safeJson(value: object): string {
  try {
    return JSON.stringify(value).slice(0, 300);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

const WAYS_OUT: [RegExp, string][] = [
  [/^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH)$/, 'Is the PostgreSQL server at DATABASE_URL running and reachable from here? (Without DATABASE_URL Bro starts its own.)'],
  [/^(28P01|28000)$/, 'Check the user name and password in DATABASE_URL'],
  [/^3D000$/, 'The database named in DATABASE_URL does not exist: create it, or name another'],
  [/^(EACCES|EPERM|EROFS)$/, 'Check that the user running Bro may write to DATA_DIR'],
  [/^(ENOSPC|53100)$/, 'The disk is full: free space and start again'],
  [/^EADDRINUSE$/, 'Another program uses HOST:PORT: stop it, or set another PORT'],
];

function wayOutFor(code: string | undefined): string {
  const known = code === undefined ? undefined : WAYS_OUT.find(([pattern]) => pattern.test(code));
  return known?.[1] ?? 'Fix the cause above and start again (LOG_LEVEL=debug logs more); if the cause is unclear, report this line';
}
