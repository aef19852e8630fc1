import { SafetyPlanVersionView, SafetyPlanView, SaveSafetyPlanRequest } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { CourseParams, sendPrintable } from '../core/course-http.ts';
import { getSafetyPlan, getSafetyPlanVersion, printSafetyPlan, saveSafetyPlan } from './safety-plan.service.ts';

const VersionParams = z.strictObject({ courseId: z.uuid(), version: z.coerce.number().int().min(1).max(10_000) });
const PrintPlanQuery = z.strictObject({ lang: z.enum(['da', 'en']).default('da'), version: z.coerce.number().int().min(1).max(10_000).optional() });

/** The safety plan: structured, versioned, printable. */
export function registerSafetyPlanRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/courses/:courseId/safety-plan',
    {
      config: { permission: 'course:read' },
      schema: { tags: ['safety plan'], summary: 'The current safety plan and the list of its versions', params: CourseParams, response: { 200: SafetyPlanView } },
    },
    async (request) => getSafetyPlan({ ...deps, actor: requireActor(request), courseId: request.params.courseId }),
  );

  api.put(
    '/courses/:courseId/safety-plan',
    {
      config: { permission: 'course:write' },
      schema: {
        tags: ['safety plan'],
        summary: 'Save the safety plan as a new version',
        description: '`basedOnVersion` must be the current version (null for the first): otherwise 409, someone saved meanwhile.',
        params: CourseParams,
        body: SaveSafetyPlanRequest,
        response: { 200: SafetyPlanView },
      },
    },
    async (request) => saveSafetyPlan({ ...deps, actor: requireActor(request), courseId: request.params.courseId, request: request.body }),
  );

  api.get(
    '/courses/:courseId/safety-plan/versions/:version',
    {
      config: { permission: 'course:read' },
      schema: { tags: ['safety plan'], summary: 'One earlier version of the safety plan', params: VersionParams, response: { 200: SafetyPlanVersionView } },
    },
    async (request) => getSafetyPlanVersion({ ...deps, actor: requireActor(request), courseId: request.params.courseId, version: request.params.version }),
  );

  api.get(
    '/courses/:courseId/safety-plan/print',
    {
      config: { permission: 'course:read' },
      schema: {
        tags: ['safety plan'],
        summary: 'The safety plan as a print-styled page (text/html, no scripts)',
        description: 'Addresses are left out whenever the person’s address is or may be protected. Logged as a print.',
        params: CourseParams,
        querystring: PrintPlanQuery,
        produces: ['text/html'],
        response: { 200: z.string().describe('text/html') },
      },
    },
    async (request, reply) => {
      const document = await printSafetyPlan({ ...deps, actor: requireActor(request), courseId: request.params.courseId, lang: request.query.lang, version: request.query.version });
      return sendPrintable(reply, document, request.query.lang);
    },
  );
}
