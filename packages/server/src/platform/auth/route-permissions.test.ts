import { Permission } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * Deny by default: every registered route must declare who may call it. A new route without a permission fails
 * this test (and is refused at run time).
 */
describe('route permissions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('every registered route declares a known permission', () => {
    expect(t.app.routeCatalogue.length).toBeGreaterThan(3);
    const undeclared = t.app.routeCatalogue.filter((route) => !route.permission || !Permission.safeParse(route.permission).success);
    expect(undeclared).toEqual([]);
  });

  it('guards each organisation admin area by its own permission, and users:manage only user management', () => {
    const areas = [
      ['/api/admin/users', 'users:manage'],
      ['/api/admin/units', 'users:manage'],
      ['/api/admin/services', 'services:manage'],
      ['/api/directory/services', 'directory:manage'],
      ['/api/approvals/directory-listings', 'directory:approve'],
      ['/api/campaigns', 'campaigns:manage'],
      ['/api/statistics/', 'statistics:read'],
    ] as const;
    const routes = t.app.routeCatalogue.filter((route) => route.method !== 'HEAD');
    for (const [prefix, permission] of areas) {
      const area = routes.filter((route) => route.url.startsWith(prefix));
      expect(area.length, prefix).toBeGreaterThan(0);
      for (const route of area) expect(route.permission, `${route.method} ${route.url}`).toBe(permission);
    }
    // The other way round: users:manage guards nothing beyond the user administration (platform admins' requests for
    // a new admin of the organisation, which its own admins approve, are user administration too).
    const guardedByUsersManage = routes.filter((route) => route.permission === 'users:manage').map((route) => route.url);
    for (const url of guardedByUsersManage) expect(url).toMatch(/^\/api\/admin\/(users|units|change-requests)\b/);
  });

  it('a non-public API route without a session answers 401 with a problem document', async () => {
    const protectedRoutes = t.app.routeCatalogue.filter(
      (route) => route.url.startsWith('/api/') && route.permission !== 'public' && route.method === 'GET' && !route.url.includes(':'),
    );
    for (const route of protectedRoutes) {
      const response = await t.as(undefined).get(route.url);
      expect(response.statusCode, route.url).toBe(401);
      expect(response.headers['content-type'], route.url).toContain('application/problem+json');
    }
  });

  it('refuses a route registered without a permission', async () => {
    const { buildApp } = await import('../../app.ts');
    const app = await buildApp({ ...appDepsFrom(t) });
    app.get('/api/unguarded', async () => ({ leaked: true }));
    const response = await app.inject({ method: 'GET', url: '/api/unguarded' });
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('leaked');
    await app.close();
  });
});

function appDepsFrom(t: TestApp) {
  return {
    db: t.db,
    clock: t.clock,
    cipher: t.cipher,
    mailer: t.mailer,
    liveUpdates: t.liveUpdates,
    config: { publicOrigin: 'http://localhost:3000', allowInsecureOidc: false, logLevel: 'silent', webDistDir: '/nonexistent' },
  };
}
