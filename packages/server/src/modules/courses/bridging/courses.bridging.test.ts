import type { BridgingView, InboxItem, OnwardServiceOption, ReferralForReceiver, ReferralForReferrer, ShelterStayView, UnderretningView } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import { idempotencyKey } from '../../referrals/testing.ts';
import { checklistAnswers, expectStatus, givenCourseFromReferral, givenWalkInCourse, safeSmsWeekdays, startCourseTests, type CourseFixture } from '../course.builders.ts';

describe('bridging onward', () => {
  let t: TestApp;
  let fx: CourseFixture;
  beforeAll(async () => { ({ t, fx } = await startCourseTests()); });
  afterAll(async () => t.close());

  const client = () => fx.people.lokkCounsellor.client;
  const consentTo = (organisationId: string, categories = ['identity', 'contact', 'situation']) => ({
    recipientOrganisationId: organisationId,
    dataCategories: categories,
    method: 'written',
    obtainedAt: t.clock.now().toISOString(),
  });
  const referOnward = (courseId: string, body: Record<string, unknown>, key = idempotencyKey()) => client().post(`/api/courses/${courseId}/onward-referrals`, body, { 'idempotency-key': key });
  const toShelter = () => ({ serviceId: fx.services.danner.id, consent: consentTo(fx.organisations.danner.id), childrenInHome: 'yes', situation: 'Har brug for et sikkert sted nu. Kanarie-4410.' });

  it('offers services on the course\u2019s side (or both sides), never its own or the other side\u2019s', async () => {
    const course = await givenWalkInCourse(fx);
    const options = (await client().get(`/api/courses/${course.id}/onward-options`)).json() as OnwardServiceOption[];
    const ids = options.map((option) => option.id);
    expect(ids).toEqual(expect.arrayContaining([fx.services.danner.id, fx.services.hotline.id, fx.services.dmvVictims.id]));
    expect(ids).not.toContain(fx.services.dmv.id);
    expect(ids).not.toContain(fx.services.lokk.id);
    expect(options.find((option) => option.id === fx.services.danner.id)).toMatchObject({ organisationName: 'Danner', organisationKind: 'shelter' });
  });

  it('refers to a shelter through the closed loop: the shelter receives and accepts it, the course sees when help was received', async () => {
    const { course } = await givenCourseFromReferral(t, fx);
    expectStatus(await client().put(`/api/courses/${course.id}/safe-contact`, safeSmsWeekdays), 200);
    expectStatus(await client().post(`/api/courses/${course.id}/risk-assessments`, { kind: 'checklist', instrumentKey: 'bro-tjekliste', instrumentVersion: 1, answers: checklistAnswers(15) }), 201);
    const events: string[] = [];
    const unsubscribe = t.liveUpdates.subscribe([fx.services.danner.id], (event) => events.push(event.referralId));

    const created = expectStatus(await referOnward(course.id, toShelter()), 201).json() as ReferralForReferrer;
    unsubscribe();
    expect(created).toMatchObject({ status: 'sent', riskLevel: 'high', serviceName: 'Krisecenterophold (§ 109)', receivingOrganisationName: 'Danner', personName: course.clientLabel });
    expect(events).toEqual([created.id]);

    // The shelter's inbox: high risk, its short deadline.
    const inbox = (await fx.people.dannerCoordinator.client.get('/api/inbox')).json() as InboxItem[];
    const item = inbox.find((candidate) => candidate.id === created.id);
    expect(item).toMatchObject({ riskLevel: 'high', dueAt: new Date(t.clock.now().getTime() + 4 * 3_600_000).toISOString() });
    const received = (await fx.people.dannerCoordinator.client.get(`/api/inbox/${created.id}`)).json() as ReferralForReceiver;
    expect(received).toMatchObject({ person: { fullName: course.clientLabel }, situation: 'Har brug for et sikkert sted nu. Kanarie-4410.', childrenInHome: null, safeContact: { phone: safeSmsWeekdays.phone, smsAllowed: 'yes', voicemailAllowed: 'no' } });
    expect(received.safeContact?.safeTimes).toBe('man, tir, ons, tor, fre 09:00–16:00');
    // The shelter learns nothing of the course itself.
    expect(JSON.stringify(received)).not.toContain(course.reference);
    expect(JSON.stringify(received)).not.toContain(course.id);

    expectStatus(await fx.people.dannerCoordinator.client.post(`/api/inbox/${created.id}/accept`, {}), 200);
    expectStatus(await fx.people.dannerCoordinator.client.post(`/api/inbox/${created.id}/contact-attempts`, { outcome: 'reached', note: 'Indskrevet i dag. Dannernote-1' }), 200);
    expectStatus(await fx.people.dannerCoordinator.client.post(`/api/inbox/${created.id}/hand-over`, {}), 200);

    const bridging = (await client().get(`/api/courses/${course.id}/bridging`)).json() as BridgingView;
    expect(bridging.onwardReferrals).toHaveLength(1);
    expect(bridging.onwardReferrals[0]).toMatchObject({ id: created.id, status: 'handed_over', hasFirstContact: true });
    expect(bridging.onwardReferrals[0]?.timeline.map((entry) => entry.action)).toEqual(['create', 'send', 'receive', 'accept', 'log_contact_attempt', 'hand_over']);
    // The receiver's notes stay with the receiver.
    expect(JSON.stringify(bridging)).not.toContain('Dannernote-1');

    const audit = await t.db.selectFrom('audit_log').select('details').where('object_id', '=', course.id).where('action', '=', 'course.refer_onward').executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ referralId: created.id, serviceId: fx.services.danner.id });
    const referral = await t.db.selectFrom('referrals').select(['origin_course_id', 'programme_id', 'person_id', 'person_role']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(referral).toEqual({ origin_course_id: course.id, programme_id: null, person_id: course.personId, person_role: 'exposed' });
  });

  it('shows the course its own label for the person, never a name it was not given', async () => {
    const { course, request } = await givenCourseFromReferral(t, fx, { consentCategories: ['contact', 'situation'], body: { clientLabel: 'Stjernen' } });
    const created = expectStatus(await referOnward(course.id, toShelter()), 201).json() as ReferralForReferrer;
    expect(created.personName).toBe('Stjernen');
    const bridging = (await client().get(`/api/courses/${course.id}/bridging`)).json() as BridgingView;
    expect(JSON.stringify(bridging)).not.toContain(request.person.fullName);
  });

  it('is not the police\u2019s to follow: the original referrer does not see the onward referral', async () => {
    const { course } = await givenCourseFromReferral(t, fx);
    const created = expectStatus(await referOnward(course.id, toShelter()), 201).json() as ReferralForReferrer;
    expect((await fx.people.policeReferrer.client.get(`/api/referrals/${created.id}`)).statusCode).toBe(404);
    const mine = (await fx.people.policeReferrer.client.get('/api/referrals')).json() as { id: string }[];
    expect(mine.map((referral) => referral.id)).not.toContain(created.id);
  });

  it('needs a new consent to the receiving organisation', async () => {
    const course = await givenWalkInCourse(fx);
    const wrongRecipient = await referOnward(course.id, { ...toShelter(), consent: consentTo(fx.organisations.hotline.id) });
    expect(wrongRecipient.statusCode).toBe(422);
    expect(wrongRecipient.json()).toMatchObject({ code: 'consent_required' });
    expect((await referOnward(course.id, { ...toShelter(), consent: undefined })).statusCode).toBe(422);
  });

  it('never bridges across sides, nor refers a relative on their own behalf', async () => {
    const { course: perpetratorCourse } = await givenCourseFromReferral(t, fx, { to: 'dmv' });
    const acrossSides = await fx.people.dmvCounsellor.client.post(`/api/courses/${perpetratorCourse.id}/onward-referrals`, toShelter(), { 'idempotency-key': idempotencyKey() });
    expect(acrossSides.statusCode).toBe(422);
    expect(acrossSides.json()).toMatchObject({ code: 'service_not_allowed' });
    const relative = await givenWalkInCourse(fx, { personRole: 'relative' });
    expect((await referOnward(relative.id, toShelter())).json()).toMatchObject({ code: 'validation_failed', errors: [{ message: 'a_relative_is_not_referred_from_a_course' }] });
  });

  it('is idempotent: a retry replays the referral and sends nothing twice', async () => {
    const course = await givenWalkInCourse(fx);
    const key = idempotencyKey();
    const first = expectStatus(await referOnward(course.id, toShelter(), key), 201);
    const retry = expectStatus(await referOnward(course.id, toShelter(), key), 201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toBe(first.body);
    expect((await t.db.selectFrom('referrals').select('id').where('origin_course_id', '=', course.id).execute()).length).toBe(1);
  });

  it('records a shelter stay: which shelter, when, on what basis — never an address', async () => {
    const course = await givenWalkInCourse(fx);
    const onward = expectStatus(await referOnward(course.id, toShelter()), 201).json() as ReferralForReferrer;
    const stay = expectStatus(
      await client().post(`/api/courses/${course.id}/shelter-stays`, { shelterOrganisationId: fx.organisations.danner.id, legalBasis: 'sel_109', admittedOn: '2026-11-23', onwardReferralId: onward.id }),
      201,
    ).json() as ShelterStayView;
    expect(stay).toMatchObject({ shelterName: 'Danner', legalBasis: 'sel_109', admittedOn: '2026-11-23', dischargedOn: null, onwardReferralId: onward.id });
    const discharged = expectStatus(await client().patch(`/api/courses/${course.id}/shelter-stays/${stay.id}`, { dischargedOn: '2026-12-20' }), 200).json() as ShelterStayView;
    expect(discharged.dischargedOn).toBe('2026-12-20');
    expect((await client().patch(`/api/courses/${course.id}/shelter-stays/${stay.id}`, { dischargedOn: '2026-11-01' })).json()).toMatchObject({ errors: [{ message: 'before_admission' }] });
    const offBro = expectStatus(await client().post(`/api/courses/${course.id}/shelter-stays`, { shelterName: 'Et krisecenter i Jylland', legalBasis: 'sel_110', admittedOn: '2026-10-01' }), 201).json() as ShelterStayView;
    expect(offBro).toMatchObject({ shelterOrganisationId: null, shelterName: 'Et krisecenter i Jylland', legalBasis: 'sel_110' });
    expect(((await client().get(`/api/courses/${course.id}/bridging`)).json() as BridgingView).shelterStays.map((candidate) => candidate.id)).toEqual([stay.id, offBro.id]);
  });

  it('refuses a stay at something that is not a shelter, or without exactly one shelter, or with a foreign referral', async () => {
    const course = await givenWalkInCourse(fx);
    const post = (body: Record<string, unknown>) => client().post(`/api/courses/${course.id}/shelter-stays`, { legalBasis: 'sel_109', admittedOn: '2026-11-23', ...body });
    expect((await post({ shelterOrganisationId: fx.organisations.lokk.id })).json()).toMatchObject({ errors: [{ message: 'not_a_shelter' }] });
    expect((await post({})).json()).toMatchObject({ errors: [{ message: 'give_either_shelter_on_bro_or_shelter_name' }] });
    expect((await post({ shelterOrganisationId: fx.organisations.danner.id, shelterName: 'Danner' })).statusCode).toBe(422);
    const other = await givenWalkInCourse(fx);
    const foreign = expectStatus(await referOnward(other.id, toShelter()), 201).json() as ReferralForReferrer;
    expect((await post({ shelterOrganisationId: fx.organisations.danner.id, onwardReferralId: foreign.id })).json()).toMatchObject({ errors: [{ message: 'not_an_onward_referral_of_this_course' }] });
    expect((await post({ shelterOrganisationId: fx.organisations.danner.id, legalBasis: 'sel_108' })).statusCode).toBe(422);
  });

  it('records an underretning to a municipality and its receipt', async () => {
    const course = await givenWalkInCourse(fx);
    const sentAt = new Date(t.clock.now().getTime() - 3_600_000).toISOString();
    const notification = expectStatus(await client().post(`/api/courses/${course.id}/underretninger`, { municipalityCode: '147', sentAt, note: 'Sendt via kommunens digitale løsning' }), 201).json() as UnderretningView;
    expect(notification).toMatchObject({ municipalityCode: '147', municipalityName: 'Frederiksberg Kommune', sentAt, sentBy: { userId: fx.people.lokkCounsellor.user.id }, receiptReceivedAt: null });
    expect((await client().post(`/api/courses/${course.id}/underretninger/${notification.id}/receipt`, { receiptReceivedAt: '2026-11-01T10:00:00.000Z' })).json()).toMatchObject({ errors: [{ message: 'before_it_was_sent' }] });
    const receipted = expectStatus(await client().post(`/api/courses/${course.id}/underretninger/${notification.id}/receipt`, { receiptReceivedAt: t.clock.now().toISOString() }), 200).json() as UnderretningView;
    expect(receipted.receiptReceivedAt).toBe(t.clock.now().toISOString());
    expect((await client().post(`/api/courses/${course.id}/underretninger`, { municipalityCode: '999', sentAt })).json()).toMatchObject({ errors: [{ path: 'body.municipalityCode', message: 'unknown_municipality' }] });
    const future = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    expect((await client().post(`/api/courses/${course.id}/underretninger`, { municipalityCode: '147', sentAt: future })).json()).toMatchObject({ errors: [{ message: 'in_the_future' }] });
    const audit = await t.db.selectFrom('audit_log').select('action').where('object_id', '=', course.id).where('action', 'like', 'course.record_underretning%').orderBy('id').execute();
    expect(audit.map((entry) => entry.action)).toEqual(['course.record_underretning', 'course.record_underretning_receipt']);
  });
});
