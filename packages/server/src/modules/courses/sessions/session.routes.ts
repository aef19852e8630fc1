import { PlanSessionRequest, RecordAttendanceRequest, RescheduleSessionRequest, SessionList, SessionNoteRequest, SessionView } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { CourseParams, courseRoute, onCourse } from '../core/course-http.ts';
import { listSessionsOfCourse, planSession, recordAttendance, rescheduleSession, writeSessionNote } from './session.service.ts';

const tag = 'sessions';
const SessionParams = z.strictObject({ courseId: z.uuid(), sessionId: z.uuid() });

/** Sessions of a course: plan, move, attendance, notes. Anything on a closed course answers 409 `course_closed`. */
export function registerCourseSessionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/courses/:courseId/sessions',
    courseRoute('course:read', tag, { summary: 'The sessions, with notes, and the counts: used (attended), remaining, scheduled', params: CourseParams, response: { 200: SessionList } }),
    async (request) => listSessionsOfCourse(onCourse(deps, request)),
  );

  api.post(
    '/courses/:courseId/sessions',
    courseRoute('course:write', tag, {
      summary: 'Plan a session (time, mode, place or link)',
      description: 'The mode must be one the course offers (422). A reminder goes out only as the person’s safe-contact preferences allow.',
      params: CourseParams,
      body: PlanSessionRequest,
      response: { 201: SessionView },
    }),
    async (request, reply) => reply.status(201).send(await planSession({ ...onCourse(deps, request), request: request.body })),
  );

  api.patch(
    '/courses/:courseId/sessions/:sessionId',
    courseRoute('course:write', tag, { summary: 'Move or change a planned session (re-arms its reminder)', params: SessionParams, body: RescheduleSessionRequest, response: { 200: SessionView } }),
    async (request) => rescheduleSession({ ...onCourse(deps, request), sessionId: request.params.sessionId, request: request.body }),
  );

  api.post(
    '/courses/:courseId/sessions/:sessionId/attendance',
    courseRoute('course:write', tag, {
      summary: 'Record attendance: attended, cancelled by the person, cancelled by the service, no-show',
      params: SessionParams,
      body: RecordAttendanceRequest,
      response: { 200: SessionView },
    }),
    async (request) => recordAttendance({ ...onCourse(deps, request), sessionId: request.params.sessionId, request: request.body }),
  );

  api.put(
    '/courses/:courseId/sessions/:sessionId/note',
    courseRoute('course:write', tag, { summary: 'Write the session note (stored encrypted)', params: SessionParams, body: SessionNoteRequest, response: { 200: SessionView } }),
    async (request) => writeSessionNote({ ...onCourse(deps, request), sessionId: request.params.sessionId, note: request.body.note }),
  );
}
