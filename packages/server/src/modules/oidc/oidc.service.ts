import * as oidc from 'openid-client';
import type { AppConfig } from '../../platform/app-deps.ts';
import type { Db } from '../../db/tables.ts';
import { appendAuditEntry } from '../../platform/audit-log.ts';
import { hashSessionToken, startSession } from '../../platform/auth/session.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import {
  deleteLoginAttemptsCreatedBefore,
  findEnabledProviderByOrganisationId,
  findEnabledProviderBySlug,
  findLinkedUserId,
  findLoginCandidateByEmail,
  findLoginCandidateByUserId,
  hasLinkedIdentity,
  insertLoginAttempt,
  insertOidcIdentity,
  listEnabledProviders,
  takeLoginAttempt,
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
  | 'no_email'
  | 'email_not_verified'
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
export async function startOidcLogin({ db, clock, config, configurations, organisationSlug }: Omit<Deps, 'cipher'> & { organisationSlug: string }): Promise<StartedOidcLogin> {
  const provider = await findEnabledProviderBySlug(db, organisationSlug);
  if (!provider) throw new AppError('not_found');
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
  await insertLoginAttempt(db, { state, organisationId: provider.organisationId, codeVerifier, nonce, now });
  return { isStarted: true, authorizationUrl: authorizationUrl.href, state };
}

export type CompletedOidcLogin = { isSignedIn: true; token: string; userId: string } | { isSignedIn: false; reason: OidcFailureReason };

/**
 * The provider's redirect back. openid-client checks the issuer, audience, nonce, state and PKCE; we then find the
 * user by the (organisation, subject) link, or on first sign-in link an active member of that organisation by the
 * e-mail claim. The second factor is the identity provider's responsibility, so the session is fully authenticated.
 * Every outcome, refused or not, is audited.
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

  const identity = await exchangeCode(configuration, deps.callbackUrl, { ...attempt, state });
  if ('reason' in identity) return refuseOidcLogin(deps, { reason: identity.reason, organisationId });

  const resolved = await resolveUser(db, { organisationId, isProduction: deps.config.isProduction === true, ...identity });
  if ('reason' in resolved) return refuseOidcLogin(deps, { reason: resolved.reason, organisationId, userId: resolved.userId });
  const { candidate, isNewLink } = resolved;

  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    if (isNewLink) {
      // A concurrent first sign-in may have linked the subject a moment ago: then there is nothing to record.
      const isInserted = await insertOidcIdentity(trx, { organisationId, subject: identity.subject, userId: candidate.userId, now });
      if (isInserted) {
        await appendAuditEntry(trx, {
          occurredAt: now,
          actorUserId: candidate.userId,
          actorOrganisationId: organisationId,
          action: 'oidc_identity.link',
          objectType: 'user',
          objectId: candidate.userId,
          details: { organisationId },
        });
      }
    }
    const session = await startSession(trx, {
      userId: candidate.userId,
      membershipId: candidate.membershipId,
      stage: 'authenticated',
      authMethod: 'oidc',
      now,
      ...(deps.previousSessionToken ? { previousSessionId: hashSessionToken(deps.previousSessionToken) } : {}),
    });
    await appendAuditEntry(trx, {
      occurredAt: now,
      actorUserId: candidate.userId,
      actorOrganisationId: organisationId,
      // Named as the password login's events, so one query finds every sign-in whatever the method.
      action: 'auth.login_succeeded',
      objectType: 'user',
      objectId: candidate.userId,
      details: { method: 'oidc', factor: 'oidc', membershipId: candidate.membershipId },
    });
    return { isSignedIn: true as const, token: session.token, userId: candidate.userId };
  });
}

type ProviderIdentity = { subject: string; email: string | undefined; isEmailUnverified: boolean };

async function exchangeCode(
  configuration: oidc.Configuration,
  callbackUrl: URL,
  attempt: { codeVerifier: string; nonce: string; state: string },
): Promise<ProviderIdentity | { reason: OidcFailureReason }> {
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
  let email = typeof claims.email === 'string' ? claims.email : undefined;
  let emailVerified = claims.email_verified;
  if (email === undefined) {
    // Many providers put profile claims in UserInfo only (OIDC Core 5.4): ask there, pinned to the same subject.
    try {
      const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      email = typeof userInfo.email === 'string' ? userInfo.email : undefined;
      emailVerified = userInfo.email_verified;
    } catch {
      return { reason: 'token_exchange_failed' };
    }
  }
  // Absent means the provider does not say (Entra ID omits it); an explicit false means it is unproven.
  return { subject: claims.sub, email: email?.trim().toLowerCase(), isEmailUnverified: emailVerified === false };
}

async function resolveUser(
  db: Db,
  input: { organisationId: string; isProduction: boolean } & ProviderIdentity,
): Promise<{ candidate: LoginCandidate; isNewLink: boolean } | { reason: OidcFailureReason; userId?: string }> {
  const linkedUserId = await findLinkedUserId(db, { organisationId: input.organisationId, subject: input.subject });
  let candidate: LoginCandidate | undefined;
  if (linkedUserId) {
    // Once linked, the subject decides: a later change of e-mail at the provider does not move the account.
    candidate = await findLoginCandidateByUserId(db, { userId: linkedUserId, organisationId: input.organisationId });
    if (!candidate) return { reason: 'unknown_user', userId: linkedUserId };
  } else {
    if (!input.email) return { reason: 'no_email' };
    if (input.isEmailUnverified) return { reason: 'email_not_verified' };
    candidate = await findLoginCandidateByEmail(db, { email: input.email, organisationId: input.organisationId });
    if (!candidate) return { reason: 'unknown_user' };
    // One provider identity per user and organisation: a second subject claiming the same e-mail (a recycled
    // address, a misconfigured directory) must not take over an account that is already linked.
    if (await hasLinkedIdentity(db, { organisationId: input.organisationId, userId: candidate.userId })) {
      return { reason: 'identity_conflict', userId: candidate.userId };
    }
  }
  if (!candidate.isActive) return { reason: 'user_inactive', userId: candidate.userId };
  // A locked account stays locked whichever way one signs in, until an administrator unlocks it.
  if (candidate.isLocked) return { reason: 'user_locked', userId: candidate.userId };
  // Whoever the identity provider vouches for, a demo account has no place on a production system.
  if (candidate.isDemo && input.isProduction) return { reason: 'demo_account_refused', userId: candidate.userId };
  return { candidate, isNewLink: !linkedUserId };
}

/** Records a refused sign-in (authentication events are logged, failed ones too) and reports why. */
export async function refuseOidcLogin(
  { db, clock }: { db: Db; clock: Clock },
  failure: { reason: OidcFailureReason; organisationId?: string; userId?: string | undefined },
): Promise<{ isSignedIn: false; reason: OidcFailureReason }> {
  await db.transaction().execute(async (trx) => {
    await appendAuditEntry(trx, {
      occurredAt: clock.now(),
      actorUserId: failure.userId ?? null,
      actorOrganisationId: failure.organisationId ?? null,
      action: 'auth.login_failed',
      objectType: 'user',
      objectId: failure.userId ?? 'unknown',
      details: { method: 'oidc', factor: 'oidc', reason: failure.reason },
    });
  });
  return { isSignedIn: false, reason: failure.reason };
}
