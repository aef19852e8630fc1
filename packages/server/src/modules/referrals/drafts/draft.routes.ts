import { ReferralDraft, ReferralDraftSaved, SaveReferralDraftRequest } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { referralRoute } from '../core/referral-http.ts';
import { discardReferralDraft, getReferralDraft, saveReferralDraft } from './draft.service.ts';

const tag = 'referrals';

/** The caller's own referral draft: there is one per user and no id, so nobody can ask for another's. */
export function registerDraftRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const on = (request: Parameters<typeof requireActor>[0]) => ({ db: deps.db, clock: deps.clock, cipher: deps.cipher, actor: requireActor(request) });

  api.get(
    '/referrals/draft',
    referralRoute('referral:create', tag, { summary: 'My unsent referral, saved as I went (404 when none, or expired after 24 hours)', response: { 200: ReferralDraft } }),
    async (request) => getReferralDraft(on(request)),
  );

  api.put(
    '/referrals/draft',
    referralRoute('referral:create', tag, {
      summary: 'Save my unsent referral (replaces the last save; kept 24 hours, encrypted)',
      body: SaveReferralDraftRequest,
      response: { 200: ReferralDraftSaved },
    }),
    async (request) => saveReferralDraft({ ...on(request), draft: request.body }),
  );

  api.delete(
    '/referrals/draft',
    referralRoute('referral:create', tag, { summary: 'Discard my unsent referral (204 also when there was none)', response: { 204: z.null().describe('No content') } }),
    async (request, reply) => {
      await discardReferralDraft(on(request));
      return reply.status(204).send(null);
    },
  );
}
