import { sql, type Kysely } from 'kysely';

/**
 * Production mode. `users.is_demo` marks the accounts the demo loader made: their passwords and TOTP secrets are
 * published, so a production system refuses them at sign-in. `enrolment_links` holds the one-time links that let a
 * person without a password (the first platform admin, made by `npm run bro -- admin:create`) choose one: only the
 * token's SHA-256 is stored, a link works once, and not after `expires_at`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN is_demo boolean NOT NULL DEFAULT false`.execute(db);
  await sql`COMMENT ON COLUMN users.is_demo IS 'Made by the demo loader: published password and TOTP secret, refused at sign-in in production'`.execute(db);
  await sql`
    CREATE TABLE enrolment_links (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    )
  `.execute(db);
  await sql`CREATE INDEX enrolment_links_user_id_idx ON enrolment_links (user_id)`.execute(db);
  await sql`COMMENT ON COLUMN enrolment_links.token_hash IS 'SHA-256 (hex) of the one-time token; the token itself is never stored'`.execute(db);
}
