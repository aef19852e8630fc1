import { LoginRequest, LoginResponse, PendingLoginInfo, ReauthenticateRequest, SessionInfo, TotpCodeRequest, TotpEnrolment, UnlockAccountRequest } from '@bro/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor, requirePendingLogin } from '../../platform/auth/authorization.ts';
import { idleTimeoutOf, SESSION_COOKIE, sessionCookieOptions } from '../../platform/auth/session.ts';
import { enrolTotp, getTotpEnrolment, keepSessionAlive, loginWithPassword, loginWithTotp, logout, toSessionInfo } from './auth.service.ts';
import { reauthenticate } from './reauthentication.service.ts';
import { LoginThrottledError, unlockWithLink } from './lockout.service.ts';

/** Guessing passwords or codes from one address: at most this many tries a minute per route (on top of lockout). */
const ATTEMPTS_PER_MINUTE = 10;

export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps): void {
  // @fastify/rate-limit throws an error with statusCode 429; the one error handler turns it into `rate_limited`.
  const attemptLimit =
    deps.config.isRateLimitEnabled === false ? {} : { rateLimit: { max: deps.config.loginAttemptsPerMinute ?? ATTEMPTS_PER_MINUTE, timeWindow: 60_000 } };
  registerLoginRoutes(app, deps, attemptLimit);
  registerUnlockRoute(app, deps, attemptLimit);
  registerSessionRoutes(app, deps);
  registerReauthenticationRoutes(app, deps, attemptLimit);
}

/** A fresh proof of identity in a signed-in session, and the half-finished login an identity provider hands back. */
function registerReauthenticationRoutes(app: FastifyInstance, deps: AppDeps, attemptLimit: AttemptLimit): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/auth/reauthenticate',
    {
      config: { permission: 'session', ...attemptLimit },
      schema: {
        tags: ['auth'],
        summary: 'Password and TOTP code again: opens changes that answer `reauthentication_required` for the next 5 minutes',
        body: ReauthenticateRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await reauthenticate({ db: deps.db, clock: deps.clock, cipher: deps.cipher, liveUpdates: deps.liveUpdates, publicOrigin: deps.config.publicOrigin, actor: requireActor(request), ...request.body });
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/auth/pending-login',
    {
      config: { permission: 'mfa_pending' },
      schema: {
        tags: ['auth'],
        summary: "The browser's half-finished login (after an identity provider's first sign-in that still needs the TOTP code)",
        response: { 200: PendingLoginInfo },
      },
    },
    async (request) => {
      const pending = requirePendingLogin(request);
      return { stage: pending.stage, csrfToken: pending.csrfToken };
    },
  );
}

const LOGIN_DESCRIPTION =
  'Failures slow down per e-mail address, known or not: after the 2nd within 24 hours the next attempt waits 1 minute, after the 3rd 5, then 15 (429 `login_throttled` with `Retry-After`). The 5th failure within 24 hours locks the account (423 `account_locked` to the right password) until an organisation admin lifts it or the holder opens the one-time link e-mailed to them.';

type AttemptLimit = { rateLimit?: { max: number; timeWindow: number } };

/** The two steps of a login: password first, then the TOTP code (or its enrolment). */
function registerLoginRoutes(app: FastifyInstance, deps: AppDeps, attemptLimit: AttemptLimit): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, cipher } = deps;

  api.post(
    '/auth/login',
    {
      config: { permission: 'public', ...attemptLimit },
      schema: {
        tags: ['auth'],
        summary: 'First factor: e-mail and password. Starts a half-finished login that needs the second factor.',
        description: LOGIN_DESCRIPTION,
        body: LoginRequest,
        response: { 200: LoginResponse },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const { publicOrigin, isProduction } = deps.config;
      const started = await loginWithPassword({ db, clock, cipher, publicOrigin, email, password, previousSessionToken: request.cookies[SESSION_COOKIE], isProduction }).catch(
        (error: unknown) => withRetryAfter(reply, error),
      );
      setSessionCookie(reply, started.token);
      return { stage: started.stage, csrfToken: started.csrfToken };
    },
  );

  api.get(
    '/auth/totp/enrolment',
    {
      config: { permission: 'mfa_pending' },
      schema: {
        tags: ['auth'],
        summary: 'The TOTP secret to enrol (QR code and text), for a login in the enrolment stage',
        response: { 200: TotpEnrolment },
      },
    },
    async (request) => getTotpEnrolment({ db, clock, cipher, pending: requirePendingLogin(request) }),
  );

  const secondFactorSteps = [
    { url: '/auth/totp/enrol', summary: 'Confirms the TOTP enrolment with a first code and completes the login', complete: enrolTotp },
    { url: '/auth/totp', summary: 'Second factor: the TOTP code. Completes the login in a new session.', complete: loginWithTotp },
  ] as const;
  for (const step of secondFactorSteps) {
    api.post(
      step.url,
      {
        config: { permission: 'mfa_pending', ...attemptLimit },
        schema: { tags: ['auth'], summary: step.summary, body: TotpCodeRequest, response: { 200: SessionInfo } },
      },
      async (request, reply) => {
        const completed = await step.complete({ db, clock, cipher, liveUpdates: deps.liveUpdates, publicOrigin: deps.config.publicOrigin, pending: requirePendingLogin(request), code: request.body.code });
        setSessionCookie(reply, completed.token);
        return { ...completed.sessionInfo, idleTimeoutSeconds: idleTimeoutOf(deps.config) / 1000 };
      },
    );
  }
}

/** The account holder's own way out of a lockout (issue 12 §4): nobody can lock a colleague out for good. */
function registerUnlockRoute(app: FastifyInstance, deps: AppDeps, attemptLimit: AttemptLimit): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, cipher } = deps;
  api.post(
    '/auth/unlock',
    {
      config: { permission: 'public', ...attemptLimit },
      schema: {
        tags: ['auth'],
        operationId: 'unlockAccountWithLink',
        summary: 'The account holder lifts a lockout with the one-time link e-mailed to them when it locked',
        description: 'The token comes from the link’s fragment. Works once, for 24 hours; otherwise 410 `unlock_link_invalid`. Audited either way.',
        body: UnlockAccountRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await unlockWithLink({ db, clock, cipher, token: request.body.token });
      return reply.status(204).send(null);
    },
  );
}

function registerSessionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/session',
    {
      config: { permission: 'session' },
      schema: { tags: ['auth'], summary: 'The signed-in user, organisation, role and permissions', response: { 200: SessionInfo } },
    },
    async (request) => toSessionInfo(requireActor(request), idleTimeoutOf(deps.config)),
  );

  api.post(
    '/auth/heartbeat',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['auth'],
        operationId: 'keepSessionAlive',
        summary: 'Keeps the session alive while someone types: the web app sends it at most every few minutes, only after real input',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await keepSessionAlive({ db: deps.db, clock: deps.clock, actor: requireActor(request) });
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/auth/logout',
    {
      config: { permission: 'session' },
      schema: { tags: ['auth'], summary: 'Ends the session and clears what the browser kept', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await logout({ db: deps.db, clock: deps.clock, liveUpdates: deps.liveUpdates, actor: requireActor(request) });
      return reply
        .clearCookie(SESSION_COOKIE, sessionCookieOptions)
        .header('clear-site-data', '"cache", "cookies", "storage"')
        .status(204)
        .send(null);
    },
  );
}

/** A throttled sign-in says when to try again; the error handler still writes the problem document. */
function withRetryAfter(reply: FastifyReply, error: unknown): never {
  if (error instanceof LoginThrottledError) reply.header('retry-after', String(error.retryAfterSeconds));
  throw error;
}

function setSessionCookie(reply: FastifyReply, token: string): void {
  // No Max-Age: the cookie dies with the browser; the server enforces the idle and absolute limits.
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions);
}
