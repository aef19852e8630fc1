import { CreateReferralRequest, NoteInput, ReferralForReferrer, ReferralOptions, ReferralSummaryForReferrer, SendReferralRequest } from '@bro/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { parseIdempotencyKey } from '../../../platform/idempotency.ts';
import { retryAwareRateLimitKey } from '../../../platform/rate-limit-store.ts';
import { EmptyBody, onReferral, ReferralParams, referralRoute } from '../core/referral-http.ts';
import { createReferral, getReferralForReferrer, hashReferralCreation, getReferralOptions, listReferralsForReferrer, sendReferral, withdrawConsent, withdrawReferral } from './referring.service.ts';

const tag = 'referrals';

/** Creating referrals is the one write a front-line user repeats at speed; a runaway client is stopped per user. */
const CREATE_RATE_LIMIT = { max: 30, timeWindow: 60_000 };

/**
 * The create limit counts creations only: a retry with an Idempotency-Key already claimed for the same body (answered
 * 409 while the first runs, or replayed after) creates nothing, and a patrol car on a bad connection that retries
 * must not be locked out by its own retries. The store checks that in the statement that counts
 * (`exemptIdempotentRetries`), so the check costs no round trip of its own. Counted once the body is parsed, before
 * it is validated (`preValidation`): an invalid body still counts, as every attempt did before.
 */
function createRateLimit() {
  return {
    ...CREATE_RATE_LIMIT,
    hook: 'preValidation' as const,
    exemptIdempotentRetries: true,
    keyGenerator: (request: FastifyRequest) => {
      const subject = request.actor?.userId ?? request.ip;
      const key = request.headers['idempotency-key'];
      const parsed = CreateReferralRequest.safeParse(request.body);
      if (!request.actor || typeof key !== 'string' || !parsed.success) return retryAwareRateLimitKey({ subject });
      return retryAwareRateLimitKey({ subject, retry: { userId: request.actor.userId, idempotencyKey: key, requestHash: hashReferralCreation(parsed.data) } });
    },
  };
}

/** The referring side (police, municipality): options, create and send, withdraw, follow up. */
export function registerReferringRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerCreateRoutes(app, deps);
  registerFollowUpRoutes(app, deps);
}

function registerCreateRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const rateLimit = deps.config.isRateLimitEnabled === false ? {} : { rateLimit: createRateLimit() };

  api.get(
    '/referrals/options',
    referralRoute('referral:create', tag, { summary: 'Programmes, services and routing rules the caller’s organisation can refer with', response: { 200: ReferralOptions } }),
    async (request) => getReferralOptions({ db: deps.db, clock: deps.clock, actor: requireActor(request) }),
  );

  const create = referralRoute('referral:create', tag, {
    summary: 'Create a referral and, unless `send` is false, send it',
    description:
      'Idempotent: requires the `Idempotency-Key` header (8–128 characters `[A-Za-z0-9_-]`), scoped to the user. A retry with the same key and body replays the first response; the same key with another body answers 422 `idempotency_mismatch`; while the first request runs, 409 `idempotency_in_flight`. Sending needs a consent to the chosen service’s organisation (422 `consent_required`).',
    headers: z.looseObject({ 'idempotency-key': z.string().optional().describe('Client-chosen key, 8–128 characters [A-Za-z0-9_-]; required') }),
    body: CreateReferralRequest,
    response: { 201: ReferralForReferrer },
  });
  api.post('/referrals', { ...create, config: { ...create.config, ...rateLimit } }, async (request, reply) => {
    const outcome = await createReferral({ ...deps, actor: requireActor(request), request: request.body, idempotencyKey: parseIdempotencyKey(request.headers['idempotency-key']) });
    // The body is already serialised through the response schema (and stored for replays), so it is sent
    // verbatim; the untyped reply says so to the type provider.
    const verbatim = reply as unknown as FastifyReply;
    verbatim.status(outcome.statusCode).type('application/json; charset=utf-8');
    if (outcome.isReplay) verbatim.header('idempotent-replayed', 'true');
    return verbatim.send(outcome.body);
  });

  api.post(
    '/referrals/:referralId/send',
    referralRoute('referral:create', tag, {
      summary: 'Send a draft referral',
      description: 'Needs an active consent to the service’s organisation, saved with the draft or given here (422 `consent_required`).',
      params: ReferralParams,
      body: SendReferralRequest,
      response: { 200: ReferralForReferrer },
    }),
    async (request) => sendReferral({ ...onReferral(deps, request), consent: request.body.consent }),
  );
}

function registerFollowUpRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/referrals/:referralId/withdraw',
    referralRoute('referral:track', tag, { summary: 'Withdraw a referral (draft, sent or received)', params: ReferralParams, body: NoteInput, response: { 200: ReferralForReferrer } }),
    async (request) => withdrawReferral({ ...onReferral(deps, request), note: request.body.note }),
  );

  api.post(
    '/referrals/:referralId/consent/withdraw',
    referralRoute('referral:track', tag, {
      summary: 'Record that the person withdrew their consent',
      description: 'The receiver then sees no personal data, and the referral can no longer be rerouted.',
      params: ReferralParams,
      body: EmptyBody,
      response: { 200: ReferralForReferrer },
    }),
    async (request) => withdrawConsent(onReferral(deps, request)),
  );

  api.get(
    '/referrals',
    referralRoute('referral:track', tag, { summary: 'My (my unit’s) referrals, newest first', response: { 200: z.array(ReferralSummaryForReferrer) } }),
    async (request) => listReferralsForReferrer({ ...deps, actor: requireActor(request) }),
  );

  api.get(
    '/referrals/:referralId',
    referralRoute('referral:track', tag, { summary: 'One referral: status and timeline (the closed loop)', params: ReferralParams, response: { 200: ReferralForReferrer } }),
    async (request) => getReferralForReferrer(onReferral(deps, request)),
  );
}
