import { hasPermission, Role, type CommunityMeeting, type Permission } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { givenHost, givenMeeting, meetingPlan } from './community-meeting.test-support.ts';

/**
 * Who reaches community meetings: planning and evaluations need `community_meetings:manage` in the host organisation;
 * running a meeting needs `community_meetings:facilitate` and being its facilitator (or a host manager). Another
 * organisation's meeting, or one a facilitator does not run, is a 404 exactly like one that does not exist.
 */
describe('community meetings: access', () => {
  let t: TestApp;
  let host: Awaited<ReturnType<typeof givenHost>>;
  let meeting: CommunityMeeting;

  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    host = await givenHost(t);
    meeting = await givenMeeting(t, host);
  });
  afterAll(async () => t.close());

  const routes = (id: string) =>
    [
      ['GET', '/api/community-meetings', 'community_meetings:manage'],
      ['POST', '/api/community-meetings', 'community_meetings:manage'],
      ['GET', '/api/community-meetings/facilitator-options', 'community_meetings:manage'],
      ['GET', '/api/community-meetings/evaluations', 'community_meetings:manage'],
      ['GET', `/api/community-meetings/${id}`, 'community_meetings:manage'],
      ['PUT', `/api/community-meetings/${id}`, 'community_meetings:manage'],
      ['POST', `/api/community-meetings/${id}/cancel`, 'community_meetings:manage'],
      ['GET', '/api/facilitation/community-meetings', 'community_meetings:facilitate'],
      ['GET', `/api/facilitation/community-meetings/${id}`, 'community_meetings:facilitate'],
      ['GET', `/api/facilitation/community-meetings/${id}/sign-ups`, 'community_meetings:facilitate'],
      ['PUT', `/api/facilitation/community-meetings/${id}/report`, 'community_meetings:facilitate'],
      ['POST', `/api/facilitation/community-meetings/${id}/evaluation-code`, 'community_meetings:facilitate'],
    ] as const satisfies readonly (readonly [string, string, Permission])[];

  const send = (client: ReturnType<TestApp['as']>, method: 'GET' | 'POST' | 'PUT', url: string) => {
    if (method === 'GET') return client.get(url);
    if (method === 'PUT') return client.put(url, url.endsWith('/report') ? { headCount: 3, themesRaised: '', referralCount: 0, note: '' } : meetingPlan());
    return client.post(url, url === '/api/community-meetings' ? meetingPlan() : undefined);
  };

  it('401 without a session', async () => {
    for (const [method, url] of routes(meeting.id)) expect((await send(t.as(undefined), method, url)).statusCode, `${method} ${url}`).toBe(401);
  });

  it('403 for every role without the route’s permission, in the host organisation too', async () => {
    for (const role of Role.options) {
      const member = await t.given.signedIn(role, role === 'platform_admin' ? {} : { organisationId: host.organisationId });
      for (const [method, url, permission] of routes(meeting.id).filter(([, , permission]) => !hasPermission(role, permission))) {
        expect((await send(t.as(member.session), method, url)).statusCode, `${role} ${method} ${url} without ${permission}`).toBe(403);
      }
    }
  });

  it('404 for another organisation’s counsellor and facilitator, and nothing changes', async () => {
    const other = await givenHost(t);
    for (const client of [other.asPlanner, other.asFacilitator]) {
      for (const [method, url] of routes(meeting.id).filter(([, url]) => url.includes(meeting.id))) {
        const response = await send(client, method, url);
        if (response.statusCode === 403) continue; // the route's permission is not the role's: refused before the object
        expect(response.statusCode, `${method} ${url}`).toBe(404);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
    }
    expect((await other.asPlanner.get('/api/community-meetings')).json()).toEqual([]);
    expect((await other.asFacilitator.get('/api/facilitation/community-meetings')).json()).toEqual([]);
    const row = await t.db.selectFrom('community_meetings').select(['status', 'theme', 'evaluation_code_hash']).where('id', '=', meeting.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'planned', theme: meeting.theme, evaluation_code_hash: null });
    // Nor can a host pick another organisation's facilitator.
    const foreign = await t.as(host.planner.session).post('/api/community-meetings', meetingPlan({ facilitatorMembershipIds: [other.facilitator.user.membershipId] }));
    expect(foreign.statusCode).toBe(422);
  });

  it('a facilitator of the host organisation reaches only the meetings they facilitate', async () => {
    const colleague = await t.given.signedIn('facilitator', { organisationId: host.organisationId });
    const asColleague = t.as(colleague.session);
    expect((await asColleague.get(`/api/facilitation/community-meetings/${meeting.id}`)).statusCode).toBe(404);
    expect((await asColleague.get(`/api/facilitation/community-meetings/${meeting.id}/sign-ups`)).statusCode).toBe(404);
    expect((await asColleague.get('/api/facilitation/community-meetings')).json()).toEqual([]);
    // The host's counsellor (who plans) reaches every meeting of the organisation.
    expect((await host.asPlanner.get(`/api/facilitation/community-meetings/${meeting.id}`)).statusCode).toBe(200);
    expect((await host.asFacilitator.get(`/api/facilitation/community-meetings/${meeting.id}`)).statusCode).toBe(200);
  });
});
