import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDirectoryDemoData } from '../../demo/directory-demo.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { CANARY_STREET, confidentialShelterInput, givenHelpService, helpServiceInput } from './directory.test-support.ts';

/**
 * Every document of /api/hsds/ against Open Referral's official HSDS 3.0 schemas (fixtures/hsds-3.0, unmodified),
 * on a directory with optional fields both present and absent. The API's response schemas are the HSDS OpenAPI
 * document's own, so `$ref`s resolve exactly as a client generated from it would see them.
 */

const OPENAPI_ID = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json';
const COMPILED_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/';
const compiledSchemas = ['service', 'service_list', 'organization', 'organization_list'];
/** Annotations of the HSDS schemas (tabular data package metadata) that JSON Schema does not define. */
const hsdsAnnotations = ['name', 'path', 'constraints', 'example', 'core', 'datapackage_metadata', 'datapackage_type', 'tabular_required'];

type Endpoint = '/' | '/services' | '/services/{id}' | '/organizations' | '/organizations/{id}';
type Document = { url: string; endpoint: Endpoint; body: unknown };

function readFixture(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./fixtures/hsds-3.0/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

function compileHsdsValidators(): Record<Endpoint | 'service', ValidateFunction> {
  // strictTypes off: the official list responses declare `properties` beside an `allOf` that holds `type: object`.
  const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
  // A CommonJS module: under NodeNext its default import is the module object, whose `default` is the plugin.
  ajvFormats.default(ajv);
  const openapi = readFixture('openapi.json');
  // The OpenAPI document is a container of schemas, not a schema: its own fields are declared as (inert) keywords,
  // so that its response schemas can be referenced by JSON pointer and only they are compiled.
  ajv.addVocabulary([...hsdsAnnotations, ...Object.keys(openapi)]);
  for (const name of compiledSchemas) ajv.addSchema(readFixture(`${name}.json`), `${COMPILED_BASE}${name}.json`);
  ajv.addSchema(openapi, OPENAPI_ID);
  const response = (path: string) => ajv.compile({ $ref: `${OPENAPI_ID}#/paths/${path.replaceAll('/', '~1')}/get/responses/200/content/application~1json/schema` });
  return {
    '/': response('/'),
    '/services': response('/services'),
    '/services/{id}': response('/services/{id}'),
    '/organizations': response('/organizations'),
    '/organizations/{id}': response('/organizations/{id}'),
    service: ajv.getSchema(`${COMPILED_BASE}service.json`) as ValidateFunction,
  };
}

function describeErrors(url: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${url} ${error.instancePath || '/'} ${error.message ?? error.keyword}`);
}

describe('HSDS 3.0 conformance of /api/hsds', () => {
  let t: TestApp;
  const validators = compileHsdsValidators();

  beforeAll(async () => {
    t = await createTestApp();
    await loadDirectoryDemoData({ db: t.db, clock: t.clock });
    await givenVariedListings(t);
  });
  afterAll(async () => t.close());

  async function fetchDocument(url: string, endpoint: Endpoint): Promise<Document> {
    const response = await t.as(undefined).get(url);
    expect(response.statusCode, url).toBe(200);
    expect(response.body, url).not.toContain(CANARY_STREET);
    const body: unknown = response.json();
    // HSDS leaves out what is not known; some of its fields would accept a null, but none of ours is ever sent.
    expect(listNullPaths(body), url).toEqual([]);
    return { url, endpoint, body };
  }

  /** Every page of a list, small pages so that paging itself is exercised. */
  async function fetchAllPages(path: string, endpoint: Endpoint): Promise<Document[]> {
    const documents: Document[] = [];
    for (let page = 1; ; page += 1) {
      const document = await fetchDocument(`${path}${path.includes('?') ? '&' : '?'}per_page=4&page=${page}`, endpoint);
      documents.push(document);
      if ((document.body as { last_page: boolean }).last_page) return documents;
    }
  }

  /** Walks the whole API as a harvester would: metadata, every list page, every service and organization. */
  async function crawlHsdsApi(): Promise<Document[]> {
    const documents = [await fetchDocument('/api/hsds/', '/'), await fetchDocument('/api/hsds', '/')];
    const servicePages = await fetchAllPages('/api/hsds/services', '/services');
    const fullServicePages = await fetchAllPages('/api/hsds/services?full=true', '/services');
    const organizationPages = await fetchAllPages('/api/hsds/organizations', '/organizations');
    documents.push(...servicePages, ...fullServicePages, ...organizationPages);
    for (const id of listedIds(servicePages)) documents.push(await fetchDocument(`/api/hsds/services/${id}`, '/services/{id}'));
    for (const id of listedIds(organizationPages)) documents.push(await fetchDocument(`/api/hsds/organizations/${id}`, '/organizations/{id}'));
    return documents;
  }

  it('every document of the API is valid HSDS 3.0', async () => {
    const documents = await crawlHsdsApi();
    const errors = documents.flatMap((document) => {
      const validate = validators[document.endpoint];
      return validate(document.body) ? [] : describeErrors(document.url, validate.errors);
    });
    expect(errors).toEqual([]);
    // A crawl that silently missed listings would prove little: it must have fetched every one the API publishes.
    const published = await listPublishedListings(t);
    expect(documents.filter((document) => document.endpoint === '/services/{id}')).toHaveLength(published.length);
    expect(documents.filter((document) => document.endpoint === '/organizations/{id}')).toHaveLength(new Set(published.map((listing) => listing.organisation_id)).size);
  });

  it('the items of `full=true` pages are fully nested HSDS services', async () => {
    const pages = await fetchAllPages('/api/hsds/services?full=true', '/services');
    const items = pages.flatMap((page) => (page.body as { contents: unknown[] }).contents);
    expect(items).toHaveLength((await listPublishedListings(t)).length);
    const errors = items.flatMap((item, index) => (validators.service(item) ? [] : describeErrors(`full item ${index}`, validators.service.errors)));
    expect(errors).toEqual([]);
  });
});

function listNullPaths(value: unknown, path = ''): string[] {
  if (value === null) return [path || '/'];
  if (typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => listNullPaths(child, `${path}/${key}`));
}

/** What the HSDS API publishes: every listing but the defunct ones. */
async function listPublishedListings(t: TestApp): Promise<{ organisation_id: string }[]> {
  return t.db.selectFrom('directory_services').select('organisation_id').where('status', '!=', 'defunct').execute();
}

function listedIds(pages: Document[]): string[] {
  return pages.flatMap((page) => (page.body as { contents: { id: string }[] }).contents.map((item) => item.id));
}

/** Listings whose optional fields are present (and absent) in every combination the HSDS view maps. */
async function givenVariedListings(t: TestApp): Promise<void> {
  const organisationId = (await t.given.organisation({ name: 'Variationshuset' })).id;
  const shelterOrganisationId = (await t.given.organisation({ name: 'Krisecentret Vest', kind: 'shelter' })).id;
  await givenHelpService(t, shelterOrganisationId, confidentialShelterInput({ slug: 'krisecentret-vest', capacity: { available: 2, maximum: 12, unit: 'pladser' } }));
  await givenHelpService(
    t,
    organisationId,
    helpServiceInput({
      slug: 'alt-udfyldt',
      nameAr: 'الاستشارة',
      descriptionAr: 'وصف',
      howToContactAr: 'اتصل بنا',
      eligibilityDa: 'Kvinder over 18 år.',
      eligibilityEn: 'Women over 18.',
      minimumAge: 18,
      maximumAge: 99,
      email: 'kontakt@variationshuset.dk',
      websiteUrl: 'https://variationshuset.dk/raadgivning',
      languages: ['da', 'en', 'ar'],
      isAnonymousContactOffered: true,
      isFreeOfCharge: false,
      phones: [{ number: '70 10 20 30', descriptionDa: 'Hverdage', descriptionEn: 'Weekdays' }, { number: '+45 33 44 55 66' }, { number: '1888' }],
      schedule: {
        isOpen24Hours: false,
        noteDa: 'Lukket på helligdage',
        noteEn: 'Closed on public holidays',
        rules: [
          { freq: 'WEEKLY', byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '15:00' },
          { freq: 'WEEKLY', byday: ['SA'], opensAt: '10:00', closesAt: '12:00' },
        ],
      },
      serviceArea: { isNational: false, municipalityCodes: ['101', '147', '751'] },
      capacity: { available: 0, unit: 'samtaler' },
      locations: [
        { nameDa: 'Kontoret', nameEn: 'The office', isConfidential: false, addressLine: 'Offentligvej 1', postalCode: '2300', city: 'København S', municipalityCode: '101', latitude: 55.66, longitude: 12.6 },
        { nameDa: 'Filialen', nameEn: 'The branch', isConfidential: false, addressLine: 'Torvet 2', postalCode: '6700', city: 'Esbjerg' },
        { nameDa: 'Online', nameEn: 'Online', locationType: 'virtual', isConfidential: false },
        { nameDa: 'Det hemmelige sted', nameEn: 'The secret place', isConfidential: true, confidentialAddress: `${CANARY_STREET} 3, 8000 Aarhus C` },
      ],
    }),
  );
  await givenHelpService(t, organisationId, helpServiceInput({ slug: 'kun-det-noedvendige', phones: [], isFreeOfCharge: false }));
  await givenHelpService(t, organisationId, helpServiceInput({ slug: 'midlertidigt-lukket', status: 'temporarily closed', minimumAge: 12 }));
  await givenHelpService(t, organisationId, helpServiceInput({ slug: 'hvilende', status: 'inactive', maximumAge: 25 }));
}
