import type { Campaign, CampaignSummary, CreateCampaignRequest, HeardAboutStatistics, HsdsServicesPage, UpdateCampaignRequest } from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ids, request } from '../../api/client';
import { helpServicesQuery } from '../directory/directory.api';

const campaign = (id: string) => `/api/campaigns/${ids(id)}`;

export const campaignKeys = { list: () => ['campaigns', 'list'] as const, one: (id: string) => ['campaigns', 'one', id] as const };

/** The organisation's campaigns, the most recently changed first. */
export const campaignsQuery = queryOptions({
  queryKey: campaignKeys.list(),
  queryFn: async ({ signal }) => (await request<CampaignSummary[]>('GET', '/api/campaigns', { signal })).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
});

export const campaignQuery = (id: string) => queryOptions({ queryKey: campaignKeys.one(id), queryFn: ({ signal }) => request<Campaign>('GET', campaign(id), { signal }) });

/** How self-referring people heard about the services: counts only, cells below 5 as "<5". */
export const heardAboutQuery = queryOptions({
  queryKey: ['statistics', 'heard-about'],
  queryFn: ({ signal }) => request<HeardAboutStatistics>('GET', '/api/statistics/heard-about', { signal }),
});

export type ServiceChoice = { id: string; name: string };
export type ServiceChoices = { own: ServiceChoice[]; others: ServiceChoice[] };

/** The public directory is small (tens of listings), but a page holds 100: read until the last one, with a ceiling. */
const maximumPages = 20;

async function fetchAllPublicServices(signal: AbortSignal): Promise<HsdsServicesPage['contents']> {
  const all: HsdsServicesPage['contents'] = [];
  for (let page = 1; page <= maximumPages; page += 1) {
    const result = await request<HsdsServicesPage>('GET', `/api/hsds/services?per_page=100&page=${page}`, { signal });
    all.push(...result.contents);
    if (result.last_page || result.contents.length === 0) break;
  }
  return all;
}

/**
 * What a campaign may point to: active listings, the organisation's own, then every other organisation's (from the
 * public HSDS API, which never carries confidential fields). The server checks again. The own listings come from the
 * directory admin API for those who may use it (`directory:manage`); anyone else keeping campaigns finds them in
 * the public API by organisation, which shows the same active listings.
 */
export const serviceChoicesQuery = (input: { organisationId: string; canManageDirectory: boolean }) =>
  queryOptions({
    queryKey: ['campaigns', 'service-choices', input],
    queryFn: async ({ signal, client }): Promise<ServiceChoices> => {
      const fetchOwnFromDirectoryAdmin = async () =>
        input.canManageDirectory ? (await client.fetchQuery(helpServicesQuery)).filter((service) => service.status === 'active').map((service) => ({ id: service.id, name: service.nameDa })) : undefined;
      const [ownFromDirectoryAdmin, publicListings] = await Promise.all([fetchOwnFromDirectoryAdmin(), fetchAllPublicServices(signal)]);
      const active = publicListings.filter((service) => service.status === 'active').map((service) => ({ id: service.id, name: service.name, organisationId: service.organization_id }));
      const own = ownFromDirectoryAdmin ?? active.filter((service) => service.organisationId === input.organisationId);
      const ownIds = new Set(own.map((service) => service.id));
      const toChoice = ({ id, name }: ServiceChoice): ServiceChoice => ({ id, name });
      return { own: own.map(toChoice), others: active.filter((service) => !ownIds.has(service.id)).map(toChoice) };
    },
  });

export const createCampaign = (body: CreateCampaignRequest) => request<Campaign>('POST', '/api/campaigns', { body });
/** Lists (testimonials, videos, services) are replaced as a whole, so the form sends them complete. */
export const updateCampaign = (id: string, body: UpdateCampaignRequest) => request<Campaign>('PATCH', campaign(id), { body });
export const publishCampaign = (id: string) => request<Campaign>('POST', `${campaign(id)}/publish`, { body: {} });
export const unpublishCampaign = (id: string) => request<Campaign>('POST', `${campaign(id)}/unpublish`, { body: {} });
