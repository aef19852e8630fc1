import { EnrolmentRequest, LoginResponse } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../platform/auth/session.ts';
import { enrolWithLink } from './enrolment.service.ts';

/** Guessing tokens from one address: at most this many tries a minute, as for the login. */
const ATTEMPTS_PER_MINUTE = 10;

export function registerEnrolmentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const attemptLimit =
    deps.config.isRateLimitEnabled === false ? {} : { rateLimit: { max: deps.config.loginAttemptsPerMinute ?? ATTEMPTS_PER_MINUTE, timeWindow: 60_000 } };

  api.post(
    '/auth/enrolment',
    {
      // Public on purpose: the person has no account to sign in with yet. The link's token is the credential.
      config: { permission: 'public', ...attemptLimit },
      schema: {
        tags: ['auth'],
        operationId: 'enrolWithLink',
        summary: 'Opens a one-time enrolment link: sets the chosen password and continues the login at the TOTP enrolment step',
        body: EnrolmentRequest,
        response: { 200: LoginResponse },
      },
    },
    async (request, reply) => {
      const started = await enrolWithLink({
        db: deps.db,
        clock: deps.clock,
        token: request.body.token,
        password: request.body.password,
        previousSessionToken: request.cookies[SESSION_COOKIE],
      });
      // No Max-Age: the cookie dies with the browser; the server limits the half-finished login to minutes.
      reply.setCookie(SESSION_COOKIE, started.token, sessionCookieOptions);
      return { stage: started.stage, csrfToken: started.csrfToken };
    },
  );
}
