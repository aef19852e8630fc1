import {
  AssignCounsellorRequest,
  CaseloadOverview,
  CloseCourseRequest,
  CounsellorCaseloadSummary,
  Course,
  CourseListQuery,
  CourseSafeContactInput,
  CourseSummary,
  OpenCourseRequest,
  UpdateProtectionRequest,
} from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor } from '../../platform/auth/authorization.ts';
import { parseIdempotencyKey } from '../../platform/idempotency.ts';
import { registerAccessHistoryRoutes } from './access-history.routes.ts';
import { registerBridgingRoutes } from './bridging.routes.ts';
import { getCaseloadOf, getMyCaseload, listSupervisedCaseloads } from './caseload.service.ts';
import { registerCourseConfigRoutes } from './course-config.routes.ts';
import { CourseParams, sendVerbatim } from './course-http.ts';
import { registerCourseSessionRoutes } from './course-session.routes.ts';
import { registerOutcomeRoutes } from './outcome.routes.ts';
import { registerRiskAssessmentRoutes } from './risk-assessment.routes.ts';
import { registerSafetyPlanRoutes } from './safety-plan.routes.ts';
import { assignCounsellor, closeCourse, getCourse, listCourses, listMyCourseServices, openCourse, updateAddressProtection, updateSafeContact } from './course.service.ts';
import { registerTriageRoutes } from './triage.routes.ts';

const CounsellorParams = z.strictObject({ userId: z.uuid() });

/**
 * Counselling courses (forløb): every route of the module is registered from here. A course is visible only to the
 * staff assigned to its service, on its side (victim/perpetrator); anything else answers 404.
 */
export function registerCourseRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/courses',
    {
      config: { permission: 'course:read' },
      schema: {
        tags: ['courses'],
        summary: 'Courses of my services and side, high risk first',
        description: 'Each line carries the person’s label (name or pseudonym), never contact details; every line is access-logged.',
        querystring: CourseListQuery,
        response: { 200: z.array(CourseSummary) },
      },
    },
    async (request) => listCourses({ ...deps, actor: requireActor(request), query: request.query }),
  );

  api.get(
    '/courses/services',
    {
      config: { permission: 'course:triage' },
      schema: {
        tags: ['courses'],
        summary: 'The services I may open courses at (my service assignments, on the sides I work)',
        response: { 200: z.array(z.object({ id: z.string(), name: z.string(), serviceLine: z.enum(['victim', 'perpetrator']).nullable() })) },
      },
    },
    async (request) => listMyCourseServices({ db: deps.db, actor: requireActor(request) }),
  );

  api.post(
    '/courses',
    {
      config: { permission: 'course:triage' },
      schema: {
        tags: ['courses'],
        summary: 'Open a course: from an accepted referral, or for a self-referral, walk-in or phone contact',
        description:
          'Idempotent: requires the `Idempotency-Key` header (8–128 characters `[A-Za-z0-9_-]`). From a referral, the referral is handed over in the same transaction (409 `transition_not_allowed` until it is accepted with first contact). Anonymous contacts need only a pseudonym. The service must be one the caller is assigned to (422 `service_not_allowed` when the service does not hold that side).',
        headers: z.looseObject({ 'idempotency-key': z.string().optional().describe('Client-chosen key, 8–128 characters [A-Za-z0-9_-]; required') }),
        body: OpenCourseRequest,
        response: { 201: Course },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const outcome = await openCourse({ ...deps, actor, request: request.body, idempotencyKey: parseIdempotencyKey(request.headers['idempotency-key']) });
      return sendVerbatim(reply, outcome);
    },
  );

  api.get(
    '/courses/:courseId',
    {
      config: { permission: 'course:read' },
      schema: { tags: ['courses'], summary: 'One course, with its summaries, prompts and the person’s other courses here', params: CourseParams, response: { 200: Course } },
    },
    async (request) => getCourse({ ...deps, actor: requireActor(request), courseId: request.params.courseId }),
  );

  api.put(
    '/courses/:courseId/counsellor',
    {
      config: { permission: 'course:triage' },
      schema: { tags: ['courses'], summary: 'Give the course to a counsellor of its service (or to nobody)', params: CourseParams, body: AssignCounsellorRequest, response: { 200: Course } },
    },
    async (request) => assignCounsellor({ ...deps, actor: requireActor(request), courseId: request.params.courseId, counsellorUserId: request.body.counsellorUserId }),
  );

  api.put(
    '/courses/:courseId/safe-contact',
    {
      config: { permission: 'course:write' },
      schema: {
        tags: ['courses'],
        summary: 'Set the person’s safe-contact details and preferences',
        description: 'Reminders go only to channels marked safe, only inside safe time windows; unknown preferences mean no messages at all.',
        params: CourseParams,
        body: CourseSafeContactInput,
        response: { 200: Course },
      },
    },
    async (request) => updateSafeContact({ ...deps, actor: requireActor(request), courseId: request.params.courseId, safeContact: request.body }),
  );

  api.put(
    '/courses/:courseId/address-protection',
    {
      config: { permission: 'course:write' },
      schema: { tags: ['courses'], summary: 'Set the address-protection flag (hides addresses in printed plans)', params: CourseParams, body: UpdateProtectionRequest, response: { 200: Course } },
    },
    async (request) => updateAddressProtection({ ...deps, actor: requireActor(request), courseId: request.params.courseId, addressProtection: request.body.addressProtection }),
  );

  api.post(
    '/courses/:courseId/close',
    {
      config: { permission: 'course:write' },
      schema: {
        tags: ['courses'],
        summary: 'Close the course with a reason and a summary',
        description: 'A closed course is history: recording anything on it afterwards answers 409 with `course_closed`.',
        params: CourseParams,
        body: CloseCourseRequest,
        response: { 200: Course },
      },
    },
    async (request) => closeCourse({ ...deps, actor: requireActor(request), courseId: request.params.courseId, request: request.body }),
  );

  api.get(
    '/caseload',
    {
      config: { permission: 'course:read' },
      schema: {
        tags: ['courses'],
        summary: 'My caseload: open courses (high risk first), upcoming sessions, courses without contact',
        response: { 200: CaseloadOverview },
      },
    },
    async (request) => getMyCaseload({ ...deps, actor: requireActor(request) }),
  );

  api.get(
    '/supervision/caseloads',
    {
      config: { permission: 'course:supervise' },
      schema: { tags: ['courses'], summary: 'The counsellors of my services, with their open, high-risk and overdue course counts', response: { 200: z.array(CounsellorCaseloadSummary) } },
    },
    async (request) => listSupervisedCaseloads({ ...deps, actor: requireActor(request) }),
  );

  api.get(
    '/supervision/caseloads/:userId',
    {
      config: { permission: 'course:supervise' },
      schema: { tags: ['courses'], summary: 'One counsellor’s caseload (a counsellor of my services)', params: CounsellorParams, response: { 200: CaseloadOverview } },
    },
    async (request) => getCaseloadOf({ ...deps, actor: requireActor(request), counsellorUserId: request.params.userId }),
  );

  registerTriageRoutes(app, deps);
  registerRiskAssessmentRoutes(app, deps);
  registerCourseSessionRoutes(app, deps);
  registerSafetyPlanRoutes(app, deps);
  registerOutcomeRoutes(app, deps);
  registerBridgingRoutes(app, deps);
  registerAccessHistoryRoutes(app, deps);
  registerCourseConfigRoutes(app, deps);
}
