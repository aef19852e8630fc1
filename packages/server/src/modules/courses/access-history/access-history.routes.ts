import { AccessHistoryExtract, ProduceAccessHistoryRequest } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { CourseParams, courseRoute, onCourse, PrintQuery, sendPrintable } from '../core/course-http.ts';
import { printAccessHistory, produceAccessHistory } from './access-history.service.ts';

const tag = 'access history';
const ExtractParams = z.strictObject({ courseId: z.uuid(), extractId: z.uuid() });

/** "Who looked at my data": the person's access-log extract, as JSON for a page and as a printable document. */
export function registerAccessHistoryRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/courses/:courseId/access-history',
    courseRoute(
      'access_history:produce',
      tag,
      {
        summary: 'Produce the access-history extract for the person of the course (GDPR Art. 15)',
        description:
          'Dates, organisations and purposes of every logged read of the person’s data. Staff names only with `includeStaffNames` and a `justification` (recorded). Producing it is audited and access-logged.',
        params: CourseParams,
        body: ProduceAccessHistoryRequest,
        response: { 201: AccessHistoryExtract },
      },
      // An export of personal data: it needs a recent proof of identity (re-authentication).
      { isReauthenticationRequired: true },
    ),
    async (request, reply) => reply.status(201).send(await produceAccessHistory({ ...onCourse(deps, request), request: request.body })),
  );

  api.get(
    '/courses/:courseId/access-history/:extractId/print',
    courseRoute('access_history:produce', tag, {
      summary: 'A produced extract as a printable document (text/html, no scripts)',
      params: ExtractParams,
      querystring: PrintQuery,
      produces: ['text/html'],
      response: { 200: z.string().describe('text/html') },
    }),
    async (request, reply) => sendPrintable(reply, await printAccessHistory({ ...onCourse(deps, request), extractId: request.params.extractId, lang: request.query.lang }), request.query.lang),
  );
}
