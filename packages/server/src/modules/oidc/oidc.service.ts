import * as oidc from 'openid-client';
import type { AppConfig } from '../../platform/app-deps.ts';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/tables.ts';
import { appendAuditEntry } from '../../platform/audit-log.ts';
import { hashSessionToken, startSession } from '../../platform/auth/session.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import {
  confirmOidcIdentities,
  deleteIdentitiesOfUser,
  deleteLoginAttemptsCreatedBefore,
  findEnabledProviderByOrganisationId,
  findEnabledProviderBySlug,
  findLinkedIdentity,
  findLoginCandidateByUserId,
  insertLoginAttempt,
  insertOidcIdentity,
  listEnabledProviders,
  takeLoginAttempt,
  takeOidcInvitation,
  type LoginCandidate,
  type OidcProviderRow,
} from './oidc.queries.ts';

/** A started login must come back within this time; the state is then worthless. */
export const LOGIN_ATTEMPT_LIFETIME_MS = 10 * 60_000;
/** Discovered provider metadata is reused this long, so a login costs no extra round trip to the provider. */
const DISCOVERY_CACHE_TTL_MS = 5 * 60_000;
const PROVIDER_TIMEOUT_SECONDS = 10;
const SCOPE = 'openid email profile';
export const CALLBACK_PATH = '/api/auth/oidc/callback';

/**
 * Why a sign-in was refused. Codes only: they go to the audit log and the server log, never to the browser
 * (which sees one generic error, so the answer reveals nothing about accounts).
 */
export type OidcFailureReason =
  | 'invalid_callback'
  | 'missing_state'
  | 'unknown_state'
  | 'state_not_bound_to_browser'
  | 'expired'
  | 'provider_disabled'
  | 'discovery_failed'
  | 'provider_error'
  | 'token_exchange_failed'
  /** No link for this subject and issuer, and no invitation made inside Bro: an e-mail claim never links an account. */
  | 'not_invited'
  | 'invitation_invalid'
  | 'unknown_user'
  | 'user_inactive'
  | 'user_locked'
  | 'identity_conflict'
  /** A demo account (published password and secrets) on a production system. */
  | 'demo_account_refused';

type Deps = { db: Db; clock: Clock; cipher: FieldCipher; config: AppConfig; configurations: OidcConfigurationCache };

export type OidcConfigurationCache = { get: (provider: OidcProviderRow) => Promise<oidc.Configuration> };

/**
 * Discovered provider configuration per organisation, kept in memory for a few minutes. A changed issuer, client or
 * secret replaces the entry at once; a failed discovery is not cached, so the next login tries again.
 */
export function createOidcConfigurationCache(deps: { cipher: FieldCipher; clock: Clock; allowInsecureRequests: boolean; ttlMs?: number }): OidcConfigurationCache {
  const ttlMs = deps.ttlMs ?? DISCOVERY_CACHE_TTL_MS;
  const entries = new Map<string, { fingerprint: string; expiresAt: number; configuration: Promise<oidc.Configuration> }>();
  return {
    get: (provider) => {
      const fingerprint = `${provider.issuer}\n${provider.clientId}\n${provider.clientSecretEnc}`;
      const now = deps.clock.now().getTime();
      const cached = entries.get(provider.organisationId);
      if (cached && cached.fingerprint === fingerprint && cached.expiresAt > now) return cached.configuration;
      const secret = deps.cipher.decrypt(provider.clientSecretEnc);
      const configuration = oidc.discovery(new URL(provider.issuer), provider.clientId, { client_secret: secret }, oidc.ClientSecretPost(secret), {
        // Plain http only for local test providers, and only when the operator said so.
        execute: deps.allowInsecureRequests ? [oidc.allowInsecureRequests] : [],
        timeout: PROVIDER_TIMEOUT_SECONDS,
      });
      entries.set(provider.organisationId, { fingerprint, expiresAt: now + ttlMs, configuration });
      configuration.catch(() => {
        if (entries.get(provider.organisationId)?.configuration === configuration) entries.delete(provider.organisationId);
      });
      return configuration;
    },
  };
}

/** The login page's buttons: one per organisation with an enabled identity provider. */
export async function listOidcProviders({ db }: { db: Db }) {
  return listEnabledProviders(db);
}

export type StartedOidcLogin = { isStarted: true; authorizationUrl: string; state: string } | { isStarted: false; reason: OidcFailureReason };

/**
 * Authorization code flow with PKCE (S256), state and nonce. The verifier and nonce stay on the server, keyed by the
 * state; the caller also binds the state to the browser (a cookie), so a callback URL cannot be replayed elsewhere.
 */
export async function startOidcLogin(
  input: Omit<Deps, 'cipher'> & { organisationSlug: string; invitationTokenHash?: string },
): Promise<StartedOidcLogin> {
  const provider = await findEnabledProviderBySlug(input.db, input.organisationSlug);
  if (!provider) throw new AppError('not_found');
  return startLoginAt(input, provider, input.invitationTokenHash ?? null);
}

/** Starts the provider's flow; an invitation's hash rides along with the attempt, to link the account on the way back. */
export async function startLoginAt(
  { db, clock, config, configurations }: Omit<Deps, 'cipher'>,
  provider: OidcProviderRow,
  invitationTokenHash: string | null,
): Promise<StartedOidcLogin> {
  let configuration: oidc.Configuration;
  try {
    configuration = await configurations.get(provider);
  } catch {
    return { isStarted: false, reason: 'discovery_failed' };
  }
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: new URL(CALLBACK_PATH, config.publicOrigin).href,
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const now = clock.now();
  await deleteLoginAttemptsCreatedBefore(db, new Date(now.getTime() - LOGIN_ATTEMPT_LIFETIME_MS));
  await insertLoginAttempt(db, { state, organisationId: provider.organisationId, codeVerifier, nonce, now, invitationTokenHash });
  return { isStarted: true, authorizationUrl: authorizationUrl.href, state };
}

export type CompletedOidcLogin =
  | { isSignedIn: true; token: string; userId: string; stage: 'authenticated' | 'mfa_required' }
  | { isSignedIn: false; reason: OidcFailureReason };

/**
 * The provider's redirect back. openid-client checks the issuer, audience, nonce, state and PKCE; we then find the
 * user by the (organisation, issuer, subject) link, or link the account an invitation made inside Bro names (the
 * invitation rode along with the attempt). An e-mail claim never links an account: whoever controls the provider, or
 * a recycled address, could otherwise take one over. A link not yet confirmed, to an account with TOTP, signs in only
 * half: the TOTP code completes it (`stage: 'mfa_required'`). Every outcome, refused or not, is audited.
 */
export async function completeOidcLogin(
  deps: Deps & { callbackUrl: URL; browserState: string | undefined; previousSessionToken: string | undefined },
): Promise<CompletedOidcLogin> {
  const { db, clock } = deps;
  const state = deps.callbackUrl.searchParams.get('state');
  if (!state) return refuseOidcLogin(deps, { reason: 'missing_state' });
  // Consumed before anything else: whatever happens next, this state cannot be used again.
  const attempt = await takeLoginAttempt(db, state);
  if (!attempt) return refuseOidcLogin(deps, { reason: 'unknown_state' });
  const organisationId = attempt.organisationId;
  if (deps.browserState !== state) return refuseOidcLogin(deps, { reason: 'state_not_bound_to_browser', organisationId });
  if (clock.now().getTime() - attempt.createdAt.getTime() > LOGIN_ATTEMPT_LIFETIME_MS) return refuseOidcLogin(deps, { reason: 'expired', organisationId });

  const provider = await findEnabledProviderByOrganisationId(db, organisationId);
  if (!provider) return refuseOidcLogin(deps, { reason: 'provider_disabled', organisationId });
  let configuration: oidc.Configuration;
  try {
    configuration = await deps.configurations.get(provider);
  } catch {
    return refuseOidcLogin(deps, { reason: 'discovery_failed', organisationId });
  }

  const subject = await exchangeCode(configuration, deps.callbackUrl, { ...attempt, state });
  if (typeof subject !== 'string') return refuseOidcLogin(deps, { reason: subject.reason, organisationId });
  const identity = { organisationId, issuer: provider.issuer, subject };
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const resolved = await resolveUser(trx, { ...identity, invitationTokenHash: attempt.invitationTokenHash, now, isProduction: deps.config.isProduction === true });
    if ('reason' in resolved) return refuseOidcLogin({ db: trx, clock }, { reason: resolved.reason, organisationId, userId: resolved.userId });
    return signIn(trx, { ...resolved, organisationId, now, previousSessionToken: deps.previousSessionToken });
  });
}

async function signIn(
  trx: Transaction<Database>,
  input: { candidate: LoginCandidate; isConfirmed: boolean; organisationId: string; now: Date; previousSessionToken: string | undefined },
): Promise<CompletedOidcLogin> {
  const { candidate, organisationId, now } = input;
  // The identity provider vouches for the person, but a first sign-in through a new link must not bypass the second
  // factor the account already has: then the TOTP code is asked, as after a password.
  const stage = !input.isConfirmed && candidate.isTotpEnrolled ? 'mfa_required' : 'authenticated';
  if (!input.isConfirmed && stage === 'authenticated') await confirmOidcIdentities(trx, { userId: candidate.userId, now });
  const session = await startSession(trx, {
    userId: candidate.userId,
    membershipId: candidate.membershipId,
    stage,
    authMethod: 'oidc',
    now,
    ...(input.previousSessionToken ? { previousSessionId: hashSessionToken(input.previousSessionToken) } : {}),
  });
  await appendAuditEntry(trx, {
    occurredAt: now,
    actorUserId: candidate.userId,
    actorOrganisationId: organisationId,
    // Named as the password login's events, so one query finds every sign-in whatever the method.
    action: stage === 'authenticated' ? 'auth.login_succeeded' : 'auth.oidc_accepted',
    objectType: 'user',
    objectId: candidate.userId,
    details: { method: 'oidc', factor: 'oidc', membershipId: candidate.membershipId, stage },
  });
  return { isSignedIn: true as const, token: session.token, userId: candidate.userId, stage };
}

/** The provider's stable subject for the person (`sub`); no other claim decides who signs in. */
async function exchangeCode(
  configuration: oidc.Configuration,
  callbackUrl: URL,
  attempt: { codeVerifier: string; nonce: string; state: string },
): Promise<string | { reason: OidcFailureReason }> {
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    // The provider said no (e.g. the user cancelled: access_denied) versus a failed or forged exchange.
    return { reason: error instanceof oidc.AuthorizationResponseError ? 'provider_error' : 'token_exchange_failed' };
  }
  const claims = tokens.claims();
  if (!claims) return { reason: 'token_exchange_failed' };
  return claims.sub;
}

type ResolveInput = { organisationId: string; issuer: string; subject: string; invitationTokenHash: string | null; now: Date; isProduction: boolean };

async function resolveUser(
  trx: Transaction<Database>,
  input: ResolveInput,
): Promise<{ candidate: LoginCandidate; isConfirmed: boolean } | { reason: OidcFailureReason; userId?: string }> {
  const found = await findCandidate(trx, input);
  if ('reason' in found) return found;
  const { candidate } = found;
  if (!candidate.isActive) return { reason: 'user_inactive', userId: candidate.userId };
  // A locked account stays locked whichever way one signs in, until an administrator unlocks it.
  if (candidate.isLocked) return { reason: 'user_locked', userId: candidate.userId };
  // Whoever the identity provider vouches for, a demo account has no place on a production system.
  if (candidate.isDemo && input.isProduction) return { reason: 'demo_account_refused', userId: candidate.userId };
  return found;
}

/** The linked account, or the one the invitation names (then linked here, unconfirmed, in the caller's transaction). */
async function findCandidate(
  trx: Transaction<Database>,
  input: ResolveInput,
): Promise<{ candidate: LoginCandidate; isConfirmed: boolean } | { reason: OidcFailureReason; userId?: string }> {
  const linked = await findLinkedIdentity(trx, input);
  if (linked) {
    // Once linked, the subject decides: a later change of e-mail at the provider does not move the account.
    const candidate = await findLoginCandidateByUserId(trx, { userId: linked.userId, organisationId: input.organisationId });
    return candidate ? { candidate, isConfirmed: linked.isConfirmed } : { reason: 'unknown_user', userId: linked.userId };
  }
  if (!input.invitationTokenHash) return { reason: 'not_invited' };
  const invitation = await takeOidcInvitation(trx, { tokenHash: input.invitationTokenHash, organisationId: input.organisationId, now: input.now });
  if (!invitation) return { reason: 'invitation_invalid' };
  const candidate = await findLoginCandidateByUserId(trx, { userId: invitation.userId, organisationId: input.organisationId });
  if (!candidate) return { reason: 'unknown_user', userId: invitation.userId };
  // The invitation is the organisation's word on who this account is: it replaces any earlier link of the account.
  const replaced = await deleteIdentitiesOfUser(trx, { organisationId: input.organisationId, userId: candidate.userId });
  if (!(await insertOidcIdentity(trx, { ...input, userId: candidate.userId, isConfirmed: false }))) return { reason: 'identity_conflict', userId: candidate.userId };
  await appendAuditEntry(trx, {
    occurredAt: input.now,
    actorUserId: candidate.userId,
    actorOrganisationId: input.organisationId,
    action: 'oidc_identity.link',
    objectType: 'user',
    objectId: candidate.userId,
    details: { organisationId: input.organisationId, invitationId: invitation.id, replacedLinks: replaced },
  });
  return { candidate, isConfirmed: false };
}

/** Records a refused sign-in (authentication events are logged, failed ones too) and reports why. */
export async function refuseOidcLogin(
  { db, clock }: { db: Db; clock: Clock },
  failure: { reason: OidcFailureReason; organisationId?: string; userId?: string | undefined },
): Promise<{ isSignedIn: false; reason: OidcFailureReason }> {
  const append = (trx: Transaction<Database>) =>
    appendAuditEntry(trx, {
      occurredAt: clock.now(),
      actorUserId: failure.userId ?? null,
      actorOrganisationId: failure.organisationId ?? null,
      action: 'auth.login_failed',
      objectType: 'user',
      objectId: failure.userId ?? 'unknown',
      details: { method: 'oidc', factor: 'oidc', reason: failure.reason },
    });
  // Called inside the sign-in's transaction, the entry commits with it: an invitation taken before the refusal stays
  // used (single use, whatever happened next).
  if (db.isTransaction) await append(db as Transaction<Database>);
  else await db.transaction().execute((trx) => append(trx));
  return { isSignedIn: false, reason: failure.reason };
}
