import {
  CreateOrganisationRequest,
  OrganisationIdParams,
  PlatformOrganisation,
  PlatformOrganisationList,
  UpdateOrganisationRequest,
} from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor } from '../../platform/auth/authorization.ts';
import { registerChangeRequestRoutes } from './change-request.routes.ts';
import { createOrganisation, listOrganisations, updateOrganisation } from './organisation.service.ts';

/** Organisation administration for the platform operator. Nothing here reads case content. */
export function registerOrganisationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;
  const config = { permission: 'organisations:manage' as const };
  const tags = ['organisations'];

  api.get(
    '/platform/organisations',
    { config, schema: { tags, summary: 'All organisations with their settings and user counts', response: { 200: PlatformOrganisationList } } },
    async () => listOrganisations({ db }),
  );

  api.post(
    '/platform/organisations',
    { config, schema: { tags, summary: 'Creates an organisation', body: CreateOrganisationRequest, response: { 201: PlatformOrganisation } } },
    async (request, reply) => {
      const created = await createOrganisation({ db, clock, actor: requireActor(request), request: request.body });
      return reply.status(201).send(created);
    },
  );

  api.patch(
    '/platform/organisations/:organisationId',
    {
      config,
      schema: {
        tags,
        summary: 'Renames, activates or deactivates an organisation, or turns its local login on or off',
        params: OrganisationIdParams,
        body: UpdateOrganisationRequest,
        response: { 200: PlatformOrganisation },
      },
    },
    async (request) => updateOrganisation({ db, clock, actor: requireActor(request), organisationId: request.params.organisationId, request: request.body }),
  );

  registerChangeRequestRoutes(app, deps);
}
