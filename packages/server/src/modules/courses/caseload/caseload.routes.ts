import { CaseloadOverview, CounsellorCaseloadSummary } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { courseRoute } from '../core/course-http.ts';
import { getCaseloadOf, getMyCaseload, listSupervisedCaseloads } from './caseload.service.ts';

const tag = 'courses';
const CounsellorParams = z.strictObject({ userId: z.uuid() });

/** A counsellor's caseload, and a supervisor's view of the counsellors of their services. */
export function registerCaseloadRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/caseload',
    courseRoute('course:read', tag, { summary: 'My caseload: open courses (high risk first), upcoming sessions, courses without contact', response: { 200: CaseloadOverview } }),
    async (request) => getMyCaseload({ ...deps, actor: requireActor(request) }),
  );

  api.get(
    '/supervision/caseloads',
    courseRoute('course:supervise', tag, { summary: 'The counsellors of my services, with their open, high-risk and overdue course counts', response: { 200: z.array(CounsellorCaseloadSummary) } }),
    async (request) => listSupervisedCaseloads({ ...deps, actor: requireActor(request) }),
  );

  api.get(
    '/supervision/caseloads/:userId',
    courseRoute('course:supervise', tag, { summary: 'One counsellor’s caseload (a counsellor of my services)', params: CounsellorParams, response: { 200: CaseloadOverview } }),
    async (request) => getCaseloadOf({ ...deps, actor: requireActor(request), counsellorUserId: request.params.userId }),
  );
}
