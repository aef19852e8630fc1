import { AdminService, AdminServiceList, CreateServiceRequest, UpdateServiceRequest } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor } from '../../platform/auth/authorization.ts';
import { createService, listServices, updateService } from './service-admin.service.ts';

const ServiceIdParams = z.strictObject({ serviceId: z.uuid() });

/** An organisation admin's own services (tilbud): the units referrals go to. Nothing here reads case content. */
export function registerServiceAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;
  const config = { permission: 'services:manage' as const };
  const tags = ['services'];

  api.get(
    '/admin/services',
    { config, schema: { tags, summary: 'The own organisation’s services, with whom each takes and its open cases', response: { 200: AdminServiceList } } },
    async (request) => listServices({ db, actor: requireActor(request) }),
  );

  api.post(
    '/admin/services',
    { config, schema: { tags, summary: 'Creates a service in the own organisation', body: CreateServiceRequest, response: { 201: AdminService } } },
    async (request, reply) => {
      const created = await createService({ db, clock, actor: requireActor(request), request: request.body });
      return reply.status(201).send(created);
    },
  );

  api.put(
    '/admin/services/:serviceId',
    {
      config,
      schema: {
        tags,
        summary: 'Changes a service of the own organisation',
        description:
          'Another organisation’s service answers 404. While the service has open referrals or courses, changing its line or closing it answers 409 `service_in_use`: the people in them would drop out of sight.',
        params: ServiceIdParams,
        body: UpdateServiceRequest,
        response: { 200: AdminService },
      },
    },
    async (request) => updateService({ db, clock, actor: requireActor(request), serviceId: request.params.serviceId, request: request.body }),
  );
}
