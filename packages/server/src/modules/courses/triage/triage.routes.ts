import { DecideTriageRequest, EvaluateTriageRequest, TriageEvaluationView, TriageView } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { CourseParams, courseRoute, onCourse } from '../core/course-http.ts';
import { decideTriage, evaluateTriage, listTriage } from './triage.service.ts';

const tag = 'courses';

/** Triage: evaluate the service's eligibility rules, then record the decision and its reason. */
export function registerTriageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/courses/:courseId/triage/evaluate',
    courseRoute('course:triage', tag, {
      summary: 'Evaluate the service’s eligibility rules against the facts (nothing is stored)',
      description: 'Shows which rule applies and why, condition by condition, and proposes accept, onward referral or clarify (naming the facts to ask about).',
      params: CourseParams,
      body: EvaluateTriageRequest,
      response: { 200: TriageEvaluationView },
    }),
    async (request) => evaluateTriage({ ...onCourse(deps, request), facts: request.body.facts }),
  );

  api.post(
    '/courses/:courseId/triage',
    courseRoute('course:triage', tag, {
      summary: 'Record the triage decision (accept → active, onward referral → bridging)',
      description: 'The rules are evaluated again on the server. A decision against the proposal, or while the rules cannot decide, needs a reason (422). Only in status `triage` (else 409).',
      params: CourseParams,
      body: DecideTriageRequest,
      response: { 201: TriageView },
    }),
    async (request, reply) => reply.status(201).send(await decideTriage({ ...onCourse(deps, request), request: request.body })),
  );

  api.get(
    '/courses/:courseId/triage',
    courseRoute('course:read', tag, { summary: 'The course’s triage decisions, with the facts, the evaluation and the reason', params: CourseParams, response: { 200: z.array(TriageView) } }),
    async (request) => listTriage(onCourse(deps, request)),
  );
}
