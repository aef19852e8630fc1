import { sql, type Kysely } from 'kysely';

/**
 * A staff member's private calendar feed (issue 14 §5): one revocable token per membership, held as its SHA-256
 * only, so a leaked database dump gives no working feed address. The feed is read as the membership's CURRENT role
 * and organisation: a deleted membership takes its token with it (cascade), a deactivated user or organisation is
 * refused when the feed is read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE calendar_feed_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      membership_id uuid NOT NULL UNIQUE REFERENCES memberships (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      last_used_at timestamptz
    )
  `.execute(db);
  await sql`COMMENT ON COLUMN calendar_feed_tokens.token_hash IS 'SHA-256 (hex) of the feed token; the token itself is never stored and is shown to its owner once'`.execute(db);
  await sql`COMMENT ON COLUMN calendar_feed_tokens.last_used_at IS 'When a calendar program last fetched the feed, to the hour (not written on every fetch)'`.execute(db);
}
