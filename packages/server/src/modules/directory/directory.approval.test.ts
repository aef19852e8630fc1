import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GivenSession } from '../../test/builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { auditEntries } from '../auth/testing.ts';
import { CANARY_STREET, confidentialShelterInput, givenHelpService, helpServiceInput } from './directory.test-support.ts';

/** The name an automated test run once put straight onto the public site. */
const INJECTION_NAME = "' OR '1'='1";
const APPROVALS = '/api/approvals/directory-listings';

describe('approval of directory listings before they go public', () => {
  let t: TestApp;
  let admin: GivenSession;
  let adminUser: { id: string };
  let organisationId: string;
  let approver: GivenSession;

  beforeAll(async () => {
    t = await createTestApp();
    const signedIn = await t.given.signedIn('organisation_admin');
    admin = signedIn.session;
    adminUser = signedIn.user;
    organisationId = signedIn.organisationId;
    approver = (await t.given.signedIn('platform_admin')).session;
  });
  afterAll(async () => t.close());

  const hsdsNames = async () => (await t.as(undefined).get('/api/hsds/services?per_page=50')).json().contents.map((service: { name: string }) => service.name);
  const pendingFor = async (serviceId: string) => (await t.as(approver).get(APPROVALS)).json().filter((request: { contentId: string }) => request.contentId === serviceId);

  it('keeps a new listing off the public site, the help search and the HSDS API until another person approves it', async () => {
    const created = (await t.as(admin).post('/api/directory/services', helpServiceInput({ slug: 'ny-raadgivning', nameDa: 'Ny rådgivning' }))).json();
    expect(created.publication).toEqual({ state: 'pending', isLive: false, rejectionReason: null, changedAt: t.clock.now().toISOString() });
    expect(await hsdsNames()).not.toContain('Ny rådgivning');
    expect((await t.as(undefined).get(`/api/hsds/services/${created.id}`)).statusCode).toBe(404);
    expect((await t.as(undefined).get('/tilbud/ny-raadgivning')).statusCode).toBe(404);
    expect((await t.as(undefined).get('/tilbud?q=rådgivning')).body).not.toContain('Ny rådgivning');

    const [request] = await pendingFor(created.id);
    expect(request).toMatchObject({ contentKind: 'directory_listing', title: 'Ny rådgivning', isNew: true, proposedByName: expect.any(String) });
    expect(request.changes).toContainEqual({ field: 'nameDa', current: null, proposed: 'Ny rådgivning' });
    expect(request.changes).toContainEqual({ field: 'targetGroups', current: null, proposed: ['women'] });

    t.clock.advance(60_000);
    const approved = await t.as(approver).post(`${APPROVALS}/${request.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toEqual({ id: request.id, status: 'approved', decidedAt: t.clock.now().toISOString() });
    expect(await hsdsNames()).toContain('Ny rådgivning');
    expect((await t.as(undefined).get('/tilbud/ny-raadgivning')).statusCode).toBe(200);
    expect((await t.as(admin).get(`/api/directory/services/${created.id}`)).json().publication).toMatchObject({ state: 'published', isLive: true });
    expect(await pendingFor(created.id)).toEqual([]);
    const audit = await auditEntries(t, 'publication.approve');
    expect(audit.rows.at(-1)).toMatchObject({ object_id: request.id, details: { kind: 'directory_listing', contentId: created.id } });
  });

  it('shows the previous version while a change waits, and the change once approved', async () => {
    const serviceId = await givenHelpService(t, organisationId, helpServiceInput({ nameDa: 'Gammelt navn' }));
    const changed = (await t.as(admin).patch(`/api/directory/services/${serviceId}`, { nameDa: 'Nyt navn', channels: ['phone', 'chat'] })).json();
    // The admin works on the proposal; the public still reads the approved version.
    expect(changed).toMatchObject({ nameDa: 'Nyt navn', publication: { state: 'pending', isLive: true } });
    expect((await t.as(undefined).get(`/api/hsds/services/${serviceId}`)).json().name).toBe('Gammelt navn');
    expect((await t.as(admin).get('/api/directory/services')).json().find((service: { id: string }) => service.id === serviceId)).toMatchObject({ nameDa: 'Nyt navn', publication: { state: 'pending' } });

    const [request] = await pendingFor(serviceId);
    expect(request.isNew).toBe(false);
    expect(request.changes).toEqual([
      { field: 'nameDa', current: 'Gammelt navn', proposed: 'Nyt navn' },
      { field: 'channels', current: ['phone'], proposed: ['phone', 'chat'] },
    ]);
    await t.as(approver).post(`${APPROVALS}/${request.id}/approve`);
    expect((await t.as(undefined).get(`/api/hsds/services/${serviceId}`)).json().name).toBe('Nyt navn');
  });

  it('supersedes a pending proposal with a newer one of the same listing', async () => {
    const serviceId = await givenHelpService(t, organisationId);
    await t.as(admin).patch(`/api/directory/services/${serviceId}`, { nameDa: 'Første forslag' });
    const [first] = await pendingFor(serviceId);
    await t.as(admin).patch(`/api/directory/services/${serviceId}`, { nameEn: 'Second proposal' });
    const pending = await pendingFor(serviceId);
    expect(pending).toHaveLength(1);
    // The newer proposal builds on the older one: both changes are in it.
    expect(pending[0].changes.map((change: { field: string }) => change.field)).toEqual(['nameDa', 'nameEn']);
    const stale = await t.as(approver).post(`${APPROVALS}/${first.id}/approve`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'publication_request_closed' });
  });

  it('refuses approval by the person who proposed it', async () => {
    const serviceId = await givenHelpService(t, organisationId);
    await t.as(admin).patch(`/api/directory/services/${serviceId}`, { nameDa: 'Selvgodkendt' });
    const [request] = await pendingFor(serviceId);
    // The same person, also holding the approver's role in the platform operator's organisation.
    const operator = await t.given.organisation({ kind: 'platform_operator' });
    const membership = await t.db.insertInto('memberships').values({ user_id: adminUser.id, organisation_id: operator.id, role: 'platform_admin', unit_id: null, service_line: null }).returning('id').executeTakeFirstOrThrow();
    const samePersonAsApprover = await t.given.session({ id: adminUser.id, membershipId: membership.id });
    const response = await t.as(samePersonAsApprover).post(`${APPROVALS}/${request.id}/approve`);
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'approval_by_proposer' });
    expect((await t.as(undefined).get(`/api/hsds/services/${serviceId}`)).json().name).not.toBe('Selvgodkendt');
    expect(await pendingFor(serviceId)).toHaveLength(1);
  });

  it('rejects with a reason the proposer reads; the public version stays', async () => {
    const serviceId = await givenHelpService(t, organisationId, helpServiceInput({ nameDa: 'Uændret' }));
    await t.as(admin).patch(`/api/directory/services/${serviceId}`, { nameDa: 'Forkert navn' });
    const [request] = await pendingFor(serviceId);
    const withoutReason = await t.as(approver).post(`${APPROVALS}/${request.id}/reject`, { reason: '   ' });
    expect(withoutReason.statusCode).toBe(422);
    expect(withoutReason.json().errors.map((error: { path: string }) => error.path)).toContain('body.reason');

    const rejected = await t.as(approver).post(`${APPROVALS}/${request.id}/reject`, { reason: 'Navnet skal være organisationens officielle navn.' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().status).toBe('rejected');
    const seen = (await t.as(admin).get(`/api/directory/services/${serviceId}`)).json();
    expect(seen.publication).toMatchObject({ state: 'rejected', isLive: true, rejectionReason: 'Navnet skal være organisationens officielle navn.' });
    expect((await t.as(undefined).get(`/api/hsds/services/${serviceId}`)).json().name).toBe('Uændret');
    expect((await t.as(approver).post(`${APPROVALS}/${request.id}/approve`)).json()).toMatchObject({ code: 'publication_request_closed' });
    // The reason is free text: it is not copied into the audit log.
    expect((await auditEntries(t, 'publication.reject')).json).not.toContain('officielle');
  });

  it(`keeps a listing named ${INJECTION_NAME} off the public site until approved, and shows it as text after`, async () => {
    const created = (await t.as(admin).post('/api/directory/services', helpServiceInput({ slug: 'injektion', nameDa: INJECTION_NAME, nameEn: INJECTION_NAME }))).json();
    expect(created.nameDa).toBe(INJECTION_NAME);
    expect(JSON.stringify(await hsdsNames())).not.toContain(INJECTION_NAME);
    expect((await t.as(undefined).get('/tilbud/injektion')).statusCode).toBe(404);
    expect((await t.as(undefined).get(`/tilbud?q=${encodeURIComponent('OR')}`)).body).not.toContain('/tilbud/injektion');
    const [request] = await pendingFor(created.id);
    expect(request.title).toBe(INJECTION_NAME);
    await t.as(approver).post(`${APPROVALS}/${request.id}/approve`);
    expect(await hsdsNames()).toContain(INJECTION_NAME);
  });

  it('never shows the approver a shelter’s secret address, only that one is set', async () => {
    const created = (await t.as(admin).post('/api/directory/services', confidentialShelterInput({ slug: 'hemmeligt-krisecenter' }))).json();
    const list = await t.as(approver).get(APPROVALS);
    expect(list.body).not.toContain(CANARY_STREET);
    const [request] = await pendingFor(created.id);
    expect(request.changes).toContainEqual({ field: 'locations.0.confidentialAddress', current: null, proposed: { isSecret: true } });
    const stored = await t.db.selectFrom('publication_requests').select('proposed_content').where('id', '=', request.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(CANARY_STREET);
    await t.as(approver).post(`${APPROVALS}/${request.id}/approve`);
    expect((await t.as(admin).get(`/api/directory/services/${created.id}`)).json().locations[0].confidentialAddress).toContain(CANARY_STREET);
  });
});
