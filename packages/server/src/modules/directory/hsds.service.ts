import {
  channelTermId,
  HSDS_PROFILE_URL,
  HSDS_VERSION,
  hsdsPageEnvelope,
  parseTaxonomyTermId,
  targetGroupTermId,
  type HsdsMetadata,
  type HsdsOrganization,
  type HsdsOrganizationsPage,
  type HsdsOrganizationsQuery,
  type HsdsService,
  type HsdsServiceListItem,
  type HsdsServicesPage,
  type HsdsServicesQuery,
  municipalities,
} from '@bro/domain';
import type { Db } from '../../db/tables.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import {
  findPublicHelpService,
  listMatchingServices,
  searchDirectory,
  statusesInHsds,
  type PublicDirectoryQuery,
  type PublicHelpService,
} from './public-directory.service.ts';
import { channelLabel, targetGroupLabel } from './public-pages.text.ts';

/**
 * The HSDS 3.0 view of the directory. Builds only from `PublicHelpService`, which has no field for a secret address;
 * the response schemas in @bro/domain then drop anything undeclared.
 */


const municipalityName = new Map(municipalities.map((municipality) => [municipality.code, municipality.name]));
const languageNames = new Intl.DisplayNames(['da'], { type: 'language' });

export function describeHsdsApi(input: { publicOrigin: string }): HsdsMetadata {
  return {
    version: HSDS_VERSION,
    profile: HSDS_PROFILE_URL,
    openapi_url: `${input.publicOrigin}/api/openapi.json`,
    description:
      'Offentlig oversigt over hjælp og rådgivning ved vold i nære relationer i Danmark. Profilen tilføjer målgrupper, kontaktkanaler, hemmelige adresser (udgives aldrig), anonym kontakt og gratis tilbud.',
    publisher: { name: 'Bro', website: input.publicOrigin },
  };
}

function toPublicQuery(query: HsdsOrganizationsQuery & { organization_id?: string | undefined }): PublicDirectoryQuery {
  const term = query.taxonomy_term_id ? parseTaxonomyTermId(query.taxonomy_term_id) : undefined;
  return {
    statuses: statusesInHsds,
    search: query.search,
    targetGroups: term?.kind === 'target_group' ? [term.value] : undefined,
    channels: term?.kind === 'channel' ? [term.value] : undefined,
    postcode: query.postcode,
    organisationId: query.organization_id,
    modifiedSince: query.modified_after ? new Date(query.modified_after) : undefined,
  };
}

export async function listHsdsServices(input: { db: Db; clock: Clock; query: HsdsServicesQuery }): Promise<HsdsServicesPage> {
  const { query } = input;
  const { total, services } = await searchDirectory({ db: input.db, now: input.clock.now(), query: toPublicQuery(query), page: { page: query.page, perPage: query.per_page } });
  const isFull = query.full === 'true';
  return {
    ...hsdsPageEnvelope({ totalItems: total, pageNumber: query.page, perPage: query.per_page, size: services.length }),
    contents: services.map((service) => (isFull ? toHsdsService(service) : toHsdsListItem(service))),
  };
}

export async function getHsdsService(input: { db: Db; serviceId: string }): Promise<HsdsService> {
  const service = await findPublicHelpService({ db: input.db, serviceId: input.serviceId, statuses: statusesInHsds });
  if (!service) throw new AppError('not_found');
  return toHsdsService(service);
}

/**
 * Organisations that publish at least one matching listing, by name. An organisation counts as modified when it or
 * one of its listings changed, so `modified_after` applies to that latest change.
 */
export async function listHsdsOrganizations(input: { db: Db; clock: Clock; query: HsdsOrganizationsQuery }): Promise<HsdsOrganizationsPage> {
  const { query } = input;
  const { modifiedSince, ...publicQuery } = toPublicQuery(query);
  const now = input.clock.now();
  const matching = await listMatchingServices({ db: input.db, now, query: publicQuery });
  const matchingOrganisationIds = new Set(matching.map((service) => service.organisationId));
  // An organization lists all its listings, not only those that matched the filter.
  const listed = await listMatchingServices({ db: input.db, now, query: { statuses: statusesInHsds } });
  const organizations = toOrganizations(listed.filter((service) => matchingOrganisationIds.has(service.organisationId))).filter(
    (organization) => !modifiedSince || new Date(organization.last_modified).getTime() >= modifiedSince.getTime(),
  );
  const start = (query.page - 1) * query.per_page;
  const contents = organizations.slice(start, start + query.per_page);
  return { ...hsdsPageEnvelope({ totalItems: organizations.length, pageNumber: query.page, perPage: query.per_page, size: contents.length }), contents };
}

/** Only organisations that publish at least one listing are HSDS organizations; others answer 404. */
export async function getHsdsOrganization(input: { db: Db; clock: Clock; organizationId: string }): Promise<HsdsOrganization> {
  const services = await listMatchingServices({ db: input.db, now: input.clock.now(), query: { statuses: statusesInHsds, organisationId: input.organizationId } });
  const [organization] = toOrganizations(services);
  if (!organization) throw new AppError('not_found');
  return organization;
}

const danishOrder = new Intl.Collator('da');

function toOrganizations(services: PublicHelpService[]): HsdsOrganization[] {
  const byOrganisation = new Map<string, PublicHelpService[]>();
  for (const service of services) {
    const list = byOrganisation.get(service.organisationId);
    if (list) list.push(service);
    else byOrganisation.set(service.organisationId, [service]);
  }
  return [...byOrganisation.values()]
    .map((listed) => {
      const first = listed[0] as PublicHelpService;
      const lastModified = Math.max(first.organisationUpdatedAt.getTime(), ...listed.map((service) => service.updatedAt.getTime()));
      return {
        id: first.organisationId,
        name: first.organisationName,
        description: '',
        website: null,
        email: null,
        last_modified: new Date(lastModified).toISOString(),
        services: listed.map((service) => ({ id: service.id, name: service.names.da, status: service.status })),
      };
    })
    .sort((a, b) => danishOrder.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

function toHsdsListItem(service: PublicHelpService): HsdsServiceListItem {
  return {
    id: service.id,
    organization_id: service.organisationId,
    name: service.names.da,
    alternate_name: null,
    description: service.descriptions.da,
    url: service.websiteUrl,
    email: service.email,
    status: service.status,
    application_process: service.howToContact.da,
    fees_description: service.isFreeOfCharge ? 'Gratis' : null,
    eligibility_description: service.eligibility.da,
    minimum_age: service.minimumAge,
    maximum_age: service.maximumAge,
    assured_date: service.lastCheckedAt.toISOString().slice(0, 10),
    alert: null,
    last_modified: service.updatedAt.toISOString(),
    target_groups: service.targetGroups,
    channels: service.channels,
    languages_offered: service.languages,
    is_anonymous_contact_offered: service.isAnonymousContactOffered,
    is_free_of_charge: service.isFreeOfCharge,
    is_open_24_hours: service.isOpen24Hours,
    is_national: service.isNational,
    translations: {
      en: { name: service.names.en, description: service.descriptions.en, application_process: service.howToContact.en, eligibility_description: service.eligibility.en },
      ar:
        service.names.ar === null
          ? null
          : {
              name: service.names.ar,
              description: service.descriptions.ar ?? service.descriptions.da,
              application_process: service.howToContact.ar ?? service.howToContact.da,
              eligibility_description: service.eligibility.da,
            },
    },
  };
}

function toHsdsService(service: PublicHelpService): HsdsService {
  return {
    ...toHsdsListItem(service),
    organization: { id: service.organisationId, name: service.organisationName, description: '', website: null, email: null },
    phones: service.phones.map((phone, index) => ({ id: `${service.id}-phone-${index + 1}`, number: phone.number, description: phone.descriptionDa })),
    schedules: service.isOpen24Hours
      ? [{ id: `${service.id}-schedule-1`, freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: null, closes_at: null, timezone: 'Europe/Copenhagen', description: 'Døgnåben' }]
      : service.scheduleRules.map((rule, index) => ({
          id: `${service.id}-schedule-${index + 1}`,
          freq: 'WEEKLY',
          byday: rule.byday.join(','),
          opens_at: rule.opensAt,
          closes_at: rule.closesAt,
          timezone: 'Europe/Copenhagen',
          description: index === 0 ? service.scheduleNote.da : null,
        })),
    service_areas: service.isNational
      ? [{ id: `${service.id}-area-dk`, name: 'Hele Danmark', description: null, municipality_code: null }]
      : service.municipalityCodes.map((code) => ({
          id: `${service.id}-area-${code}`,
          name: municipalityName.get(code) ?? code,
          description: 'Kommune',
          municipality_code: code,
        })),
    languages: service.languages.map((code) => ({ id: `${service.id}-language-${code}`, name: languageNames.of(code) ?? code, code })),
    service_at_locations: service.locations.map((location) => ({
      id: `${service.id}-${location.id}`,
      service_id: service.id,
      location: {
        id: location.id,
        location_type: location.locationType,
        name: location.names.da,
        description: null,
        latitude: location.isConfidential ? null : location.latitude,
        longitude: location.isConfidential ? null : location.longitude,
        addresses:
          location.isConfidential || !location.addressLine || !location.postalCode || !location.city
            ? []
            : [
                {
                  id: `${location.id}-address`,
                  address_1: location.addressLine,
                  city: location.city,
                  state_province: null,
                  postal_code: location.postalCode,
                  country: 'DK',
                  address_type: 'physical',
                },
              ],
        is_confidential: location.isConfidential,
        city: location.city,
      },
    })),
    capacities: service.capacity
      ? [
          {
            id: `${service.id}-capacity`,
            available: service.capacity.available,
            maximum: service.capacity.maximum,
            unit: { id: `${service.id}-capacity-unit`, name: service.capacity.unit },
            updated: service.capacity.updatedAt.toISOString(),
          },
        ]
      : [],
    attributes: [
      ...service.targetGroups.map((group) => ({
        id: `${service.id}-${targetGroupTermId(group)}`,
        taxonomy_term_id: targetGroupTermId(group),
        taxonomy_term: { id: targetGroupTermId(group), code: group, name: targetGroupLabel[group].da, description: targetGroupLabel[group].en, taxonomy: 'bro-target-group' },
      })),
      ...service.channels.map((channel) => ({
        id: `${service.id}-${channelTermId(channel)}`,
        taxonomy_term_id: channelTermId(channel),
        taxonomy_term: { id: channelTermId(channel), code: channel, name: channelLabel[channel].da, description: channelLabel[channel].en, taxonomy: 'bro-channel' },
      })),
    ],
  };
}
