import { DuplicateCheckRequest, DuplicateCheckResponse } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { referralRoute } from '../core/referral-http.ts';
import { checkPossibleDuplicates } from './duplicate.service.ts';

/** The referring officer's check for possible duplicates, while the referral form is being filled in. */
export function registerDuplicateRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/referrals/duplicate-check',
    referralRoute('referral:create', 'referrals', {
      summary: 'Possible duplicates of a referral being written',
      description:
        'Referrals the caller may already see (their unit’s, or their own without a unit), to the same programme, created in the last 30 days, about possibly the same person: the same CPR number, or the same name and birth year (unless both CPR numbers are known and differ). A POST so that the CPR number and name stay out of the URL. Nothing personal in the answer.',
      body: DuplicateCheckRequest,
      response: { 200: DuplicateCheckResponse },
    }),
    async (request) => checkPossibleDuplicates({ ...deps, actor: requireActor(request), request: request.body }),
  );
}
