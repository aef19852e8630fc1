import { sql, type Kysely } from 'kysely';

/**
 * When each user last completed sign-in (both factors, or OIDC), so an organisation admin can find accounts nobody
 * uses any more and deactivate them: an unused account with access to victims' data is a risk, not a convenience.
 * Null until the first sign-in after this migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN last_signed_in_at timestamptz`.execute(db);
}
