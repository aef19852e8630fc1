import { createHash, randomBytes } from 'node:crypto';
import type { OidcInvitation } from '@bro/domain';
import type { Db } from '../../db/tables.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { staffAppUrl } from '../../platform/staff-app.ts';
import {
  deleteIdentitiesOfUser,
  expireOidcInvitationsOf,
  findEnabledProviderByOrganisationId,
  findProviderSettings,
  findUsableOidcInvitation,
  insertOidcIdentity,
  insertOidcInvitation,
  isMemberOfOrganisation,
} from './oidc.queries.ts';
import { startLoginAt, type OidcConfigurationCache, type StartedOidcLogin } from './oidc.service.ts';
import type { AppConfig } from '../../platform/app-deps.ts';

/** An invitation works once, and for this long (the same day as an enrolment link). */
const OIDC_INVITATION_LIFETIME_MS = 24 * 60 * 60_000;

function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The organisation's admin links a user's identity-provider account: either records the provider's subject for them
 * (under the provider's current issuer), or makes a one-time link the user opens to sign in through the provider.
 * The token is only in the answered URL (in its fragment, so no server logs it); the database keeps its SHA-256. A
 * new invitation retires the older ones. Either way the first sign-in to an account with TOTP also asks for the code.
 */
export async function createOidcInvitation(input: {
  db: Db;
  clock: Clock;
  config: AppConfig;
  actor: Actor;
  userId: string;
  subject?: string | undefined;
}): Promise<OidcInvitation> {
  const { actor, userId } = input;
  const organisationId = actor.organisationId;
  const now = input.clock.now();
  return input.db.transaction().execute(async (trx) => {
    if (!(await isMemberOfOrganisation(trx, { organisationId, userId }))) throw new AppError('not_found');
    const provider = await findProviderSettings(trx, organisationId);
    if (!provider) throw new AppError('validation_failed', [{ path: 'body', message: 'no_identity_provider' }]);
    if (input.subject !== undefined) {
      const replaced = await deleteIdentitiesOfUser(trx, { organisationId, userId });
      await insertOidcIdentity(trx, { organisationId, issuer: provider.issuer, subject: input.subject, userId, now, isConfirmed: false });
      await appendAuditEntryBy(trx, actor, { occurredAt: now, action: 'oidc_identity.record', objectType: 'user', objectId: userId, details: { replacedLinks: replaced } });
      return { url: null, expiresAt: null, isSubjectRecorded: true };
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + OIDC_INVITATION_LIFETIME_MS);
    await expireOidcInvitationsOf(trx, { userId, organisationId, now });
    const invitationId = await insertOidcInvitation(trx, { organisationId, userId, tokenHash: hashInvitationToken(token), createdByUserId: actor.userId, now, expiresAt });
    await appendAuditEntryBy(trx, actor, { occurredAt: now, action: 'oidc_invitation.create', objectType: 'user', objectId: userId, details: { invitationId, expiresAt: expiresAt.toISOString() } });
    const url = new URL(staffAppUrl(`/login#oidc-invitation=${token}`), input.config.publicOrigin).href;
    return { url, expiresAt: expiresAt.toISOString(), isSubjectRecorded: false };
  });
}

/**
 * The invited user opened their link: the provider's flow starts with the invitation riding along (used on the way
 * back, not here, so a cancelled sign-in leaves it usable). An unknown, used or expired link is `enrolment_link_invalid`.
 */
export async function startInvitedOidcLogin(input: { db: Db; clock: Clock; config: AppConfig; configurations: OidcConfigurationCache; token: string }): Promise<StartedOidcLogin> {
  const tokenHash = hashInvitationToken(input.token);
  const invitation = await findUsableOidcInvitation(input.db, { tokenHash, now: input.clock.now() });
  if (!invitation) throw new AppError('enrolment_link_invalid');
  const provider = await findEnabledProviderByOrganisationId(input.db, invitation.organisationId);
  if (!provider) throw new AppError('enrolment_link_invalid');
  return startLoginAt(input, provider, tokenHash);
}
