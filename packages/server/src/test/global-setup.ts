import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import type { EmbeddedServer } from '../db/embedded-postgres.ts';
import { migrateToLatest } from '../db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: { adminUrl: string; templateName: string; databasePrefix: string };
  }
}

/**
 * One PostgreSQL server for the whole run: the embedded one, or TEST_DATABASE_URL (an existing server, e.g. the
 * machine's own on 127.0.0.1:5432). The migrations run once into a template; each test file clones it.
 */
export default async function setup(project: TestProject) {
  // embedded-postgres registers async-exit-hook: its `beforeExit` handler calls process.exit(0), which would turn
  // Vitest's failing exit code into success, and its `exit` handler throws once the server is gone. Load it here,
  // note the handlers it adds for those two events, and remove them once the teardown has stopped the server
  // (which is what the hook was for). Its signal handlers stay: Ctrl-C still stops the server.
  const beforeExitBefore = new Set(process.listeners('beforeExit'));
  const exitBefore = new Set(process.listeners('exit'));
  const { startEmbeddedPostgres } = await import('../db/embedded-postgres.ts');
  const { createKysely } = await import('../db/database.ts');
  const addedBeforeExit = process.listeners('beforeExit').filter((listener) => !beforeExitBefore.has(listener));
  const addedExit = process.listeners('exit').filter((listener) => !exitBefore.has(listener));

  let server: EmbeddedServer | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'bro-test-pg-'));
    chmodSync(dataDir, 0o711);
    server = await startEmbeddedPostgres(dataDir);
    adminUrl = server.connectionString('postgres');
  }

  // Every database this run makes carries the run's own prefix, so two runs on one server (CI and a developer on the
  // machine's PostgreSQL) never drop each other's.
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const databasePrefix = `bro_test_${runId}_`;
  const templateName = `bro_template_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${templateName}`);
  const templateDb = createKysely(withDatabase(adminUrl, templateName), 2);
  await migrateToLatest(templateDb);
  await templateDb.destroy();

  project.provide('testDatabase', { adminUrl, templateName, databasePrefix });

  return async () => {
    // Drop whatever databases this run made (and only those), then the server.
    const leftovers = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1) OR datname = $2", [databasePrefix, templateName]);
    for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
    if (server) await server.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    for (const listener of addedBeforeExit) process.removeListener('beforeExit', listener);
    for (const listener of addedExit) process.removeListener('exit', listener);
  };
}

export function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}
