import type { Campaign, Role } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { campaignInput } from './campaign.test-support.ts';

/** Who may maintain campaigns: only the owning organisation's admins. Another organisation's campaign does not exist. */
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

  const routes = (id: string) =>
    [
      ['GET', '/api/campaigns'],
      ['POST', '/api/campaigns'],
      ['GET', `/api/campaigns/${id}`],
      ['PATCH', `/api/campaigns/${id}`],
      ['POST', `/api/campaigns/${id}/publish`],
      ['POST', `/api/campaigns/${id}/unpublish`],
      ['GET', '/api/statistics/heard-about'],
    ] as const;

  const send = (client: ReturnType<TestApp['as']>, method: 'GET' | 'POST' | 'PATCH', url: string) =>
    method === 'GET' ? client.get(url) : method === 'POST' ? client.post(url, url === '/api/campaigns' ? campaignInput() : undefined) : client.patch(url, { titleDa: 'Ændret' });

  it('401 without a session', async () => {
    for (const [method, url] of routes(campaign.id)) {
      const response = await send(t.as(undefined), method, url);
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('403 for every role but organisation admin, in the same organisation too', async () => {
    for (const role of ['referrer', 'intake_coordinator', 'counsellor', 'supervisor', 'platform_admin'] as Role[]) {
      const member = await t.given.signedIn(role, role === 'platform_admin' ? {} : { organisationId });
      for (const [method, url] of routes(campaign.id)) {
        const response = await send(t.as(member.session), method, url);
        expect(response.statusCode, `${role} ${method} ${url}`).toBe(403);
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
