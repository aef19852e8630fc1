import { createHash, randomBytes } from 'node:crypto';
import { findOneTimeLink, takeOneTimeLink } from '../../platform/one-time-links.queries.ts';
import { SIGN_IN_FAILURE_WINDOW_MS, signInDelayAfterFailures, UNLOCK_LINK_LIFETIME_MS } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/tables.ts';
import { appendAuditEntry } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { staffAppUrl } from '../../platform/staff-app.ts';
import { enqueueMessage } from '../messages/index.ts';
import {
  clearLoginThrottle,
  countLoginThrottleFailure,
  findLoginThrottle,
  insertUnlockLink,
  setLoginThrottleBlockedUntil,
  unlockAccount,
} from './lockout.queries.ts';

/**
 * Sign-in throttling per e-mail address and the account holder's own way out of a lockout (issue 12 §4; the rules
 * are in @bro/domain sign-in-throttle.ts). The address is kept only as a keyed hash.
 */

/** A throttled attempt: the route tells the client when to try again (`Retry-After`). */
export class LoginThrottledError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('login_throttled');
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

function signInAddressHash(cipher: FieldCipher, email: string): string {
  return cipher.lookupHash(`sign-in-address:${email.trim().toLowerCase()}`);
}

/** Refuses an attempt while the address waits after its last failure; checked before any password work. */
export async function assertSignInNotThrottled(input: { db: Db; clock: Clock; cipher: FieldCipher; email: string }): Promise<void> {
  const throttle = await findLoginThrottle(input.db, signInAddressHash(input.cipher, input.email));
  const waitMs = throttle ? throttle.blocked_until.getTime() - input.clock.now().getTime() : 0;
  if (waitMs > 0) throw new LoginThrottledError(Math.ceil(waitMs / 1000));
}

/** Counts a failed password attempt for the address (with or without an account) and sets the next wait. */
export async function countSignInAddressFailure(trx: Transaction<Database>, input: { cipher: FieldCipher; email: string; now: Date }): Promise<void> {
  const addressHash = signInAddressHash(input.cipher, input.email);
  const failures = await countLoginThrottleFailure(trx, { addressHash, now: input.now, windowStart: new Date(input.now.getTime() - SIGN_IN_FAILURE_WINDOW_MS) });
  await setLoginThrottleBlockedUntil(trx, { addressHash, blockedUntil: new Date(input.now.getTime() + signInDelayAfterFailures(failures)) });
}

export async function forgetSignInAddressFailures(db: Db, input: { cipher: FieldCipher; email: string }): Promise<void> {
  await clearLoginThrottle(db, signInAddressHash(input.cipher, input.email));
}

function hashUnlockToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const unlockMail = (url: string) => ({
  subject: 'Din konto i Bro er spærret / Your Bro account is locked',
  text: [
    'Der har været 5 forkerte loginforsøg på din konto i Bro inden for et døgn, så login med adgangskode er spærret.',
    `Var det dig, kan du selv låse kontoen op med dette link (virker én gang, i 24 timer): ${url}`,
    'Var det ikke dig, så lad være med at bruge linket, og kontakt din organisations administrator.',
    '',
    'There have been 5 failed sign-in attempts on your Bro account within a day, so signing in with a password is locked.',
    `If it was you, unlock the account yourself with this link (works once, for 24 hours): ${url}`,
    'If it was not you, do not use the link, and contact your organisation’s administrator.',
  ].join('\n'),
});

/**
 * The account just locked: its holder is told, by e-mail to their own address, with a one-time link to lift the lock
 * themselves — so a lockout that someone else caused is never permanent. Queued in the lock's transaction; the token
 * is only in the message (the database keeps its SHA-256).
 */
export async function sendUnlockLink(trx: Transaction<Database>, input: { cipher: FieldCipher; publicOrigin: string; now: Date; userId: string; email: string }): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + UNLOCK_LINK_LIFETIME_MS);
  await insertUnlockLink(trx, { userId: input.userId, tokenHash: hashUnlockToken(token), now: input.now, expiresAt });
  // In the fragment: never sent to a server, so it stays out of access logs and Referer headers.
  const url = new URL(staffAppUrl(`/unlock#token=${token}`), input.publicOrigin).href;
  await enqueueMessage(trx, { cipher: input.cipher, now: input.now, message: { template: 'account_locked', channel: 'email', to: input.email, ...unlockMail(url) } });
}

/** The holder opened their link: the lock is lifted and the address starts afresh. Audited either way. */
export async function unlockWithLink(input: { db: Db; clock: Clock; cipher: FieldCipher; token: string }): Promise<void> {
  const now = input.clock.now();
  const tokenHash = hashUnlockToken(input.token);
  const unlocked = await input.db.transaction().execute(async (trx) => {
    const userId = await takeOneTimeLink(trx, 'account_unlock_links', { tokenHash, now });
    if (!userId) return undefined;
    const user = await unlockAccount(trx, { userId, now });
    await appendAuditEntry(trx, { occurredAt: now, actorUserId: userId, actorOrganisationId: user.organisation_id, action: 'user.unlock', objectType: 'user', objectId: userId, details: { via: 'unlock_link' } });
    return user;
  });
  if (unlocked) {
    await forgetSignInAddressFailures(input.db, { cipher: input.cipher, email: unlocked.email });
    return;
  }
  const link = await findOneTimeLink(input.db, 'account_unlock_links', tokenHash);
  const reason = !link ? 'unknown' : link.used_at ? 'used' : 'expired';
  await input.db.transaction().execute((trx) =>
    appendAuditEntry(trx, { occurredAt: now, actorUserId: link?.user_id ?? null, actorOrganisationId: null, action: 'auth.unlock_refused', objectType: 'user', objectId: link?.user_id ?? 'unknown', details: { reason } }),
  );
  throw new AppError('unlock_link_invalid');
}
