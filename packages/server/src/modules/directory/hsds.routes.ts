import { HsdsIdParams, HsdsMetadata, HsdsOrganization, HsdsOrganizationsPage, HsdsOrganizationsQuery, HsdsService, HsdsServicesPage, HsdsServicesQuery } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { describeHsdsApi, getHsdsOrganization, getHsdsService, listHsdsOrganizations, listHsdsServices } from './hsds.service.ts';

/**
 * The read-only HSDS 3.0 API of the public directory: no session, no personal data. The request log is turned
 * down to warnings on these routes: a search word typed by a person looking for help is nobody's business, and
 * request logs would otherwise keep every query string.
 */
export function registerHsdsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;
  const common = { config: { permission: 'public' as const }, logLevel: 'warn' as const };
  const tags = ['hsds'];

  // HSDS names the root `/` of the API's base URL; both spellings of it answer. The OpenAPI document lists the one
  // without the trailing slash only: one operation, one path.
  for (const url of ['/hsds/', '/hsds']) {
    api.get(
      url,
      { ...common, schema: { tags, hide: url.endsWith('/'), summary: 'HSDS metadata: version and profile of this API', response: { 200: HsdsMetadata } } },
      async () => describeHsdsApi({ publicOrigin: deps.config.publicOrigin }),
    );
  }

  api.get(
    '/hsds/services',
    {
      ...common,
      schema: {
        tags,
        summary: 'Listed help services, paginated (HSDS page envelope); `full=true` nests each service fully',
        querystring: HsdsServicesQuery,
        response: { 200: HsdsServicesPage },
      },
    },
    async (request) => listHsdsServices({ db, clock, query: request.query }),
  );

  api.get(
    '/hsds/services/:id',
    { ...common, schema: { tags, summary: 'One help service, fully nested', params: HsdsIdParams, response: { 200: HsdsService } } },
    async (request) => getHsdsService({ db, clock, serviceId: request.params.id }),
  );

  api.get(
    '/hsds/organizations',
    {
      ...common,
      schema: {
        tags,
        summary: 'Organizations that publish at least one matching help service, paginated',
        querystring: HsdsOrganizationsQuery,
        response: { 200: HsdsOrganizationsPage },
      },
    },
    async (request) => listHsdsOrganizations({ db, clock, query: request.query }),
  );

  api.get(
    '/hsds/organizations/:id',
    { ...common, schema: { tags, summary: 'One organization with its listed services', params: HsdsIdParams, response: { 200: HsdsOrganization } } },
    async (request) => getHsdsOrganization({ db, clock, organizationId: request.params.id }),
  );
}
