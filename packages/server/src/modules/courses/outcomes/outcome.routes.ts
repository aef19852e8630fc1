import { OutcomePhaseParams, OutcomeView, RecordOutcomeRequest } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { courseRoute, onCourse } from '../core/course-http.ts';
import { recordOutcome } from './outcome.service.ts';

/** Outcome ratings at the first and last session. */
export function registerOutcomeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.put(
    '/courses/:courseId/outcomes/:phase',
    courseRoute('course:write', 'outcomes', {
      summary: 'Record (or correct) the person’s ratings at the first or last session: safety and options for action 0–10, forms of violence',
      params: OutcomePhaseParams,
      body: RecordOutcomeRequest,
      response: { 200: z.array(OutcomeView) },
    }),
    async (request) => recordOutcome({ ...onCourse(deps, request), phase: request.params.phase, request: request.body }),
  );
}
