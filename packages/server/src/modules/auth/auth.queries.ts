import type { Db } from '../../db/tables.ts';

/** The user behind an e-mail, with their first membership (the one a password login signs into). */
export async function findLoginCandidate(db: Db, email: string) {
  const row = await db
    .selectFrom('users as u')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('memberships')
          .select(['id', 'user_id', 'organisation_id'])
          .distinctOn('user_id')
          .orderBy('user_id')
          .orderBy('created_at')
          .orderBy('id')
          .as('m'),
      (join) => join.onRef('m.user_id', '=', 'u.id'),
    )
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select([
      'u.id',
      'u.password_hash',
      'u.is_active',
      'u.locked_at',
      'u.totp_enrolled_at',
      'u.is_demo',
      'm.id as membership_id',
      'o.id as organisation_id',
      'o.is_active as is_organisation_active',
      'o.is_local_login_enabled',
    ])
    .where('u.email', '=', email)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    passwordHash: row.password_hash,
    isActive: row.is_active,
    isLocked: row.locked_at !== null,
    isTotpEnrolled: row.totp_enrolled_at !== null,
    isDemo: row.is_demo,
    membershipId: row.membership_id,
    organisationId: row.organisation_id,
    isOrganisationActive: row.is_organisation_active,
    isLocalLoginEnabled: row.is_local_login_enabled,
  };
}

export type LoginCandidate = NonNullable<Awaited<ReturnType<typeof findLoginCandidate>>>;

/** The user and membership behind a half-finished login. */
export async function findSecondFactorState(db: Db, sessionId: string) {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('memberships as m', 'm.id', 's.membership_id')
    .select(['u.id', 'u.email', 'u.totp_secret_enc', 'u.totp_enrolled_at', 'u.locked_at', 's.membership_id', 's.auth_method', 'm.organisation_id'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    userId: row.id,
    organisationId: row.organisation_id,
    membershipId: row.membership_id,
    email: row.email,
    totpSecretEnc: row.totp_secret_enc,
    isTotpEnrolled: row.totp_enrolled_at !== null,
    isLocked: row.locked_at !== null,
    /** `oidc` when an identity provider's first sign-in to an account with TOTP asks for the code too. */
    authMethod: row.auth_method === 'oidc' ? ('oidc' as const) : ('password' as const),
  };
}

/** What re-authentication checks: the user's own password and second factor. */
export async function findReauthenticationState(db: Db, userId: string) {
  const row = await db.selectFrom('users').select(['email', 'password_hash', 'totp_secret_enc', 'totp_enrolled_at', 'locked_at']).where('id', '=', userId).executeTakeFirst();
  if (!row) return undefined;
  return {
    email: row.email,
    passwordHash: row.password_hash,
    totpSecretEnc: row.totp_enrolled_at === null ? null : row.totp_secret_enc,
    isLocked: row.locked_at !== null,
  };
}

export type SecondFactorState = NonNullable<Awaited<ReturnType<typeof findSecondFactorState>>>;

/**
 * Counts one failed attempt (password or second factor) within the failure window and locks the account when the
 * count reaches `lockThreshold`; a count whose window began before `windowStart` starts again at 1. The row is locked
 * first, so concurrent attempts cannot both slip under the threshold.
 */
export async function recordFailedAttempt(
  db: Db,
  input: { userId: string; now: Date; windowStart: Date; lockThreshold: number },
): Promise<{ failedLoginCount: number; isLocked: boolean; isNewlyLocked: boolean; email: string }> {
  const before = await db.selectFrom('users').select(['locked_at', 'failed_login_window_started_at']).where('id', '=', input.userId).forUpdate().executeTakeFirstOrThrow();
  const isNewWindow = before.failed_login_window_started_at === null || before.failed_login_window_started_at < input.windowStart;
  const row = await db
    .updateTable('users')
    .set((eb) => ({
      failed_login_count: isNewWindow ? 1 : eb('failed_login_count', '+', 1),
      failed_login_window_started_at: isNewWindow ? input.now : before.failed_login_window_started_at,
      last_failed_login_at: input.now,
      locked_at: eb
        .case()
        .when(eb.and([eb('locked_at', 'is', null), eb(isNewWindow ? eb.lit(1) : eb('failed_login_count', '+', 1), '>=', input.lockThreshold)]))
        .then(input.now)
        .else(eb.ref('locked_at'))
        .end(),
    }))
    .where('id', '=', input.userId)
    .returning(['failed_login_count', 'locked_at', 'email'])
    .executeTakeFirstOrThrow();
  return { failedLoginCount: row.failed_login_count, isLocked: row.locked_at !== null, isNewlyLocked: before.locked_at === null && row.locked_at !== null, email: row.email };
}

/** A completed login (both factors) starts the count of failures afresh. */
export async function resetFailedAttempts(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_login_count: 0, failed_login_window_started_at: null })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('failed_login_count', '<>', 0), eb('failed_login_window_started_at', 'is not', null)]))
    .execute();
}

/** Stores a new, not yet confirmed TOTP secret unless one is already pending; answers the one that is stored. */
export async function storePendingTotpSecret(db: Db, input: { userId: string; secretEnc: string; now: Date }): Promise<string> {
  await db
    .updateTable('users')
    .set({ totp_secret_enc: input.secretEnc, totp_enrolled_at: null, updated_at: input.now })
    .where('id', '=', input.userId)
    .where('totp_secret_enc', 'is', null)
    .where('totp_enrolled_at', 'is', null)
    .execute();
  const row = await db.selectFrom('users').select('totp_secret_enc').where('id', '=', input.userId).executeTakeFirstOrThrow();
  if (row.totp_secret_enc === null) throw new Error('TOTP secret was not stored');
  return row.totp_secret_enc;
}

/**
 * Claims a TOTP time step for the user: true the first time, false if this or a later step was already used.
 * One conditional UPDATE, so two concurrent logins with the same code cannot both win.
 */
export async function claimTotpTimeStep(db: Db, input: { userId: string; timeStep: number }): Promise<boolean> {
  const claimed = await db
    .updateTable('users')
    .set({ totp_last_time_step: input.timeStep })
    .where('id', '=', input.userId)
    .where((eb) => eb.or([eb('totp_last_time_step', 'is', null), eb('totp_last_time_step', '<', String(input.timeStep))]))
    .returning('id')
    .executeTakeFirst();
  return claimed !== undefined;
}

export async function confirmTotpEnrolment(db: Db, input: { userId: string; now: Date }): Promise<void> {
  await db.updateTable('users').set({ totp_enrolled_at: input.now, updated_at: input.now }).where('id', '=', input.userId).execute();
}
