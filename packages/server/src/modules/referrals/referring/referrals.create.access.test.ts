import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createReferralFixture, givenReferral, postReferral, referralRequest, type ReferralFixture } from '../referral.builders.ts';

/** Who may create, send, follow and withdraw referrals, and who may not even learn that one exists. */
describe('referrer routes: access', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  let referralId: string;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    fx = await createReferralFixture(t);
    referralId = (await givenReferral(t, fx)).id;
  });
  afterAll(async () => t.close());

  const routes = () => [
    { method: 'GET', url: '/api/referrals/options' },
    { method: 'POST', url: '/api/referrals' },
    { method: 'GET', url: '/api/referrals' },
    { method: 'GET', url: `/api/referrals/${referralId}` },
    { method: 'POST', url: `/api/referrals/${referralId}/send` },
    { method: 'POST', url: `/api/referrals/${referralId}/withdraw` },
    { method: 'POST', url: `/api/referrals/${referralId}/consent/withdraw` },
    { method: 'GET', url: '/api/notifications' },
  ];

  it('answers 401 without a session on every route', async () => {
    for (const route of routes()) {
      const response = route.method === 'GET' ? await t.as(undefined).get(route.url) : await t.as(undefined).post(route.url, {});
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers 403 to roles without the permission: receiving staff and the platform admin', async () => {
    for (const member of [fx.people.lokkCoordinator, fx.people.lokkCounsellor, fx.people.platformAdmin]) {
      for (const route of routes().filter((candidate) => !candidate.url.includes('notifications'))) {
        const response = route.method === 'GET' ? await member.client.get(route.url) : await member.client.post(route.url, {}, { 'idempotency-key': 'access-test-key' });
        expect(response.statusCode, `${member.user.role} ${route.method} ${route.url}`).toBe(403);
        expect(response.json().code).toBe('forbidden');
      }
    }
  });

  it('answers 404 for another organisation’s referral on every referrer route, and changes nothing', async () => {
    const other = fx.people.otherPoliceReferrer;
    expect((await other.client.get(`/api/referrals/${referralId}`)).statusCode).toBe(404);
    for (const action of ['send', 'withdraw', 'consent/withdraw']) {
      const response = await other.client.post(`/api/referrals/${referralId}/${action}`, {});
      expect(response.statusCode, action).toBe(404);
      expect(response.json().code).toBe('not_found');
    }
    expect((await other.client.get('/api/referrals')).json()).toEqual([]);
    const row = await t.db.selectFrom('referrals').select('status').where('id', '=', referralId).executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
  });

  it('shows a unit’s referrals to its members only; a referrer without a unit sees only their own', async () => {
    expect((await fx.people.policeColleague.client.get(`/api/referrals/${referralId}`)).statusCode).toBe(200);
    expect((await fx.people.policeReferrerWithoutUnit.client.get(`/api/referrals/${referralId}`)).statusCode).toBe(404);
    const own = await givenReferral(t, fx, { by: fx.people.policeReferrerWithoutUnit });
    expect((await fx.people.policeReferrerWithoutUnit.client.get(`/api/referrals/${own.id}`)).statusCode).toBe(200);
    expect((await fx.people.policeReferrer.client.get(`/api/referrals/${own.id}`)).statusCode).toBe(404);
    expect((await fx.people.municipalityReferrer.client.get(`/api/referrals/${referralId}`)).statusCode).toBe(404);
  });

  it('refuses to link to another organisation’s referral (404), so incidents never cross organisations', async () => {
    const response = await postReferral(fx.people.municipalityReferrer, referralRequest(t, fx, { to: 'dmv', linkedReferralId: referralId }));
    expect(response.statusCode).toBe(404);
  });

  it('answers 422 for a malformed id, never 500', async () => {
    for (const url of ['/api/referrals/not-a-uuid', '/api/referrals/1', "/api/referrals/'%20OR%201=1"]) {
      const response = await fx.people.policeReferrer.client.get(url);
      expect(response.statusCode, url).toBe(422);
      expect(response.json().code).toBe('validation_failed');
    }
    const post = await fx.people.policeReferrer.client.post('/api/referrals/nope/withdraw', {});
    expect(post.statusCode).toBe(422);
  });

  it('requires the CSRF token on state-changing requests', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: { cookie: fx.people.policeReferrer.session.headers.cookie, 'idempotency-key': 'csrf-test-key' },
      payload: referralRequest(t, fx),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('csrf_failed');
  });
});
