import {
  Channel,
  HelpServiceStatus,
  minuteOfWeekInDenmark,
  municipalityCodesForPostcode,
  TargetGroup,
  weeklyOpenIntervals,
  type WeekInterval,
  type WeeklyRule,
} from '@bro/domain';
import type { Db } from '../../db/tables.ts';
import { loadPublicDirectory, readDirectoryVersion, type PublicLocationRow, type PublicServiceRow } from './directory.queries.ts';
import { StoredPhones, StoredRules } from './listing-shape.ts';

/**
 * The public directory (pages and HSDS API) is read from an in-memory copy on each app node, not by a query per
 * search. Why: a search must answer in ≤ 50 ms at p95 with 5,000 listings; filtering 5,000 wide rows in PostgreSQL
 * costs milliseconds of database CPU per search, while the copy answers in well under one. Why it is never stale:
 * every request first reads the directory's version counter (one tiny query; every directory write bumps it in
 * its own transaction, and an organisation's rename or deactivation moves the organisations' latest change), and
 * reloads the copy when it moved. A correction, such as making a shelter's location confidential, therefore shows
 * on every node from the next request on.
 */


/** Danish and English are always there; Arabic only where the organisation wrote it. */
export type LocalisedText = { da: string; en: string; ar: string | null };

export type PublicLocation = {
  id: string;
  names: LocalisedText;
  locationType: 'physical' | 'virtual';
  isConfidential: boolean;
  /** Always null for a confidential location. */
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  municipalityCode: string | null;
  latitude: number | null;
  longitude: number | null;
};

/** A listed service as the public sees it. It has no field for a secret address: there is nothing to leak. */
export type PublicHelpService = {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationUpdatedAt: Date;
  /** The staff-side service the listing belongs to, if any: what its open events (issue 14) hang on. */
  referralServiceId: string | null;
  slug: string;
  status: HelpServiceStatus;
  names: LocalisedText;
  descriptions: LocalisedText;
  howToContact: LocalisedText;
  eligibility: { da: string | null; en: string | null };
  minimumAge: number | null;
  maximumAge: number | null;
  targetGroups: TargetGroup[];
  channels: Channel[];
  languages: string[];
  isAnonymousContactOffered: boolean;
  isFreeOfCharge: boolean;
  isOpen24Hours: boolean;
  scheduleRules: WeeklyRule[];
  scheduleNote: { da: string | null; en: string | null };
  isNational: boolean;
  municipalityCodes: string[];
  phones: { number: string; descriptionDa: string | null; descriptionEn: string | null }[];
  email: string | null;
  websiteUrl: string | null;
  capacity: { available: number; maximum: number | null; unit: string; updatedAt: Date } | null;
  lastCheckedAt: Date;
  updatedAt: Date;
  locations: PublicLocation[];
};

/** The statuses each public surface shows. The HSDS API also shows inactive listings, with their status. */
export const statusesOnPublicPages: readonly HelpServiceStatus[] = ['active', 'temporarily closed'];
export const statusesInHsds: readonly HelpServiceStatus[] = ['active', 'inactive', 'temporarily closed'];

export type PublicDirectoryQuery = {
  statuses: readonly HelpServiceStatus[];
  search?: string | undefined;
  /** Any of these target groups. */
  targetGroups?: readonly TargetGroup[] | undefined;
  channels?: readonly Channel[] | undefined;
  language?: string | undefined;
  /** Where the person lives, as a postcode (mapped to municipalities) or a municipality code. */
  postcode?: string | undefined;
  municipalityCode?: string | undefined;
  isOpenNow?: boolean | undefined;
  organisationId?: string | undefined;
  /** On or after. */
  modifiedSince?: Date | undefined;
};

export type Page = { page: number; perPage: number };

type Entry = { service: PublicHelpService; searchText: string; openIntervals: WeekInterval[] };
type Snapshot = { version: string; entries: Entry[]; byId: Map<string, Entry>; bySlug: Map<string, Entry>; languagesOnPublicPages: string[] };
type Copy = { snapshot?: Snapshot; loading?: { version: string; promise: Promise<Snapshot> } };

/** One copy per database (per app); tests with their own databases never share one. */
const copies = new WeakMap<Db, Copy>();
const danishOrder = new Intl.Collator('da');

async function currentSnapshot(db: Db): Promise<Snapshot> {
  let copy = copies.get(db);
  if (!copy) {
    copy = {};
    copies.set(db, copy);
  }
  const version = await readDirectoryVersion(db);
  if (copy.snapshot?.version === version) return copy.snapshot;
  // One load per version, however many requests arrive meanwhile.
  if (copy.loading?.version === version) return copy.loading.promise;
  const owner = copy;
  const loading = { version, promise: loadSnapshot(db) };
  owner.loading = loading;
  loading.promise.then(
    (snapshot) => {
      owner.snapshot = snapshot;
      if (owner.loading === loading) owner.loading = undefined;
    },
    () => {
      if (owner.loading === loading) owner.loading = undefined;
    },
  );
  return loading.promise;
}

async function loadSnapshot(db: Db): Promise<Snapshot> {
  const { version, services, locations } = await loadPublicDirectory(db);
  const locationsByService = new Map<string, PublicLocationRow[]>();
  for (const location of locations) {
    const list = locationsByService.get(location.directory_service_id);
    if (list) list.push(location);
    else locationsByService.set(location.directory_service_id, [location]);
  }
  const entries = services.map((row) => toEntry(row, locationsByService.get(row.id) ?? []));
  // The order of every list: services open around the clock first, then by name in Danish order (Æ, Ø, Å last).
  entries.sort(
    (a, b) => Number(b.service.isOpen24Hours) - Number(a.service.isOpen24Hours) || danishOrder.compare(a.service.names.da, b.service.names.da) || (a.service.id < b.service.id ? -1 : 1),
  );
  return {
    version,
    entries,
    byId: new Map(entries.map((entry) => [entry.service.id, entry])),
    bySlug: new Map(entries.map((entry) => [entry.service.slug, entry])),
    languagesOnPublicPages: [...new Set(entries.filter((entry) => statusesOnPublicPages.includes(entry.service.status)).flatMap((entry) => entry.service.languages))].sort(),
  };
}

/** Up to eight lower-cased words; every one must occur. */
function toSearchWords(search: string | undefined): string[] {
  return (search ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 8);
}

/** The query as one predicate, cheapest and most selective checks first; sets built once per search, not per listing. */
function toMatcher(query: PublicDirectoryQuery, now: Date): (entry: Entry) => boolean {
  const statuses = new Set<string>(query.statuses);
  const words = toSearchWords(query.search);
  const groups = query.targetGroups?.length ? new Set<string>(query.targetGroups) : undefined;
  const channels = query.channels?.length ? new Set<string>(query.channels) : undefined;
  const codes = query.municipalityCode ? [query.municipalityCode] : query.postcode ? municipalityCodesForPostcode(query.postcode) : undefined;
  const area = codes ? new Set(codes) : undefined;
  // "Open now" by the app's clock (not the database's), so it is the same instant everywhere, tests included.
  const minute = query.isOpenNow ? minuteOfWeekInDenmark(now) : undefined;
  const modifiedSince = query.modifiedSince?.getTime();
  const { language, organisationId } = query;
  return ({ service, searchText, openIntervals }) => {
    if (!statuses.has(service.status)) return false;
    if (organisationId !== undefined && service.organisationId !== organisationId) return false;
    if (groups && !service.targetGroups.some((group) => groups.has(group))) return false;
    if (channels && !service.channels.some((channel) => channels.has(channel))) return false;
    if (language && !service.languages.includes(language)) return false;
    if (area && !service.isNational && !service.municipalityCodes.some((code) => area.has(code))) return false;
    if (modifiedSince !== undefined && service.updatedAt.getTime() < modifiedSince) return false;
    if (minute !== undefined && !openIntervals.some(([start, end]) => minute >= start && minute < end)) return false;
    for (const word of words) if (!searchText.includes(word)) return false;
    return true;
  };
}

/**
 * One page of the matching services and the number of all matches, with the languages the public pages offer as a
 * filter: from the same copy of the directory, so a search page checks the copy's version once (one statement).
 */
export async function searchDirectory(input: { db: Db; now: Date; query: PublicDirectoryQuery; page: Page }): Promise<{ total: number; services: PublicHelpService[]; languagesOffered: string[] }> {
  const snapshot = await currentSnapshot(input.db);
  const matches = snapshot.entries.filter(toMatcher(input.query, input.now));
  const start = (input.page.page - 1) * input.page.perPage;
  return { total: matches.length, services: matches.slice(start, start + input.page.perPage).map((entry) => entry.service), languagesOffered: snapshot.languagesOnPublicPages };
}

/** All matching services (for grouping by organisation). */
export async function listMatchingServices(input: { db: Db; now: Date; query: PublicDirectoryQuery }): Promise<PublicHelpService[]> {
  const snapshot = await currentSnapshot(input.db);
  return snapshot.entries.filter(toMatcher(input.query, input.now)).map((entry) => entry.service);
}

export async function findPublicHelpService(
  input: { db: Db; statuses: readonly HelpServiceStatus[] } & ({ serviceId: string } | { slug: string }),
): Promise<PublicHelpService | undefined> {
  const snapshot = await currentSnapshot(input.db);
  const entry = 'serviceId' in input ? snapshot.byId.get(input.serviceId) : snapshot.bySlug.get(input.slug);
  return entry && input.statuses.includes(entry.service.status) ? entry.service : undefined;
}

/** A confidential (shelter) location keeps its town only: no street, postcode or coordinates leave the database row. */
function toPublicLocation(location: PublicLocationRow): PublicHelpService['locations'][number] {
  return {
    id: location.id,
    names: { da: location.name_da, en: location.name_en, ar: location.name_ar },
    locationType: location.location_type === 'virtual' ? 'virtual' : 'physical',
    isConfidential: location.is_confidential,
    addressLine: location.is_confidential ? null : location.address_line,
    postalCode: location.is_confidential ? null : location.postal_code,
    city: location.city,
    municipalityCode: location.municipality_code,
    latitude: location.is_confidential ? null : location.latitude,
    longitude: location.is_confidential ? null : location.longitude,
  };
}

function toEntry(row: PublicServiceRow, locations: PublicLocationRow[]): Entry {
  const service: PublicHelpService = {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationUpdatedAt: row.organisation_updated_at,
    referralServiceId: row.referral_service_id,
    slug: row.slug,
    status: HelpServiceStatus.parse(row.status),
    names: { da: row.name_da, en: row.name_en, ar: row.name_ar },
    descriptions: { da: row.description_da, en: row.description_en, ar: row.description_ar },
    howToContact: { da: row.how_to_contact_da, en: row.how_to_contact_en, ar: row.how_to_contact_ar },
    eligibility: { da: row.eligibility_da, en: row.eligibility_en },
    minimumAge: row.minimum_age,
    maximumAge: row.maximum_age,
    targetGroups: row.target_groups.map((group) => TargetGroup.parse(group)),
    channels: row.channels.map((channel) => Channel.parse(channel)),
    languages: row.languages,
    isAnonymousContactOffered: row.is_anonymous_contact_offered,
    isFreeOfCharge: row.is_free_of_charge,
    isOpen24Hours: row.is_open_24_hours,
    scheduleRules: StoredRules.parse(row.schedule_rules),
    scheduleNote: { da: row.schedule_note_da, en: row.schedule_note_en },
    isNational: row.is_national,
    municipalityCodes: row.municipality_codes,
    phones: StoredPhones.parse(row.phones),
    email: row.email,
    websiteUrl: row.website_url,
    capacity:
      row.capacity_unit === null || row.capacity_available === null
        ? null
        : { available: row.capacity_available, maximum: row.capacity_maximum, unit: row.capacity_unit, updatedAt: row.capacity_updated_at ?? row.updated_at },
    lastCheckedAt: row.last_checked_at,
    updatedAt: row.updated_at,
    locations: locations.map(toPublicLocation),
  };
  // What a free-text search looks in: names, descriptions, the organisation and the towns, lower-cased once.
  const searchText = [
    service.names.da,
    service.names.en,
    service.names.ar,
    service.descriptions.da,
    service.descriptions.en,
    service.organisationName,
    ...service.locations.flatMap((location) => [location.city, location.names.da, location.names.en]),
  ]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join('\n')
    .toLowerCase();
  return { service, searchText, openIntervals: weeklyOpenIntervals({ isOpen24Hours: service.isOpen24Hours, rules: service.scheduleRules }) };
}
