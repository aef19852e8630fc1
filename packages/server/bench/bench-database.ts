/**
 * The bench's PostgreSQL: an embedded server on a folder kept between runs (BENCH_CACHE_DIR, default
 * ~/.cache/bro-bench, or /var/tmp/bro-bench as root), holding one seeded template database per scale and schema. The template's name carries a hash
 * of the migrations and of the seeding code, so a changed schema seeds anew and a re-run at the same scale only
 * clones (CREATE DATABASE … TEMPLATE, seconds). Its field-encryption key is kept beside it in the cache folder.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createKysely } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Db } from '../src/db/tables.ts';
import { createFieldCipher, generateEncryptionKey } from '../src/platform/field-encryption.ts';
import type { Cleanups } from './bench-harness.ts';
import { countsAtScale, seedVolume, type VolumeCounts } from './volume-seed.ts';

export type BenchDatabase = {
  db: Db;
  connectionString: string;
  encryptionKey: string;
  /** null when the template was reused. */
  seedingSeconds: number | null;
  counts: VolumeCounts;
  sizeMb: number;
  /** Seeded user n (1–5,000): ids are md5-derived, see volume-seed.ts. */
  userId: (n: number) => string;
  membershipId: (n: number) => string;
  userNumberOf: (userId: string) => number;
  drop: () => Promise<void>;
};

const sourceFolder = fileURLToPath(new URL('../src/db/migrations/', import.meta.url));
const seedSource = fileURLToPath(new URL('./volume-seed.ts', import.meta.url));

/** The seeded ids, as volume-seed.ts's `bench_uuid(text)` makes them: md5, with version 4 and variant digits. */
function md5Uuid(text: string): string {
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Changes whenever a migration or the seeding changes: the template is then seeded anew. */
function schemaHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(sourceFolder).sort()) hash.update(file).update(readFileSync(join(sourceFolder, file)));
  hash.update(readFileSync(seedSource));
  return hash.digest('hex').slice(0, 10);
}

/** Migrates and seeds the template under its `_building` name; answers the seconds the seeding took. */
async function seedTemplate(input: { admin: pg.Client; connectionString: string; templateName: string; key: string; scale: number; report: (line: string) => void }): Promise<number> {
  await input.admin.query(`DROP DATABASE IF EXISTS "${input.templateName}" WITH (FORCE)`);
  await input.admin.query(`CREATE DATABASE "${input.templateName}_building"`);
  const db = createKysely(input.connectionString, 4);
  try {
    await migrateToLatest(db);
    input.report(`seeding ${input.templateName} (BENCH_SCALE=${input.scale}: ${JSON.stringify(countsAtScale(input.scale))})`);
    const startedAt = Date.now();
    await seedVolume({ connectionString: input.connectionString, db, cipher: createFieldCipher(input.key), scale: input.scale, report: input.report });
    return Math.round((Date.now() - startedAt) / 100) / 10;
  } finally {
    await db.destroy();
  }
}

/** As root, PostgreSQL runs as the OS user `postgres`, which cannot enter /root: the cache then lives in /var/tmp. */
function openCacheFolder(): string {
  const cacheDir = process.env.BENCH_CACHE_DIR ?? (process.getuid?.() === 0 ? '/var/tmp/bro-bench' : join(homedir(), '.cache', 'bro-bench'));
  mkdirSync(cacheDir, { recursive: true });
  chmodSync(cacheDir, 0o711); // the OS user `postgres` must reach its folder
  return cacheDir;
}

/** pg_stat_statements, planning included, so the bench can say where the create path's database time goes (bench-profile.ts). */
const statementStatisticsFlags = ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all', '-c', 'pg_stat_statements.track_planning=on'];

/** pg_stat_statements in the run's database, for the profile of where the create path's time goes. */
async function enableStatementStatistics(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  } finally {
    await client.end();
  }
}

export async function openBenchCluster(cleanups: Cleanups, input: { scale: number; report: (line: string) => void }) {
  const cacheDir = openCacheFolder();
  input.report(`starting the embedded PostgreSQL in ${cacheDir}`);
  const postgres = await startEmbeddedPostgres(cacheDir, { extraFlags: statementStatisticsFlags });
  cleanups.push(() => postgres.stop());
  const scaleLabel = String(input.scale).replace('.', '_');
  const templateName = `bench_tpl_${scaleLabel}_${schemaHash()}`;
  const keyPath = join(cacheDir, `${templateName}.key`);
  const admin = new pg.Client({ connectionString: postgres.connectionString('postgres') });
  await admin.connect();
  cleanups.push(() => admin.end());

  const databases = (await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'bench_%'")).rows.map((row) => row.datname);
  // Clones left by a run that was killed, templates of an older schema at this scale, half-seeded templates.
  for (const name of databases) {
    const isStaleTemplate = name.startsWith(`bench_tpl_${scaleLabel}_`) && name !== templateName;
    if (name.startsWith('bench_run_') || name.endsWith('_building') || isStaleTemplate) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  let seedingSeconds: number | null = null;
  if (!databases.includes(templateName) || !existsSync(keyPath)) {
    const key = generateEncryptionKey();
    seedingSeconds = await seedTemplate({ admin, connectionString: postgres.connectionString(`${templateName}_building`), templateName, key, ...input });
    writeFileSync(keyPath, key, { mode: 0o600 });
    // Renamed only when complete: a killed seeding never passes for a template.
    await admin.query(`ALTER DATABASE "${templateName}_building" RENAME TO "${templateName}"`);
    input.report(`seeded in ${seedingSeconds} s`);
  } else {
    input.report(`reusing the seeded template ${templateName}`);
  }

  const userIds = new Map(Array.from({ length: countsAtScale(input.scale).users }, (_, index) => [md5Uuid(`bench-user-${index + 1}`), index + 1]));
  return {
    async cloneTemplate(): Promise<BenchDatabase> {
      const name = `bench_run_${process.pid}`;
      const startedAt = Date.now();
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
      input.report(`cloned the template in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
      const sizeBytes = Number((await admin.query<{ size: string }>('SELECT pg_database_size($1) AS size', [name])).rows[0]?.size ?? 0);
      const connectionString = postgres.connectionString(name);
      await enableStatementStatistics(connectionString);
      const db = createKysely(connectionString, 4);
      return {
        db,
        connectionString,
        encryptionKey: readFileSync(keyPath, 'utf8').trim(),
        seedingSeconds,
        counts: countsAtScale(input.scale),
        sizeMb: Math.round(sizeBytes / 1024 / 1024),
        userId: (n) => md5Uuid(`bench-user-${n}`),
        membershipId: (n) => md5Uuid(`bench-membership-${n}`),
        userNumberOf: (userId) => {
          const n = userIds.get(userId);
          if (n === undefined) throw new Error(`${userId} is not a seeded user`);
          return n;
        },
        drop: async () => {
          await db.destroy();
          await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        },
      };
    },
  };
}
