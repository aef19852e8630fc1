import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { latestMigrationName } from '../../db/migrate.ts';
import type { AppDeps } from '../../platform/app-deps.ts';
import { sendProblem } from '../../platform/errors.ts';
import { checkReadiness, isDatabaseReachable } from './health.service.ts';

export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
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

  api.get(
    '/ready',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Readiness for traffic: the database answers and carries the migrations this version expects',
        description: 'For the load balancer. 503 (problem document) while the database is unreachable or behind this version’s migrations.',
        response: { 200: z.object({ status: z.literal('ready'), migration: z.string() }) },
      },
    },
    async (request, reply) => {
      const readiness = await checkReadiness({ db: deps.db, expectedMigration: latestMigrationName });
      if (!readiness.isReady) return sendProblem(request, reply, 'service_unavailable');
      return { status: 'ready' as const, migration: readiness.migration };
    },
  );
}
