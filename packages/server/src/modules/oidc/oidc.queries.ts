import type { Db } from '../../db/tables.ts';

/** Only enabled providers of active organisations can be used to sign in. */
function enabledProviders(db: Db) {
  return db
    .selectFrom('oidc_providers as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select([
      'p.organisation_id as organisationId',
      'o.slug as organisationSlug',
      'p.issuer',
      'p.client_id as clientId',
      'p.client_secret_enc as clientSecretEnc',
      'p.display_name as displayName',
    ])
    .where('p.is_enabled', '=', true)
    .where('o.is_active', '=', true);
}

export async function listEnabledProviders(db: Db) {
  return enabledProviders(db).clearSelect().select(['o.slug as organisationSlug', 'p.display_name as displayName']).orderBy('p.display_name').orderBy('o.slug').execute();
}

export async function findEnabledProviderBySlug(db: Db, organisationSlug: string) {
  return enabledProviders(db).where('o.slug', '=', organisationSlug).executeTakeFirst();
}

export async function findEnabledProviderByOrganisationId(db: Db, organisationId: string) {
  return enabledProviders(db).where('p.organisation_id', '=', organisationId).executeTakeFirst();
}

export type OidcProviderRow = NonNullable<Awaited<ReturnType<typeof findEnabledProviderBySlug>>>;

export async function insertLoginAttempt(db: Db, attempt: { state: string; organisationId: string; codeVerifier: string; nonce: string; now: Date }): Promise<void> {
  await db
    .insertInto('oidc_login_attempts')
    .values({ state: attempt.state, organisation_id: attempt.organisationId, code_verifier: attempt.codeVerifier, nonce: attempt.nonce, created_at: attempt.now })
    .execute();
}

/** Keeps the table small: attempts older than their lifetime can never be completed. */
export async function deleteLoginAttemptsCreatedBefore(db: Db, cutoff: Date): Promise<void> {
  await db.deleteFrom('oidc_login_attempts').where('created_at', '<', cutoff).execute();
}

/**
 * Removes and returns the attempt in one statement: a state can be consumed exactly once, even by two callbacks
 * racing each other.
 */
export async function takeLoginAttempt(db: Db, state: string) {
  return db
    .deleteFrom('oidc_login_attempts')
    .where('state', '=', state)
    .returning(['organisation_id as organisationId', 'code_verifier as codeVerifier', 'nonce', 'created_at as createdAt'])
    .executeTakeFirst();
}

/** The user's first membership in the organisation (the same choice the password login makes). */
export async function findLoginCandidateByUserId(db: Db, input: { userId: string; organisationId: string }) {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id as userId', 'm.id as membershipId', 'u.is_active as isActive', 'u.locked_at as lockedAt', 'u.is_demo as isDemo'])
    .where('u.id', '=', input.userId)
    .where('m.organisation_id', '=', input.organisationId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .executeTakeFirst();
  return row ? { userId: row.userId, membershipId: row.membershipId, isActive: row.isActive, isLocked: row.lockedAt !== null, isDemo: row.isDemo } : undefined;
}

export type LoginCandidate = NonNullable<Awaited<ReturnType<typeof findLoginCandidateByUserId>>>;

/** A member of the organisation with this e-mail (stored lower-case), for linking on first sign-in. */
export async function findLoginCandidateByEmail(db: Db, input: { email: string; organisationId: string }) {
  const user = await db.selectFrom('users').select('id').where('email', '=', input.email.toLowerCase()).executeTakeFirst();
  return user ? findLoginCandidateByUserId(db, { userId: user.id, organisationId: input.organisationId }) : undefined;
}

export async function findLinkedUserId(db: Db, input: { organisationId: string; subject: string }): Promise<string | undefined> {
  const row = await db
    .selectFrom('oidc_identities')
    .select('user_id')
    .where('organisation_id', '=', input.organisationId)
    .where('subject', '=', input.subject)
    .executeTakeFirst();
  return row?.user_id;
}

export async function hasLinkedIdentity(db: Db, input: { organisationId: string; userId: string }): Promise<boolean> {
  const row = await db
    .selectFrom('oidc_identities')
    .select('subject')
    .where('organisation_id', '=', input.organisationId)
    .where('user_id', '=', input.userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** @idempotent on (organisation, subject): a concurrent first sign-in of the same subject links once. */
export async function insertOidcIdentity(db: Db, identity: { organisationId: string; subject: string; userId: string; now: Date }): Promise<boolean> {
  const inserted = await db
    .insertInto('oidc_identities')
    .values({ organisation_id: identity.organisationId, subject: identity.subject, user_id: identity.userId, created_at: identity.now })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'subject']).doNothing())
    .returning('subject')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findProviderSettings(db: Db, organisationId: string) {
  return db
    .selectFrom('oidc_providers')
    .select(['issuer', 'client_id as clientId', 'display_name as displayName', 'is_enabled as isEnabled', 'client_secret_enc as clientSecretEnc'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export type OidcProviderSettingsRow = NonNullable<Awaited<ReturnType<typeof findProviderSettings>>>;

export async function upsertProviderSettings(db: Db, settings: OidcProviderSettingsRow & { organisationId: string }): Promise<void> {
  await db
    .insertInto('oidc_providers')
    .values({
      organisation_id: settings.organisationId,
      issuer: settings.issuer,
      client_id: settings.clientId,
      client_secret_enc: settings.clientSecretEnc,
      display_name: settings.displayName,
      is_enabled: settings.isEnabled,
    })
    .onConflict((conflict) =>
      conflict.column('organisation_id').doUpdateSet({
        issuer: settings.issuer,
        client_id: settings.clientId,
        client_secret_enc: settings.clientSecretEnc,
        display_name: settings.displayName,
        is_enabled: settings.isEnabled,
      }),
    )
    .execute();
}

export async function organisationExists(db: Db, organisationId: string): Promise<boolean> {
  return (await db.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst()) !== undefined;
}
