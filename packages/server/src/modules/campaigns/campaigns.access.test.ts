import { hasPermission, Role, type Campaign, type Permission } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { campaignInput } from './campaign.test-support.ts';

/**
 * Who may maintain campaigns (`campaigns:manage`) and read the heard-about counts (`statistics:read`): today only the
 * owning organisation's admins. Another organisation's campaign does not exist.
 */
describe('campaigns: access', () => {
  let t: TestApp;
  let campaign: Campaign;
  let organisationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const owner = await t.given.signedIn('organisation_admin', { kind: 'ngo' });
    organisationId = owner.organisationId;
    campaign = (await t.as(owner.session).post('/api/campaigns', campaignInput())).json() as Campaign;
  });
  afterAll(async () => t.close());

  /** Each route with the permission it declares. */
  const routes = (id: string) =>
    [
      ['GET', '/api/campaigns', 'campaigns:manage'],
      ['POST', '/api/campaigns', 'campaigns:manage'],
      ['GET', `/api/campaigns/${id}`, 'campaigns:manage'],
      ['PATCH', `/api/campaigns/${id}`, 'campaigns:manage'],
      ['POST', `/api/campaigns/${id}/publish`, 'campaigns:manage'],
      ['POST', `/api/campaigns/${id}/unpublish`, 'campaigns:manage'],
      ['GET', '/api/statistics/heard-about', 'statistics:read'],
    ] as const satisfies readonly (readonly [string, string, Permission])[];

  const send = (client: ReturnType<TestApp['as']>, method: 'GET' | 'POST' | 'PATCH', url: string) =>
    method === 'GET' ? client.get(url) : method === 'POST' ? client.post(url, url === '/api/campaigns' ? campaignInput() : undefined) : client.patch(url, { titleDa: 'Ændret' });

  it('401 without a session', async () => {
    for (const [method, url] of routes(campaign.id)) {
      const response = await send(t.as(undefined), method, url);
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('403 for every role without the route’s permission, in the same organisation too', async () => {
    const rolesWithout = (permission: Permission) => Role.options.filter((role) => !hasPermission(role, permission));
    // Guards against a vacuous test: today only the organisation admin holds either permission.
    for (const permission of ['campaigns:manage', 'statistics:read'] as const) {
      expect(rolesWithout(permission), permission).toEqual(['referrer', 'intake_coordinator', 'counsellor', 'supervisor', 'platform_admin', 'facilitator', 'peer_supporter']);
    }
    for (const role of Role.options) {
      const member = await t.given.signedIn(role, role === 'platform_admin' ? {} : { organisationId });
      for (const [method, url, permission] of routes(campaign.id).filter(([, , permission]) => !hasPermission(role, permission))) {
        const response = await send(t.as(member.session), method, url);
        expect(response.statusCode, `${role} ${method} ${url} without ${permission}`).toBe(403);
      }
    }
  });

  it('404 for another organisation’s admin, exactly as for a campaign that does not exist, and nothing changes', async () => {
    const stranger = t.as((await t.given.signedIn('organisation_admin', { kind: 'ngo' })).session);
    for (const [method, url] of routes(campaign.id).filter(([, url]) => url.includes(campaign.id))) {
      const response = await send(stranger, method, url);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await stranger.get('/api/campaigns')).json()).toEqual([]);
    const row = await t.db.selectFrom('campaigns').select(['title_da', 'status']).where('id', '=', campaign.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title_da: campaign.titleDa, status: 'draft' });
  });
});
