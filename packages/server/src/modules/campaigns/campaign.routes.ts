import { Campaign, CampaignIdParams, CampaignList, CreateCampaignRequest, HeardAboutStatistics, UpdateCampaignRequest } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor } from '../../platform/auth/authorization.ts';
import { getHeardAboutStatistics } from '../referrals/index.ts';
import { createCampaign, getCampaign, listCampaigns, publishCampaign, unpublishCampaign, updateCampaign } from './campaign.service.ts';

/**
 * Campaign pages (maintained by an organisation's admin, public once published) and how self-referring people
 * heard about the organisation's services, which is how a campaign's reach shows.
 *
 * Permissions: `campaigns:manage` for the campaign pages and `statistics:read` for the counts (both organisation
 * admins), so neither rides on `users:manage`.
 */
export function registerCampaignRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;
  const config = { permission: 'campaigns:manage' as const };
  const tags = ['campaigns'];

  api.get(
    '/campaigns',
    { config, schema: { tags, summary: 'My organisation’s campaigns', response: { 200: CampaignList } } },
    async (request) => listCampaigns({ db, actor: requireActor(request) }),
  );

  api.post(
    '/campaigns',
    {
      config,
      schema: {
        tags,
        summary: 'Adds a campaign as a draft',
        description: 'Plain text only (paragraphs separated by blank lines). Videos are our own files under `/public/campaign-media/` or plain https links, never embedded players.',
        body: CreateCampaignRequest,
        response: { 201: Campaign },
      },
    },
    async (request, reply) => reply.status(201).send(await createCampaign({ db, clock, actor: requireActor(request), request: request.body })),
  );

  api.get(
    '/campaigns/:campaignId',
    { config, schema: { tags, summary: 'One of my organisation’s campaigns', params: CampaignIdParams, response: { 200: Campaign } } },
    async (request) => getCampaign({ db, actor: requireActor(request), campaignId: request.params.campaignId }),
  );

  api.patch(
    '/campaigns/:campaignId',
    {
      config,
      schema: { tags, summary: 'Changes the given fields of a campaign; lists are replaced as a whole', params: CampaignIdParams, body: UpdateCampaignRequest, response: { 200: Campaign } },
    },
    async (request) => updateCampaign({ db, clock, actor: requireActor(request), campaignId: request.params.campaignId, request: request.body }),
  );

  for (const [action, change] of [
    ['publish', publishCampaign],
    ['unpublish', unpublishCampaign],
  ] as const) {
    api.post(
      `/campaigns/:campaignId/${action}`,
      {
        config,
        schema: {
          tags,
          summary: action === 'publish' ? 'Publishes the campaign page' : 'Takes the campaign page off the public site',
          params: CampaignIdParams,
          body: z.strictObject({}).optional(),
          response: { 200: Campaign },
        },
      },
      async (request) => change({ db, clock, actor: requireActor(request), campaignId: request.params.campaignId }),
    );
  }

  registerReachStatisticsRoutes(app, deps);
}

/** How self-referring people heard about the organisation's services: how a campaign's reach shows. */
function registerReachStatisticsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Its own permission, not the campaigns': the counts are anonymous statistics, useful to whoever reports on reach.
  const config = { permission: 'statistics:read' as const };
  api.get(
    '/statistics/heard-about',
    {
      config,
      schema: {
        tags: ['statistics'],
        summary: 'How self-referring people heard about my organisation’s services (counts only)',
        description: 'Self-referrals my organisation holds, counted by "heard about". Counts below 5 read "<5"; no total is given, so no suppressed cell can be worked out.',
        response: { 200: HeardAboutStatistics },
      },
    },
    async (request) => getHeardAboutStatistics({ db: deps.db, actor: requireActor(request) }),
  );
}
