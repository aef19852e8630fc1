import type { Course, ReferralForReferrer } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAndVerifyAuditChain } from '../../../test/audit-chain.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { givenReferral, idempotencyKey } from '../../referrals/testing.ts';
import { expectStatus, givenCourseFromReferral, givenWalkInCourse, postCourse, safeSmsWeekdays, startCourseTests, type CourseFixture } from '../course.builders.ts';

describe('opening a course', () => {
  let t: TestApp;
  let fx: CourseFixture;
  beforeAll(async () => { ({ t, fx } = await startCourseTests()); });
  afterAll(async () => t.close());

  describe('from an accepted referral', () => {
    it('hands the referral over in the same transaction, so the referrer sees that help started', async () => {
      const { course, referralId, request } = await givenCourseFromReferral(t, fx);
      expect(course).toMatchObject({
        status: 'triage',
        origin: 'referral',
        side: 'victim',
        personRole: 'exposed',
        clientLabel: request.person.fullName,
        isAnonymous: false,
        serviceId: fx.services.lokk.id,
        counsellor: { userId: fx.people.lokkCounsellor.user.id },
        plannedSessions: 5,
        addressProtection: 'none',
        riskLevel: 'standard',
        riskLevelSource: 'referral',
        referral: { id: referralId },
        sessions: { planned: 5, used: 0, remaining: 5 },
      });
      expect(course.reference).toMatch(/^FL-\d+$/);
      // The referral's phone and safe-to-call answers came with the consent; its free-text times ("Hverdage efter kl. 9")
      // say no end, so no window is guessed: they stay unknown, and the words come along.
      expect(course.safeContact).toMatchObject({ phone: request.safeContact.phone, preferences: { channels: { phoneCall: 'safe', voicemail: 'unsafe', sms: 'unknown' }, safeTimeWindows: null } });
      expect(course.allowedActions).toEqual(expect.arrayContaining(['triage', 'plan_session', 'assess_risk', 'close']));

      const tracked = (await fx.people.policeReferrer.client.get(`/api/referrals/${referralId}`)).json() as ReferralForReferrer;
      expect(tracked.status).toBe('handed_over');
      expect(tracked.timeline.map((entry) => entry.action)).toContain('hand_over');
      // The referrer learns that help started, never what the course holds.
      expect(JSON.stringify(tracked)).not.toContain(course.reference);
    });

    it('takes over what the referral already said: gender, birth year, children, safe times and its risk level as the start', async () => {
      const { course, request } = await givenCourseFromReferral(t, fx, { riskLevel: 'medium', safeTimes: 'hverdage 9-15' });
      expect(course.fromReferral).toEqual({ gender: 'woman', birthYear: 1990, childrenInHome: 'yes', riskLevel: 'medium', safeTimes: 'hverdage 9-15' });
      // The referral's rating is the starting level, not an assessment: nothing is recorded as assessed.
      expect(course).toMatchObject({ riskLevel: 'medium', riskLevelSource: 'referral', latestRiskAssessment: null });
      expect(course.safeContact).toMatchObject({ phone: request.safeContact.phone, preferences: { safeTimeWindows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '15:00' }] } });
      const reread = expectStatus(await fx.people.lokkCounsellor.client.get(`/api/courses/${course.id}`), 200).json() as Course;
      expect(reread.fromReferral).toEqual(course.fromReferral);
      const stored = await t.db.selectFrom('courses').select('referral_facts_enc').where('id', '=', course.id).executeTakeFirstOrThrow();
      expect(stored.referral_facts_enc).not.toContain('hverdage');
    });

    it('takes only what the consent let through: no identity, no children → unknown and null', async () => {
      const { course } = await givenCourseFromReferral(t, fx, { consentCategories: ['contact', 'situation'], riskLevel: 'high', body: { clientLabel: 'Stjernen' } });
      expect(course.fromReferral).toEqual({ gender: 'unknown', birthYear: null, childrenInHome: null, riskLevel: 'high', safeTimes: expect.any(String) });
      expect(course).toMatchObject({ riskLevel: 'high', isHighRisk: true, prompts: { safetyPlan: true } });
    });

    it('audits the opening and logs the read of the new course', async () => {
      const { course } = await givenCourseFromReferral(t, fx);
      const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('object_id', '=', course.id).execute();
      expect(audit).toEqual([{ action: 'course.open', details: expect.objectContaining({ origin: 'referral', side: 'victim', serviceId: fx.services.lokk.id }) }]);
      const reads = await t.db.selectFrom('access_log').select(['action', 'purpose', 'person_id']).where('object_id', '=', course.id).execute();
      expect(reads).toEqual([{ action: 'read', purpose: 'course_work', person_id: course.personId }]);
      expect(await sealAndVerifyAuditChain(t.db)).toMatchObject({ isIntact: true });
    });

    it('stores the label and the safe-contact details encrypted', async () => {
      const { course, request } = await givenCourseFromReferral(t, fx);
      const row = await t.db.selectFrom('courses').selectAll().where('id', '=', course.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(request.person.fullName);
      expect(JSON.stringify(row)).not.toContain(request.safeContact.phone);
    });

    it('refuses before first contact: hand-over needs it (409)', async () => {
      const referral = await givenReferral(t, fx as never, { status: 'accepted' });
      const response = await postCourse(fx.people.lokkCounsellor, { origin: 'referral', referralId: referral.id });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'transition_not_allowed' });
      expect(await t.db.selectFrom('courses').select('id').where('referral_id', '=', referral.id).execute()).toEqual([]);
    });

    it('opens one course per referral: a second opening is refused', async () => {
      const { referralId } = await givenCourseFromReferral(t, fx);
      expect((await postCourse(fx.people.lokkCounsellor, { origin: 'referral', referralId })).statusCode).toBe(409);
    });

    it('needs a label (a pseudonym will do) when the consent did not cover identity', async () => {
      const referral = await givenReferral(t, fx as never, { status: 'accepted', consentCategories: ['contact', 'situation'] });
      expectStatus(await fx.people.lokkCoordinator.client.post(`/api/inbox/${referral.id}/contact-attempts`, { outcome: 'reached' }), 200);
      const missing = await postCourse(fx.people.lokkCounsellor, { origin: 'referral', referralId: referral.id });
      expect(missing.statusCode).toBe(422);
      expect(missing.json()).toMatchObject({ errors: [{ path: 'body.clientLabel', message: 'required_without_identity_consent' }] });
      const opened = expectStatus(await postCourse(fx.people.lokkCounsellor, { origin: 'referral', referralId: referral.id, clientLabel: 'Stjernen' }), 201).json() as Course;
      expect(opened).toMatchObject({ clientLabel: 'Stjernen', isAnonymous: true, addressProtection: 'unknown' });
    });

    it('makes the counsellor choose the side for a person referred as both', async () => {
      const referral = await givenReferral(t, fx as never, { status: 'accepted', to: 'hotline', role: 'both' });
      expectStatus(await fx.people.hotlineCoordinator.client.post(`/api/inbox/${referral.id}/contact-attempts`, { outcome: 'reached' }), 200);
      const withoutRole = await postCourse(fx.people.hotlineCounsellor, { origin: 'referral', referralId: referral.id });
      expect(withoutRole.json()).toMatchObject({ errors: [{ path: 'body.personRole', message: 'required_for_a_person_referred_as_both' }] });
      const opened = expectStatus(await postCourse(fx.people.hotlineCounsellor, { origin: 'referral', referralId: referral.id, personRole: 'uses_violence' }), 201).json() as Course;
      expect(opened).toMatchObject({ side: 'perpetrator', personRole: 'uses_violence' });
    });

    it('refuses staff who do not work at the referral\'s service', async () => {
      const referral = await givenReferral(t, fx as never, { status: 'accepted' });
      expectStatus(await fx.people.lokkCoordinator.client.post(`/api/inbox/${referral.id}/contact-attempts`, { outcome: 'reached' }), 200);
      expect((await postCourse(fx.people.lokkGroupCounsellor, { origin: 'referral', referralId: referral.id })).statusCode).toBe(403);
      // Another organisation does not even see the referral.
      expect((await postCourse(fx.people.dannerCoordinator, { origin: 'referral', referralId: referral.id })).statusCode).toBe(404);
    });
  });

  describe('directly', () => {
    it('opens an anonymous walk-in course with a pseudonym only', async () => {
      const course = await givenWalkInCourse(fx, { label: 'Solsikken', isAnonymous: true, addressProtection: 'unknown' });
      expect(course).toMatchObject({ origin: 'walk_in', clientLabel: 'Solsikken', isAnonymous: true, referral: null, status: 'triage', riskLevel: null, riskLevelSource: null, fromReferral: null });
      expect(course.safeContact.preferences).toMatchObject({ safeTimeWindows: null, messageContent: 'unknown' });
      const person = await t.db.selectFrom('persons').selectAll().where('id', '=', course.personId).executeTakeFirstOrThrow();
      expect(person.cpr_enc).toBeNull();
    });

    it('refuses a CPR number for an anonymous contact', async () => {
      const response = await postCourse(fx.people.lokkCounsellor, {
        origin: 'phone',
        serviceId: fx.services.lokk.id,
        personRole: 'exposed',
        person: { label: 'Månen', isAnonymous: true, cpr: '010190-1234' },
      });
      expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.person.cpr', message: 'not_for_anonymous_contacts' }] });
    });

    it('keeps the history of a returning person: a new course for the same person, and both list each other', async () => {
      const first = await givenWalkInCourse(fx, { safeContact: safeSmsWeekdays });
      const second = expectStatus(await postCourse(fx.people.lokkCounsellor, { origin: 'self_referral', serviceId: fx.services.lokk.id, personRole: 'exposed', personId: first.personId }), 201).json() as Course;
      expect(second).toMatchObject({ personId: first.personId, clientLabel: first.clientLabel, origin: 'self_referral' });
      expect(second.otherCourses.map((other) => other.id)).toEqual([first.id]);
      const reread = (await fx.people.lokkCounsellor.client.get(`/api/courses/${first.id}`)).json() as Course;
      expect(reread.otherCourses.map((other) => other.id)).toEqual([second.id]);
    });

    it('does not let another organisation reopen someone else\'s person', async () => {
      const first = await givenWalkInCourse(fx);
      const response = await postCourse(fx.people.dmvVictimCounsellor, { origin: 'walk_in', serviceId: fx.services.dmvVictims.id, personRole: 'exposed', personId: first.personId });
      expect(response.statusCode).toBe(404);
    });

    it('refuses a side the service does not hold, and a service the counsellor does not work at', async () => {
      const wrongSide = await postCourse(fx.people.lokkCounsellor, { origin: 'walk_in', serviceId: fx.services.lokk.id, personRole: 'uses_violence', person: { label: 'X', isAnonymous: true } });
      expect(wrongSide.statusCode).toBe(422);
      expect(wrongSide.json()).toMatchObject({ code: 'service_not_allowed' });
      const otherService = await postCourse(fx.people.lokkCounsellor, { origin: 'walk_in', serviceId: fx.services.lokkGroups.id, personRole: 'exposed', person: { label: 'X', isAnonymous: true } });
      expect(otherService.statusCode).toBe(403);
      const otherOrganisation = await postCourse(fx.people.lokkCounsellor, { origin: 'walk_in', serviceId: fx.services.danner.id, personRole: 'exposed', person: { label: 'X', isAnonymous: true } });
      expect(otherOrganisation.statusCode).toBe(422);
    });

    it('wants a person or a personId, exactly one', async () => {
      const neither = await postCourse(fx.people.lokkCounsellor, { origin: 'walk_in', serviceId: fx.services.lokk.id, personRole: 'exposed' });
      expect(neither.json()).toMatchObject({ errors: [{ path: 'body.person', message: 'give_either_person_or_personId' }] });
    });

    it('only gives the course to a counsellor of the service', async () => {
      const response = await postCourse(fx.people.lokkCoordinator, {
        origin: 'walk_in',
        serviceId: fx.services.lokk.id,
        personRole: 'exposed',
        person: { label: 'Y', isAnonymous: true },
        counsellorUserId: fx.people.lokkGroupCounsellor.user.id,
      });
      expect(response.json()).toMatchObject({ errors: [{ path: 'body.counsellorUserId', message: 'not_a_counsellor_of_the_service' }] });
      const unassigned = expectStatus(await postCourse(fx.people.lokkCoordinator, { origin: 'walk_in', serviceId: fx.services.lokk.id, personRole: 'exposed', person: { label: 'Z', isAnonymous: true } }), 201);
      // An intake coordinator who opens a course does not become its counsellor.
      expect((unassigned.json() as Course).counsellor).toBeNull();
    });
  });

  describe('idempotency', () => {
    it('replays the first response for a retry with the same key, and opens one course', async () => {
      const key = idempotencyKey();
      const body = { origin: 'walk_in', serviceId: fx.services.lokk.id, personRole: 'exposed', person: { label: 'Gentagelse', isAnonymous: true } };
      const first = await postCourse(fx.people.lokkCounsellor, body, key);
      const retry = await postCourse(fx.people.lokkCounsellor, body, key);
      expect(first.statusCode).toBe(201);
      expect(retry.statusCode).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toBe(first.body);
      const mismatch = await postCourse(fx.people.lokkCounsellor, { ...body, personRole: 'relative' }, key);
      expect(mismatch.json()).toMatchObject({ code: 'idempotency_mismatch' });
    });

    it('requires the key', async () => {
      const response = await fx.people.lokkCounsellor.client.post('/api/courses', { origin: 'walk_in', serviceId: fx.services.lokk.id, personRole: 'exposed', person: { label: 'U', isAnonymous: true } });
      expect(response.json()).toMatchObject({ code: 'idempotency_key_invalid' });
    });
  });
});
