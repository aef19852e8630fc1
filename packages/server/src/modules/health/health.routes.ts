import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { sendProblem } from '../../platform/errors.ts';
import { isDatabaseReachable } from './health.service.ts';

export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database reachability',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async (request, reply) => {
      if (!(await isDatabaseReachable(deps.db))) return sendProblem(request, reply, 'service_unavailable');
      return { status: 'ok' as const };
    },
  );
}
