import { Course, CourseServiceOption, OpenCourseRequest } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { parseIdempotencyKey } from '../../../platform/idempotency.ts';
import { courseRoute, IdempotencyKeyHeader, sendVerbatim } from '../core/course-http.ts';
import { listMyCourseServices, openCourse } from './opening.service.ts';

const tag = 'courses';

/** Opening a course, and the services the caller may open one at. */
export function registerOpeningRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/courses/services',
    courseRoute('course:triage', tag, { summary: 'The services I may open courses at (my service assignments, on the sides I work)', response: { 200: z.array(CourseServiceOption) } }),
    async (request) => listMyCourseServices({ db: deps.db, actor: requireActor(request) }),
  );

  api.post(
    '/courses',
    courseRoute('course:triage', tag, {
      summary: 'Open a course: from an accepted referral, or for a self-referral, walk-in or phone contact',
      description:
        'Idempotent: requires the `Idempotency-Key` header (8–128 characters `[A-Za-z0-9_-]`). From a referral, the referral is handed over in the same transaction (409 `transition_not_allowed` until it is accepted with first contact). Anonymous contacts need only a pseudonym. The service must be one the caller is assigned to (422 `service_not_allowed` when the service does not hold that side).',
      headers: IdempotencyKeyHeader,
      body: OpenCourseRequest,
      response: { 201: Course },
    }),
    async (request, reply) => {
      const outcome = await openCourse({ ...deps, actor: requireActor(request), request: request.body, idempotencyKey: parseIdempotencyKey(request.headers['idempotency-key']) });
      return sendVerbatim(reply, outcome);
    },
  );
}
