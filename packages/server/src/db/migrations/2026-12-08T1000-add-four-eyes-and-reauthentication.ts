import { sql, type Kysely } from 'kysely';

/**
 * Four eyes on the powerful roles (issue 12 §2).
 * - `sessions.authenticated_at`: when the holder last proved who they are (password + TOTP, or a fresh OIDC sign-in);
 *   the riskiest changes ask for it again after a few minutes (re-authentication).
 * - `admin_change_requests`: a platform admin's new organisation admin, or new identity provider, for an organisation
 *   that already has an admin of its own, waits here until one of that organisation's admins approves or rejects it.
 * - `oidc_invitations`: the one-time links that let a user link their identity-provider account on first sign-in.
 *   An e-mail claim alone never links an account any more.
 * - `oidc_identities.issuer` and `confirmed_at`: a link holds only for the issuer it was made with, and a link made
 *   for an account with TOTP counts only once that code has been given.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE sessions ADD COLUMN authenticated_at timestamptz`.execute(db);
  await sql`UPDATE sessions SET authenticated_at = created_at`.execute(db);
  await sql`ALTER TABLE sessions ALTER COLUMN authenticated_at SET NOT NULL, ALTER COLUMN authenticated_at SET DEFAULT now()`.execute(db);
  await sql`COMMENT ON COLUMN sessions.authenticated_at IS 'Last proof of identity in this session (sign-in or re-authentication)'`.execute(db);

  await sql`ALTER TABLE oidc_identities ADD COLUMN issuer text`.execute(db);
  // Existing links were made with the organisation's current provider; one without a provider gets an issuer
  // no provider has ('') and so never matches again.
  await sql`UPDATE oidc_identities i SET issuer = p.issuer FROM oidc_providers p WHERE p.organisation_id = i.organisation_id`.execute(db);
  await sql`UPDATE oidc_identities SET issuer = '' WHERE issuer IS NULL`.execute(db);
  await sql`ALTER TABLE oidc_identities ALTER COLUMN issuer SET NOT NULL`.execute(db);
  // The same subject from another issuer is another person: the issuer is part of the key.
  await sql`ALTER TABLE oidc_identities DROP CONSTRAINT oidc_identities_pkey, ADD PRIMARY KEY (organisation_id, issuer, subject)`.execute(db);
  await sql`ALTER TABLE oidc_identities ADD COLUMN confirmed_at timestamptz`.execute(db);
  await sql`UPDATE oidc_identities SET confirmed_at = created_at`.execute(db);
  await sql`COMMENT ON COLUMN oidc_identities.confirmed_at IS 'NULL until the first sign-in through it also gave the account''s TOTP code'`.execute(db);

  await sql`
    CREATE TABLE oidc_invitations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      user_id uuid NOT NULL REFERENCES users (id),
      token_hash text NOT NULL UNIQUE,
      created_by_user_id uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    )
  `.execute(db);
  await sql`CREATE INDEX oidc_invitations_user_id_idx ON oidc_invitations (user_id)`.execute(db);
  await sql`COMMENT ON COLUMN oidc_invitations.token_hash IS 'SHA-256 (hex) of the one-time token; the token itself is never stored'`.execute(db);
  await sql`ALTER TABLE oidc_login_attempts ADD COLUMN invitation_token_hash text`.execute(db);

  await sql`
    CREATE TABLE admin_change_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      kind text NOT NULL CHECK (kind IN ('organisation_admin', 'oidc_provider')),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
      payload_enc text NOT NULL,
      requested_by_user_id uuid NOT NULL REFERENCES users (id),
      requested_at timestamptz NOT NULL,
      decided_by_user_id uuid REFERENCES users (id),
      decided_at timestamptz
    )
  `.execute(db);
  await sql`CREATE INDEX admin_change_requests_pending_idx ON admin_change_requests (organisation_id) WHERE status = 'pending'`.execute(db);
  await sql`COMMENT ON COLUMN admin_change_requests.payload_enc IS 'Encrypted JSON: the new admin''s e-mail and name, or the provider settings (its secret encrypted once more)'`.execute(db);
}
