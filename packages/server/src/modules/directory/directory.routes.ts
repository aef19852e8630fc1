import { CreateHelpServiceRequest, HelpService, HelpServiceIdParams, HelpServiceList, UpdateHelpServiceRequest } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor } from '../../platform/auth/authorization.ts';
import { createHelpService, getHelpService, listHelpServices, markHelpServiceChecked, updateHelpService } from './directory.service.ts';
import { registerHsdsRoutes } from './hsds.routes.ts';

/**
 * The directory's API: organisation admins maintain their own organisation's public listings (another
 * organisation's listing answers 404), and the public, read-only HSDS API.
 *
 * Permission: `directory:manage` (organisation admins), not `users:manage`: keeping listings up to date is its own
 * task, which an organisation may give to someone who should not manage users.
 */
export function registerDirectoryRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, cipher } = deps;
  const config = { permission: 'directory:manage' as const };
  const tags = ['directory'];

  api.get(
    '/directory/services',
    { config, schema: { tags, summary: 'My organisation’s help services in the public directory', response: { 200: HelpServiceList } } },
    async (request) => listHelpServices({ db, clock, actor: requireActor(request) }),
  );

  api.post(
    '/directory/services',
    { config, schema: { tags, summary: 'Adds a help service to the public directory', body: CreateHelpServiceRequest, response: { 201: HelpService } } },
    async (request, reply) => {
      const created = await createHelpService({ db, clock, cipher, actor: requireActor(request), request: request.body });
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/directory/services/:serviceId',
    { config, schema: { tags, summary: 'One of my organisation’s help services, as its admin sees it', params: HelpServiceIdParams, response: { 200: HelpService } } },
    async (request) => getHelpService({ db, clock, cipher, actor: requireActor(request), serviceId: request.params.serviceId }),
  );

  api.patch(
    '/directory/services/:serviceId',
    {
      config,
      schema: {
        tags,
        summary: 'Changes the given fields of a help service; lists are replaced as a whole',
        params: HelpServiceIdParams,
        body: UpdateHelpServiceRequest,
        response: { 200: HelpService },
      },
    },
    async (request) => updateHelpService({ db, clock, cipher, actor: requireActor(request), serviceId: request.params.serviceId, request: request.body }),
  );

  api.post(
    '/directory/services/:serviceId/mark-checked',
    {
      config,
      schema: {
        tags,
        summary: 'Confirms that the listing is still right (stops the six-month reminder)',
        params: HelpServiceIdParams,
        body: z.strictObject({}).optional(),
        response: { 200: HelpService },
      },
    },
    async (request) => markHelpServiceChecked({ db, clock, cipher, actor: requireActor(request), serviceId: request.params.serviceId }),
  );

  registerHsdsRoutes(app, deps);
}
