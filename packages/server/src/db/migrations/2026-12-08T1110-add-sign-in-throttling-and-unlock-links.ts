import { sql, type Kysely } from 'kysely';

/**
 * Sign-in throttling and a lockout nobody else can make permanent.
 * - `login_throttles`: failed password attempts per e-mail address (its keyed hash: the address is personal data),
 *   kept alike for addresses with and without an account, so the growing wait tells nothing about which exist.
 * - `users.failed_login_window_started_at`: the lockout counts failures within 24 hours of the first.
 * - `account_unlock_links`: the one-time link the account holder gets by e-mail each time the account locks; only
 *   the token's SHA-256 is stored, a link works once, and not after `expires_at`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE login_throttles (
      address_hash text PRIMARY KEY,
      failure_count integer NOT NULL CHECK (failure_count >= 0),
      first_failed_at timestamptz NOT NULL,
      blocked_until timestamptz NOT NULL
    )
  `.execute(db);
  await sql`COMMENT ON COLUMN login_throttles.address_hash IS 'HMAC of the normalised e-mail address tried; never the address'`.execute(db);
  await sql`ALTER TABLE users ADD COLUMN failed_login_window_started_at timestamptz`.execute(db);
  await sql`
    CREATE TABLE account_unlock_links (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    )
  `.execute(db);
  await sql`CREATE INDEX account_unlock_links_user_id_idx ON account_unlock_links (user_id)`.execute(db);
  await sql`COMMENT ON COLUMN account_unlock_links.token_hash IS 'SHA-256 (hex) of the one-time token; the token itself is never stored'`.execute(db);
}
