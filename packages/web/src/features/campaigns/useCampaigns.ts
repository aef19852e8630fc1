import { fetchCampaign, fetchCampaigns, fetchHeardAboutStatistics, fetchHelpServices, fetchPublicServicesPage } from '../../api';
import { useFormat } from '../../i18n/format';
import { useResource } from '../../useResource';

/** The organisation's campaigns, the most recently changed first. */
export function useCampaigns() {
  return useResource(async (signal) => (await fetchCampaigns(signal)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)), []);
}

export function useCampaign(id: string) {
  return useResource((signal) => fetchCampaign(id, signal), [id]);
}

export function useHeardAboutStatistics() {
  return useResource((signal) => fetchHeardAboutStatistics(signal), []);
}

export type ServiceChoice = { id: string; name: string };
export type ServiceChoices = { own: ServiceChoice[]; others: ServiceChoice[] };

/** The public directory is small (tens of listings), but a page holds 100: read until the last one, with a ceiling. */
const maximumPages = 20;

/**
 * What a campaign may point to: active listings, the organisation's own first (from its directory admin), then every
 * other organisation's (from the public HSDS API, which never carries confidential fields). The server checks again.
 */
export function useServiceChoices() {
  const format = useFormat();
  return useResource(async (signal): Promise<ServiceChoices> => {
    const [ownListings, publicListings] = await Promise.all([fetchHelpServices(signal), fetchAllPublicServices(signal)]);
    const byName = (a: ServiceChoice, b: ServiceChoice) => format.compare(a.name, b.name);
    const own = ownListings.filter((service) => service.status === 'active').map((service) => ({ id: service.id, name: service.nameDa }));
    const ownIds = new Set(ownListings.map((service) => service.id));
    const others = publicListings.filter((service) => service.status === 'active' && !ownIds.has(service.id)).map((service) => ({ id: service.id, name: service.name }));
    return { own: own.sort(byName), others: others.sort(byName) };
  }, [format]);
}

async function fetchAllPublicServices(signal: AbortSignal) {
  const all = [];
  for (let page = 1; page <= maximumPages; page += 1) {
    const result = await fetchPublicServicesPage(page, signal);
    all.push(...result.contents);
    if (result.last_page || result.contents.length === 0) break;
  }
  return all;
}
