import { permissionsByRole } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

describe('organisation administration access', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
  });
  afterAll(async () => t.close());

  it('refuses every role but the platform admin with 403', async () => {
    for (const role of ['referrer', 'intake_coordinator', 'counsellor', 'organisation_admin'] as const) {
      const { session, organisationId } = await t.given.signedIn(role);
      const responses = [
        await t.as(session).get('/api/platform/organisations'),
        await t.as(session).post('/api/platform/organisations', { slug: `made-by-${role.replaceAll('_', '-')}`, name: 'X', kind: 'ngo' }),
        await t.as(session).patch(`/api/platform/organisations/${organisationId}`, { isLocalLoginEnabled: false }),
        await t.as(session).post(`/api/platform/organisations/${organisationId}/admins`, { email: `${role}@made.test.bro.dk`, displayName: 'X' }),
      ];
      for (const response of responses) {
        expect(response.statusCode, role).toBe(403);
        expect(response.json()).toMatchObject({ code: 'forbidden' });
      }
    }
    expect(await t.db.selectFrom('organisations').select('id').where('slug', 'like', 'made-by-%').execute()).toEqual([]);
  });

  it('answers 401 without a session', async () => {
    expect((await t.as(undefined).get('/api/platform/organisations')).statusCode).toBe(401);
    expect((await t.as(undefined).post('/api/platform/organisations', { slug: 'anon', name: 'X', kind: 'ngo' })).statusCode).toBe(401);
  });

  it('gives the platform admin no referral route and no user administration of an organisation', async () => {
    expect(permissionsByRole.platform_admin.filter((permission) => permission.startsWith('referral:') || permission === 'users:manage')).toEqual([]);
    const { session } = await t.given.signedIn('platform_admin');
    expect((await t.as(session).get('/api/admin/users')).statusCode).toBe(403);
    expect((await t.as(session).post('/api/admin/users', { email: 'p@test.bro.dk', displayName: 'X', role: 'referrer' })).statusCode).toBe(403);

    const referralRoutes = t.app.routeCatalogue.filter((route) => route.permission?.startsWith('referral:') && route.method !== 'HEAD');
    for (const route of referralRoutes) {
      const url = route.url.replaceAll(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const response = await t.app.inject({ method: route.method as 'GET', url, headers: session.headers, ...(route.method === 'GET' ? {} : { payload: {} }) });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });
});
