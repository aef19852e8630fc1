import { verify as verifyPassword } from '@node-rs/argon2';
import { verify as verifyTotp } from 'otplib';
import type { Db } from '../../db/tables.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import { markSessionReauthenticated } from '../../platform/auth/session.queries.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { announceSessionsEnded, type LiveUpdates } from '../../platform/live-updates.ts';
import { claimTotpTimeStep, findReauthenticationState } from './auth.queries.ts';
import { countFailedAttempt, TOTP_TOLERANCE_SECONDS } from './auth.service.ts';

/**
 * The holder of a signed-in session proves who they are again, with the password and a TOTP code, before a risky
 * change (`reauthentication_required`). A wrong password or code counts toward the same lockout as a sign-in, so a
 * borrowed, unattended session cannot guess its way through. A session from an identity provider, or an account
 * without a password, re-authenticates by signing in afresh through the provider: this answers `invalid_credentials`.
 */
type ReauthenticationInput = { db: Db; clock: Clock; cipher: FieldCipher; liveUpdates: LiveUpdates; publicOrigin: string; actor: Actor; password: string; code: string };

export async function reauthenticate(input: ReauthenticationInput): Promise<void> {
  const { db, actor } = input;
  const now = input.clock.now();
  const state = await findReauthenticationState(db, actor.userId);
  if (!state || state.passwordHash === null || state.totpSecretEnc === null || actor.authMethod !== 'password') throw new AppError('invalid_credentials');
  if (state.isLocked) throw new AppError('account_locked');
  // A lock from here is like one at sign-in: the holder gets an unlock link, and a lock on the code ends the sessions.
  const failure = { now, userId: actor.userId, organisationId: actor.organisationId, lockout: { cipher: input.cipher, publicOrigin: input.publicOrigin, email: state.email } };
  if (!(await verifyPassword(state.passwordHash, input.password).catch(() => false))) {
    const isLocked = await countFailedAttempt(db, { ...failure, factor: 'password' });
    throw new AppError(isLocked ? 'account_locked' : 'invalid_credentials');
  }
  const result = await verifyTotp({
    secret: input.cipher.decrypt(state.totpSecretEnc),
    token: input.code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOTP_TOLERANCE_SECONDS,
  }).catch(() => ({ valid: false as const }));
  if (!result.valid) {
    const isLocked = await countFailedAttempt(db, { ...failure, factor: 'totp' });
    if (isLocked) await announceSessionsEnded(input.liveUpdates, actor.userId);
    throw new AppError(isLocked ? 'account_locked' : 'invalid_totp');
  }
  const timeStep = 'timeStep' in result ? result.timeStep : Math.floor(now.getTime() / 30_000);
  await db.transaction().execute(async (trx) => {
    // A code works once, here as at sign-in.
    if (!(await claimTotpTimeStep(trx, { userId: actor.userId, timeStep }))) throw new AppError('invalid_totp');
    await markSessionReauthenticated(trx, actor.sessionId, now);
    await appendAuditEntryBy(trx, actor, { occurredAt: now, action: 'auth.reauthenticated', objectType: 'user', objectId: actor.userId, details: { factor: 'totp' } });
  });
}
