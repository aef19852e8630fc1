import { SafetyPlanVersionView, SafetyPlanView, SavedSafetyPlan, SaveSafetyPlanRequest } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { CourseParams, courseRoute, onCourse, PrintQuery, sendPrintable } from '../core/course-http.ts';
import { getSafetyPlan, getSafetyPlanVersion, printSafetyPlan, saveSafetyPlan } from './safety-plan.service.ts';

const tag = 'safety plan';
const Version = z.coerce.number().int().min(1).max(10_000);
const VersionParams = z.strictObject({ courseId: z.uuid(), version: Version });
const PrintPlanQuery = PrintQuery.extend({ version: Version.optional() });

/** The safety plan: structured, versioned, printable. */
export function registerSafetyPlanRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/courses/:courseId/safety-plan',
    courseRoute('course:read', tag, { summary: 'The current safety plan and the list of its versions', params: CourseParams, response: { 200: SafetyPlanView } }),
    async (request) => getSafetyPlan(onCourse(deps, request)),
  );

  api.put(
    '/courses/:courseId/safety-plan',
    courseRoute('course:write', tag, {
      summary: 'Save the safety plan as a new version, unless it is unchanged',
      description:
        '`basedOnVersion` must be the current version (null for the first): otherwise 409, someone saved meanwhile. A plan the same as the current version makes no new version: the answer has `isUnchanged: true`.',
      params: CourseParams,
      body: SaveSafetyPlanRequest,
      response: { 200: SavedSafetyPlan },
    }),
    async (request) => saveSafetyPlan({ ...onCourse(deps, request), request: request.body }),
  );

  api.get(
    '/courses/:courseId/safety-plan/versions/:version',
    courseRoute('course:read', tag, { summary: 'One earlier version of the safety plan', params: VersionParams, response: { 200: SafetyPlanVersionView } }),
    async (request) => getSafetyPlanVersion({ ...onCourse(deps, request), version: request.params.version }),
  );

  api.get(
    '/courses/:courseId/safety-plan/print',
    courseRoute('course:read', tag, {
      summary: 'The safety plan as a print-styled page (text/html, no scripts)',
      description: 'Addresses are left out whenever the person’s address is or may be protected. Logged as a print.',
      params: CourseParams,
      querystring: PrintPlanQuery,
      produces: ['text/html'],
      response: { 200: z.string().describe('text/html') },
    }),
    async (request, reply) => sendPrintable(reply, await printSafetyPlan({ ...onCourse(deps, request), lang: request.query.lang, version: request.query.version }), request.query.lang),
  );
}
