import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/tables.ts';
import { endSession, insertSession, recordSignIn } from './session.queries.ts';

export const SESSION_COOKIE = '__Host-bro-session';
/** A session ends after this long without a request (or a heartbeat from someone typing). */
export const IDLE_TIMEOUT_MS = 15 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 8 * 60 * 60_000;
/** A half-finished login (password given, second factor pending) lives only this long. */
const PENDING_MFA_TIMEOUT_MS = 10 * 60_000;

/** The idle timeout this app runs with: the 15 minutes unless configured otherwise (only outside production, env.ts). */
export function idleTimeoutOf(config: { sessionIdleTimeoutMs?: number | undefined }): number {
  return config.sessionIdleTimeoutMs ?? IDLE_TIMEOUT_MS;
}

export type SessionStage = 'mfa_required' | 'mfa_enrolment' | 'authenticated';

/** 256-bit opaque token from the CSPRNG. Only its SHA-256 is stored, so a database leak yields no live session. */
function createSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: hashSessionToken(token) };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Starts a new session (and ends `previousSessionId`, if any): the token is rotated at every step up, so a token
 * seen before login is worthless after it.
 */
export async function startSession(
  db: Db,
  input: { userId: string; membershipId: string | null; stage: SessionStage; authMethod: 'password' | 'oidc'; now: Date; previousSessionId?: string },
): Promise<{ token: string; sessionId: string; csrfToken: string }> {
  if (input.previousSessionId) await endSession(db, input.previousSessionId, input.now);
  const { token, id } = createSessionToken();
  const csrfToken = randomBytes(24).toString('base64url');
  const lifetime = input.stage === 'authenticated' ? ABSOLUTE_TIMEOUT_MS : PENDING_MFA_TIMEOUT_MS;
  await insertSession(db, {
    id,
    userId: input.userId,
    membershipId: input.membershipId,
    stage: input.stage,
    authMethod: input.authMethod,
    csrfToken,
    now: input.now,
    expiresAt: new Date(input.now.getTime() + lifetime),
  });
  if (input.stage === 'authenticated') await recordSignIn(db, input.userId, input.now);
  return { token, sessionId: id, csrfToken };
}

export const sessionCookieOptions = {
  path: '/',
  httpOnly: true,
  secure: true,
  sameSite: 'strict' as const,
};
