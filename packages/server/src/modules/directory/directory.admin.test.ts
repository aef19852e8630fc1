import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GivenSession } from '../../test/builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { auditEntries } from '../auth/testing.ts';
import { CANARY_ADDRESS, CANARY_STREET, confidentialShelterInput, helpServiceInput } from './directory.test-support.ts';

describe('directory admin API /api/directory/services', () => {
  let t: TestApp;
  let admin: GivenSession;
  let adminUserId: string;
  let organisationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const signedIn = await t.given.signedIn('organisation_admin', { kind: 'shelter' });
    admin = signedIn.session;
    adminUserId = signedIn.user.id;
    organisationId = signedIn.organisationId;
  });
  afterAll(async () => t.close());

  const create = (body: object) => t.as(admin).post('/api/directory/services', body);

  it('creates a listing, answers it as the admin sees it, and audits it without its text', async () => {
    const response = await create(confidentialShelterInput({ slug: 'vores-krisecenter', isAnonymousContactOffered: true, capacity: { available: 2, maximum: 12, unit: 'pladser' } }));
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      id: expect.any(String),
      organisationId,
      slug: 'vores-krisecenter',
      status: 'active',
      nameDa: 'Krisecenter for kvinder',
      targetGroups: ['women', 'children_young'],
      isAnonymousContactOffered: true,
      schedule: { isOpen24Hours: true, rules: [], noteDa: null, noteEn: null },
      serviceArea: { isNational: true, municipalityCodes: [] },
      capacity: { available: 2, maximum: 12, unit: 'pladser', updatedAt: t.clock.now().toISOString() },
      lastCheckedAt: t.clock.now().toISOString(),
      isCheckDue: false,
    });
    // The owner's admin sees the secret address; it is stored encrypted.
    expect(created.locations).toEqual([expect.objectContaining({ isConfidential: true, city: 'København', addressLine: null, confidentialAddress: CANARY_ADDRESS })]);
    const stored = await t.db.selectFrom('directory_locations').selectAll().where('directory_service_id', '=', created.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(CANARY_STREET);

    const audit = await auditEntries(t, 'directory_service.create');
    expect(audit.rows.at(-1)).toMatchObject({ actor_user_id: adminUserId, actor_organisation_id: organisationId, object_id: created.id, details: { status: 'active', locations: 1, confidentialLocations: 1 } });
    expect(audit.json).not.toContain('Krisecenter');
    expect(audit.json).not.toContain(CANARY_STREET);

    const read = await t.as(admin).get(`/api/directory/services/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(created);
  });

  it('lists only the own organisation’s listings', async () => {
    const other = await t.given.signedIn('organisation_admin');
    await t.as(other.session).post('/api/directory/services', helpServiceInput({ slug: 'andres-tilbud' }));
    const mine = await create(helpServiceInput({ slug: 'mit-tilbud' }));
    const list = (await t.as(admin).get('/api/directory/services')).json();
    const slugs = list.map((service: { slug: string }) => service.slug);
    expect(slugs).toContain('mit-tilbud');
    expect(slugs).not.toContain('andres-tilbud');
    expect(list.find((service: { id: string }) => service.id === mine.json().id)).toEqual({
      id: mine.json().id,
      slug: 'mit-tilbud',
      status: 'active',
      nameDa: expect.any(String),
      nameEn: expect.any(String),
      targetGroups: ['women'],
      channels: ['phone'],
      lastCheckedAt: expect.any(String),
      isCheckDue: false,
      // A new listing waits for a directory approver: not public anywhere yet.
      publication: { state: 'pending', isLive: false, rejectionReason: null, changedAt: t.clock.now().toISOString() },
      updatedAt: expect.any(String),
    });
  });

  it('answers invalid listings with a 422 problem naming the fields', async () => {
    const cases: [object, string][] = [
      [confidentialShelterInput({ locations: [{ nameDa: 'Hemmeligt', nameEn: 'Secret', isConfidential: true, addressLine: `${CANARY_STREET} 17` }] }), 'body.locations.0.addressLine'],
      [helpServiceInput({ serviceArea: { isNational: false, municipalityCodes: [] } }), 'body.serviceArea.municipalityCodes'],
      [helpServiceInput({ targetGroups: [] }), 'body.targetGroups'],
      [helpServiceInput({ channels: ['pigeon' as 'phone'] }), 'body.channels.0'],
      [helpServiceInput({ websiteUrl: 'http://usikker.dk' }), 'body.websiteUrl'],
      [helpServiceInput({ schedule: { isOpen24Hours: false, rules: [{ freq: 'WEEKLY', byday: ['XX' as 'MO'], opensAt: '18:00', closesAt: '20:00' }] } }), 'body.schedule.rules.0.byday.0'],
      [{ ...helpServiceInput(), unknownField: 1 }, 'body'],
    ];
    for (const [body, path] of cases) {
      const response = await create(body);
      expect(response.statusCode, path).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors.map((error: { path: string }) => error.path), path).toContain(path);
    }
  });

  it('refuses a taken slug and a referral service of another organisation, as 422', async () => {
    await create(helpServiceInput({ slug: 'optaget' }));
    const taken = await create(helpServiceInput({ slug: 'optaget' }));
    expect(taken.statusCode).toBe(422);
    expect(taken.json().errors).toEqual([{ path: 'body.slug', message: 'slug_taken' }]);

    const otherOrganisation = await t.given.organisation();
    const foreignService = await t.given.service({ organisationId: otherOrganisation.id });
    const foreign = await create(helpServiceInput({ referralServiceId: foreignService.id }));
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors).toEqual([{ path: 'body.referralServiceId', message: 'unknown_service' }]);

    const ownService = await t.given.service({ organisationId });
    const linked = await create(helpServiceInput({ referralServiceId: ownService.id }));
    expect(linked.statusCode).toBe(201);
    expect(linked.json().referralServiceId).toBe(ownService.id);
    const twice = await create(helpServiceInput({ referralServiceId: ownService.id }));
    expect(twice.json().errors).toEqual([{ path: 'body.referralServiceId', message: 'already_listed' }]);
  });

  it('updates only the given fields, validates the result as a whole, and audits the field names', async () => {
    const created = (await create(helpServiceInput({ slug: 'skal-rettes', serviceArea: { isNational: true } }))).json();
    t.clock.advance(60_000);
    const response = await t.as(admin).patch(`/api/directory/services/${created.id}`, {
      nameDa: 'Nyt navn',
      status: 'temporarily closed',
      phones: [{ number: '+45 70 10 20 30', descriptionDa: 'Hverdage' }],
      schedule: { isOpen24Hours: false, rules: [{ freq: 'WEEKLY', byday: ['MO', 'TU'], opensAt: '09:00', closesAt: '15:00' }] },
    });
    expect(response.statusCode).toBe(200);
    const updated = response.json();
    expect(updated).toMatchObject({
      nameDa: 'Nyt navn',
      nameEn: created.nameEn,
      status: 'temporarily closed',
      descriptionDa: created.descriptionDa,
      phones: [{ number: '+45 70 10 20 30', descriptionDa: 'Hverdage', descriptionEn: null }],
      schedule: { isOpen24Hours: false, rules: [{ freq: 'WEEKLY', byday: ['MO', 'TU'], opensAt: '09:00', closesAt: '15:00' }] },
      lastCheckedAt: created.lastCheckedAt,
      updatedAt: t.clock.now().toISOString(),
    });
    const audit = await auditEntries(t, 'directory_service.update');
    expect(audit.rows.at(-1)).toMatchObject({ object_id: created.id, details: { fields: 'nameDa,phones,schedule,status', fromStatus: 'active', toStatus: 'temporarily closed' } });
    expect(audit.json).not.toContain('Nyt navn');

    const invalid = await t.as(admin).patch(`/api/directory/services/${created.id}`, { serviceArea: { isNational: false } });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors.map((error: { path: string }) => error.path)).toContain('body.serviceArea.municipalityCodes');
    const empty = await t.as(admin).patch(`/api/directory/services/${created.id}`, {});
    expect(empty.statusCode).toBe(422);
    expect((await t.as(admin).get(`/api/directory/services/${created.id}`)).json().serviceArea).toEqual({ isNational: true, municipalityCodes: [] });
  });

  it('keeps a location’s secret address through updates of other fields, and replaces locations when given', async () => {
    const created = (await create(confidentialShelterInput())).json();
    const renamed = (await t.as(admin).patch(`/api/directory/services/${created.id}`, { nameEn: 'Renamed' })).json();
    expect(renamed.locations).toEqual(created.locations);
    const moved = (await t.as(admin).patch(`/api/directory/services/${created.id}`, { locations: [{ nameDa: 'Telefon', nameEn: 'Phone', locationType: 'virtual', isConfidential: false }] })).json();
    expect(moved.locations).toEqual([expect.objectContaining({ nameDa: 'Telefon', locationType: 'virtual', isConfidential: false, confidentialAddress: null })]);
  });

  it('stamps capacity when it changes, and only then', async () => {
    const created = (await create(helpServiceInput({ capacity: { available: 1, maximum: 4, unit: 'værelser' } }))).json();
    t.clock.advance(120_000); // stays within the 15-minute idle timeout of the session
    const renamed = (await t.as(admin).patch(`/api/directory/services/${created.id}`, { nameDa: 'Stadig samme kapacitet' })).json();
    expect(renamed.capacity.updatedAt).toBe(created.capacity.updatedAt);
    const changed = (await t.as(admin).patch(`/api/directory/services/${created.id}`, { capacity: { available: 0, maximum: 4, unit: 'værelser' } })).json();
    expect(changed.capacity).toEqual({ available: 0, maximum: 4, unit: 'værelser', updatedAt: t.clock.now().toISOString() });
  });

  it('mark-checked stamps the check and stops it being due', async () => {
    const created = (await create(helpServiceInput())).json();
    await t.db.updateTable('directory_services').set({ last_checked_at: new Date('2025-01-01T00:00:00Z') }).where('id', '=', created.id).execute();
    expect((await t.as(admin).get(`/api/directory/services/${created.id}`)).json().isCheckDue).toBe(true);
    t.clock.advance(1_000);
    const response = await t.as(admin).post(`/api/directory/services/${created.id}/mark-checked`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ lastCheckedAt: t.clock.now().toISOString(), isCheckDue: false });
    const audit = await auditEntries(t, 'directory_service.mark_checked');
    expect(audit.rows.at(-1)).toMatchObject({ object_id: created.id, actor_user_id: adminUserId, details: { previousCheckAt: '2025-01-01T00:00:00.000Z' } });
  });
});
