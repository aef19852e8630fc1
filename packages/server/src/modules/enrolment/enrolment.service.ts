import { createHash, randomBytes } from 'node:crypto';
import { findOneTimeLink, takeOneTimeLink } from '../../platform/one-time-links.queries.ts';
import { hash } from '@node-rs/argon2';
import type { LoginStage } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/tables.ts';
import { appendAuditEntry, type AuditEntry } from '../../platform/audit-log.ts';
import { hashSessionToken, startSession } from '../../platform/auth/session.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { staffAppUrl } from '../../platform/staff-app.ts';
import {
  expireEnrolmentLinksOf,
  findEnrollingUser,
  findPlatformAdminAwaitingEnrolment,
  findPlatformOperator,
  insertEnrolmentLink,
  insertMembership,
  insertPlatformOperator,
  insertUserWithoutPassword,
  setPasswordHash,
} from './enrolment.queries.ts';

/** An enrolment link works once, and for this long. */
export const ENROLMENT_LINK_LIFETIME_MS = 24 * 60 * 60_000;
/** The operator's organisation when there is none yet: the name and slug the demo's "Bro drift" has too. */
const PLATFORM_OPERATOR = { slug: 'bro-drift', name: 'Bro drift' };

export type IssuedEnrolmentLink = { userId: string; organisationName: string; url: string; expiresAt: Date };

/**
 * `npm run bro -- admin:create`: a platform admin without a password in the platform operator's organisation (made
 * when missing), and a one-time link to choose a password and enrol TOTP. Run again for an admin who never used
 * their link, it issues a new one and retires the old. Any other existing e-mail is `email_taken`. The token is
 * only in the returned URL: the database keeps its SHA-256.
 */
export async function createPlatformAdmin(input: { db: Db; clock: Clock; publicOrigin: string; email: string; displayName: string }): Promise<IssuedEnrolmentLink> {
  const { db } = input;
  const now = input.clock.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ENROLMENT_LINK_LIFETIME_MS);
  const issued = await db.transaction().execute(async (trx) => {
    const organisation = await findOrCreatePlatformOperator(trx, now);
    const user = await createOrFindAwaitingAdmin(trx, { ...input, organisationId: organisation.id, now });
    await expireEnrolmentLinksOf(trx, { userId: user.userId, now });
    await insertEnrolmentLink(trx, { userId: user.userId, tokenHash: hashEnrolmentToken(token), now, expiresAt });
    // The command line acts for nobody signed in: the entry names no actor, only what was made.
    await appendSystemEntry(trx, { occurredAt: now, action: 'enrolment_link.create', objectType: 'user', objectId: user.userId, details: { expiresAt: expiresAt.toISOString() } });
    return { userId: user.userId, organisationName: organisation.name };
  });
  const url = new URL(staffAppUrl(`/login#enrolment=${token}`), input.publicOrigin).href;
  return { ...issued, url, expiresAt };
}

async function findOrCreatePlatformOperator(trx: Transaction<Database>, now: Date) {
  const existing = await findPlatformOperator(trx);
  if (existing) return existing;
  const created = await insertPlatformOperator(trx, { ...PLATFORM_OPERATOR, now });
  await appendSystemEntry(trx, { occurredAt: now, action: 'organisation.create', objectType: 'organisation', objectId: created.id, details: { kind: 'platform_operator' } });
  return created;
}

async function createOrFindAwaitingAdmin(trx: Transaction<Database>, input: { email: string; displayName: string; organisationId: string; now: Date }) {
  const { organisationId, now } = input;
  const userId = await insertUserWithoutPassword(trx, input);
  if (!userId) {
    const awaiting = await findPlatformAdminAwaitingEnrolment(trx, { email: input.email, organisationId });
    if (!awaiting) throw new AppError('email_taken');
    return awaiting;
  }
  const membershipId = await insertMembership(trx, { userId, organisationId, role: 'platform_admin', now });
  await appendSystemEntry(trx, {
    occurredAt: now,
    action: 'user.create',
    objectType: 'user',
    objectId: userId,
    details: { organisationId, membershipId, role: 'platform_admin', via: 'command_line' },
  });
  return { userId, membershipId };
}

export type StartedEnrolment = { token: string; csrfToken: string; stage: LoginStage };

/**
 * Opening the link: spends it, sets the chosen password and starts a half-finished login at the second factor, so
 * the person goes straight on to the login's own TOTP enrolment step. A link that is unknown, used, expired, or
 * whose account was deactivated meanwhile is `enrolment_link_invalid`, audited with the reason.
 */
export async function enrolWithLink(input: { db: Db; clock: Clock; token: string; password: string; previousSessionToken?: string | undefined }): Promise<StartedEnrolment> {
  const { db } = input;
  // Hashed before the transaction: argon2 is slow on purpose, and the transaction should hold no locks meanwhile.
  const passwordHash = await hash(input.password);
  const now = input.clock.now();
  const tokenHash = hashEnrolmentToken(input.token);
  const started = await db.transaction().execute(async (trx) => {
    const userId = await takeOneTimeLink(trx, 'enrolment_links', { tokenHash, now });
    const user = userId === undefined ? undefined : await findEnrollingUser(trx, userId);
    if (!user?.isActive) return undefined;
    await setPasswordHash(trx, { userId: user.userId, passwordHash, now });
    const stage: LoginStage = user.isTotpEnrolled ? 'mfa_required' : 'mfa_enrolment';
    const session = await startSession(trx, {
      userId: user.userId,
      membershipId: user.membershipId,
      stage,
      authMethod: 'password',
      now,
      ...(input.previousSessionToken ? { previousSessionId: hashSessionToken(input.previousSessionToken) } : {}),
    });
    const actor = { actorUserId: user.userId, actorOrganisationId: user.organisationId };
    await appendAuditEntry(trx, { ...actor, occurredAt: now, action: 'auth.password_set', objectType: 'user', objectId: user.userId, details: { via: 'enrolment_link', stage } });
    return { token: session.token, csrfToken: session.csrfToken, stage };
  });
  if (started) return started;
  await recordRefusedEnrolment(db, { tokenHash, now });
  throw new AppError('enrolment_link_invalid');
}

/** Audited like a refused sign-in, in a transaction of its own; the reason, never the token. */
async function recordRefusedEnrolment(db: Db, input: { tokenHash: string; now: Date }): Promise<void> {
  const { now } = input;
  const link = await findOneTimeLink(db, 'enrolment_links', input.tokenHash);
  const reason = !link ? 'unknown_link' : link.used_at !== null ? 'used' : link.expires_at <= now ? 'expired' : 'inactive_user';
  await db.transaction().execute((trx) =>
    appendSystemEntry(trx, { occurredAt: now, action: 'enrolment_link.refused', objectType: 'user', objectId: link?.user_id ?? 'unknown', details: { reason } }),
  );
}

function appendSystemEntry(trx: Transaction<Database>, entry: Omit<AuditEntry, 'actorUserId' | 'actorOrganisationId'>): Promise<void> {
  return appendAuditEntry(trx, { ...entry, actorUserId: null, actorOrganisationId: null });
}

/** Only the SHA-256 is stored: a database leak yields no working link. 256 random bits need no slow hash. */
function hashEnrolmentToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
