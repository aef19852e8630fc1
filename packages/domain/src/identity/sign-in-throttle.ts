import { z } from 'zod';

/**
 * Failed sign-ins slow down, then lock (QUALITY.md R18; the Danish clause: 3–5 failures in 24 hours).
 *
 * - Per e-mail address, known or not: after the second failure in 24 hours the next attempt waits 1 minute, after
 *   the third 5, from the fourth on 15. The wait is the same for an address with and without an account, so it
 *   tells nobody which addresses exist.
 * - Per account: the fifth failure (password or code) within 24 hours of the first locks the password route until an
 *   organisation admin lifts it or the holder opens the one-time link sent to their own e-mail, so nobody who knows
 *   a colleague's address can lock them out for good.
 */
export const SIGN_IN_FAILURE_WINDOW_MS = 24 * 60 * 60_000;
export const SIGN_IN_LOCK_THRESHOLD = 5;

const delaysAfterFailureMs = [0, 0, 60_000, 5 * 60_000, 15 * 60_000] as const;

/** How long the next attempt for an address must wait after its `failureCount`-th failure within the window. */
export function signInDelayAfterFailures(failureCount: number): number {
  if (failureCount <= 0) return 0;
  return delaysAfterFailureMs[Math.min(failureCount, delaysAfterFailureMs.length - 1)] ?? 0;
}

/** The account holder's unlock link: one-time, for this long. */
export const UNLOCK_LINK_LIFETIME_MS = 24 * 60 * 60_000;

export const UnlockAccountRequest = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token_format' }) });
export type UnlockAccountRequest = z.infer<typeof UnlockAccountRequest>;
