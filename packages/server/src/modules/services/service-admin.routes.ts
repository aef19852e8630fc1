import { AdminService, AdminServiceList, CreateServiceRequest, EndServiceRequest, ServiceEndPreview, ServiceEndResult, UpdateServiceRequest } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor } from '../../platform/auth/authorization.ts';
import { createService, listServices, updateService } from './service-admin.service.ts';
import { endService, previewServiceEnd } from './service-end.service.ts';

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
          'Another organisation’s service answers 404. While the service has open referrals or courses, changing its line or closing it answers 409 `service_in_use`: the people in them would drop out of sight. Close such a service with `POST /admin/services/{serviceId}/end`.',
        params: ServiceIdParams,
        body: UpdateServiceRequest,
        response: { 200: AdminService },
      },
    },
    async (request) => updateService({ db, clock, actor: requireActor(request), serviceId: request.params.serviceId, request: request.body }),
  );
  registerServiceEndRoutes(app, deps);
}

/** Ending a service: what it would touch (counts only), and ending it with its open work handed over or closed. */
function registerServiceEndRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: 'services:manage' as const };
  const tags = ['services'];

  api.get(
    '/admin/services/:serviceId/end',
    {
      config,
      schema: {
        tags,
        summary: 'What ending a service would touch: its open referrals and courses (counts only) and the services that can take them all',
        description: 'Another organisation’s service answers 404. Nothing about the people in the cases: counts and service names only.',
        params: ServiceIdParams,
        response: { 200: ServiceEndPreview },
      },
    },
    async (request) => previewServiceEnd({ db: deps.db, clock: deps.clock, actor: requireActor(request), serviceId: request.params.serviceId }),
  );

  api.post(
    '/admin/services/:serviceId/end',
    {
      config,
      schema: {
        tags,
        summary: 'Ends a service: hands its open referrals and courses over to another service, or closes them with a reason, then makes it inactive',
        description:
          'One transaction, every change audited. Handed-over referrals start afresh at the new service (new first-contact deadline) and need the person’s active consent to its organisation; handed-over courses land unassigned in its triage list and can move only within the organisation. If the chosen service cannot take all of it, 422 `open_work_not_movable` with the counts, and nothing changes. Another organisation’s service answers 404.',
        params: ServiceIdParams,
        body: EndServiceRequest,
        response: { 200: ServiceEndResult },
      },
    },
    async (request) => endService({ ...deps, actor: requireActor(request), serviceId: request.params.serviceId, request: request.body }),
  );
}
