import { AssignServiceStaffRequest, CourseServiceConfig, CourseTemplateInput, EligibilityRules, EligibilityRuleSetView } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { assignServiceStaff, listCourseServiceConfigs, listEligibilityRuleVersions, saveCourseTemplate, saveEligibilityRules } from './configuration.service.ts';

const ServiceParams = z.strictObject({ serviceId: z.uuid() });

/** The organisation admin's course settings per service: template, eligibility rules, staff. No course content. */
export function registerCourseConfigRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/course-config/services',
    {
      config: { permission: 'course:configure' },
      schema: { tags: ['course configuration'], summary: 'My organisation’s services with their course template, current eligibility rules and staff', response: { 200: z.array(CourseServiceConfig) } },
    },
    async (request) => listCourseServiceConfigs({ db: deps.db, clock: deps.clock, actor: requireActor(request) }),
  );

  api.put(
    '/course-config/services/:serviceId/template',
    {
      config: { permission: 'course:configure' },
      schema: {
        tags: ['course configuration'],
        summary: 'Set the course template: planned sessions, session modes, focus, contact intervals, case conference',
        params: ServiceParams,
        body: CourseTemplateInput,
        response: { 200: CourseServiceConfig },
      },
    },
    async (request) => saveCourseTemplate({ db: deps.db, clock: deps.clock, actor: requireActor(request), serviceId: request.params.serviceId, template: request.body }),
  );

  api.post(
    '/course-config/services/:serviceId/eligibility-rules',
    {
      config: { permission: 'course:configure' },
      schema: {
        tags: ['course configuration'],
        summary: 'Save the eligibility rules as a new version',
        description:
          'Rules that cannot be evaluated are refused with 422 `validation_failed`; each error names its place (e.g. `body.exclusions.1.conditions.0`) and the reason as `rule_invalid:<reason>` (min_greater_than_max, range_without_bounds, duplicate_rule_id, contradicts_earlier_condition, unknown_service), or the schema’s own message for an unknown fact or a malformed condition.',
        params: ServiceParams,
        body: EligibilityRules,
        response: { 201: EligibilityRuleSetView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await saveEligibilityRules({ db: deps.db, clock: deps.clock, actor: requireActor(request), serviceId: request.params.serviceId, rules: request.body })),
  );

  api.get(
    '/course-config/services/:serviceId/eligibility-rules',
    {
      config: { permission: 'course:configure' },
      schema: { tags: ['course configuration'], summary: 'Every version of the service’s eligibility rules, newest first', params: ServiceParams, response: { 200: z.array(EligibilityRuleSetView) } },
    },
    async (request) => listEligibilityRuleVersions({ db: deps.db, clock: deps.clock, actor: requireActor(request), serviceId: request.params.serviceId }),
  );

  api.put(
    '/course-config/services/:serviceId/staff',
    {
      config: { permission: 'course:configure' },
      schema: {
        tags: ['course configuration'],
        summary: 'Set who works at the service (counsellors, intake coordinators, supervisors of my organisation)',
        description: 'Course access follows these assignments: staff see only the courses of their own services.',
        params: ServiceParams,
        body: AssignServiceStaffRequest,
        response: { 200: CourseServiceConfig },
      },
    },
    async (request) => assignServiceStaff({ db: deps.db, clock: deps.clock, actor: requireActor(request), serviceId: request.params.serviceId, membershipIds: request.body.membershipIds }),
  );
}
