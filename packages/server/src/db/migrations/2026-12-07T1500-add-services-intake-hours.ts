import { sql, type Kysely } from 'kysely';

/** When the service's intake can be reached, in the admin's words (e.g. "Hverdage 9–15"), beside its phone. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE services ADD COLUMN intake_hours text NOT NULL DEFAULT '' CHECK (char_length(intake_hours) <= 200)`.execute(db);
}
