import { hash, verify as verifyPassword } from '@node-rs/argon2';
import { permissionsByRole, SIGN_IN_FAILURE_WINDOW_MS, SIGN_IN_LOCK_THRESHOLD, type LoginStage, type SessionInfo, type TotpEnrolment } from '@bro/domain';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import QRCode from 'qrcode';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/tables.ts';
import { appendAuditEntry, type AuditEntry } from '../../platform/audit-log.ts';
import { toActor, type Actor, type PendingLogin } from '../../platform/auth/authorization.ts';
import { endAllSessionsOfUser, endSession, findLiveSession, touchSession } from '../../platform/auth/session.queries.ts';
import { hashSessionToken, IDLE_TIMEOUT_MS, startSession } from '../../platform/auth/session.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { announceSessionsEnded, type LiveUpdates } from '../../platform/live-updates.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { confirmOidcIdentities } from '../oidc/index.ts';
import {
  claimTotpTimeStep,
  confirmTotpEnrolment,
  findLoginCandidate,
  findSecondFactorState,
  recordFailedAttempt,
  resetFailedAttempts,
  storePendingTotpSecret,
  type LoginCandidate,
  type SecondFactorState,
} from './auth.queries.ts';
import { assertSignInNotThrottled, countSignInAddressFailure, forgetSignInAddressFailures, sendUnlockLink } from './lockout.service.ts';
const TOTP_ISSUER = 'Bro';
/** One 30-second step either side, for phones whose clock drifts a little. */
export const TOTP_TOLERANCE_SECONDS = 30;

let dummyHashPromise: Promise<string> | undefined;
/**
 * An unknown e-mail is checked against this hash, so it costs the same argon2 work as a known one and the
 * answer time does not tell which e-mails have accounts.
 */
function dummyPasswordHash(): Promise<string> {
  dummyHashPromise ??= hash('no-such-account-placeholder-password');
  return dummyHashPromise;
}

export type StartedLogin = { token: string; csrfToken: string; stage: LoginStage };

/**
 * The first factor. Unknown e-mail, wrong password, inactive user, password-less (OIDC-only) user and an
 * organisation without local login all fail alike with `invalid_credentials`; `account_locked` is told only to
 * someone who gave the right password, so neither answer reveals whether an e-mail has an account. In production
 * (`isProduction`) a demo account is refused with `demo_account_refused`: its password is public anyway.
 */
export async function loginWithPassword(input: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  publicOrigin: string;
  email: string;
  password: string;
  previousSessionToken?: string | undefined;
  isProduction?: boolean | undefined;
}): Promise<StartedLogin> {
  const { db, clock } = input;
  // Before any password work: a throttled address waits, whether or not it has an account.
  await assertSignInNotThrottled(input);
  const candidate = await findLoginCandidate(db, input.email);
  const isPasswordValid = await verifyPassword(candidate?.passwordHash ?? (await dummyPasswordHash()), input.password).catch(() => false);
  const now = clock.now();
  const lockout = { cipher: input.cipher, publicOrigin: input.publicOrigin, email: input.email };

  if (!candidate || candidate.passwordHash === null) {
    const reason = candidate ? 'no_local_password' : 'unknown_account';
    await recordRefusedLogin(db, { now, userId: candidate?.id ?? null, organisationId: candidate?.organisationId ?? null, details: { factor: 'password', reason }, lockout });
    throw new AppError('invalid_credentials');
  }
  if (!isPasswordValid) {
    await countFailedAttempt(db, { now, userId: candidate.id, organisationId: candidate.organisationId, factor: 'password', lockout });
    throw new AppError('invalid_credentials');
  }
  const refusal = refusalReason(candidate);
  if (refusal) {
    await recordRefusedLogin(db, { now, userId: candidate.id, organisationId: candidate.organisationId, details: { factor: 'password', reason: refusal } });
    throw new AppError(refusal === 'account_locked' ? 'account_locked' : 'invalid_credentials');
  }
  if (candidate.isDemo && input.isProduction) {
    await recordRefusedLogin(db, { now, userId: candidate.id, organisationId: candidate.organisationId, details: { factor: 'password', reason: 'demo_account' } });
    throw new AppError('demo_account_refused');
  }
  // The right password: the address's wait is over (the account's own count resets only with both factors).
  await forgetSignInAddressFailures(db, input);
  return startPasswordLogin(db, { candidate, now, previousSessionToken: input.previousSessionToken });
}

function refusalReason(candidate: LoginCandidate) {
  if (!candidate.isActive) return 'inactive_user' as const;
  if (!candidate.membershipId || !candidate.isOrganisationActive) return 'no_active_membership' as const;
  if (!candidate.isLocalLoginEnabled) return 'local_login_disabled' as const;
  if (candidate.isLocked) return 'account_locked' as const;
  return undefined;
}

/** The password was right: a half-finished session that only the second factor can complete. */
async function startPasswordLogin(db: Db, input: { candidate: LoginCandidate; now: Date; previousSessionToken: string | undefined }): Promise<StartedLogin> {
  const { candidate, now } = input;
  const stage: LoginStage = candidate.isTotpEnrolled ? 'mfa_required' : 'mfa_enrolment';
  return db.transaction().execute(async (trx) => {
    const started = await startSession(trx, {
      userId: candidate.id,
      membershipId: candidate.membershipId,
      stage,
      authMethod: 'password',
      now,
      // Whatever session this browser held before is replaced, never carried into the new login.
      ...(input.previousSessionToken ? { previousSessionId: hashSessionToken(input.previousSessionToken) } : {}),
    });
    await appendSignInEntry(trx, { now, userId: candidate.id, organisationId: candidate.organisationId, action: 'auth.password_accepted', details: { factor: 'password', stage } });
    return { token: started.token, csrfToken: started.csrfToken, stage };
  });
}

/** The enrolment page: a new secret the first time, the same pending secret on every later visit. */
export async function getTotpEnrolment(input: { db: Db; clock: Clock; cipher: FieldCipher; pending: PendingLogin }): Promise<TotpEnrolment> {
  const { db, clock, cipher, pending } = input;
  if (pending.stage !== 'mfa_enrolment') throw new AppError('transition_not_allowed');
  const state = await getSecondFactorState(db, pending.sessionId);
  if (state.isTotpEnrolled) throw new AppError('transition_not_allowed');

  const now = clock.now();
  const secretEnc = await db.transaction().execute(async (trx) => {
    const stored = await storePendingTotpSecret(trx, { userId: state.userId, secretEnc: cipher.encrypt(generateSecret()), now });
    if (state.totpSecretEnc === null) {
      await appendSignInEntry(trx, { now, userId: state.userId, organisationId: state.organisationId, action: 'auth.totp_enrolment_started', details: { factor: 'totp' } });
    }
    return stored;
  });
  const secret = cipher.decrypt(secretEnc);
  const otpauthUri = generateURI({ issuer: TOTP_ISSUER, label: state.email, secret });
  return { otpauthUri, qrCodeDataUrl: await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2 }), secret };
}

export type CompletedLogin = { token: string; sessionInfo: SessionInfo };

/** Confirms the pending secret with a first code; the login then completes in a fresh session. */
type SecondFactorInput = { db: Db; clock: Clock; cipher: FieldCipher; liveUpdates: LiveUpdates; publicOrigin: string; pending: PendingLogin; code: string };

export async function enrolTotp(input: SecondFactorInput): Promise<CompletedLogin> {
  if (input.pending.stage !== 'mfa_enrolment') throw new AppError('transition_not_allowed');
  const state = await getSecondFactorState(input.db, input.pending.sessionId);
  if (state.isTotpEnrolled || state.totpSecretEnc === null) throw new AppError('transition_not_allowed');
  return completeSecondFactor({ ...input, state, secretEnc: state.totpSecretEnc, isEnrolment: true });
}

/** The second factor of a login by an enrolled user. */
export async function loginWithTotp(input: SecondFactorInput): Promise<CompletedLogin> {
  if (input.pending.stage !== 'mfa_required') throw new AppError('transition_not_allowed');
  const state = await getSecondFactorState(input.db, input.pending.sessionId);
  if (!state.isTotpEnrolled || state.totpSecretEnc === null) throw new AppError('transition_not_allowed');
  return completeSecondFactor({ ...input, state, secretEnc: state.totpSecretEnc, isEnrolment: false });
}

type SecondFactorAttempt = SecondFactorInput & { state: SecondFactorState; secretEnc: string; isEnrolment: boolean };

async function completeSecondFactor(input: SecondFactorAttempt): Promise<CompletedLogin> {
  const { db, clock, cipher, pending, state } = input;
  const now = clock.now();
  if (state.isLocked) {
    await db.transaction().execute(async (trx) => endSession(trx, pending.sessionId, now));
    throw new AppError('account_locked');
  }

  const result = await verifyTotp({
    secret: cipher.decrypt(input.secretEnc),
    token: input.code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOTP_TOLERANCE_SECONDS,
  }).catch(() => ({ valid: false as const }));

  if (!result.valid) {
    // A wrong code counts toward the same lockout as a wrong password: the password alone must not open
    // unlimited guesses at a six-digit code.
    const lockout = { cipher, publicOrigin: input.publicOrigin, email: state.email };
    const isLocked = await countFailedAttempt(db, { now, userId: state.userId, organisationId: state.organisationId, factor: 'totp', lockout });
    // The lock ended the user's sessions: their open streams close now, on every node.
    if (isLocked) await announceSessionsEnded(input.liveUpdates, state.userId);
    throw new AppError(isLocked ? 'account_locked' : 'invalid_totp');
  }
  const timeStep = 'timeStep' in result ? result.timeStep : Math.floor(now.getTime() / 30_000);
  return db.transaction().execute((trx) => finishSecondFactor(trx, { ...input, now, timeStep }));
}

/** The code was right: spend it, and complete the login in a fresh, fully authenticated session. */
async function finishSecondFactor(trx: Transaction<Database>, input: SecondFactorAttempt & { now: Date; timeStep: number }): Promise<CompletedLogin> {
  const { state, now } = input;
  // A code works once: someone who saw it over a shoulder cannot replay it within its 30-second window.
  if (!(await claimTotpTimeStep(trx, { userId: state.userId, timeStep: input.timeStep }))) throw new AppError('invalid_totp');
  if (input.isEnrolment) await confirmTotpEnrolment(trx, { userId: state.userId, now });
  // Only a completed login (both factors) resets the failure count: were the password alone enough, an
  // attacker who knows it could alternate password and code guesses forever.
  await resetFailedAttempts(trx, state.userId);
  // An identity provider's first sign-in to an account with TOTP: the link counts only now that the code was given.
  if (state.authMethod === 'oidc') await confirmOidcIdentities(trx, { userId: state.userId, now });
  // Step-up rotates the token: the half-authenticated token is worthless from here on.
  const started = await startSession(trx, {
    userId: state.userId,
    membershipId: state.membershipId,
    stage: 'authenticated',
    authMethod: state.authMethod,
    now,
    previousSessionId: input.pending.sessionId,
  });
  const session = await findLiveSession(trx, started.sessionId);
  const actor = session ? toActor(session) : undefined;
  if (!actor) throw new AppError('unauthenticated');
  const signedIn = { now, userId: state.userId, organisationId: state.organisationId };
  if (input.isEnrolment) await appendSignInEntry(trx, { ...signedIn, action: 'auth.totp_enrolled', details: { factor: 'totp' } });
  await appendSignInEntry(trx, { ...signedIn, action: 'auth.login_succeeded', details: { method: state.authMethod, factor: 'totp', isEnrolment: input.isEnrolment } });
  return { token: started.token, sessionInfo: toSessionInfo(actor) };
}

type SessionInfoSource = Pick<
  Actor,
  'userId' | 'displayName' | 'email' | 'organisationId' | 'organisationName' | 'organisationKind' | 'role' | 'serviceLine' | 'csrfToken' | 'authMethod'
>;

/** What the web app needs to know about the signed-in user; the permissions come from the role matrix. */
export function toSessionInfo(source: SessionInfoSource, idleTimeoutMs = IDLE_TIMEOUT_MS): SessionInfo {
  return {
    user: { id: source.userId, displayName: source.displayName, email: source.email },
    organisation: { id: source.organisationId, name: source.organisationName, kind: source.organisationKind },
    role: source.role,
    serviceLine: source.serviceLine,
    permissions: [...permissionsByRole[source.role]],
    csrfToken: source.csrfToken,
    authMethod: source.authMethod,
    idleTimeoutSeconds: idleTimeoutMs / 1000,
  };
}

/**
 * Someone is still at work (typing in a form) though the app has not asked the server anything for a while: the
 * session's idle clock starts again. Not audited, like any other request that keeps a session alive.
 */
export async function keepSessionAlive(input: { db: Db; clock: Clock; actor: Actor }): Promise<void> {
  await touchSession(input.db, input.actor.sessionId, input.clock.now());
}

/** Ends the session; its open live-update streams close at once, on every app node. */
export async function logout(input: { db: Db; clock: Clock; liveUpdates: LiveUpdates; actor: Actor }): Promise<void> {
  const { actor } = input;
  const now = input.clock.now();
  await input.db.transaction().execute(async (trx) => {
    await endSession(trx, actor.sessionId, now);
    await appendSignInEntry(trx, { now, userId: actor.userId, organisationId: actor.organisationId, action: 'auth.logout', details: { method: actor.authMethod } });
  });
  await announceSessionsEnded(input.liveUpdates, actor.userId);
}

async function getSecondFactorState(db: Db, sessionId: string): Promise<SecondFactorState> {
  const state = await findSecondFactorState(db, sessionId);
  // The authorization hook found this session a moment ago; if it is gone now, the login simply has to restart.
  if (!state) throw new AppError('unauthenticated');
  return state;
}

type SignInEvent = { now: Date; userId: string | null; organisationId: string | null };

/** An entry about a user's own sign-in or sign-out: the user is both actor and object (`unknown`: no account matched). */
async function appendSignInEntry(trx: Transaction<Database>, event: SignInEvent & { action: string; details: NonNullable<AuditEntry['details']> }): Promise<void> {
  await appendAuditEntry(trx, {
    occurredAt: event.now,
    actorUserId: event.userId,
    actorOrganisationId: event.organisationId,
    action: event.action,
    objectType: 'user',
    objectId: event.userId ?? 'unknown',
    details: event.details,
  });
}

/** Where a failure is counted for the address, and where the holder is told when it locks the account. */
type LockoutContext = { cipher: FieldCipher; publicOrigin: string; email: string };

/**
 * A refused sign-in is audited in a transaction of its own. A wrong guess (no account, no password) also counts for
 * the address tried (`lockout`); a refusal after the right password (locked, inactive, demo) does not.
 */
async function recordRefusedLogin(db: Db, event: SignInEvent & { details: NonNullable<AuditEntry['details']>; lockout?: LockoutContext }): Promise<void> {
  const { lockout, ...entry } = event;
  await db.transaction().execute(async (trx) => {
    if (lockout) await countSignInAddressFailure(trx, { cipher: lockout.cipher, email: lockout.email, now: event.now });
    await appendSignInEntry(trx, { ...entry, action: 'auth.login_failed' });
  });
}

/**
 * Counts a wrong password or code toward the lockout (5 within 24 hours) and audits it; a wrong password also counts
 * for the address. The attempt that reaches the threshold locks the account, sends the holder the unlock link and,
 * on the second factor, ends the user's sessions. Answers whether the account is locked now.
 */
export async function countFailedAttempt(db: Db, event: SignInEvent & { userId: string; factor: 'password' | 'totp'; lockout: LockoutContext }): Promise<boolean> {
  const { now, userId, organisationId, factor, lockout } = event;
  return db.transaction().execute(async (trx) => {
    if (factor === 'password') await countSignInAddressFailure(trx, { cipher: lockout.cipher, email: lockout.email, now });
    const windowStart = new Date(now.getTime() - SIGN_IN_FAILURE_WINDOW_MS);
    const attempt = await recordFailedAttempt(trx, { userId, now, windowStart, lockThreshold: SIGN_IN_LOCK_THRESHOLD });
    if (factor === 'totp' && attempt.isLocked) await endAllSessionsOfUser(trx, userId, now);
    const reason = factor === 'totp' ? 'wrong_code' : 'wrong_password';
    await appendSignInEntry(trx, { now, userId, organisationId, action: 'auth.login_failed', details: { factor, reason, failedAttempts: attempt.failedLoginCount } });
    if (attempt.isNewlyLocked) {
      await appendSignInEntry(trx, { now, userId, organisationId, action: 'user.lock', details: { reason: 'failed_attempts', factor, threshold: SIGN_IN_LOCK_THRESHOLD } });
      await sendUnlockLink(trx, { cipher: lockout.cipher, publicOrigin: lockout.publicOrigin, now, userId, email: attempt.email });
    }
    return attempt.isLocked;
  });
}
