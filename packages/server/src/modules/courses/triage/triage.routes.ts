import { DecideTriageRequest, EvaluateTriageRequest, TriageEvaluationView, TriageView } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { CourseParams } from '../core/course-http.ts';
import { decideTriage, evaluateTriage, listTriage } from './triage.service.ts';

/** Triage: evaluate the service's eligibility rules, then record the decision and its reason. */
export function registerTriageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/courses/:courseId/triage/evaluate',
    {
      config: { permission: 'course:triage' },
      schema: {
        tags: ['courses'],
        summary: 'Evaluate the service’s eligibility rules against the facts (nothing is stored)',
        description: 'Shows which rule applies and why, condition by condition, and proposes accept, onward referral or clarify (naming the facts to ask about).',
        params: CourseParams,
        body: EvaluateTriageRequest,
        response: { 200: TriageEvaluationView },
      },
    },
    async (request) => evaluateTriage({ ...deps, actor: requireActor(request), courseId: request.params.courseId, facts: request.body.facts }),
  );

  api.post(
    '/courses/:courseId/triage',
    {
      config: { permission: 'course:triage' },
      schema: {
        tags: ['courses'],
        summary: 'Record the triage decision (accept → active, onward referral → bridging)',
        description: 'The rules are evaluated again on the server. A decision against the proposal, or while the rules cannot decide, needs a reason (422). Only in status `triage` (else 409).',
        params: CourseParams,
        body: DecideTriageRequest,
        response: { 201: TriageView },
      },
    },
    async (request, reply) => reply.status(201).send(await decideTriage({ ...deps, actor: requireActor(request), courseId: request.params.courseId, request: request.body })),
  );

  api.get(
    '/courses/:courseId/triage',
    {
      config: { permission: 'course:read' },
      schema: { tags: ['courses'], summary: 'The course’s triage decisions, with the facts, the evaluation and the reason', params: CourseParams, response: { 200: z.array(TriageView) } },
    },
    async (request) => listTriage({ ...deps, actor: requireActor(request), courseId: request.params.courseId }),
  );
}
