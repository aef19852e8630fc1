import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GivenSession, GivenUser } from '../../test/builders.ts';
import { TEST_PASSWORD } from '../../test/builders.ts';
import { REAUTHENTICATION_WINDOW_MS } from '../../platform/auth/authorization.ts';
import { auditEntries, makeAuthenticationStale, startAuthTests, totpCode } from './auth.test-support.ts';
import type { TestApp } from '../../test/test-app.ts';

/**
 * Re-authentication: the riskiest changes (protection flags, exports of personal data, user and role changes,
 * identity-provider changes) need a proof of identity within the last 5 minutes, not only a live session.
 */
describe('re-authentication before risky changes', () => {
  let t: TestApp;
  let organisationId: string;
  let admin: GivenUser;
  let session: GivenSession;
  let colleague: GivenUser;
  beforeAll(async () => {
    ({ t, organisationId } = await startAuthTests());
    admin = await t.given.user({ organisationId, role: 'organisation_admin' });
    colleague = await t.given.user({ organisationId, role: 'counsellor' });
  });
  afterAll(async () => t.close());

  async function staleSession(): Promise<GivenSession> {
    const fresh = await t.given.session(admin);
    await makeAuthenticationStale(t, fresh);
    return fresh;
  }

  const roleOf = async (userId: string) => (await t.db.selectFrom('memberships').select('role').where('user_id', '=', userId).executeTakeFirstOrThrow()).role;

  it('refuses a role change from a session whose last sign-in is older than 5 minutes, in Danish and English, and changes nothing', async () => {
    session = await staleSession();
    const danish = await t.as(session).patch(`/api/admin/users/${colleague.id}`, { role: 'supervisor' });
    expect(danish.statusCode).toBe(403);
    expect(danish.headers['content-type']).toContain('application/problem+json');
    expect(danish.json()).toMatchObject({ code: 'reauthentication_required', title: 'Bekræft, at det er dig' });
    const english = await t.as(session).patch(`/api/admin/users/${colleague.id}`, { role: 'supervisor' }, { 'accept-language': 'en' });
    expect(english.json()).toMatchObject({ code: 'reauthentication_required', title: 'Confirm it is you' });
    expect(await roleOf(colleague.id)).toBe('counsellor');
    // Reading is not a risky change: the same session still lists the users.
    expect((await t.as(session).get('/api/admin/users')).statusCode).toBe(200);
  });

  it('opens risky changes for 5 minutes after password and TOTP code again, audited', async () => {
    session = await staleSession();
    const response = await t.as(session).post('/api/auth/reauthenticate', { password: TEST_PASSWORD, code: await totpCode(t, String(admin.totpSecret)) });
    expect(response.statusCode).toBe(204);
    const changed = await t.as(session).patch(`/api/admin/users/${colleague.id}`, { role: 'supervisor' });
    expect(changed.statusCode).toBe(200);
    expect(await roleOf(colleague.id)).toBe('supervisor');
    const audit = await auditEntries(t, 'auth.reauthenticated');
    expect(audit.rows.at(-1)).toMatchObject({ actor_user_id: admin.id, object_id: admin.id });
    expect(audit.json).not.toContain(TEST_PASSWORD);

    t.clock.advance(REAUTHENTICATION_WINDOW_MS + 1_000);
    try {
      const later = await t.as(session).patch(`/api/admin/users/${colleague.id}`, { role: 'counsellor' });
      expect(later.json()).toMatchObject({ code: 'reauthentication_required' });
    } finally {
      t.clock.advance(-(REAUTHENTICATION_WINDOW_MS + 1_000));
    }
  });

  it('refuses a wrong password or code, counting it toward the lockout, and opens nothing', async () => {
    session = await staleSession();
    const before = (await t.db.selectFrom('users').select('failed_login_count').where('id', '=', admin.id).executeTakeFirstOrThrow()).failed_login_count;
    const wrongPassword = await t.as(session).post('/api/auth/reauthenticate', { password: 'forkert-adgangskode', code: await totpCode(t, String(admin.totpSecret)) });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json()).toMatchObject({ code: 'invalid_credentials' });
    const wrongCode = await t.as(session).post('/api/auth/reauthenticate', { password: TEST_PASSWORD, code: '000000' });
    expect(wrongCode.json()).toMatchObject({ code: 'invalid_totp' });
    const after = (await t.db.selectFrom('users').select('failed_login_count').where('id', '=', admin.id).executeTakeFirstOrThrow()).failed_login_count;
    expect(after - before).toBe(2);
    expect((await t.as(session).post(`/api/admin/users/${colleague.id}/deactivate`)).json()).toMatchObject({ code: 'reauthentication_required' });
    const malformed = await t.as(session).post('/api/auth/reauthenticate', { password: TEST_PASSWORD, code: 'abc' });
    expect(malformed.statusCode).toBe(422);
    await t.db.updateTable('users').set({ failed_login_count: 0 }).where('id', '=', admin.id).execute();
  });

  it('needs a signed-in session and its CSRF token', async () => {
    expect((await t.as(undefined).post('/api/auth/reauthenticate', { password: TEST_PASSWORD, code: '123456' })).statusCode).toBe(401);
    const fresh = await t.given.session(admin);
    const withoutCsrf = await t.app.inject({ method: 'POST', url: '/api/auth/reauthenticate', payload: { password: TEST_PASSWORD, code: '123456' }, headers: { cookie: fresh.headers.cookie } });
    expect(withoutCsrf.json()).toMatchObject({ code: 'csrf_failed' });
  });

  it('is declared on every route that changes users, roles, identity providers, protection flags, or exports personal data', async () => {
    const guarded = t.app.routeCatalogue.filter((route) => route.isReauthenticationRequired).map((route) => `${route.method} ${route.url}`);
    expect(guarded).toEqual(
      expect.arrayContaining([
        'POST /api/admin/users',
        'PATCH /api/admin/users/:userId',
        'POST /api/admin/users/:userId/deactivate',
        'POST /api/admin/users/:userId/reactivate',
        'POST /api/admin/users/:userId/unlock',
        'POST /api/admin/users/:userId/reset-totp',
        'POST /api/admin/users/:userId/oidc-invitation',
        'POST /api/platform/organisations/:organisationId/admins',
        'PUT /api/platform/organisations/:organisationId/oidc-provider',
        'POST /api/admin/change-requests/:requestId/approve',
        'PUT /api/courses/:courseId/address-protection',
        'POST /api/courses/:courseId/access-history',
      ]),
    );
    // Everything else is not slowed down by it: no read asks for it.
    expect(t.app.routeCatalogue.filter((route) => route.isReauthenticationRequired && route.method === 'GET')).toEqual([]);
  });
});
