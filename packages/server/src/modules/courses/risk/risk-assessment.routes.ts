import { DecideRiskReductionRequest, RecordRiskAssessmentRequest, RequestRiskReductionRequest, RiskAssessmentView, RiskInstrument, RiskInstrumentView, RiskReductionView } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { CourseParams, courseRoute, onCourse } from '../core/course-http.ts';
import { decideRiskReduction, listPendingRiskReductionsFor, listRiskReductionsOfCourseFor, requestRiskReduction } from './risk-reduction.service.ts';
import { listRiskAssessmentsOfCourse, listRiskInstruments, publishRiskInstrument, recordRiskAssessment } from './risk-assessment.service.ts';

const tag = 'risk assessment';

/** Risk instruments (versioned data) and the assessments of a course. */
export function registerRiskAssessmentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/risk-instruments',
    courseRoute('course:read', tag, { summary: 'Every published version of every risk instrument, newest version first', response: { 200: z.array(RiskInstrumentView) } }),
    async () => listRiskInstruments({ db: deps.db }),
  );

  api.post(
    '/risk-instruments',
    courseRoute('instruments:manage', tag, {
      summary: 'Publish a new version of a risk instrument (a checklist or a structured professional judgement form)',
      description:
        'Versions only go up (409 otherwise). A checklist needs at least two bands that start at 0, rise with the level and stay within the number of items, so every possible score has exactly one level (422, `instrument_invalid:<reason>`, e.g. `at_least_two_bands`).',
      body: RiskInstrument,
      response: { 201: RiskInstrumentView },
    }),
    async (request, reply) => reply.status(201).send(await publishRiskInstrument({ db: deps.db, clock: deps.clock, actor: requireActor(request), definition: request.body })),
  );

  api.post(
    '/courses/:courseId/risk-assessments',
    courseRoute('course:write', tag, {
      summary: 'Record a risk assessment; it raises the course’s level, never lowers it',
      description:
        'The course’s level becomes the higher of its current level and the assessment’s: only a confirmed risk reduction lowers it. Checklist: every item answered; the band comes from the number of "yes"; `judgedLevel` may raise it with a `judgementReason`, never lower it (422 `judgement_cannot_lower`). Structured judgement: every factor rated; no score; its overall level may not be below the latest checklist band. An unknown instrument key or version answers 422 `instrument_version_unknown`.',
      params: CourseParams,
      body: RecordRiskAssessmentRequest,
      response: { 201: RiskAssessmentView },
    }),
    async (request, reply) => reply.status(201).send(await recordRiskAssessment({ ...onCourse(deps, request), request: request.body })),
  );

  api.get(
    '/courses/:courseId/risk-assessments',
    courseRoute('course:read', tag, { summary: 'The course’s risk history: who, when, answers, level, reasoning', params: CourseParams, response: { 200: z.array(RiskAssessmentView) } }),
    async (request) => listRiskAssessmentsOfCourse(onCourse(deps, request)),
  );

  registerRiskReductionRoutes(app, deps);
}

const ReductionParams = CourseParams.extend({ reductionId: z.uuid() });

/** Lowering a course's level on purpose: the counsellor's documented reassessment, the supervisor's confirmation. */
function registerRiskReductionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/courses/:courseId/risk-reductions',
    courseRoute('course:write', tag, {
      summary: 'Ask to lower the course’s risk level, with the reason; pending until a supervisor confirms it',
      description:
        'Only below the current level (422 `reduction_must_lower`, `risk_level_not_set`); one pending at a time (409 `risk_reduction_pending`). Audited; the level is unchanged until confirmed.',
      params: CourseParams,
      body: RequestRiskReductionRequest,
      response: { 201: RiskReductionView },
    }),
    async (request, reply) => reply.status(201).send(await requestRiskReduction({ ...onCourse(deps, request), request: request.body })),
  );

  api.get(
    '/courses/:courseId/risk-reductions',
    courseRoute('course:read', tag, { summary: 'The course’s risk reductions, newest first, with reasons and decisions', params: CourseParams, response: { 200: z.array(RiskReductionView) } }),
    async (request) => listRiskReductionsOfCourseFor(onCourse(deps, request)),
  );

  api.post(
    '/courses/:courseId/risk-reductions/:reductionId/decision',
    courseRoute('course:supervise', tag, {
      summary: 'A supervisor confirms (the level goes down) or rejects a pending risk reduction',
      description:
        'Never the requester (409 `approval_by_proposer`); a decided one answers 409 `risk_reduction_decided`; a level raised since the request cannot be confirmed (409 `risk_level_changed`). Audited.',
      params: ReductionParams,
      body: DecideRiskReductionRequest,
      response: { 200: RiskReductionView },
    }),
    async (request) => decideRiskReduction({ ...onCourse(deps, request), reductionId: request.params.reductionId, request: request.body }),
  );

  api.get(
    '/risk-reductions/pending',
    courseRoute('course:supervise', tag, {
      summary: 'Risk reductions waiting for a supervisor on the courses of my services, the longest wait first',
      response: { 200: z.array(RiskReductionView) },
    }),
    async (request) => listPendingRiskReductionsFor({ ...deps, actor: requireActor(request) }),
  );
}
