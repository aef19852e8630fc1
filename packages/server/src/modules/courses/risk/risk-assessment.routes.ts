import { RecordRiskAssessmentRequest, RiskAssessmentView, RiskInstrument, RiskInstrumentView } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { CourseParams, courseRoute, onCourse } from '../core/course-http.ts';
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
      description: 'Versions only go up (409 otherwise). Bands must start at 0 and rise with the level (422, `instrument_invalid:<reason>`).',
      body: RiskInstrument,
      response: { 201: RiskInstrumentView },
    }),
    async (request, reply) => reply.status(201).send(await publishRiskInstrument({ db: deps.db, clock: deps.clock, actor: requireActor(request), definition: request.body })),
  );

  api.post(
    '/courses/:courseId/risk-assessments',
    courseRoute('course:write', tag, {
      summary: 'Record a risk assessment; its level becomes the course’s',
      description:
        'Checklist: every item answered; the band comes from the number of "yes"; `judgedLevel` may raise it with a `judgementReason`, never lower it (422 `judgement_cannot_lower`). Structured judgement: every factor rated; no score; its overall level may not be below the latest checklist band. An unknown instrument key or version answers 422 `instrument_version_unknown`.',
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
}
