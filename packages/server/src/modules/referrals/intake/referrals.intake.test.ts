import type { InboxItem, ReferralForReceiver, ReferralForReferrer } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAndVerifyAuditChain } from '../../../test/audit-chain.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { advanceClock, createReferralFixture, givenReferral, startReferralTests, type ReferralFixture } from '../referral.builders.ts';

const HOUR = 3_600_000;

describe('the receiving service’s intake', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  beforeAll(async () => { ({ t, fx } = await startReferralTests({ isRateLimitEnabled: false })); });
  afterAll(async () => t.close());

  const open = async (id: string, as = fx.people.lokkCoordinator) => {
    const response = await as.client.get(`/api/inbox/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ReferralForReceiver;
  };
  const act = async (id: string, action: string, body: object, as = fx.people.lokkCoordinator) => as.client.post(`/api/inbox/${id}/${action}`, body);

  describe('GET /api/inbox/:referralId', () => {
    it('marks a sent referral received the first time someone at the service opens it, once', async () => {
      const referral = await givenReferral(t, fx);
      const first = await open(referral.id, fx.people.lokkCounsellor);
      expect(first.status).toBe('received');
      expect(first.receivedAt).toBe(t.clock.now().toISOString());
      t.clock.advance(60_000);
      const second = await open(referral.id);
      expect(second.status).toBe('received');
      expect(second.receivedAt).toBe(first.receivedAt);
      expect(second.timeline.filter((entry) => entry.action === 'receive')).toHaveLength(1);
      const referrerView = (await fx.people.policeReferrer.client.get(`/api/referrals/${referral.id}`)).json() as ReferralForReferrer;
      expect(referrerView.status).toBe('received');
    });

    it('shows everything when the consent covers every category', async () => {
      const referral = await givenReferral(t, fx);
      const view = await open(referral.id);
      expect(view.person).toEqual({ fullName: referral.request.person.fullName, cpr: '010190-1234', gender: 'woman', birthYear: 1990, addressProtection: 'none' });
      expect(view.safeContact).toMatchObject({ phone: referral.request.safeContact.phone, isSafeToCall: 'yes', safeTimes: referral.request.safeContact.safeTimes, voicemailAllowed: 'no' });
      expect(view.situation).toBe(referral.request.situation);
      expect(view.childrenInHome).toBe('yes');
      expect(view.source).toBe('police');
      expect(view.referringOrganisationName).toBe('Københavns Politi');
      expect(view.maxContactAttempts).toBe(3);
    });

    it('shows only the categories the consent covers', async () => {
      const identityOnly = await givenReferral(t, fx, { consentCategories: ['identity'] });
      const identityView = await open(identityOnly.id);
      expect(identityView.person).toEqual({ fullName: identityOnly.request.person.fullName, cpr: null, gender: 'woman', birthYear: 1990, addressProtection: 'none' });
      expect(identityView.safeContact).toBeNull();
      expect(identityView.situation).toBeNull();
      expect(identityView.childrenInHome).toBeNull();

      const contactAndSituation = await givenReferral(t, fx, { consentCategories: ['contact', 'situation'] });
      const otherView = await open(contactAndSituation.id);
      expect(otherView.person).toBeNull();
      expect(otherView.safeContact?.phone).toBe(contactAndSituation.request.safeContact.phone);
      expect(otherView.situation).toBe(contactAndSituation.request.situation);
      expect(otherView.childrenInHome).toBeNull();
      expect(JSON.stringify(otherView)).not.toContain(contactAndSituation.request.person.fullName);

      const cprOnly = await givenReferral(t, fx, { consentCategories: ['cpr', 'children'] });
      const cprView = await open(cprOnly.id);
      expect(cprView.person).toEqual({ fullName: null, cpr: '010190-1234', gender: 'unknown', birthYear: null, addressProtection: 'unknown' });
      expect(cprView.childrenInHome).toBe('yes');
    });

    it('logs every read of personal data: who, which person, why', async () => {
      const referral = await givenReferral(t, fx);
      const personId = (await t.db.selectFrom('referrals').select('person_id').where('id', '=', referral.id).executeTakeFirstOrThrow()).person_id;
      await open(referral.id);
      await open(referral.id, fx.people.lokkCounsellor);
      const rows = await t.db.selectFrom('access_log').selectAll().where('object_id', '=', referral.id).orderBy('id').execute();
      expect(rows.map((row) => [row.user_id, row.organisation_id, row.action, row.person_id, row.purpose, row.object_type])).toEqual([
        // The officer's own create response carried the name: logged too.
        [fx.people.policeReferrer.user.id, fx.organisations.police.id, 'read', personId, 'referral_creation', 'referral'],
        [fx.people.lokkCoordinator.user.id, fx.organisations.lokk.id, 'read', personId, 'referral_intake', 'referral'],
        [fx.people.lokkCounsellor.user.id, fx.organisations.lokk.id, 'read', personId, 'referral_intake', 'referral'],
      ]);
    });
  });

  describe('GET /api/inbox', () => {
    it('lists open referrals, high risk first, then by deadline; no names or contact details; no access log', async () => {
      const own = await createTestApp({ isRateLimitEnabled: false });
      try {
        const ownFx = await createReferralFixture(own);
        const standardEarly = await givenReferral(own, ownFx);
        await advanceClock(own, ownFx, HOUR);
        const high = await givenReferral(own, ownFx, { riskLevel: 'high' });
        await advanceClock(own, ownFx, HOUR);
        const medium = await givenReferral(own, ownFx, { riskLevel: 'medium' });
        const accepted = await givenReferral(own, ownFx, { status: 'accepted' });
        const draft = await givenReferral(own, ownFx, { status: 'draft' });
        const declined = await givenReferral(own, ownFx, { status: 'received' });
        await act(declined.id, 'decline', { reason: 'no_capacity', decidedBy: 'service' }, ownFx.people.lokkCoordinator).then((response) => expect(response.statusCode).toBe(200));
        await givenReferral(own, ownFx, { to: 'dmv' });

        const accessRowsBefore = await own.db.selectFrom('access_log').select('id').execute();
        const response = await ownFx.people.lokkCoordinator.client.get('/api/inbox');
        expect(response.statusCode).toBe(200);
        const items = response.json() as InboxItem[];
        expect(items.map((item) => item.id)).toEqual([high.id, medium.id, standardEarly.id, accepted.id]);
        expect(items.map((item) => item.id)).not.toContain(draft.id);
        expect(items[0]).toMatchObject({ riskLevel: 'high', status: 'sent', serviceName: 'LOKK rådgivning', isOverdue: false, isEscalated: false, contactAttemptCount: 0, hasFirstContact: false, isConsentWithdrawn: false });
        expect(response.body).not.toContain(high.request.person.fullName);
        expect(response.body).not.toContain(high.request.safeContact.phone);
        expect(response.body).not.toContain('incident');
        expect(await own.db.selectFrom('access_log').select('id').execute()).toHaveLength(accessRowsBefore.length);

        await advanceClock(own, ownFx, 47 * HOUR);
        const later = (await ownFx.people.lokkCoordinator.client.get('/api/inbox')).json() as InboxItem[];
        expect(later.find((item) => item.id === standardEarly.id)?.isOverdue).toBe(true);
        expect(later.find((item) => item.id === medium.id)?.isOverdue).toBe(false);

        const filtered = await ownFx.people.hotlineCoordinator.client.get(`/api/inbox?serviceId=${ownFx.services.hotline.id}`);
        expect(filtered.json()).toEqual([]);
        const unknownQuery = await ownFx.people.lokkCoordinator.client.get('/api/inbox?name=Hansen');
        expect(unknownQuery.statusCode).toBe(422);
      } finally {
        await own.close();
      }
    });
  });

  describe('the flow from received to handed over', () => {
    it('received → not reached → reached → accepted → handed over, each step an event and an audit entry', async () => {
      const referral = await givenReferral(t, fx, { status: 'received' });
      const notReached = await act(referral.id, 'contact-attempts', { outcome: 'not_reached', note: 'Telefonsvarer, ingen besked lagt' }, fx.people.lokkCounsellor);
      expect(notReached.statusCode).toBe(200);
      expect(notReached.json()).toMatchObject({ status: 'received', contactAttemptCount: 1, hasFirstContact: false, firstContactAt: null });

      const tooEarly = await act(referral.id, 'hand-over', {}, fx.people.lokkCounsellor);
      expect(tooEarly.statusCode).toBe(409);
      expect(tooEarly.json().code).toBe('transition_not_allowed');

      await advanceClock(t, fx, HOUR);
      const reached = await act(referral.id, 'contact-attempts', { outcome: 'reached' }, fx.people.lokkCounsellor);
      expect(reached.json()).toMatchObject({ status: 'received', contactAttemptCount: 2, hasFirstContact: true, firstContactAt: t.clock.now().toISOString() });

      const accepted = await act(referral.id, 'accept', { note: 'Første samtale aftalt' });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json().status).toBe('accepted');
      expect(accepted.json().allowedActions).toEqual(['decline', 'log_contact_attempt', 'hand_over']);

      const handedOver = await act(referral.id, 'hand-over', { note: 'Forløb startet' }, fx.people.lokkCounsellor);
      expect(handedOver.statusCode).toBe(200);
      const view = handedOver.json() as ReferralForReceiver;
      expect(view.status).toBe('handed_over');
      expect(view.allowedActions).toEqual([]);
      expect(view.timeline.map((entry) => entry.action)).toEqual(['create', 'send', 'receive', 'log_contact_attempt', 'log_contact_attempt', 'accept', 'hand_over']);
      expect(view.timeline.find((entry) => entry.action === 'accept')?.note).toBe('Første samtale aftalt');

      const row = await t.db.selectFrom('referrals').select(['closed_at', 'status']).where('id', '=', referral.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'handed_over', closed_at: t.clock.now() });
      const audit = await t.db.selectFrom('audit_log').select('action').where('object_id', '=', referral.id).orderBy('id').execute();
      expect(audit.map((entry) => entry.action)).toEqual([
        'referral.create',
        'referral.send',
        'referral.receive',
        'referral.log_contact_attempt',
        'referral.log_contact_attempt',
        'referral.accept',
        'referral.hand_over',
      ]);
      expect(JSON.stringify(await t.db.selectFrom('audit_log').select('details').execute())).not.toContain('Første samtale');
      expect(await sealAndVerifyAuditChain(t.db)).toMatchObject({ isIntact: true });
    });

    it('stores the receiver’s notes encrypted', async () => {
      const referral = await givenReferral(t, fx, { status: 'received' });
      await act(referral.id, 'accept', { note: 'Hemmelig note om borgeren' });
      const events = await t.db.selectFrom('referral_events').select('note_enc').where('referral_id', '=', referral.id).execute();
      expect(JSON.stringify(events)).not.toContain('Hemmelig');
      expect(events.some((event) => event.note_enc?.startsWith('v1.'))).toBe(true);
    });

    it('ends as not reached after the service’s maximum of unsuccessful attempts', async () => {
      const referral = await givenReferral(t, fx, { status: 'received' });
      for (const outcome of ['not_reached', 'not_safe_to_talk']) {
        expect((await act(referral.id, 'contact-attempts', { outcome }, fx.people.lokkCounsellor)).json().status).toBe('received');
      }
      const third = await act(referral.id, 'contact-attempts', { outcome: 'not_reached' }, fx.people.lokkCounsellor);
      expect(third.json()).toMatchObject({ status: 'not_reached', contactAttemptCount: 3 });
      const fourth = await act(referral.id, 'contact-attempts', { outcome: 'reached' }, fx.people.lokkCounsellor);
      expect(fourth.statusCode).toBe(409);
    });

    it('cannot accept a referral nobody has opened (sent), nor accept twice', async () => {
      const referral = await givenReferral(t, fx, { status: 'accepted' });
      const again = await act(referral.id, 'accept', {});
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('transition_not_allowed');
    });
  });

  describe('POST /api/inbox/:referralId/decline', () => {
    it('keeps the service’s reasons (no capacity, not eligible) apart from the citizen’s (not wanted)', async () => {
      const cases = [
        { reason: 'no_capacity', decidedBy: 'service' },
        { reason: 'not_eligible', decidedBy: 'service' },
        { reason: 'not_wanted', decidedBy: 'citizen' },
      ] as const;
      for (const body of cases) {
        const referral = await givenReferral(t, fx, { status: 'received' });
        const response = await act(referral.id, 'decline', body);
        expect(response.statusCode).toBe(200);
        expect(response.json().status).toBe('declined');
        const event = await t.db.selectFrom('referral_events').selectAll().where('referral_id', '=', referral.id).where('action', '=', 'decline').executeTakeFirstOrThrow();
        expect([event.decline_reason, event.declined_by, event.actor_user_id]).toEqual([body.reason, body.decidedBy, fx.people.lokkCoordinator.user.id]);
      }
    });

    it('refuses a reason that does not fit who decided (422), and a service decline after acceptance (409)', async () => {
      const referral = await givenReferral(t, fx, { status: 'received' });
      const mismatch = await act(referral.id, 'decline', { reason: 'not_wanted', decidedBy: 'service' });
      expect(mismatch.statusCode).toBe(422);
      expect(mismatch.json().errors).toEqual([{ path: 'body.reason', message: 'reason_not_allowed' }]);

      const accepted = await givenReferral(t, fx, { status: 'accepted' });
      const byService = await act(accepted.id, 'decline', { reason: 'no_capacity', decidedBy: 'service' });
      expect(byService.statusCode).toBe(409);
      const byCitizen = await act(accepted.id, 'decline', { reason: 'has_other_help', decidedBy: 'citizen' });
      expect(byCitizen.statusCode).toBe(200);
    });
  });

  describe('POST /api/inbox/:referralId/reroute', () => {
    const newConsent = (organisationId: string, categories = ['identity', 'contact']) => ({
      recipientOrganisationId: organisationId,
      dataCategories: categories,
      method: 'oral_at_scene',
      obtainedAt: t.clock.now().toISOString(),
    });

    it('moves the referral to the new service with the new consent; the old service loses it; history is kept', async () => {
      const referral = await givenReferral(t, fx, { status: 'received' });
      await act(referral.id, 'contact-attempts', { outcome: 'not_reached', note: 'LOKK intern note' }, fx.people.lokkCounsellor);
      await advanceClock(t, fx, HOUR);
      const response = await act(referral.id, 'reroute', { toServiceId: fx.services.hotline.id, consent: newConsent(fx.organisations.hotline.id), note: 'Bedre hjulpet af hotline' });
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');

      expect((await fx.people.lokkCoordinator.client.get(`/api/inbox/${referral.id}`)).statusCode).toBe(404);
      expect((await fx.people.lokkCoordinator.client.get('/api/inbox')).json().map((item: InboxItem) => item.id)).not.toContain(referral.id);

      const inbox = (await fx.people.hotlineCoordinator.client.get('/api/inbox')).json() as InboxItem[];
      expect(inbox.find((item) => item.id === referral.id)).toMatchObject({ status: 'sent', contactAttemptCount: 0, dueAt: new Date(t.clock.now().getTime() + 24 * HOUR).toISOString() });
      const view = await open(referral.id, fx.people.hotlineCoordinator);
      expect(view).toMatchObject({ status: 'received', serviceName: 'Hotline 1888', contactAttemptCount: 0, hasFirstContact: false, maxContactAttempts: 5 });
      expect(view.consent).toMatchObject({ recipientOrganisationName: 'Lev Uden Vold', dataCategories: ['identity', 'contact'] });
      expect(view.person?.fullName).toBe(referral.request.person.fullName);
      expect(view.situation).toBeNull();
      const reroute = view.timeline.find((entry) => entry.action === 'reroute');
      expect(reroute).toMatchObject({ organisationName: 'LOKK', fromServiceName: 'LOKK rådgivning', toServiceName: 'Hotline 1888', toStatus: 'sent', note: null });
      expect(view.timeline.map((entry) => entry.action)).toEqual(['create', 'send', 'receive', 'log_contact_attempt', 'reroute', 'receive']);
      // The previous service's notes stay with the previous service.
      expect(JSON.stringify(view)).not.toContain('LOKK intern note');

      const consent = await t.db.selectFrom('consents').selectAll().where('recipient_organisation_id', '=', fx.organisations.hotline.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      expect(consent).toMatchObject({ obtained_by_user_id: fx.people.lokkCoordinator.user.id, obtained_by_organisation_id: fx.organisations.lokk.id });

      const referrerView = (await fx.people.policeReferrer.client.get(`/api/referrals/${referral.id}`)).json() as ReferralForReferrer;
      expect(referrerView).toMatchObject({ status: 'received', serviceName: 'Hotline 1888', receivingOrganisationName: 'Lev Uden Vold' });
    });

    it('needs a consent to the new service’s organisation, an active other service, and a received referral', async () => {
      const referral = await givenReferral(t, fx, { status: 'received' });
      const wrongConsent = await act(referral.id, 'reroute', { toServiceId: fx.services.hotline.id, consent: newConsent(fx.organisations.lokk.id) });
      expect(wrongConsent.statusCode).toBe(422);
      expect(wrongConsent.json().code).toBe('consent_required');
      const sameService = await act(referral.id, 'reroute', { toServiceId: fx.services.lokk.id, consent: newConsent(fx.organisations.lokk.id) });
      expect(sameService.json().code).toBe('service_not_allowed');
      const unknownService = await act(referral.id, 'reroute', { toServiceId: '00000000-0000-4000-8000-000000000000', consent: newConsent(fx.organisations.hotline.id) });
      expect(unknownService.json().code).toBe('service_not_allowed');

      const accepted = await givenReferral(t, fx, { status: 'accepted' });
      const consentsBefore = await t.db.selectFrom('consents').select('id').execute();
      const notReceived = await act(accepted.id, 'reroute', { toServiceId: fx.services.hotline.id, consent: newConsent(fx.organisations.hotline.id) });
      expect(notReceived.statusCode).toBe(409);
      expect(await t.db.selectFrom('consents').select('id').execute()).toHaveLength(consentsBefore.length);
    });

    it('refuses a reroute to a service whose intake could not see the person (422 role_not_received), recording no consent', async () => {
      const referral = await givenReferral(t, fx, { status: 'received' });
      const consentsBefore = await t.db.selectFrom('consents').select('id').execute();
      const response = await act(referral.id, 'reroute', { toServiceId: fx.services.dmv.id, consent: newConsent(fx.organisations.dmv.id) });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'role_not_received' });
      expect(response.json().detail).toContain('Hotline 1888');
      expect(await t.db.selectFrom('consents').select('id').execute()).toHaveLength(consentsBefore.length);
      const row = await t.db.selectFrom('referrals').select(['service_id', 'status']).where('id', '=', referral.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ service_id: fx.services.lokk.id, status: 'received' });
    });

    it('lists every active service as a reroute option', async () => {
      const response = await fx.people.lokkCoordinator.client.get('/api/inbox/reroute-options');
      expect(response.statusCode).toBe(200);
      expect(response.json().map((option: { name: string; receivesRoles: string[] }) => [option.name, option.receivesRoles])).toEqual([
        ['Dialog mod Vold behandling', ['uses_violence']],
        ['Hotline 1888', ['exposed', 'uses_violence', 'both']],
        ['LOKK rådgivning', ['exposed']],
        ['Mandecentret rådgivning', ['exposed']],
      ]);
    });
  });

  describe('the closed loop: what the referrer sees', () => {
    it('status and timeline with the decline reason, but never the receiver’s notes or the situation text', async () => {
      const referral = await givenReferral(t, fx, { status: 'received' });
      const note = 'Intern vurdering: borgeren er ikke i målgruppen';
      await act(referral.id, 'contact-attempts', { outcome: 'not_safe_to_talk', note: 'Partner var til stede' }, fx.people.lokkCounsellor);
      await act(referral.id, 'decline', { reason: 'not_eligible', decidedBy: 'service', note });

      const response = await fx.people.policeReferrer.client.get(`/api/referrals/${referral.id}`);
      expect(response.statusCode).toBe(200);
      const view = response.json() as ReferralForReferrer;
      expect(view.status).toBe('declined');
      expect(view.timeline.map((entry) => [entry.action, entry.organisationName])).toEqual([
        ['create', 'Københavns Politi'],
        ['send', 'Københavns Politi'],
        ['receive', 'LOKK'],
        ['log_contact_attempt', 'LOKK'],
        ['decline', 'LOKK'],
      ]);
      expect(view.timeline.find((entry) => entry.action === 'decline')).toMatchObject({ declineReason: 'not_eligible', declinedBy: 'service', toStatus: 'declined' });
      expect(view.timeline.find((entry) => entry.action === 'log_contact_attempt')?.contactOutcome).toBe('not_safe_to_talk');
      expect(view.timeline.every((entry) => entry.note === null)).toBe(true);
      for (const secret of [note, 'Partner var til stede', referral.request.situation, referral.request.safeContact.phone]) expect(response.body).not.toContain(secret);
      expect(view.personName).toBe(referral.request.person.fullName);

      const list = await fx.people.policeReferrer.client.get('/api/referrals');
      for (const secret of [note, referral.request.situation]) expect(list.body).not.toContain(secret);
    });

    it('lists my unit’s referrals newest first and logs each person shown; a read of one is logged too', async () => {
      const own = await createTestApp({ isRateLimitEnabled: false });
      try {
        const ownFx = await createReferralFixture(own);
        const first = await givenReferral(own, ownFx);
        own.clock.advance(60_000);
        const second = await givenReferral(own, ownFx, { by: ownFx.people.policeColleague });
        await givenReferral(own, ownFx, { by: ownFx.people.municipalityReferrer });

        const response = await ownFx.people.policeReferrer.client.get('/api/referrals');
        expect(response.statusCode).toBe(200);
        expect(response.json().map((item: { id: string }) => item.id)).toEqual([second.id, first.id]);
        expect(response.json()[0]).toMatchObject({ personName: second.request.person.fullName, status: 'sent', serviceName: 'LOKK rådgivning' });

        const rows = await own.db.selectFrom('access_log').selectAll().where('action', '=', 'list').execute();
        const personIds = await own.db.selectFrom('referrals').select(['id', 'person_id']).where('id', 'in', [first.id, second.id]).execute();
        expect(rows.map((row) => [row.object_id, row.person_id, row.user_id, row.purpose]).sort()).toEqual(
          personIds.map((row) => [row.id, row.person_id, ownFx.people.policeReferrer.user.id, 'referral_tracking']).sort(),
        );

        await ownFx.people.policeReferrer.client.get(`/api/referrals/${first.id}`);
        const read = await own.db.selectFrom('access_log').selectAll().where('action', '=', 'read').where('purpose', '<>', 'referral_creation').execute();
        expect(read.map((row) => [row.object_id, row.purpose, row.user_id])).toEqual([[first.id, 'referral_tracking', ownFx.people.policeReferrer.user.id]]);
      } finally {
        await own.close();
      }
    });

    it('lets the referrer withdraw a sent referral; the service then sees it withdrawn', async () => {
      const referral = await givenReferral(t, fx);
      const response = await fx.people.policeReferrer.client.post(`/api/referrals/${referral.id}/withdraw`, { note: 'Borgeren fortrød' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'withdrawn', allowedActions: [] });
      expect(response.body).not.toContain('Borgeren fortrød');
      const view = await open(referral.id);
      expect(view.status).toBe('withdrawn');
      expect(JSON.stringify(view)).not.toContain('Borgeren fortrød');
      expect((await fx.people.policeReferrer.client.post(`/api/referrals/${referral.id}/withdraw`, {})).statusCode).toBe(409);
    });
  });

  it('keeps the audit chain intact after all of the above', async () => {
    const referral = await givenReferral(t, fx, { status: 'accepted' });
    await act(referral.id, 'decline', { reason: 'not_wanted', decidedBy: 'citizen' });
    const verdict = await sealAndVerifyAuditChain(t.db);
    expect(verdict).toMatchObject({ isIntact: true });
    expect(verdict.sealedEntries).toBeGreaterThan(50);
  });
});
