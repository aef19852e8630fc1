import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createKysely } from '../db/database.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../db/embedded-postgres.ts';
import { migrateToLatest } from '../db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: { adminUrl: string; templateName: string };
  }
}

/**
 * One PostgreSQL server for the whole run: the embedded one, or TEST_DATABASE_URL (an existing server, e.g. the
 * machine's own on 127.0.0.1:5432). The migrations run once into a template; each test file clones it.
 */
export default async function setup(project: TestProject) {
  let server: EmbeddedServer | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'bro-test-pg-'));
    chmodSync(dataDir, 0o711);
    server = await startEmbeddedPostgres(dataDir);
    adminUrl = server.connectionString('postgres');
  }

  const templateName = `bro_template_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${templateName}`);
  const templateDb = createKysely(withDatabase(adminUrl, templateName), 2);
  await migrateToLatest(templateDb);
  await templateDb.destroy();

  project.provide('testDatabase', { adminUrl, templateName });

  return async () => {
    // Drop whatever databases this run made, then the server.
    const leftovers = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'bro_test_%' OR datname = $1",
      [templateName],
    );
    for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
    if (server) await server.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}
