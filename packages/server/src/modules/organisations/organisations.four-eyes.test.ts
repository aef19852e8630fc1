import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GivenSession } from '../../test/builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { auditEntries, makeAuthenticationStale } from '../auth/testing.ts';

const PROVIDER = { issuer: 'https://idp.example.test', clientId: 'bro', clientSecret: 'hemmelig-nok', displayName: 'Krisecentrets login', isEnabled: true };

/**
 * Four eyes on the powerful roles: a platform admin alone cannot make an admin of, or choose the identity provider of,
 * an organisation that has an admin of its own. Such a change waits for one of the organisation's own admins.
 */
describe('four eyes on platform changes to an organisation', () => {
  let t: TestApp;
  let platform: GivenSession;
  let platformUserId: string;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    const signedIn = await t.given.signedIn('platform_admin');
    platform = signedIn.session;
    platformUserId = signedIn.user.id;
  });
  afterAll(async () => t.close());

  /** A shelter with two active admins (signed in) and a deactivated one. */
  async function shelterWithAdmins() {
    const organisation = await t.given.organisation({ kind: 'shelter' });
    const first = await t.given.signedIn('organisation_admin', { organisationId: organisation.id });
    const second = await t.given.user({ organisationId: organisation.id, role: 'organisation_admin' });
    const former = await t.given.user({ organisationId: organisation.id, role: 'organisation_admin' });
    await t.db.updateTable('users').set({ is_active: false }).where('id', '=', former.id).execute();
    return { organisationId: organisation.id, admin: first.session, adminUserId: first.user.id, emails: [first.user.email, second.email] };
  }

  const outboxCount = async () =>
    Number((await t.db.selectFrom('outbox_messages').select((eb) => eb.fn.countAll().as('n')).where('template', '=', 'admin_change_requested').executeTakeFirstOrThrow()).n);
  const usersWithEmail = (email: string) => t.db.selectFrom('users').select('id').where('email', '=', email).execute();

  it('makes the first admin of an organisation without one at once', async () => {
    const organisation = await t.given.organisation({ kind: 'ngo' });
    const response = await t.as(platform).post(`/api/platform/organisations/${organisation.id}/admins`, { email: 'first@ngo.test.bro.dk', displayName: 'Første' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ user: { role: 'organisation_admin' }, initialPassword: expect.any(String) });
  });

  it("turns a platform admin's new admin for an organisation with an admin into a request its admins are told of", async () => {
    const shelter = await shelterWithAdmins();
    const messagesBefore = await outboxCount();
    const response = await t.as(platform).post(`/api/platform/organisations/${shelter.organisationId}/admins`, { email: 'Indtraenger@Test.bro.dk', displayName: 'Ny leder' });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ status: 'pending', request: { id: expect.any(String), kind: 'organisation_admin', requestedAt: expect.any(String) } });
    // Nothing is made: the proposed admin cannot sign in.
    expect(await usersWithEmail('indtraenger@test.bro.dk')).toEqual([]);
    // Both active admins are told; the deactivated one is not.
    expect((await outboxCount()) - messagesBefore).toBe(2);
    const audit = await auditEntries(t, 'admin_change_request.create');
    expect(audit.rows.at(-1)).toMatchObject({ actor_user_id: platformUserId, object_id: shelter.organisationId, details: { kind: 'organisation_admin', notifiedAdmins: 2 } });
    expect(audit.json).not.toMatch(/indtraenger/i);
    // The platform admin's list shows the pending state.
    const listed = (await t.as(platform).get('/api/platform/organisations')).json().find((organisation: { id: string }) => organisation.id === shelter.organisationId);
    expect(listed.pendingChanges).toEqual([{ id: response.json().request.id, kind: 'organisation_admin', requestedAt: expect.any(String) }]);
  });

  it("takes effect only when one of the organisation's own admins approves it; audited; decided once", async () => {
    const shelter = await shelterWithAdmins();
    const requested = await t.as(platform).post(`/api/platform/organisations/${shelter.organisationId}/admins`, { email: 'godkendt@test.bro.dk', displayName: 'Godkendt' });
    const requestId = requested.json().request.id;
    const list = await t.as(shelter.admin).get('/api/admin/change-requests');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      expect.objectContaining({ id: requestId, kind: 'organisation_admin', status: 'pending', admin: { email: 'godkendt@test.bro.dk', displayName: 'Godkendt' }, provider: null }),
    ]);

    const approved = await t.as(shelter.admin).post(`/api/admin/change-requests/${requestId}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ request: { status: 'approved' }, createdAdmin: { user: { email: 'godkendt@test.bro.dk', role: 'organisation_admin' }, initialPassword: expect.any(String) } });
    expect(await usersWithEmail('godkendt@test.bro.dk')).toHaveLength(1);
    const approval = await auditEntries(t, 'admin_change_request.approve');
    expect(approval.rows.at(-1)).toMatchObject({ actor_user_id: shelter.adminUserId, object_id: shelter.organisationId, details: { requestId } });
    const creation = await auditEntries(t, 'user.create');
    expect(creation.rows.at(-1)).toMatchObject({ actor_user_id: shelter.adminUserId, details: { changeRequestId: requestId, role: 'organisation_admin' } });

    const twice = await t.as(shelter.admin).post(`/api/admin/change-requests/${requestId}/reject`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'change_request_closed' });
    const listed = (await t.as(platform).get('/api/platform/organisations')).json().find((organisation: { id: string }) => organisation.id === shelter.organisationId);
    expect(listed.pendingChanges).toEqual([]);
  });

  it('a rejected request changes nothing; another organisation, or the platform admin, cannot decide it', async () => {
    const shelter = await shelterWithAdmins();
    const other = await shelterWithAdmins();
    const requested = await t.as(platform).post(`/api/platform/organisations/${shelter.organisationId}/admins`, { email: 'afvist@test.bro.dk', displayName: 'Afvist' });
    const requestId = requested.json().request.id;

    expect((await t.as(other.admin).post(`/api/admin/change-requests/${requestId}/approve`)).statusCode).toBe(404);
    expect((await t.as(other.admin).get('/api/admin/change-requests')).json()).toEqual([]);
    expect((await t.as(platform).post(`/api/admin/change-requests/${requestId}/approve`)).statusCode).toBe(403);

    const rejected = await t.as(shelter.admin).post(`/api/admin/change-requests/${requestId}/reject`);
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ request: { status: 'rejected' }, createdAdmin: null });
    expect(await usersWithEmail('afvist@test.bro.dk')).toEqual([]);
    expect((await auditEntries(t, 'admin_change_request.reject')).rows.at(-1)).toMatchObject({ actor_user_id: shelter.adminUserId, details: { requestId } });
  });

  it("makes a platform change of the identity provider wait for the organisation's approval; without admins it is at once", async () => {
    const bare = await t.given.organisation({ kind: 'ngo' });
    const direct = await t.as(platform).put(`/api/platform/organisations/${bare.id}/oidc-provider`, PROVIDER);
    expect(direct.statusCode).toBe(200);

    const shelter = await shelterWithAdmins();
    const requested = await t.as(platform).put(`/api/platform/organisations/${shelter.organisationId}/oidc-provider`, { ...PROVIDER, issuer: 'https://evil.example.test' });
    expect(requested.statusCode).toBe(202);
    expect(requested.json()).toMatchObject({ status: 'pending', request: { kind: 'oidc_provider' } });
    // Nothing changed: the organisation still has no provider.
    expect((await t.as(platform).get(`/api/platform/organisations/${shelter.organisationId}/oidc-provider`)).statusCode).toBe(404);
    const [listed] = (await t.as(shelter.admin).get('/api/admin/change-requests')).json();
    expect(listed).toMatchObject({ admin: null, provider: { issuer: 'https://evil.example.test', clientId: 'bro', isSecretChanged: true } });
    expect(JSON.stringify(listed)).not.toContain(PROVIDER.clientSecret);
    const stored = await t.db.selectFrom('admin_change_requests').select('payload_enc').where('id', '=', listed.id).executeTakeFirstOrThrow();
    expect(stored.payload_enc).not.toContain('evil');

    const approved = await t.as(shelter.admin).post(`/api/admin/change-requests/${listed.id}/approve`);
    expect(approved.statusCode).toBe(200);
    const settings = await t.as(platform).get(`/api/platform/organisations/${shelter.organisationId}/oidc-provider`);
    expect(settings.json()).toMatchObject({ issuer: 'https://evil.example.test', hasClientSecret: true });
    expect((await auditEntries(t, 'oidc_provider.create')).rows.at(-1)).toMatchObject({ actor_user_id: shelter.adminUserId, details: { changeRequestId: listed.id } });
  });

  it('asks the platform admin and the approving admin to re-authenticate when their last sign-in is older than 5 minutes', async () => {
    const shelter = await shelterWithAdmins();
    const stalePlatform = (await t.given.signedIn('platform_admin')).session;
    await makeAuthenticationStale(t, stalePlatform);
    const admin = await t.as(stalePlatform).post(`/api/platform/organisations/${shelter.organisationId}/admins`, { email: 'gammel@test.bro.dk', displayName: 'X' }, { 'accept-language': 'en' });
    expect(admin.statusCode).toBe(403);
    expect(admin.headers['content-type']).toContain('application/problem+json');
    expect(admin.json()).toMatchObject({ code: 'reauthentication_required', title: 'Confirm it is you' });
    const provider = await t.as(stalePlatform).put(`/api/platform/organisations/${shelter.organisationId}/oidc-provider`, PROVIDER);
    expect(provider.json()).toMatchObject({ code: 'reauthentication_required' });
    expect(await t.db.selectFrom('admin_change_requests').select('id').where('organisation_id', '=', shelter.organisationId).execute()).toEqual([]);

    const requested = await t.as(platform).post(`/api/platform/organisations/${shelter.organisationId}/admins`, { email: 'venter@test.bro.dk', displayName: 'Venter' });
    await makeAuthenticationStale(t, shelter.admin);
    const approve = await t.as(shelter.admin).post(`/api/admin/change-requests/${requested.json().request.id}/approve`);
    expect(approve.json()).toMatchObject({ code: 'reauthentication_required' });
    expect(await usersWithEmail('venter@test.bro.dk')).toEqual([]);
  });
});
