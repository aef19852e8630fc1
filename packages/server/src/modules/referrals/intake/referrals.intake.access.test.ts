import type { InboxItem } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createReferralFixture, givenReferral, postReferral, referralRequest, type Member, type ReferralFixture } from '../referral.builders.ts';

/**
 * Separation is the safety feature: a victim's service never learns about the perpetrator's referral from the same
 * call-out and vice versa, a line-limited member sees only their line, and other organisations see nothing.
 */
describe('intake routes: access', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  let victimReferral: Awaited<ReturnType<typeof givenReferral>>;
  let perpetratorReferralId: string;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    fx = await createReferralFixture(t);
    // One call-out: the woman exposed to violence → LOKK, the man who used it → Dialog mod Vold, linked.
    victimReferral = await givenReferral(t, fx, { to: 'lokk' });
    const perpetrator = await postReferral(fx.people.policeReferrer, referralRequest(t, fx, { to: 'dmv', linkedReferralId: victimReferral.id }));
    expect(perpetrator.statusCode).toBe(201);
    perpetratorReferralId = perpetrator.json().id;
  });
  afterAll(async () => t.close());

  const inboxIds = async (member: Member) => ((await member.client.get('/api/inbox')).json() as InboxItem[]).map((item) => item.id);

  it('keeps linked referrals apart: LOKK cannot see the Dialog mod Vold referral, and vice versa', async () => {
    expect((await fx.people.lokkCoordinator.client.get(`/api/inbox/${perpetratorReferralId}`)).statusCode).toBe(404);
    expect((await fx.people.dmvCoordinator.client.get(`/api/inbox/${victimReferral.id}`)).statusCode).toBe(404);
    expect(await inboxIds(fx.people.lokkCoordinator)).not.toContain(perpetratorReferralId);
    expect(await inboxIds(fx.people.dmvCoordinator)).toEqual([perpetratorReferralId]);
    const bodies: Record<string, object> = { accept: {}, 'contact-attempts': { outcome: 'reached' }, decline: { reason: 'no_capacity', decidedBy: 'service' }, 'hand-over': {} };
    for (const [action, body] of Object.entries(bodies)) {
      const response = await fx.people.lokkCoordinator.client.post(`/api/inbox/${perpetratorReferralId}/${action}`, body);
      expect(response.statusCode, action).toBe(404);
    }
  });

  it('tells the receiver nothing about the incident or the linked referral', async () => {
    const lokkView = await fx.people.lokkCoordinator.client.get(`/api/inbox/${victimReferral.id}`);
    const dmvView = await fx.people.dmvCoordinator.client.get(`/api/inbox/${perpetratorReferralId}`);
    const incidentId = victimReferral.created.incidentId;
    for (const response of [lokkView, dmvView, await fx.people.lokkCoordinator.client.get('/api/inbox'), await fx.people.dmvCoordinator.client.get('/api/inbox')]) {
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain(incidentId);
      expect(response.body).not.toMatch(/incident|linked/i);
    }
    expect(lokkView.body).not.toContain(perpetratorReferralId);
    expect(dmvView.body).not.toContain(victimReferral.id);
  });

  it('hides the perpetrator referral from a victim-line counsellor at Dialog mod Vold', async () => {
    expect((await fx.people.dmvVictimCounsellor.client.get(`/api/inbox/${perpetratorReferralId}`)).statusCode).toBe(404);
    expect(await inboxIds(fx.people.dmvVictimCounsellor)).toEqual([]);
    expect((await fx.people.dmvCounsellor.client.get(`/api/inbox/${perpetratorReferralId}`)).statusCode).toBe(200);
  });

  it('shows a referral about someone in both roles only to staff who work both lines', async () => {
    // A one-line service cannot take them at all: nobody there could see the referral (see referrals.create.test.ts).
    const both = await postReferral(fx.people.policeReferrer, referralRequest(t, fx, { to: 'dmv', role: 'both' }));
    expect(both.json().code).toBe('role_not_received');
    const toHotline = await postReferral(fx.people.policeReferrer, referralRequest(t, fx, { to: 'hotline', role: 'both' }));
    expect((await fx.people.hotlineCounsellor.client.get(`/api/inbox/${toHotline.json().id}`)).statusCode).toBe(200);
  });

  it('never shows a draft to the receiving service', async () => {
    const draft = await givenReferral(t, fx, { status: 'draft' });
    expect((await fx.people.lokkCoordinator.client.get(`/api/inbox/${draft.id}`)).statusCode).toBe(404);
    expect(await inboxIds(fx.people.lokkCoordinator)).not.toContain(draft.id);
  });

  it('answers 404 to another organisation on every inbox route, and changes nothing', async () => {
    const other = fx.people.mandecentretCoordinator;
    expect((await other.client.get(`/api/inbox/${victimReferral.id}`)).statusCode).toBe(404);
    const bodies: Record<string, object> = {
      accept: {},
      decline: { reason: 'no_capacity', decidedBy: 'service' },
      reroute: { toServiceId: fx.services.mandecentret.id, consent: { recipientOrganisationId: fx.organisations.mandecentret.id, dataCategories: ['identity'], method: 'written', obtainedAt: t.clock.now().toISOString() } },
      'contact-attempts': { outcome: 'reached' },
      'hand-over': {},
    };
    for (const [action, body] of Object.entries(bodies)) {
      const response = await other.client.post(`/api/inbox/${victimReferral.id}/${action}`, body);
      expect(response.statusCode, action).toBe(404);
      expect(response.json().code).toBe('not_found');
    }
    expect(await inboxIds(other)).toEqual([]);
    const events = await t.db.selectFrom('referral_events').select('actor_organisation_id').where('referral_id', '=', victimReferral.id).execute();
    expect(events.map((event) => event.actor_organisation_id)).not.toContain(fx.organisations.mandecentret.id);
    expect(await t.db.selectFrom('access_log').select('id').where('organisation_id', '=', fx.organisations.mandecentret.id).execute()).toEqual([]);
  });

  it('answers 401 without a session', async () => {
    for (const url of ['/api/inbox', '/api/inbox/events', '/api/inbox/reroute-options', `/api/inbox/${victimReferral.id}`]) {
      expect((await t.as(undefined).get(url)).statusCode, url).toBe(401);
    }
    for (const action of ['accept', 'decline', 'reroute', 'contact-attempts', 'hand-over']) {
      expect((await t.as(undefined).post(`/api/inbox/${victimReferral.id}/${action}`, {})).statusCode, action).toBe(401);
    }
  });

  it('lets a counsellor log contact but not decide (403 on accept, decline, reroute)', async () => {
    for (const action of ['accept', 'decline', 'reroute']) {
      const response = await fx.people.lokkCounsellor.client.post(`/api/inbox/${victimReferral.id}/${action}`, {});
      expect(response.statusCode, action).toBe(403);
    }
    expect((await fx.people.lokkCounsellor.client.get('/api/inbox/reroute-options')).statusCode).toBe(403);
    const view = await fx.people.lokkCounsellor.client.get(`/api/inbox/${victimReferral.id}`);
    expect(view.json().allowedActions).toEqual(['log_contact_attempt']);
  });

  it('refuses the inbox to referrers and every referral route to the platform admin (403)', async () => {
    for (const member of [fx.people.policeReferrer, fx.people.platformAdmin]) {
      for (const url of ['/api/inbox', '/api/inbox/events', '/api/inbox/reroute-options', `/api/inbox/${victimReferral.id}`]) {
        const response = await member.client.get(url);
        expect(response.statusCode, `${member.user.role} ${url}`).toBe(403);
      }
      const accept = await member.client.post(`/api/inbox/${victimReferral.id}/accept`, {});
      expect(accept.statusCode).toBe(403);
    }
    expect(await t.db.selectFrom('access_log').select('id').where('user_id', '=', fx.people.platformAdmin.user.id).execute()).toEqual([]);
  });

  it('answers 422 for malformed ids and query parameters, never 500', async () => {
    for (const url of ['/api/inbox/not-a-uuid', '/api/inbox/123', '/api/inbox?serviceId=abc']) {
      const response = await fx.people.lokkCoordinator.client.get(url);
      expect(response.statusCode, url).toBe(422);
      expect(response.json().code).toBe('validation_failed');
    }
    const post = await fx.people.lokkCoordinator.client.post('/api/inbox/xyz/accept', {});
    expect(post.statusCode).toBe(422);
    const badBody = await fx.people.lokkCoordinator.client.post(`/api/inbox/${victimReferral.id}/contact-attempts`, { outcome: 'maybe' });
    expect(badBody.statusCode).toBe(422);
  });
});
