import type { InboxItem, ReferralForReceiver, ReferralForReferrer } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import { givenReferral, startReferralTests, type ReferralFixture } from '../referral.builders.ts';

describe('POST /api/referrals/:referralId/consent/withdraw', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  beforeAll(async () => { ({ t, fx } = await startReferralTests({ isRateLimitEnabled: false })); });
  afterAll(async () => t.close());

  const withdraw = (id: string) => fx.people.policeReferrer.client.post(`/api/referrals/${id}/consent/withdraw`, {});

  it('records the withdrawal: the consent record, a timeline entry and an audit entry', async () => {
    const referral = await givenReferral(t, fx, { status: 'received' });
    const response = await withdraw(referral.id);
    expect(response.statusCode).toBe(200);
    const view = response.json() as ReferralForReferrer;
    expect(view.consent?.withdrawnAt).toBe(t.clock.now().toISOString());
    expect(view.timeline.at(-1)).toMatchObject({ action: 'consent_withdrawn', organisationName: 'Københavns Politi', toStatus: null });
    expect(view.status).toBe('received');
    // The referrer still sees the name they entered themselves.
    expect(view.personName).toBe(referral.request.person.fullName);

    const consent = await t.db.selectFrom('consents').selectAll().where('id', '=', view.consent?.id ?? '').executeTakeFirstOrThrow();
    expect(consent).toMatchObject({ withdrawn_at: t.clock.now(), withdrawn_by_user_id: fx.people.policeReferrer.user.id });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('object_id', '=', referral.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.action).toBe('referral.consent_withdrawn');
  });

  it('hides every personal field from the receiver afterwards, and logs no read of personal data', async () => {
    const referral = await givenReferral(t, fx, { status: 'received' });
    await withdraw(referral.id);
    const accessBefore = await t.db.selectFrom('access_log').select('id').where('object_id', '=', referral.id).execute();

    const response = await fx.people.lokkCoordinator.client.get(`/api/inbox/${referral.id}`);
    expect(response.statusCode).toBe(200);
    const view = response.json() as ReferralForReceiver;
    expect(view).toMatchObject({ isConsentWithdrawn: true, person: null, safeContact: null, situation: null, childrenInHome: null });
    expect(view.consent?.withdrawnAt).not.toBeNull();
    expect(view.timeline.map((entry) => entry.action)).toContain('consent_withdrawn');
    expect(view.allowedActions).not.toContain('reroute');
    for (const secret of [referral.request.person.fullName, referral.request.situation, referral.request.safeContact.phone, '010190']) expect(response.body).not.toContain(secret);
    expect(await t.db.selectFrom('access_log').select('id').where('object_id', '=', referral.id).execute()).toHaveLength(accessBefore.length);

    const inbox = (await fx.people.lokkCoordinator.client.get('/api/inbox')).json() as InboxItem[];
    expect(inbox.find((item) => item.id === referral.id)?.isConsentWithdrawn).toBe(true);
  });

  it('stops further sharing: a reroute answers 409 consent_withdrawn and records no new consent', async () => {
    const referral = await givenReferral(t, fx, { status: 'received' });
    await withdraw(referral.id);
    const consentsBefore = await t.db.selectFrom('consents').select('id').execute();
    const response = await fx.people.lokkCoordinator.client.post(`/api/inbox/${referral.id}/reroute`, {
      toServiceId: fx.services.hotline.id,
      consent: { recipientOrganisationId: fx.organisations.hotline.id, dataCategories: ['identity'], method: 'oral_at_scene', obtainedAt: t.clock.now().toISOString() },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('consent_withdrawn');
    expect(await t.db.selectFrom('consents').select('id').execute()).toHaveLength(consentsBefore.length);
  });

  it('answers 409 when the consent is already withdrawn, or there never was one', async () => {
    const referral = await givenReferral(t, fx);
    await withdraw(referral.id);
    const twice = await withdraw(referral.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('consent_withdrawn');

    const draft = await fx.people.policeReferrer.client.post(
      '/api/referrals',
      { ...(await givenReferral(t, fx, { status: 'draft' })).request, consent: undefined },
      { 'idempotency-key': 'consent-test-draft-1' },
    );
    expect(draft.statusCode).toBe(201);
    const none = await withdraw(draft.json().id);
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('conflict');
  });

  it('blocks sending a draft whose consent was withdrawn, until a new consent is given', async () => {
    const draft = await givenReferral(t, fx, { status: 'draft' });
    await withdraw(draft.id);
    const refused = await fx.people.policeReferrer.client.post(`/api/referrals/${draft.id}/send`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('consent_required');
    const renewed = await fx.people.policeReferrer.client.post(`/api/referrals/${draft.id}/send`, {
      consent: { recipientOrganisationId: fx.organisations.lokk.id, dataCategories: ['identity'], method: 'written', obtainedAt: t.clock.now().toISOString() },
    });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json()).toMatchObject({ status: 'sent', consent: { withdrawnAt: null, dataCategories: ['identity'] } });
  });
});
