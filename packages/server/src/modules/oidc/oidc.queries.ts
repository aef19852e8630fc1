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

export async function insertLoginAttempt(
  db: Db,
  attempt: { state: string; organisationId: string; codeVerifier: string; nonce: string; now: Date; invitationTokenHash: string | null },
): Promise<void> {
  await db
    .insertInto('oidc_login_attempts')
    .values({
      state: attempt.state,
      organisation_id: attempt.organisationId,
      code_verifier: attempt.codeVerifier,
      nonce: attempt.nonce,
      created_at: attempt.now,
      invitation_token_hash: attempt.invitationTokenHash,
    })
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
    .returning(['organisation_id as organisationId', 'code_verifier as codeVerifier', 'nonce', 'created_at as createdAt', 'invitation_token_hash as invitationTokenHash'])
    .executeTakeFirst();
}

/** The user's first membership in the organisation (the same choice the password login makes). */
export async function findLoginCandidateByUserId(db: Db, input: { userId: string; organisationId: string }) {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id as userId', 'm.id as membershipId', 'u.is_active as isActive', 'u.locked_at as lockedAt', 'u.is_demo as isDemo', 'u.totp_enrolled_at as totpEnrolledAt'])
    .where('u.id', '=', input.userId)
    .where('m.organisation_id', '=', input.organisationId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    userId: row.userId,
    membershipId: row.membershipId,
    isActive: row.isActive,
    isLocked: row.lockedAt !== null,
    isDemo: row.isDemo,
    isTotpEnrolled: row.totpEnrolledAt !== null,
  };
}

export type LoginCandidate = NonNullable<Awaited<ReturnType<typeof findLoginCandidateByUserId>>>;

/** The link of a provider identity (issuer + subject) to a user of the organisation. */
export async function findLinkedIdentity(db: Db, input: { organisationId: string; issuer: string; subject: string }) {
  const row = await db
    .selectFrom('oidc_identities')
    .select(['user_id', 'confirmed_at'])
    .where('organisation_id', '=', input.organisationId)
    .where('issuer', '=', input.issuer)
    .where('subject', '=', input.subject)
    .executeTakeFirst();
  return row ? { userId: row.user_id, isConfirmed: row.confirmed_at !== null } : undefined;
}

/** @idempotent on (organisation, issuer, subject): a concurrent first sign-in of the same subject links once. */
export async function insertOidcIdentity(
  db: Db,
  identity: { organisationId: string; issuer: string; subject: string; userId: string; now: Date; isConfirmed: boolean },
): Promise<boolean> {
  const inserted = await db
    .insertInto('oidc_identities')
    .values({
      organisation_id: identity.organisationId,
      issuer: identity.issuer,
      subject: identity.subject,
      user_id: identity.userId,
      created_at: identity.now,
      confirmed_at: identity.isConfirmed ? identity.now : null,
    })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'issuer', 'subject']).doNothing())
    .returning('subject')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteIdentitiesOfUser(db: Db, input: { organisationId: string; userId: string }): Promise<number> {
  const result = await db.deleteFrom('oidc_identities').where('organisation_id', '=', input.organisationId).where('user_id', '=', input.userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The user gave their TOTP code after signing in through a new link: the link holds from now on. */
export async function confirmOidcIdentities(db: Db, input: { userId: string; now: Date }): Promise<void> {
  await db.updateTable('oidc_identities').set({ confirmed_at: input.now }).where('user_id', '=', input.userId).where('confirmed_at', 'is', null).execute();
}

export async function insertOidcInvitation(
  db: Db,
  invitation: { organisationId: string; userId: string; tokenHash: string; createdByUserId: string; now: Date; expiresAt: Date },
): Promise<string> {
  const row = await db
    .insertInto('oidc_invitations')
    .values({
      organisation_id: invitation.organisationId,
      user_id: invitation.userId,
      token_hash: invitation.tokenHash,
      created_by_user_id: invitation.createdByUserId,
      created_at: invitation.now,
      expires_at: invitation.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A new invitation retires the user's earlier ones: only the newest link works. */
export async function expireOidcInvitationsOf(db: Db, input: { userId: string; organisationId: string; now: Date }): Promise<void> {
  await db
    .updateTable('oidc_invitations')
    .set({ expires_at: input.now })
    .where('user_id', '=', input.userId)
    .where('organisation_id', '=', input.organisationId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', input.now)
    .execute();
}

/** An unused, unexpired invitation of the organisation, without using it (to start the provider's flow). */
export async function findUsableOidcInvitation(db: Db, input: { tokenHash: string; now: Date }) {
  return db
    .selectFrom('oidc_invitations')
    .select(['id', 'organisation_id as organisationId', 'user_id as userId'])
    .where('token_hash', '=', input.tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', input.now)
    .executeTakeFirst();
}

/** Uses the invitation in one statement: a link works once, even for two callbacks racing each other. */
export async function takeOidcInvitation(db: Db, input: { tokenHash: string; organisationId: string; now: Date }) {
  return db
    .updateTable('oidc_invitations')
    .set({ used_at: input.now })
    .where('token_hash', '=', input.tokenHash)
    .where('organisation_id', '=', input.organisationId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', input.now)
    .returning(['id', 'user_id as userId'])
    .executeTakeFirst();
}

/** The user holds a membership of the organisation (an admin may invite only their own organisation's users). */
export async function isMemberOfOrganisation(db: Db, input: { organisationId: string; userId: string }): Promise<boolean> {
  const row = await db.selectFrom('memberships').select('id').where('organisation_id', '=', input.organisationId).where('user_id', '=', input.userId).executeTakeFirst();
  return row !== undefined;
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
