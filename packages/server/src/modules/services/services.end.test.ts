import type { AdminService, Course, CourseSummary, InboxItem, ReferralForReferrer, ServiceEndPreview, ServiceEndResult } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAndVerifyAuditChain } from '../../test/audit-chain.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createCourseFixture, expectStatus, givenWalkInCourse, type CourseFixture } from '../courses/testing.ts';
import { postReferral, referralRequest, type ReferralFixture } from '../referrals/testing.ts';

/**
 * Ending a service (afslut tilbud): its open referrals and courses are handed over or closed, never left hanging.
 * Each test ends a service of its own, made for it in LOKK with its own programme, so tests do not depend on each other.
 */
describe('ending a service', () => {
  let t: TestApp;
  let fx: CourseFixture;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    fx = await createCourseFixture(t);
  });
  afterAll(async () => t.close());

  let serviceNumber = 0;
  /** A LOKK victim-line service in a programme of its own, staffed by LOKK's coordinator and counsellor. */
  async function givenLokkService() {
    serviceNumber += 1;
    const service = await t.given.service({ organisationId: fx.organisations.lokk.id, name: `LOKK afdeling ${serviceNumber}`, serviceLine: 'victim' });
    const programme = await t.given.programme({ referrerOrganisationIds: [fx.organisations.police.id], services: [{ serviceId: service.id, priority: 10 }] });
    const staff = [fx.people.lokkCounsellor, fx.people.lokkCoordinator].map((member) => member.user.membershipId);
    expectStatus(await fx.people.lokkAdmin.client.put(`/api/course-config/services/${service.id}/staff`, { membershipIds: staff }), 200);
    return { id: service.id, programmeId: programme.id };
  }

  /** A police referral to the service, opened (received) or accepted by LOKK's coordinator as asked. */
  async function referTo(service: { id: string; programmeId: string }, options: { gender?: 'woman' | 'man'; status?: 'sent' | 'received' | 'accepted' } = {}) {
    const request = { ...referralRequest(t, fx as unknown as ReferralFixture, { gender: options.gender ?? 'woman' }), programmeId: service.programmeId, serviceId: service.id };
    const created = expectStatus(await postReferral(fx.people.policeReferrer, request), 201).json() as ReferralForReferrer;
    const coordinator = fx.people.lokkCoordinator.client;
    if (options.status === 'received' || options.status === 'accepted') expectStatus(await coordinator.get(`/api/inbox/${created.id}`), 200);
    if (options.status === 'accepted') expectStatus(await coordinator.post(`/api/inbox/${created.id}/accept`, {}), 200);
    return created.id;
  }

  const admin = () => fx.people.lokkAdmin.client;
  const referralAsReferrer = async (id: string) => (await fx.people.policeReferrer.client.get(`/api/referrals/${id}`)).json() as ReferralForReferrer;
  const statusOf = async (referralId: string) => (await t.db.selectFrom('referrals').select(['status', 'service_id']).where('id', '=', referralId).executeTakeFirstOrThrow());

  it('hands open referrals and courses over to another service of the organisation, which sees them; the old service is inactive', async () => {
    const ending = await givenLokkService();
    const target = await givenLokkService();
    const sent = await referTo(ending);
    const accepted = await referTo(ending, { status: 'accepted' });
    const course = await givenWalkInCourse(fx, { serviceId: ending.id });

    const preview = (await admin().get(`/api/admin/services/${ending.id}/end`)).json() as ServiceEndPreview;
    expect(preview).toMatchObject({ openReferralCount: 2, openCourseCount: 1, waitingCourseCount: 1 });
    const targetIds = preview.targets.map((candidate) => candidate.id);
    expect(targetIds).toContain(target.id);
    // Dialog mod Vold's perpetrator line does not take these people; the hotline is another organisation (the course
    // cannot go there, and the people consented to LOKK only).
    expect(targetIds).not.toContain(fx.services.dmv.id);
    expect(targetIds).not.toContain(fx.services.hotline.id);
    expect(targetIds).not.toContain(ending.id);

    const response = await admin().post(`/api/admin/services/${ending.id}/end`, { openWork: 'hand_over', targetServiceId: target.id });
    expect(response.statusCode).toBe(200);
    const result = response.json() as ServiceEndResult;
    expect(result).toMatchObject({ handedOverReferralCount: 2, closedReferralCount: 0, handedOverCourseCount: 1, closedCourseCount: 0 });
    expect(result.service).toMatchObject({ id: ending.id, isActive: false, openReferralCount: 0, openCourseCount: 0 });

    // The receiving side of the new service: both referrals in its inbox, starting afresh as sent.
    const inbox = (await fx.people.lokkCoordinator.client.get(`/api/inbox?serviceId=${target.id}`)).json() as InboxItem[];
    expect(inbox.filter((item) => [sent, accepted].includes(item.id)).map((item) => item.status)).toEqual(['sent', 'sent']);
    expect(await statusOf(accepted)).toEqual({ status: 'sent', service_id: target.id });

    // The course waits unassigned in the new service's triage list.
    const courses = (await fx.people.lokkCounsellor.client.get(`/api/courses?serviceId=${target.id}`)).json() as CourseSummary[];
    expect(courses.find((summary) => summary.id === course.id)).toMatchObject({ status: 'triage', counsellor: null, serviceId: target.id });

    // The referrer sees where it went.
    const timeline = (await referralAsReferrer(accepted)).timeline;
    expect(timeline.at(-1)).toMatchObject({ action: 'transfer', toStatus: 'sent', toServiceName: 'LOKK afdeling 2', note: null });

    const listed = ((await admin().get('/api/admin/services')).json() as AdminService[]).find((service) => service.id === ending.id);
    expect(listed).toMatchObject({ isActive: false });

    const audit = await t.db.selectFrom('audit_log').select(['action', 'object_id', 'details']).where('object_id', 'in', [ending.id, sent, accepted, course.id]).orderBy('id').execute();
    const actions = audit.map((entry) => entry.action);
    expect(actions.filter((action) => action === 'referral.transfer')).toHaveLength(2);
    expect(actions).toContain('course.transfer');
    expect(actions.at(-1)).toBe('service.end');
    expect(audit.at(-1)!.details).toMatchObject({ openWork: 'hand_over', targetServiceId: target.id, handedOverReferralCount: 2, handedOverCourseCount: 1 });
    expect((await sealAndVerifyAuditChain(t.db)).isIntact).toBe(true);
  });

  it('closes open referrals and courses with the reason; the referrer sees the status and the reason, not the explanation', async () => {
    const ending = await givenLokkService();
    const sent = await referTo(ending);
    const received = await referTo(ending, { status: 'received' });
    const course = await givenWalkInCourse(fx, { serviceId: ending.id });
    const explanation = 'Bevillingen udløb 31. december; borgerne er orienteret pr. brev.';

    const response = await admin().post(`/api/admin/services/${ending.id}/end`, { openWork: 'close', reason: 'programme_ended', explanation });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ closedReferralCount: 2, closedCourseCount: 1, handedOverReferralCount: 0, service: { isActive: false } });

    for (const id of [sent, received]) {
      const seen = await referralAsReferrer(id);
      expect(seen.status).toBe('closed');
      expect(seen.timeline.at(-1)).toMatchObject({ action: 'close', toStatus: 'closed', closingReason: 'programme_ended', note: null });
    }
    const closed = (await fx.people.lokkCounsellor.client.get(`/api/courses/${course.id}`)).json() as Course;
    expect(closed.status).toBe('closed');
    expect(closed.closing).toMatchObject({ reason: 'service_ended', summary: explanation });

    const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('object_id', 'in', [ending.id, sent, received, course.id]).execute();
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['referral.close', 'course.close', 'service.end']));
    expect(JSON.stringify(audit)).not.toContain('Bevillingen');
  });

  it('hands a referral over to another organisation only on the person’s consent to it; its intake then sees the person, LOKK no longer does', async () => {
    const ending = await givenLokkService();
    const referral = await referTo(ending, { status: 'received' });
    const { person_id: personId } = await t.db.selectFrom('referrals').select('person_id').where('id', '=', referral).executeTakeFirstOrThrow();
    // The person also consented to the hotline's organisation receiving their information (obtained by the police).
    const consent = await t.db
      .insertInto('consents')
      .values({
        person_id: personId,
        recipient_organisation_id: fx.organisations.hotline.id,
        data_categories: ['identity', 'contact'],
        purpose: 'referral_for_counselling',
        method: 'oral_at_scene',
        obtained_by_user_id: fx.people.policeReferrer.user.id,
        obtained_by_organisation_id: fx.organisations.police.id,
        obtained_at: t.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const preview = (await admin().get(`/api/admin/services/${ending.id}/end`)).json() as ServiceEndPreview;
    expect(preview.targets.map((target) => target.id)).toContain(fx.services.hotline.id);
    const response = await admin().post(`/api/admin/services/${ending.id}/end`, { openWork: 'hand_over', targetServiceId: fx.services.hotline.id });
    expect(response.statusCode).toBe(200);

    const moved = await t.db.selectFrom('referrals').select(['service_id', 'receiving_organisation_id', 'consent_id', 'status']).where('id', '=', referral).executeTakeFirstOrThrow();
    expect(moved).toEqual({ service_id: fx.services.hotline.id, receiving_organisation_id: fx.organisations.hotline.id, consent_id: consent.id, status: 'sent' });
    const atHotline = await fx.people.hotlineCoordinator.client.get(`/api/inbox/${referral}`);
    expect(atHotline.statusCode).toBe(200);
    expect(atHotline.json().person.fullName).toMatch(/^Testperson/);
    expect((await fx.people.lokkCoordinator.client.get(`/api/inbox/${referral}`)).statusCode).toBe(404);
    expect((await referralAsReferrer(referral)).receivingOrganisationName).toBe('Lev Uden Vold');
  });

  it('refuses with 422 when the chosen service cannot take some of the open referrals, and changes nothing', async () => {
    const ending = await givenLokkService();
    const woman = await referTo(ending, { gender: 'woman' });
    const man = await referTo(ending, { gender: 'man', status: 'received' });
    const menOnly = expectStatus(
      await admin().post('/api/admin/services', {
        name: 'LOKK for mænd',
        serviceLine: 'victim',
        firstContactDeadlineHours: 48,
        highRiskDeadlineHours: 24,
        maxContactAttempts: 3,
        receivesGenders: ['man'],
      }),
      201,
    ).json() as AdminService;
    const auditBefore = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();

    const refused = await admin().post(`/api/admin/services/${ending.id}/end`, { openWork: 'hand_over', targetServiceId: menOnly.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'open_work_not_movable', status: 422 });
    expect(refused.json().detail).toContain('1 af de åbne henvisninger');

    // Another organisation: the people consented to LOKK only, so none of the referrals can go to the hotline.
    const foreign = await admin().post(`/api/admin/services/${ending.id}/end`, { openWork: 'hand_over', targetServiceId: fx.services.hotline.id }, { 'accept-language': 'en' });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().detail).toContain('2 of the open referrals and 0 of the open courses');

    expect(await statusOf(woman)).toEqual({ status: 'sent', service_id: ending.id });
    expect(await statusOf(man)).toEqual({ status: 'received', service_id: ending.id });
    const service = await t.db.selectFrom('services').select('is_active').where('id', '=', ending.id).executeTakeFirstOrThrow();
    expect(service.is_active).toBe(true);
    const auditAfter = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(auditAfter.n).toBe(auditBefore.n);
  });

  it('still refuses plain deactivation with open work, pointing to “end service”', async () => {
    const ending = await givenLokkService();
    await referTo(ending);
    const service = ((await admin().get('/api/admin/services')).json() as AdminService[]).find((listed) => listed.id === ending.id)!;
    const { id: _id, slug: _slug, receivesRoles: _roles, openReferralCount: _referrals, openCourseCount: _courses, ...update } = service;
    const refused = await admin().put(`/api/admin/services/${ending.id}`, { ...update, isActive: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'service_in_use' });
    expect(refused.json().detail).toContain('Afslut tilbud');
  });

  it('answers 404 for another organisation’s service, and changes nothing there', async () => {
    for (const response of [
      await admin().get(`/api/admin/services/${fx.services.dmv.id}/end`),
      await admin().post(`/api/admin/services/${fx.services.dmv.id}/end`, { openWork: 'close', reason: 'service_closed' }),
    ]) {
      expect(response.statusCode).toBe(404);
    }
    const dmv = await t.db.selectFrom('services').select('is_active').where('id', '=', fx.services.dmv.id).executeTakeFirstOrThrow();
    expect(dmv.is_active).toBe(true);
  });

  it('refuses every role without services:manage with 403, and the anonymous with 401', async () => {
    const ending = await givenLokkService();
    for (const member of [fx.people.lokkCoordinator, fx.people.lokkCounsellor, fx.people.lokkSupervisor, fx.people.policeReferrer]) {
      expect((await member.client.get(`/api/admin/services/${ending.id}/end`)).statusCode).toBe(403);
      expect((await member.client.post(`/api/admin/services/${ending.id}/end`, { openWork: 'close', reason: 'service_closed' })).statusCode).toBe(403);
    }
    expect((await t.as(undefined).get(`/api/admin/services/${ending.id}/end`)).statusCode).toBe(401);
    expect((await t.as(undefined).post(`/api/admin/services/${ending.id}/end`, { openWork: 'close', reason: 'service_closed' })).statusCode).toBe(401);
  });

  it('answers bad input with 422 and the field at fault, and changes nothing', async () => {
    const ending = await givenLokkService();
    const referral = await referTo(ending);
    const cases: [string, Record<string, unknown>, string][] = [
      ['unknown choice', { openWork: 'forget' }, 'body'],
      ['hand-over without a target', { openWork: 'hand_over' }, 'body.targetServiceId'],
      ['target not a uuid', { openWork: 'hand_over', targetServiceId: 'lokk' }, 'body.targetServiceId'],
      ['unknown reason', { openWork: 'close', reason: 'bored' }, 'body.reason'],
      ['other without an explanation', { openWork: 'close', reason: 'other' }, 'body.explanation'],
      ['extra property', { openWork: 'close', reason: 'service_closed', cpr: '0101901234' }, 'body'],
      ['the service itself', { openWork: 'hand_over', targetServiceId: ending.id }, 'body.targetServiceId'],
      ['a service that does not exist', { openWork: 'hand_over', targetServiceId: '00000000-0000-4000-8000-000000000000' }, 'body.targetServiceId'],
    ];
    for (const [name, body, path] of cases) {
      const response = await admin().post(`/api/admin/services/${ending.id}/end`, body);
      expect(response.statusCode, name).toBe(422);
      expect(response.headers['content-type'], name).toContain('application/problem+json');
      expect(response.json().errors.map((error: { path: string }) => error.path).some((at: string) => at.startsWith(path)), name).toBe(true);
    }
    expect(await statusOf(referral)).toEqual({ status: 'sent', service_id: ending.id });
  });
});
