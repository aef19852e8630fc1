import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';

export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
