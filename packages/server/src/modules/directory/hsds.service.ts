import {
  Channel,
  channelTermId,
  HSDS_PROFILE_URL,
  HSDS_VERSION,
  hsdsPageEnvelope,
  municipalityCodesForPostcode,
  parseTaxonomyTermId,
  TargetGroup,
  targetGroupTermId,
  TaxonomyTermId,
  utcOffsetHoursInDenmark,
  type HsdsLocation,
  type HsdsMetadata,
  type HsdsOrganization,
  type HsdsOrganizationsPage,
  type HsdsOrganizationsQuery,
  type HsdsOrganizationSummary,
  type HsdsService,
  type HsdsServiceListItem,
  type HsdsServicesPage,
  type HsdsServicesQuery,
  municipalities,
  type ParsedTaxonomyTerm,
} from '@bro/domain';
import type { Db } from '../../db/tables.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { deriveUuidV5, UUID_NAMESPACE_URL } from '../../platform/uuid-v5.ts';
import {
  findPublicHelpService,
  listMatchingServices,
  searchDirectory,
  statusesInHsds,
  type PublicDirectoryQuery,
  type PublicHelpService,
  type PublicLocation,
} from './public-directory.service.ts';
import { channelLabel, targetGroupLabel } from './vocabulary.text.ts';

/**
 * The HSDS 3.0 view of the directory. Builds only from `PublicHelpService`, which has no field for a secret address;
 * the response schemas in @bro/domain then drop anything undeclared.
 */


const municipalityName = new Map(municipalities.map((municipality) => [municipality.code, municipality.name]));
const regionByMunicipality = new Map(municipalities.map((municipality) => [municipality.code, municipality.region]));
const languageNames = new Intl.DisplayNames(['da'], { type: 'language' });

/** The name-space of ids that belong to our profile rather than to one listing: taxonomy terms, capacity units. */
const HSDS_PROFILE_NAMESPACE = deriveUuidV5(UUID_NAMESPACE_URL, HSDS_PROFILE_URL);

/** HSDS 3.0 ids are UUIDs. An item nested in a listing gets a name-based one: stable, and never stored. */
function nestedId(parentId: string, kind: string, key: string | number): string {
  return deriveUuidV5(parentId, `${kind}:${key}`);
}

function termUuid(termId: TaxonomyTermId): string {
  return deriveUuidV5(HSDS_PROFILE_NAMESPACE, termId);
}

const termIdByUuid = new Map<string, TaxonomyTermId>(
  [...TargetGroup.options.map(targetGroupTermId), ...Channel.options.map(channelTermId)].map((termId) => [termUuid(termId), termId]),
);

/** A term of ours by its UUID or its readable id; undefined for a UUID that names none of our terms. */
function findTaxonomyTerm(termId: string): ParsedTaxonomyTerm | undefined {
  const readable = termIdByUuid.get(termId.toLowerCase()) ?? TaxonomyTermId.safeParse(termId).data;
  return readable ? parseTaxonomyTermId(readable) : undefined;
}

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

/** The directory query an HSDS query asks for; undefined when it names a taxonomy term that is not ours, so nothing can match. */
function toPublicQuery(query: HsdsOrganizationsQuery & { organization_id?: string | undefined }): PublicDirectoryQuery | undefined {
  const term = query.taxonomy_term_id ? findTaxonomyTerm(query.taxonomy_term_id) : undefined;
  if (query.taxonomy_term_id && !term) return undefined;
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
  const now = input.clock.now();
  const publicQuery = toPublicQuery(query);
  const { total, services } = publicQuery
    ? await searchDirectory({ db: input.db, now, query: publicQuery, page: { page: query.page, perPage: query.per_page } })
    : { total: 0, services: [] };
  const isFull = query.full === 'true';
  return {
    ...hsdsPageEnvelope({ totalItems: total, pageNumber: query.page, perPage: query.per_page, size: services.length }),
    contents: services.map((service) => (isFull ? toHsdsService(service, now) : toHsdsListItem(service))),
  };
}

export async function getHsdsService(input: { db: Db; clock: Clock; serviceId: string }): Promise<HsdsService> {
  const service = await findPublicHelpService({ db: input.db, serviceId: input.serviceId, statuses: statusesInHsds });
  if (!service) throw new AppError('not_found');
  return toHsdsService(service, input.clock.now());
}

/**
 * Organisations that publish at least one matching listing, by name. An organisation counts as modified when it or
 * one of its listings changed, so `modified_after` applies to that latest change.
 */
export async function listHsdsOrganizations(input: { db: Db; clock: Clock; query: HsdsOrganizationsQuery }): Promise<HsdsOrganizationsPage> {
  const { query } = input;
  const organizations = await listMatchingOrganizations({ db: input.db, now: input.clock.now(), query });
  const start = (query.page - 1) * query.per_page;
  const contents = organizations.slice(start, start + query.per_page);
  return { ...hsdsPageEnvelope({ totalItems: organizations.length, pageNumber: query.page, perPage: query.per_page, size: contents.length }), contents };
}

async function listMatchingOrganizations(input: { db: Db; now: Date; query: HsdsOrganizationsQuery }): Promise<HsdsOrganization[]> {
  const publicQuery = toPublicQuery(input.query);
  if (!publicQuery) return [];
  const { modifiedSince, ...filters } = publicQuery;
  const matching = await listMatchingServices({ db: input.db, now: input.now, query: filters });
  const matchingOrganisationIds = new Set(matching.map((service) => service.organisationId));
  // An organization lists all its listings, not only those that matched the filter.
  const listed = await listMatchingServices({ db: input.db, now: input.now, query: { statuses: statusesInHsds } });
  return toOrganizations(listed.filter((service) => matchingOrganisationIds.has(service.organisationId))).filter(
    (organization) => !modifiedSince || new Date(organization.last_modified).getTime() >= modifiedSince.getTime(),
  );
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
        ...toOrganizationSummary(first),
        last_modified: new Date(lastModified).toISOString(),
        services: listed.map((service) => ({ id: service.id, name: service.names.da, status: service.status })),
      };
    })
    .sort((a, b) => danishOrder.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

/** We hold no website, e-mail or description of an organisation (only of its listings), so HSDS gets none. */
function toOrganizationSummary(service: PublicHelpService): HsdsOrganizationSummary {
  return { id: service.organisationId, name: service.organisationName, description: '' };
}

function toHsdsListItem(service: PublicHelpService): HsdsServiceListItem {
  return {
    id: service.id,
    organization_id: service.organisationId,
    name: service.names.da,
    description: service.descriptions.da,
    url: service.websiteUrl ?? undefined,
    email: service.email ?? undefined,
    status: service.status,
    application_process: service.howToContact.da,
    fees_description: service.isFreeOfCharge ? 'Gratis' : undefined,
    eligibility_description: service.eligibility.da ?? undefined,
    minimum_age: service.minimumAge ?? undefined,
    maximum_age: service.maximumAge ?? undefined,
    assured_date: service.lastCheckedAt.toISOString().slice(0, 10),
    last_modified: service.updatedAt.toISOString(),
    target_groups: service.targetGroups,
    channels: service.channels,
    languages_offered: service.languages,
    is_anonymous_contact_offered: service.isAnonymousContactOffered,
    is_free_of_charge: service.isFreeOfCharge,
    is_open_24_hours: service.isOpen24Hours,
    is_national: service.isNational,
    translations: {
      en: { name: service.names.en, description: service.descriptions.en, application_process: service.howToContact.en, eligibility_description: service.eligibility.en ?? undefined },
      ar:
        service.names.ar === null
          ? undefined
          : {
              name: service.names.ar,
              description: service.descriptions.ar ?? service.descriptions.da,
              application_process: service.howToContact.ar ?? service.howToContact.da,
              eligibility_description: service.eligibility.da ?? undefined,
            },
    },
  };
}

/** The fully nested service. `now` sets the UTC offset its schedules state (summer or winter time). */
function toHsdsService(service: PublicHelpService, now: Date): HsdsService {
  return {
    ...toHsdsListItem(service),
    organization: toOrganizationSummary(service),
    phones: service.phones.map((phone, index) => ({
      id: nestedId(service.id, 'phone', index + 1),
      number: phone.number,
      description: phone.descriptionDa ?? undefined,
    })),
    schedules: toHsdsSchedules(service, utcOffsetHoursInDenmark(now)),
    service_areas: toHsdsServiceAreas(service),
    languages: service.languages.map((code) => ({ id: nestedId(service.id, 'language', code), name: languageNames.of(code) ?? code, code })),
    service_at_locations: service.locations.map((location) => ({
      id: nestedId(service.id, 'service_at_location', location.id),
      service_id: service.id,
      location_id: location.id,
      location: toHsdsLocation(location),
    })),
    capacities: service.capacity ? [toHsdsCapacity(service.id, service.capacity)] : [],
    attributes: toHsdsAttributes(service),
  };
}

function toHsdsSchedules(service: PublicHelpService, timezone: number): HsdsService['schedules'] {
  if (service.isOpen24Hours) {
    return [{ id: nestedId(service.id, 'schedule', 1), freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', timezone, description: 'Døgnåben' }];
  }
  return service.scheduleRules.map((rule, index) => ({
    id: nestedId(service.id, 'schedule', index + 1),
    freq: 'WEEKLY',
    byday: rule.byday.join(','),
    opens_at: rule.opensAt,
    closes_at: rule.closesAt,
    timezone,
    // The note is about the opening hours as a whole: it goes with the first rule only.
    description: index === 0 ? (service.scheduleNote.da ?? undefined) : undefined,
  }));
}

function toHsdsServiceAreas(service: PublicHelpService): HsdsService['service_areas'] {
  if (service.isNational) return [{ id: nestedId(service.id, 'service_area', 'DK'), name: 'Hele Danmark' }];
  return service.municipalityCodes.map((code) => ({
    id: nestedId(service.id, 'service_area', code),
    name: municipalityName.get(code) ?? code,
    description: 'Kommune',
    municipality_code: code,
  }));
}

/** A confidential location gives its name and town only: no address, postcode or coordinates. */
function toHsdsLocation(location: PublicLocation): HsdsLocation {
  return {
    id: location.id,
    location_type: location.locationType,
    name: location.names.da,
    latitude: location.isConfidential ? undefined : (location.latitude ?? undefined),
    longitude: location.isConfidential ? undefined : (location.longitude ?? undefined),
    addresses: toHsdsAddresses(location),
    is_confidential: location.isConfidential,
    city: location.city ?? undefined,
  };
}

function toHsdsAddresses(location: PublicLocation): HsdsLocation['addresses'] {
  const { addressLine, postalCode, city } = location;
  // PublicLocation holds no address of a confidential location; checked again because publishing one endangers lives.
  if (location.isConfidential || addressLine === null || postalCode === null || city === null) return [];
  return [
    {
      id: nestedId(location.id, 'address', 1),
      address_1: addressLine,
      city,
      state_province: findRegionName(location),
      postal_code: postalCode,
      country: 'DK',
      address_type: 'physical',
    },
  ];
}

/**
 * HSDS requires a state or province; Denmark's regions are the nearest (and its ISO 3166-2 subdivisions). Found from
 * the location's municipality, else from its postcode where our partial table knows it. Where neither tells, the
 * field is empty rather than guessed: postcode ranges cross regional borders (2680 Solrød Strand is not Hovedstaden).
 */
function findRegionName(location: PublicLocation): string {
  const codes = location.municipalityCode ? [location.municipalityCode] : location.postalCode ? municipalityCodesForPostcode(location.postalCode) : [];
  const regions = new Set(codes.map((code) => regionByMunicipality.get(code)));
  const [region] = regions;
  return regions.size === 1 && region ? `Region ${region}` : '';
}

function toHsdsCapacity(serviceId: string, capacity: NonNullable<PublicHelpService['capacity']>): HsdsService['capacities'][number] {
  return {
    id: nestedId(serviceId, 'capacity', 1),
    available: capacity.available,
    maximum: capacity.maximum ?? undefined,
    unit: { id: deriveUuidV5(HSDS_PROFILE_NAMESPACE, `unit:${capacity.unit}`), name: capacity.unit },
    updated: capacity.updatedAt.toISOString(),
  };
}

function toHsdsAttributes(service: PublicHelpService): HsdsService['attributes'] {
  const terms = [
    ...service.targetGroups.map((group) => ({ termId: targetGroupTermId(group), code: group, label: targetGroupLabel[group], taxonomy: 'bro-target-group' })),
    ...service.channels.map((channel) => ({ termId: channelTermId(channel), code: channel, label: channelLabel[channel], taxonomy: 'bro-channel' })),
  ];
  return terms.map(({ termId, code, label, taxonomy }) => ({
    id: nestedId(service.id, 'attribute', termId),
    link_id: service.id,
    link_entity: 'service',
    taxonomy_term_id: termUuid(termId),
    taxonomy_term: { id: termUuid(termId), code, name: label.da, description: label.en, taxonomy },
  }));
}
