import {
  AdminChangeDecision,
  AdminChangeRequested,
  AdminChangeRequestIdParams,
  AdminChangeRequestList,
  CreateOrganisationAdminRequest,
  CreateUserResponse,
  OidcProviderSettings,
  OrganisationIdParams,
  PutOidcProviderRequest,
} from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor } from '../../platform/auth/authorization.ts';
import { getOidcProviderSettings } from '../oidc/index.ts';
import { approveChangeRequest, listChangeRequests, rejectChangeRequest, requestOidcProviderChange, requestOrganisationAdmin } from './change-request.service.ts';

/**
 * Four eyes on the powerful roles: the platform admin's new organisation admin or identity provider takes effect at
 * once only for an organisation without an active admin; otherwise it waits (`202`) for one of the organisation's own
 * admins, who approve or reject it here. Each of these changes needs a recent re-authentication.
 */
export function registerChangeRequestRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerPlatformRequestRoutes(app, deps);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisations'];
  api.get(
    '/admin/change-requests',
    { config: { permission: 'users:manage' }, schema: { tags, summary: "Platform admins' requests to the own organisation, pending first", response: { 200: AdminChangeRequestList } } },
    async (request) => listChangeRequests({ ...deps, actor: requireActor(request) }),
  );
  const decisions = [
    { path: 'approve', summary: 'Approves the request: the admin is made (initial password answered once) or the provider set', decide: approveChangeRequest },
    { path: 'reject', summary: 'Rejects the request: nothing changes', decide: rejectChangeRequest },
  ] as const;
  for (const decision of decisions) {
    api.post(
      `/admin/change-requests/:requestId/${decision.path}`,
      {
        config: { permission: 'users:manage', isReauthenticationRequired: true },
        schema: { tags, summary: decision.summary, params: AdminChangeRequestIdParams, response: { 200: AdminChangeDecision } },
      },
      async (request) => decision.decide({ ...deps, actor: requireActor(request), requestId: request.params.requestId }),
    );
  }
}

function registerPlatformRequestRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisations'];
  const config = { permission: 'organisations:manage' as const, isReauthenticationRequired: true };
  api.post(
    '/platform/organisations/:organisationId/admins',
    {
      config,
      schema: {
        tags,
        summary: "Creates an organisation's first admin (initial password answered once), or asks its own admins to approve one",
        params: OrganisationIdParams,
        body: CreateOrganisationAdminRequest,
        response: { 201: CreateUserResponse, 202: AdminChangeRequested },
      },
    },
    async (request, reply) => {
      const outcome = await requestOrganisationAdmin({ ...deps, actor: requireActor(request), organisationId: request.params.organisationId, request: request.body });
      return outcome.status === 'created' ? reply.status(201).send(outcome.created) : reply.status(202).send(outcome);
    },
  );

  api.get(
    '/platform/organisations/:organisationId/oidc-provider',
    {
      config: { permission: 'organisations:manage' },
      schema: { tags, summary: "An organisation's identity provider (the secret is never returned)", params: OrganisationIdParams, response: { 200: OidcProviderSettings } },
    },
    async (request) => getOidcProviderSettings({ db: deps.db, config: deps.config, organisationId: request.params.organisationId }),
  );

  api.put(
    '/platform/organisations/:organisationId/oidc-provider',
    {
      config,
      schema: {
        tags,
        summary: "Creates or replaces an organisation's identity provider, or asks its own admins to approve the change",
        params: OrganisationIdParams,
        body: PutOidcProviderRequest,
        response: { 200: OidcProviderSettings, 202: AdminChangeRequested },
      },
    },
    async (request, reply) => {
      const outcome = await requestOidcProviderChange({ ...deps, actor: requireActor(request), organisationId: request.params.organisationId, request: request.body });
      return outcome.status === 'saved' ? reply.status(200).send(outcome.settings) : reply.status(202).send(outcome);
    },
  );
}
