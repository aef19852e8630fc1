import { AssignServiceStaffRequest, CourseServiceConfig, CourseTemplateInput, EligibilityRules, EligibilityRuleSetView } from '@bro/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { courseRoute } from '../core/course-http.ts';
import { assignServiceStaff, listCourseServiceConfigs, listEligibilityRuleVersions, saveCourseTemplate, saveEligibilityRules } from './configuration.service.ts';

const tag = 'course configuration';
const ServiceParams = z.strictObject({ serviceId: z.uuid() });

/** What a use case on one of the admin's services is called with. Configuration needs no cipher: it shows no course content. */
function onService(deps: AppDeps, request: FastifyRequest & { params: { serviceId: string } }) {
  return { db: deps.db, clock: deps.clock, actor: requireActor(request), serviceId: request.params.serviceId };
}

/** The organisation admin's course settings per service: template, eligibility rules, staff. No course content. */
export function registerCourseConfigRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/course-config/services',
    courseRoute('course:configure', tag, { summary: 'My organisation’s services with their course template, current eligibility rules and staff', response: { 200: z.array(CourseServiceConfig) } }),
    async (request) => listCourseServiceConfigs({ db: deps.db, clock: deps.clock, actor: requireActor(request) }),
  );

  api.put(
    '/course-config/services/:serviceId/template',
    courseRoute('course:configure', tag, {
      summary: 'Set the course template: planned sessions, session modes, focus, contact intervals, case conference',
      params: ServiceParams,
      body: CourseTemplateInput,
      response: { 200: CourseServiceConfig },
    }),
    async (request) => saveCourseTemplate({ ...onService(deps, request), template: request.body }),
  );

  api.post(
    '/course-config/services/:serviceId/eligibility-rules',
    courseRoute('course:configure', tag, {
      summary: 'Save the eligibility rules as a new version',
      description:
        'Rules that cannot be evaluated are refused with 422 `validation_failed`; each error names its place (e.g. `body.exclusions.1.conditions.0`) and the reason as `rule_invalid:<reason>` (min_greater_than_max, range_without_bounds, duplicate_rule_id, contradicts_earlier_condition, unknown_service), or the schema’s own message for an unknown fact or a malformed condition.',
      params: ServiceParams,
      body: EligibilityRules,
      response: { 201: EligibilityRuleSetView },
    }),
    async (request, reply) => reply.status(201).send(await saveEligibilityRules({ ...onService(deps, request), rules: request.body })),
  );

  api.get(
    '/course-config/services/:serviceId/eligibility-rules',
    courseRoute('course:configure', tag, { summary: 'Every version of the service’s eligibility rules, newest first', params: ServiceParams, response: { 200: z.array(EligibilityRuleSetView) } }),
    async (request) => listEligibilityRuleVersions(onService(deps, request)),
  );

  api.put(
    '/course-config/services/:serviceId/staff',
    courseRoute('course:configure', tag, {
      summary: 'Set who works at the service (counsellors, intake coordinators, supervisors of my organisation)',
      description: 'Course access follows these assignments: staff see only the courses of their own services.',
      params: ServiceParams,
      body: AssignServiceStaffRequest,
      response: { 200: CourseServiceConfig },
    }),
    async (request) => assignServiceStaff({ ...onService(deps, request), membershipIds: request.body.membershipIds }),
  );
}
