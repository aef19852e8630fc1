import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../../test/test-app.ts';
import { CANARY_STREET, confidentialShelterInput, givenHelpService, helpServiceInput, setHelpServiceTimes } from './directory.test-support.ts';

describe('HSDS API /api/hsds', () => {
  let t: TestApp;
  let counsellingId: string;
  let shelterOrgId: string;
  let shelterId: string;
  let pagedOrgId: string;
  let lgbtId: string;
  let copenhagenId: string;
  let aarhusId: string;
  let inactiveId: string;
  let defunctId: string;
  const get = (url: string) => t.as(undefined).get(url);

  beforeAll(async () => {
    t = await createTestApp();
    counsellingId = (await t.given.organisation({ name: 'Rådgivningshuset' })).id;
    shelterOrgId = (await t.given.organisation({ name: 'Kvindehuset', kind: 'shelter' })).id;
    pagedOrgId = (await t.given.organisation({ name: 'Sideorganisationen' })).id;
    shelterId = await givenHelpService(t, shelterOrgId, confidentialShelterInput({ slug: 'kvindehuset' }));
    lgbtId = await givenHelpService(
      t,
      counsellingId,
      helpServiceInput({
        slug: 'lgbt-chat',
        nameDa: 'Regnbuechatten',
        nameEn: 'Rainbow chat',
        targetGroups: ['lgbt'],
        channels: ['chat'],
        schedule: { isOpen24Hours: false, rules: [{ freq: 'WEEKLY', byday: ['TH'], opensAt: '18:00', closesAt: '20:00' }] },
      }),
    );
    copenhagenId = await givenHelpService(
      t,
      counsellingId,
      helpServiceInput({
        slug: 'kbh-raadgivning',
        nameDa: 'Københavnerrådgivningen for mænd',
        targetGroups: ['men'],
        serviceArea: { isNational: false, municipalityCodes: ['101'] },
        locations: [{ nameDa: 'Kontoret', nameEn: 'The office', isConfidential: false, addressLine: 'Offentligvej 1', postalCode: '2300', city: 'København S', latitude: 55.66, longitude: 12.6 }],
      }),
    );
    aarhusId = await givenHelpService(t, counsellingId, helpServiceInput({ slug: 'aarhus-raadgivning', nameDa: 'Aarhusrådgivningen', serviceArea: { isNational: false, municipalityCodes: ['751'] } }));
    inactiveId = await givenHelpService(t, counsellingId, helpServiceInput({ slug: 'hvilende', nameDa: 'Hvilende tilbud', status: 'inactive' }));
    defunctId = await givenHelpService(t, counsellingId, helpServiceInput({ slug: 'nedlagt', nameDa: 'Nedlagt tilbud', status: 'defunct' }));
    for (let index = 1; index <= 5; index += 1) await givenHelpService(t, pagedOrgId, helpServiceInput({ slug: `side-${index}`, nameDa: `Sidetilbud ${index}` }));
  });
  afterAll(async () => t.close());

  it('GET / answers the HSDS version and our profile', async () => {
    for (const url of ['/api/hsds/', '/api/hsds']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.json()).toMatchObject({ version: '3.0', profile: expect.stringContaining('https://'), openapi_url: 'http://localhost:3000/api/openapi.json' });
    }
  });

  it('pages with the HSDS envelope', async () => {
    const page = async (query: string) => (await get(`/api/hsds/services?organization_id=${pagedOrgId}&${query}`)).json();
    expect(await page('per_page=2')).toMatchObject({ total_items: 5, total_pages: 3, page_number: 1, size: 2, first_page: true, last_page: false, empty: false });
    const last = await page('per_page=2&page=3');
    expect(last).toMatchObject({ total_items: 5, total_pages: 3, page_number: 3, size: 1, first_page: false, last_page: true, empty: false });
    expect(last.contents).toHaveLength(1);
    expect(await page('per_page=2&page=4')).toMatchObject({ total_items: 5, total_pages: 3, page_number: 4, size: 0, last_page: true, empty: false, contents: [] });
    const all = await page('per_page=100');
    expect(all.contents.map((service: { name: string }) => service.name)).toEqual(['Sidetilbud 1', 'Sidetilbud 2', 'Sidetilbud 3', 'Sidetilbud 4', 'Sidetilbud 5']);
    expect(await page('search=findes-ikke')).toEqual({ total_items: 0, total_pages: 0, page_number: 1, size: 0, first_page: true, last_page: true, empty: true, contents: [] });
  });

  it('searches names case-insensitively, requires every word, and treats LIKE wildcards literally', async () => {
    const ids = async (query: string) => (await get(`/api/hsds/services?per_page=100&${query}`)).json().contents.map((service: { id: string }) => service.id);
    expect(await ids('search=REGNBUE')).toEqual([lgbtId]);
    expect(await ids('search=rainbow')).toEqual([lgbtId]);
    expect(await ids('search=k%C3%B8benhavnerr%C3%A5dgivningen%20m%C3%A6nd')).toEqual([copenhagenId]);
    expect(await ids('search=k%C3%B8benhavnerr%C3%A5dgivningen%20kvinder')).toEqual([]);
    expect(await ids('search=Kvindehuset')).toEqual([shelterId]); // the organisation's name
    expect(await ids('search=%25')).toEqual([]);
    expect(await ids('search=_')).toEqual([]);
  });

  it('filters by taxonomy term (target group or channel)', async () => {
    const ids = async (term: string) => (await get(`/api/hsds/services?per_page=100&taxonomy_term_id=${term}`)).json().contents.map((service: { id: string }) => service.id);
    expect(await ids('target_group:lgbt')).toEqual([lgbtId]);
    expect(await ids('channel:chat')).toEqual([lgbtId]);
    expect(await ids('target_group:children_young')).toEqual([shelterId]);
    expect(await ids('target_group:men')).toEqual([copenhagenId]);
  });

  it('filters by postcode: services covering its municipality, and national ones', async () => {
    const ids = async (postcode: string) => new Set((await get(`/api/hsds/services?per_page=100&postcode=${postcode}`)).json().contents.map((service: { id: string }) => service.id));
    const copenhagen = await ids('2300');
    expect(copenhagen.has(copenhagenId)).toBe(true);
    expect(copenhagen.has(aarhusId)).toBe(false);
    expect(copenhagen.has(lgbtId)).toBe(true); // national
    const aarhus = await ids('8000');
    expect(aarhus.has(aarhusId)).toBe(true);
    expect(aarhus.has(copenhagenId)).toBe(false);
    const unmapped = await ids('6700'); // outside our postcode table: national services only
    expect(unmapped.has(copenhagenId) || unmapped.has(aarhusId)).toBe(false);
    expect(unmapped.has(lgbtId)).toBe(true);
  });

  it('filters by modified_after (on or after)', async () => {
    await setHelpServiceTimes(t, aarhusId, { updatedAt: new Date('2027-01-01T12:00:00Z') });
    const ids = async (after: string) => (await get(`/api/hsds/services?per_page=100&modified_after=${encodeURIComponent(after)}`)).json().contents.map((service: { id: string }) => service.id);
    expect(await ids('2027-01-01T12:00:00Z')).toEqual([aarhusId]);
    expect(await ids('2027-01-01T13:00:00+01:00')).toEqual([aarhusId]);
    expect(await ids('2027-01-01T12:00:01Z')).toEqual([]);
  });

  it('shows inactive listings with their status, never defunct ones', async () => {
    const listed = (await get('/api/hsds/services?per_page=100')).json().contents;
    expect(listed.find((service: { id: string }) => service.id === inactiveId)).toMatchObject({ status: 'inactive' });
    expect(listed.find((service: { id: string }) => service.id === defunctId)).toBeUndefined();
    expect((await get(`/api/hsds/services/${defunctId}`)).statusCode).toBe(404);
  });

  it('GET /services/{id} answers a fully nested service; full=true nests the list too', async () => {
    const response = await get(`/api/hsds/services/${lgbtId}`);
    expect(response.statusCode).toBe(200);
    const service = response.json();
    expect(service).toMatchObject({
      id: lgbtId,
      organization_id: counsellingId,
      name: 'Regnbuechatten',
      status: 'active',
      target_groups: ['lgbt'],
      channels: ['chat'],
      is_open_24_hours: false,
      organization: { id: counsellingId, name: 'Rådgivningshuset' },
      schedules: [{ freq: 'WEEKLY', byday: 'TH', opens_at: '18:00', closes_at: '20:00', timezone: 1 }],
      attributes: [
        { link_id: lgbtId, link_entity: 'service', taxonomy_term: { code: 'lgbt', taxonomy: 'bro-target-group' } },
        { link_id: lgbtId, link_entity: 'service', taxonomy_term: { code: 'chat', taxonomy: 'bro-channel' } },
      ],
      translations: { en: { name: 'Rainbow chat' } },
    });
    // No Arabic text was written, so there is no Arabic translation (left out, not null).
    expect(service.translations).not.toHaveProperty('ar');
    const nested = (await get(`/api/hsds/services?organization_id=${counsellingId}&full=true`)).json();
    expect(nested.contents[0]).toHaveProperty('service_at_locations');
    const flat = (await get(`/api/hsds/services?organization_id=${counsellingId}`)).json();
    expect(flat.contents[0]).not.toHaveProperty('service_at_locations');
    const office = (await get(`/api/hsds/services/${copenhagenId}`)).json().service_at_locations[0].location;
    expect(office).toMatchObject({ is_confidential: false, latitude: 55.66, addresses: [{ address_1: 'Offentligvej 1', postal_code: '2300', country: 'DK' }] });
  });

  it('a confidential location has no address, postcode or coordinates, only its town', async () => {
    const location = (await get(`/api/hsds/services/${shelterId}`)).json().service_at_locations[0].location;
    expect(location).toStrictEqual({ id: expect.any(String), location_type: 'physical', name: 'Krisecentret', addresses: [], is_confidential: true, city: 'København' });
  });

  it('nested items have UUIDs that stay the same from one request to the next', async () => {
    const first = (await get(`/api/hsds/services/${copenhagenId}`)).json();
    const second = (await get(`/api/hsds/services/${copenhagenId}`)).json();
    const nestedIds = (service: Record<string, { id: string }[]>) =>
      ['phones', 'schedules', 'service_areas', 'languages', 'service_at_locations', 'attributes'].flatMap((field) => (service[field] ?? []).map((item) => item.id));
    const ids = [...nestedIds(first), first.service_at_locations[0].location.addresses[0].id];
    expect(ids.length).toBeGreaterThanOrEqual(7);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...nestedIds(second), second.service_at_locations[0].location.addresses[0].id]).toEqual(ids);
    // Ids are per listing: another listing's phone is another phone.
    expect((await get(`/api/hsds/services/${aarhusId}`)).json().phones[0].id).not.toBe(first.phones[0].id);
  });

  it('a public address names its region as the state or province', async () => {
    const office = (await get(`/api/hsds/services/${copenhagenId}`)).json().service_at_locations[0].location;
    expect(office.addresses).toEqual([
      { id: expect.any(String), address_1: 'Offentligvej 1', city: 'København S', state_province: 'Region Hovedstaden', postal_code: '2300', country: 'DK', address_type: 'physical' },
    ]);
  });

  it("schedules state Denmark's UTC offset on the day of the response: 1 in winter, 2 in summer time", async () => {
    const timezones = async () => (await get(`/api/hsds/services/${lgbtId}`)).json().schedules.map((schedule: { timezone: number }) => schedule.timezone);
    expect(await timezones()).toEqual([1]); // 23 November
    t.clock.set(new Date('2027-07-01T09:00:00Z'));
    try {
      expect(await timezones()).toEqual([2]);
      const listed = (await get(`/api/hsds/services?organization_id=${counsellingId}&full=true&per_page=100`)).json().contents;
      expect(listed.find((service: { id: string }) => service.id === lgbtId).schedules[0].timezone).toBe(2);
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('filters by a taxonomy term UUID as the documents give it; a UUID that is no term of ours matches nothing', async () => {
    const lgbtTermId = (await get(`/api/hsds/services/${lgbtId}`)).json().attributes[0].taxonomy_term_id;
    expect(lgbtTermId).toMatch(/^[0-9a-f-]{36}$/);
    const services = (await get(`/api/hsds/services?per_page=100&taxonomy_term_id=${lgbtTermId}`)).json();
    expect(services.contents.map((service: { id: string }) => service.id)).toEqual([lgbtId]);
    const organizations = (await get(`/api/hsds/organizations?taxonomy_term_id=${lgbtTermId.toUpperCase()}`)).json();
    expect(organizations.contents.map((organization: { id: string }) => organization.id)).toEqual([counsellingId]);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await get(`/api/hsds/services?taxonomy_term_id=${unknown}`)).json()).toMatchObject({ total_items: 0, empty: true, contents: [] });
    expect((await get(`/api/hsds/organizations?taxonomy_term_id=${unknown}`)).json()).toMatchObject({ total_items: 0, empty: true, contents: [] });
  });

  it('lists organizations that publish listings, with their services; others answer 404', async () => {
    const list = (await get('/api/hsds/organizations?per_page=100')).json();
    expect(list.contents.map((organization: { name: string }) => organization.name)).toEqual(['Kvindehuset', 'Rådgivningshuset', 'Sideorganisationen']);
    expect(list).toMatchObject({ total_items: 3, total_pages: 1, size: 3, empty: false });
    const one = await get(`/api/hsds/organizations/${shelterOrgId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: shelterOrgId, name: 'Kvindehuset', services: [{ id: shelterId, status: 'active' }] });
    const withoutListings = await t.given.organisation({ kind: 'police_district' });
    expect((await get(`/api/hsds/organizations/${withoutListings.id}`)).statusCode).toBe(404);
    const byTerm = (await get('/api/hsds/organizations?taxonomy_term_id=target_group:lgbt')).json();
    expect(byTerm.contents.map((organization: { id: string }) => organization.id)).toEqual([counsellingId]);
    const paged = (await get('/api/hsds/organizations?per_page=1&page=2')).json();
    expect(paged).toMatchObject({ total_items: 3, total_pages: 3, page_number: 2, size: 1, first_page: false, last_page: false });
  });

  it('answers bad parameters with a 422 problem document', async () => {
    const bad = [
      '/api/hsds/services?page=0',
      '/api/hsds/services?page=abc',
      '/api/hsds/services?per_page=1000',
      '/api/hsds/services?per_page=0',
      '/api/hsds/services?modified_after=garbage',
      '/api/hsds/services?postcode=12',
      '/api/hsds/services?taxonomy_term_id=target_group:aliens',
      '/api/hsds/services?organization_id=nope',
      '/api/hsds/services/not-a-uuid',
      '/api/hsds/organizations?per_page=101',
      '/api/hsds/organizations/not-a-uuid',
    ];
    for (const url of bad) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(422);
      expect(response.headers['content-type'], url).toContain('application/problem+json');
      expect(response.json(), url).toMatchObject({ code: 'validation_failed', errors: expect.any(Array) });
    }
    const missing = await get('/api/hsds/services/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found' });
  });

  it('never answers the confidential address, in any response, and never sets a cookie', async () => {
    const urls = [
      '/api/hsds/',
      '/api/hsds/services?per_page=100',
      '/api/hsds/services?per_page=100&full=true',
      '/api/hsds/services?per_page=100&full=true&postcode=2300',
      '/api/hsds/services?per_page=100&full=true&search=krisecenter',
      '/api/hsds/services?per_page=100&full=true&taxonomy_term_id=target_group:women',
      `/api/hsds/services/${shelterId}`,
      '/api/hsds/organizations?per_page=100',
      `/api/hsds/organizations/${shelterOrgId}`,
    ];
    for (const url of urls) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body.toLowerCase(), url).not.toContain(CANARY_STREET.toLowerCase());
      expect(response.body, url).not.toContain('2300 København S');
      expect(response.headers['set-cookie'], url).toBeUndefined();
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    // The secret address is stored, but only as ciphertext.
    const stored = await t.db.selectFrom('directory_locations').select('confidential_address_enc').where('directory_service_id', '=', shelterId).executeTakeFirstOrThrow();
    expect(stored.confidential_address_enc).not.toContain(CANARY_STREET);
    expect(t.cipher.decrypt(stored.confidential_address_enc ?? '')).toContain(CANARY_STREET);
  });

  it('is documented in the OpenAPI document', async () => {
    const document = (await get('/api/openapi.json')).json();
    for (const path of ['/api/hsds', '/api/hsds/services', '/api/hsds/services/{id}', '/api/hsds/organizations', '/api/hsds/organizations/{id}']) {
      expect(document.paths[path], path).toBeDefined();
    }
    // The root's alias with a trailing slash answers too (see above), but is one operation, documented once.
    expect(document.paths['/api/hsds/']).toBeUndefined();
    const parameters = document.paths['/api/hsds/services'].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(parameters).toEqual(expect.arrayContaining(['search', 'page', 'per_page', 'taxonomy_term_id', 'postcode', 'modified_after']));
  });
});
