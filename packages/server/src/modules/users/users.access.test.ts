import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import type { GivenSession } from '../../test/builders.ts';

describe('user administration access', () => {
  let t: TestApp;
  let organisationId: string;
  let admin: GivenSession;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    const signedIn = await t.given.signedIn('organisation_admin');
    organisationId = signedIn.organisationId;
    admin = signedIn.session;
  });
  afterAll(async () => t.close());

  it('answers 404 for another organisation’s user on every route, and changes nothing', async () => {
    const otherOrganisation = await t.given.organisation();
    const foreign = await t.given.user({ organisationId: otherOrganisation.id, role: 'counsellor' });
    const foreignSession = await t.given.session(foreign);
    const attempts = [
      await t.as(admin).patch(`/api/admin/users/${foreign.id}`, { role: 'referrer' }),
      await t.as(admin).post(`/api/admin/users/${foreign.id}/deactivate`),
      await t.as(admin).post(`/api/admin/users/${foreign.id}/reactivate`),
      await t.as(admin).post(`/api/admin/users/${foreign.id}/unlock`),
      await t.as(admin).post(`/api/admin/users/${foreign.id}/reset-totp`),
      await t.as(admin).patch('/api/admin/users/00000000-0000-4000-8000-000000000000', { displayName: 'X' }),
    ];
    for (const response of attempts) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found' });
    }
    expect((await t.as(foreignSession).get('/api/session')).json()).toMatchObject({ role: 'counsellor' });
    const ids = (await t.as(admin).get('/api/admin/users')).json().map((user: { id: string }) => user.id);
    expect(ids).not.toContain(foreign.id);
  });

  it('hides platform admins from an organisation admin', async () => {
    const platform = await t.given.user({ organisationId, role: 'platform_admin' });
    const ids = (await t.as(admin).get('/api/admin/users')).json().map((user: { id: string }) => user.id);
    expect(ids).not.toContain(platform.id);
    expect((await t.as(admin).post(`/api/admin/users/${platform.id}/deactivate`)).statusCode).toBe(404);
  });

  it('refuses every other role with 403, and the platform admin too', async () => {
    const roles = ['referrer', 'intake_coordinator', 'counsellor', 'platform_admin'] as const;
    for (const role of roles) {
      const { session } = await t.given.signedIn(role, role === 'platform_admin' ? {} : { organisationId });
      const responses = [
        await t.as(session).get('/api/admin/users'),
        await t.as(session).post('/api/admin/users', { email: `${role}-made@test.bro.dk`, displayName: 'X', role: 'referrer' }),
        await t.as(session).get('/api/admin/units'),
        await t.as(session).post('/api/admin/units', { name: `Enhed ${role}` }),
      ];
      for (const response of responses) {
        expect(response.statusCode, role).toBe(403);
        expect(response.json()).toMatchObject({ code: 'forbidden' });
      }
    }
    const made = await t.db.selectFrom('users').select('id').where('email', 'like', '%-made@test.bro.dk').execute();
    expect(made).toEqual([]);
  });

  it('answers 401 without a session', async () => {
    expect((await t.as(undefined).get('/api/admin/users')).statusCode).toBe(401);
    const response = await t.as(undefined).post('/api/admin/users', { email: 'anon@test.bro.dk', displayName: 'X', role: 'referrer' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('stops an admin whose role was taken away on their very next request', async () => {
    const { user, session } = await t.given.signedIn('organisation_admin', { organisationId });
    expect((await t.as(session).get('/api/admin/users')).statusCode).toBe(200);
    await t.as(admin).patch(`/api/admin/users/${user.id}`, { role: 'counsellor' });
    expect((await t.as(session).get('/api/admin/users')).statusCode).toBe(403);
  });
});
