import { sql } from 'kysely';
import type { Db } from '../../db/tables.ts';

export async function pingDatabase(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db);
}

/** The newest migration applied to this database (Kysely's own table), or undefined before the first. */
export async function findNewestAppliedMigration(db: Db): Promise<string | undefined> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db);
  return rows[0]?.name;
}
