import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateOidcInvitationRequest, identifier, OidcInvitation, OidcProviderOption, StartedOidcLogin, StartInvitedOidcLoginRequest, text, UserIdParams } from '@bro/domain';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor } from '../../platform/auth/authorization.ts';
import { AppError } from '../../platform/errors.ts';
import { createOidcInvitation, startInvitedOidcLogin } from './oidc-invitation.service.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../platform/auth/session.ts';
import { staffAppUrl } from '../../platform/staff-app.ts';
import {
  completeOidcLogin,
  createOidcConfigurationCache,
  listOidcProviders,
  LOGIN_ATTEMPT_LIFETIME_MS,
  refuseOidcLogin,
  startOidcLogin,
  type OidcConfigurationCache,
  type OidcFailureReason,
} from './oidc.service.ts';

/**
 * Binds a started login to the browser that started it, so a callback URL (code + state) lured into another
 * browser cannot sign that browser in (login CSRF). SameSite=Lax, not Strict: it must travel on the identity
 * provider's cross-site redirect back to us, which is a top-level GET. One login at a time per browser: starting a
 * second one in another tab replaces the cookie, and the first tab's callback is refused (the user simply retries).
 */
export const OIDC_STATE_COOKIE = '__Host-bro-oidc-state';
const stateCookieOptions = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' as const };

/** Where the browser lands after a refused sign-in: the login page shows a generic message for it. */
export const OIDC_FAILURE_LOCATION = staffAppUrl('/login?error=oidc');
/** A browser cannot be shown a problem document after a redirect: the login page says what `demo_account_refused` says. */
/** Where a first sign-in through a new link to an account with TOTP continues: the login page's code step. */
export const OIDC_TOTP_LOCATION = staffAppUrl('/login?step=totp');
export const OIDC_DEMO_ACCOUNT_REFUSED_LOCATION = staffAppUrl('/login?error=demo_account_refused');


const Redirect = z.null().describe('302 Found: see the Location header');
const SlugParams = z.strictObject({ organisationSlug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/) });
// Not strict: providers add their own parameters (session_state, iss, …) and openid-client reads the raw URL.
const CallbackQuery = z.object({
  code: identifier({ max: 4096 }).optional(),
  state: identifier({ max: 512 }).optional(),
  iss: identifier({ max: 2048 }).optional(),
  error: identifier({ max: 256 }).optional(),
  error_description: text({ max: 2048 }).optional(),
});

/** Sign-in through an organisation's own identity provider (MitID Erhverv broker, Entra ID, Keycloak …). */
export function registerOidcRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const configurations = createOidcConfigurationCache({ cipher: deps.cipher, clock: deps.clock, allowInsecureRequests: deps.config.allowInsecureOidc });
  // Both steps write to the database without a session: bound them per client address. Generous, because a
  // whole police station may sign in at shift change from behind one address.
  const rateLimit = deps.config.isRateLimitEnabled === false ? {} : { rateLimit: { max: 120, timeWindow: '1 minute' } };
  registerInvitationRoutes(app, { ...deps, configurations }, rateLimit);

  api.get(
    '/auth/oidc/providers',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Organisations whose staff can sign in through their own identity provider',
        response: { 200: z.array(OidcProviderOption) },
      },
    },
    async () => listOidcProviders({ db: deps.db }),
  );

  api.get(
    '/auth/oidc/:organisationSlug/start',
    {
      config: { permission: 'public', ...rateLimit },
      schema: {
        tags: ['auth'],
        summary: "Redirects to the organisation's identity provider (authorization code flow with PKCE)",
        params: SlugParams,
        response: { 302: Redirect },
      },
    },
    async (request, reply) => {
      const started = await startOidcLogin({ ...deps, configurations, organisationSlug: request.params.organisationSlug });
      if (!started.isStarted) return redirectToFailure(request, reply, started.reason);
      reply.setCookie(OIDC_STATE_COOKIE, started.state, { ...stateCookieOptions, maxAge: LOGIN_ATTEMPT_LIFETIME_MS / 1000 });
      return reply.redirect(started.authorizationUrl, 302);
    },
  );

  api.get(
    // = CALLBACK_PATH under the /api prefix: the redirect URI registered at every provider.
    '/auth/oidc/callback',
    {
      config: { permission: 'public', ...rateLimit },
      // A browser lands here: every failure, bad input included, ends on the login page, never on an error document.
      attachValidation: true,
      schema: {
        tags: ['auth'],
        summary: "The identity provider's redirect back: signs in and redirects to the app, or to the login page",
        querystring: CallbackQuery,
        response: { 302: Redirect },
      },
    },
    async (request, reply) => completeSignIn(request, reply, { ...deps, configurations }),
  );
}

/** The callback's work: a refused sign-in, bad input included, redirects to the login page; success sets the session. */
async function completeSignIn(request: FastifyRequest, reply: FastifyReply, deps: AppDeps & { configurations: OidcConfigurationCache }) {
  reply.clearCookie(OIDC_STATE_COOKIE, stateCookieOptions);
  if (request.validationError) {
    const refused = await refuseOidcLogin(deps, { reason: 'invalid_callback' });
    return redirectToFailure(request, reply, refused.reason);
  }
  const result = await completeOidcLogin({
    ...deps,
    callbackUrl: new URL(request.url, deps.config.publicOrigin),
    browserState: request.cookies[OIDC_STATE_COOKIE],
    previousSessionToken: request.cookies[SESSION_COOKIE],
  });
  if (!result.isSignedIn) return redirectToFailure(request, reply, result.reason);
  reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions);
  // A first sign-in through a new link to an account with TOTP: the login page asks for the code.
  return reply.redirect(result.stage === 'mfa_required' ? OIDC_TOTP_LOCATION : staffAppUrl('/'), 302);
}

function redirectToFailure(request: FastifyRequest, reply: FastifyReply, reason: OidcFailureReason) {
  // The reason code only: no e-mail, subject or provider message, which could carry personal data.
  request.log.warn({ reason }, 'OIDC sign-in refused');
  return reply.redirect(reason === 'demo_account_refused' ? OIDC_DEMO_ACCOUNT_REFUSED_LOCATION : OIDC_FAILURE_LOCATION, 302);
}

/** Invitations: the organisation's admin makes a one-time link; the invited user's browser starts the flow with it. */
function registerInvitationRoutes(app: FastifyInstance, deps: AppDeps & { configurations: OidcConfigurationCache }, rateLimit: object): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/admin/users/:userId/oidc-invitation',
    {
      config: { permission: 'users:manage', isReauthenticationRequired: true },
      schema: {
        tags: ['users'],
        summary: "Links the user's identity-provider account: records its subject, or answers a one-time link (shown once)",
        params: UserIdParams,
        body: CreateOidcInvitationRequest,
        response: { 201: OidcInvitation },
      },
    },
    async (request, reply) => {
      const invitation = await createOidcInvitation({ ...deps, actor: requireActor(request), userId: request.params.userId, subject: request.body.subject });
      return reply.status(201).send(invitation);
    },
  );

  api.post(
    '/auth/oidc/invitation',
    {
      config: { permission: 'public', ...rateLimit },
      schema: {
        tags: ['auth'],
        summary: "Opens a one-time invitation: starts the sign-in at the organisation's identity provider, which links the account",
        body: StartInvitedOidcLoginRequest,
        response: { 200: StartedOidcLogin },
      },
    },
    async (request, reply) => {
      const started = await startInvitedOidcLogin({ ...deps, token: request.body.token });
      if (!started.isStarted) throw new AppError('oidc_failed');
      reply.setCookie(OIDC_STATE_COOKIE, started.state, { ...stateCookieOptions, maxAge: LOGIN_ATTEMPT_LIFETIME_MS / 1000 });
      return { authorizationUrl: started.authorizationUrl };
    },
  );
}
