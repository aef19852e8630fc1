import { AssignCounsellorRequest, CloseCourseRequest, Course, CourseListQuery, CourseSafeContactInput, CourseSummary, UpdateProtectionRequest } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { CourseParams, courseRoute, onCourse } from './course-http.ts';
import { assignCounsellor, closeCourse, getCourse, listCourses, updateAddressProtection, updateSafeContact } from './course-record.service.ts';

const tag = 'courses';

/** The course record as a whole: list, read, counsellor, safe contact, address protection, close. */
export function registerCourseRecordRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/courses',
    courseRoute('course:read', tag, {
      summary: 'Courses of my services and side, high risk first',
      description: 'Each line carries the person’s label (name or pseudonym), never contact details; every line is access-logged.',
      querystring: CourseListQuery,
      response: { 200: z.array(CourseSummary) },
    }),
    async (request) => listCourses({ ...deps, actor: requireActor(request), query: request.query }),
  );

  api.get(
    '/courses/:courseId',
    courseRoute('course:read', tag, { summary: 'One course, with its summaries, prompts and the person’s other courses here', params: CourseParams, response: { 200: Course } }),
    async (request) => getCourse(onCourse(deps, request)),
  );

  api.put(
    '/courses/:courseId/counsellor',
    courseRoute('course:triage', tag, { summary: 'Give the course to a counsellor of its service (or to nobody)', params: CourseParams, body: AssignCounsellorRequest, response: { 200: Course } }),
    async (request) => assignCounsellor({ ...onCourse(deps, request), counsellorUserId: request.body.counsellorUserId }),
  );

  api.put(
    '/courses/:courseId/safe-contact',
    courseRoute('course:write', tag, {
      summary: 'Set the person’s safe-contact details and preferences',
      description: 'Reminders go only to channels marked safe, only inside safe time windows; unknown preferences mean no messages at all.',
      params: CourseParams,
      body: CourseSafeContactInput,
      response: { 200: Course },
    }),
    async (request) => updateSafeContact({ ...onCourse(deps, request), safeContact: request.body }),
  );

  api.put(
    '/courses/:courseId/address-protection',
    // Changing a person's protection flags needs a recent proof of identity (re-authentication).
    courseRoute(
      'course:write',
      tag,
      { summary: 'Set the address-protection flag (hides addresses in printed plans)', params: CourseParams, body: UpdateProtectionRequest, response: { 200: Course } },
      { isReauthenticationRequired: true },
    ),
    async (request) => updateAddressProtection({ ...onCourse(deps, request), addressProtection: request.body.addressProtection }),
  );

  api.post(
    '/courses/:courseId/close',
    courseRoute('course:write', tag, {
      summary: 'Close the course with a reason and a summary',
      description: 'A closed course is history: recording anything on it afterwards answers 409 with `course_closed`.',
      params: CourseParams,
      body: CloseCourseRequest,
      response: { 200: Course },
    }),
    async (request) => closeCourse({ ...onCourse(deps, request), request: request.body }),
  );
}
