import { z } from 'zod';
import { text } from '../common/text.ts';
import { Postcode } from '../reference-data/postcodes.ts';
import { Channel, HelpServiceStatus, TargetGroup, TaxonomyTermId } from './taxonomy.ts';

/**
 * The read-only HSDS 3.0 API (Open Referral Human Services Data Specification) under `/api/hsds/`, with our
 * profile's extensions (target groups, channels, confidential locations, anonymous contact, free of charge,
 * English and Arabic texts). Responses are serialised through these schemas, so a field that is not declared here
 * cannot reach a client: the confidential address of a location is not declared anywhere below.
 */

export const HSDS_VERSION = '3.0';
/** Identifies our HSDS profile (the extensions below). */
export const HSDS_PROFILE_URL = 'https://bro.dk/hsds/profile/dk-vold-i-naere-relationer';

const booleanParameter = z.enum(['true', 'false']);

const pageParameters = {
  search: text({ max: 200 }).optional().describe('Words that must all occur in the name, description, organisation or town (case-insensitive).'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('Page number, from 1.'),
  per_page: z.coerce.number().int().min(1).max(100).default(50).describe('Items per page, 1–100.'),
  modified_after: z.iso.datetime({ offset: true }).optional().describe('Only items changed on or after this ISO 8601 date-time.'),
  taxonomy_term_id: z
    .union([TaxonomyTermId, z.uuid()])
    .optional()
    .describe('A taxonomy term: its `id` (a UUID, as in `attributes[].taxonomy_term`) or its readable form, a target group (`target_group:women`) or channel (`channel:phone`).'),
  postcode: Postcode.optional().describe(
    'Danish postcode of where the person lives: services whose area covers it, and national services. Postcodes outside the main towns of København, Frederiksberg, Tårnby, Dragør, Aarhus, Aalborg and Odense match national services only.',
  ),
};

export const HsdsServicesQuery = z.object({
  ...pageParameters,
  organization_id: z.uuid().optional().describe('Only services of this organization.'),
  full: booleanParameter.optional().describe('`true`: fully nested services, as from /services/{id}.'),
});
export type HsdsServicesQuery = z.infer<typeof HsdsServicesQuery>;

export const HsdsOrganizationsQuery = z.object(pageParameters);
export type HsdsOrganizationsQuery = z.infer<typeof HsdsOrganizationsQuery>;

export const HsdsIdParams = z.strictObject({ id: z.uuid() });
export type HsdsIdParams = z.infer<typeof HsdsIdParams>;

/** HSDS page envelope. `size` is the number of items on this page. */
export function hsdsPage<T extends z.ZodType>(item: T) {
  return z.object({
    total_items: z.number().int(),
    total_pages: z.number().int(),
    page_number: z.number().int(),
    size: z.number().int(),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(item),
  });
}

export const HsdsMetadata = z.object({
  version: z.string(),
  profile: z.string(),
  openapi_url: z.string(),
  description: z.string(),
  publisher: z.object({ name: z.string(), website: z.string() }),
});
export type HsdsMetadata = z.infer<typeof HsdsMetadata>;

/**
 * Nested items (phones, schedules, areas…) have no rows of their own: their ids are name-based UUIDs (version 5) of
 * the parent's id and the item's kind and index or key, so they stay the same from one request to the next. A
 * field we have no value for is left out, as HSDS asks, never sent as null.
 */
const HsdsPhone = z.object({ id: z.uuid(), number: z.string(), description: z.string().optional() });

const HsdsSchedule = z.object({
  id: z.uuid(),
  freq: z.literal('WEEKLY'),
  /** RFC 5545 BYDAY list, e.g. `TH` or `MO,TU,WE,TH,FR,SA,SU`. */
  byday: z.string(),
  /** Wall-clock time in Denmark, all year round; both absent when open 24 hours. */
  opens_at: z.string().optional(),
  closes_at: z.string().optional(),
  /** Hours Denmark's clocks are ahead of UTC on the day of the response: 1 in winter, 2 in summer time. */
  timezone: z.number(),
  description: z.string().optional(),
});

const HsdsServiceArea = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().optional(),
  /** Profile: official three-digit municipality code; absent for the whole country. */
  municipality_code: z.string().optional(),
});

const HsdsLanguage = z.object({ id: z.uuid(), name: z.string(), code: z.string() });

const HsdsTaxonomyTerm = z.object({
  /** Name-based UUID of the readable term id (`target_group:women`); either form filters `taxonomy_term_id`. */
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  taxonomy: z.string(),
});
const HsdsAttribute = z.object({
  id: z.uuid(),
  link_id: z.uuid(),
  link_entity: z.literal('service'),
  taxonomy_term_id: z.uuid(),
  taxonomy_term: HsdsTaxonomyTerm,
});

const HsdsAddress = z.object({
  id: z.uuid(),
  address_1: z.string(),
  city: z.string(),
  /** The region (`Region Hovedstaden`), Denmark's nearest to a state or province; empty when not known. */
  state_province: z.string(),
  postal_code: z.string(),
  country: z.literal('DK'),
  address_type: z.literal('physical'),
});

export const HsdsLocation = z.object({
  id: z.uuid(),
  location_type: z.enum(['physical', 'virtual']),
  name: z.string(),
  /** Never given for a confidential location. */
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  /** Always empty for a confidential location. */
  addresses: z.array(HsdsAddress),
  /** Profile: the address is secret (e.g. a crisis shelter). Make contact as the service's application_process says. */
  is_confidential: z.boolean(),
  /** Profile: the town, also given for a confidential location when the service chose to name it. */
  city: z.string().optional(),
});
export type HsdsLocation = z.infer<typeof HsdsLocation>;

const HsdsServiceAtLocation = z.object({ id: z.uuid(), service_id: z.uuid(), location_id: z.uuid(), location: HsdsLocation });

const HsdsCapacity = z.object({
  id: z.uuid(),
  available: z.number().int(),
  maximum: z.number().int().optional(),
  /** The same unit (by name) has the same id in every service. */
  unit: z.object({ id: z.uuid(), name: z.string() }),
  updated: z.string(),
});

const HsdsTranslation = z.object({
  name: z.string(),
  description: z.string(),
  application_process: z.string(),
  eligibility_description: z.string().optional(),
});

export const HsdsOrganizationSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Required by HSDS; we hold no description of organisations yet, so it is empty. */
  description: z.string(),
  website: z.string().optional(),
  email: z.string().optional(),
});
export type HsdsOrganizationSummary = z.infer<typeof HsdsOrganizationSummary>;

/** One-to-one fields of a service, plus our profile's flags: the items of GET /services. */
export const HsdsServiceListItem = z.object({
  id: z.uuid(),
  organization_id: z.uuid(),
  name: z.string(),
  description: z.string(),
  url: z.string().optional(),
  email: z.string().optional(),
  status: HelpServiceStatus,
  /** How to make contact safely (Danish). */
  application_process: z.string(),
  fees_description: z.string().optional(),
  eligibility_description: z.string().optional(),
  minimum_age: z.number().int().optional(),
  maximum_age: z.number().int().optional(),
  /** Date the organisation last confirmed the listing. */
  assured_date: z.string(),
  last_modified: z.string(),
  target_groups: z.array(TargetGroup),
  channels: z.array(Channel),
  languages_offered: z.array(z.string()),
  is_anonymous_contact_offered: z.boolean(),
  is_free_of_charge: z.boolean(),
  is_open_24_hours: z.boolean(),
  is_national: z.boolean(),
  /** Profile: the same texts in English and, where written, Arabic. */
  translations: z.object({ en: HsdsTranslation, ar: HsdsTranslation.optional() }),
});
export type HsdsServiceListItem = z.infer<typeof HsdsServiceListItem>;

export const HsdsService = HsdsServiceListItem.extend({
  organization: HsdsOrganizationSummary,
  phones: z.array(HsdsPhone),
  schedules: z.array(HsdsSchedule),
  service_areas: z.array(HsdsServiceArea),
  languages: z.array(HsdsLanguage),
  service_at_locations: z.array(HsdsServiceAtLocation),
  capacities: z.array(HsdsCapacity),
  attributes: z.array(HsdsAttribute),
});
export type HsdsService = z.infer<typeof HsdsService>;

export const HsdsServicesPage = hsdsPage(z.union([HsdsService, HsdsServiceListItem]));
export type HsdsServicesPage = z.infer<typeof HsdsServicesPage>;

export const HsdsOrganization = HsdsOrganizationSummary.extend({
  services: z.array(z.object({ id: z.uuid(), name: z.string(), status: HelpServiceStatus })),
  last_modified: z.string(),
});
export type HsdsOrganization = z.infer<typeof HsdsOrganization>;

export const HsdsOrganizationsPage = hsdsPage(HsdsOrganization);
export type HsdsOrganizationsPage = z.infer<typeof HsdsOrganizationsPage>;

/** HSDS page envelope maths: pages are 1-based; an empty result has 0 pages and is both first and last. */
export function hsdsPageEnvelope(input: { totalItems: number; pageNumber: number; perPage: number; size: number }) {
  const totalPages = Math.ceil(input.totalItems / input.perPage);
  return {
    total_items: input.totalItems,
    total_pages: totalPages,
    page_number: input.pageNumber,
    size: input.size,
    first_page: input.pageNumber === 1,
    last_page: input.pageNumber >= totalPages,
    empty: input.totalItems === 0,
  };
}
