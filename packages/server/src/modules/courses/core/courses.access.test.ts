import { hasPermission, type Course, type CourseSummary, type Permission, type SessionView } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { Member } from '../../referrals/testing.ts';
import { givenReferral, idempotencyKey } from '../../referrals/testing.ts';
import { checklistAnswers, createCourseFixture, expectStatus, givenCourseFromReferral, postCourse, safeSmsWeekdays, type CourseFixture } from '../course.builders.ts';

/**
 * Separation (issue §8): a course is visible only to staff assigned to its service, on its side. Every course route
 * is tried by: another organisation, the other side of a linked case, a counsellor of another service in the same
 * organisation, an unassigned counsellor, and the other service line of the same organisation — all answer 404.
 * Roles without course permissions answer 403; a supervisor may read but never write.
 */
describe('course access', () => {
  let t: TestApp;
  let fx: CourseFixture;
  let victimCourse: Course;
  let perpetratorCourse: Course;
  let ids: { sessionId: string; stayId: string; underretningId: string; extractId: string };

  type Route = { method: 'GET' | 'POST' | 'PUT' | 'PATCH'; path: string; body?: unknown; kind: 'read' | 'write' | 'triage' | 'extract' };
  const routesOf = (courseId: string): Route[] => {
    const base = `/api/courses/${courseId}`;
    return [
      { method: 'GET', path: base, kind: 'read' },
      { method: 'PUT', path: `${base}/counsellor`, body: { counsellorUserId: null }, kind: 'triage' },
      { method: 'PUT', path: `${base}/safe-contact`, body: safeSmsWeekdays, kind: 'write' },
      { method: 'PUT', path: `${base}/address-protection`, body: { addressProtection: 'none' }, kind: 'write' },
      { method: 'POST', path: `${base}/close`, body: { reason: 'other' }, kind: 'write' },
      { method: 'POST', path: `${base}/triage/evaluate`, body: { facts: {} }, kind: 'triage' },
      { method: 'POST', path: `${base}/triage`, body: { facts: {}, decision: 'accept', reason: 'Afklaret i samtalen' }, kind: 'triage' },
      { method: 'GET', path: `${base}/triage`, kind: 'read' },
      { method: 'POST', path: `${base}/risk-assessments`, body: { kind: 'checklist', instrumentKey: 'bro-tjekliste', instrumentVersion: 1, answers: checklistAnswers(2) }, kind: 'write' },
      { method: 'GET', path: `${base}/risk-assessments`, kind: 'read' },
      { method: 'GET', path: `${base}/sessions`, kind: 'read' },
      { method: 'POST', path: `${base}/sessions`, body: { plannedAt: '2026-11-30T09:00:00.000Z', mode: 'phone' }, kind: 'write' },
      { method: 'PATCH', path: `${base}/sessions/${ids.sessionId}`, body: { mode: 'video' }, kind: 'write' },
      { method: 'POST', path: `${base}/sessions/${ids.sessionId}/attendance`, body: { attendance: 'cancelled_by_person' }, kind: 'write' },
      { method: 'PUT', path: `${base}/sessions/${ids.sessionId}/note`, body: { note: 'Ændret af en anden' }, kind: 'write' },
      { method: 'GET', path: `${base}/safety-plan`, kind: 'read' },
      { method: 'PUT', path: `${base}/safety-plan`, body: { content: emptyPlan, basedOnVersion: 1 }, kind: 'write' },
      { method: 'GET', path: `${base}/safety-plan/versions/1`, kind: 'read' },
      { method: 'GET', path: `${base}/safety-plan/print`, kind: 'read' },
      { method: 'GET', path: `${base}/bridging`, kind: 'read' },
      { method: 'GET', path: `${base}/onward-options`, kind: 'read' },
      {
        method: 'POST',
        path: `${base}/onward-referrals`,
        body: { serviceId: fx.services.danner.id, childrenInHome: 'no', consent: { recipientOrganisationId: fx.organisations.danner.id, dataCategories: ['identity'], method: 'written', obtainedAt: t.clock.now().toISOString() } },
        kind: 'write',
      },
      { method: 'POST', path: `${base}/shelter-stays`, body: { shelterName: 'Et krisecenter', legalBasis: 'sel_109', admittedOn: '2026-11-20' }, kind: 'write' },
      { method: 'PATCH', path: `${base}/shelter-stays/${ids.stayId}`, body: { dischargedOn: '2026-11-22' }, kind: 'write' },
      { method: 'POST', path: `${base}/underretninger`, body: { municipalityCode: '147', sentAt: t.clock.now().toISOString() }, kind: 'write' },
      { method: 'POST', path: `${base}/underretninger/${ids.underretningId}/receipt`, body: { receiptReceivedAt: t.clock.now().toISOString() }, kind: 'write' },
      { method: 'PUT', path: `${base}/outcomes/first`, body: { safety: 3, options: 4, violenceForms: ['physical'] }, kind: 'write' },
      { method: 'POST', path: `${base}/access-history`, body: {}, kind: 'extract' },
      { method: 'GET', path: `${base}/access-history/${ids.extractId}/print`, kind: 'extract' },
    ];
  };
  const emptyPlan = { safePeople: [], safePlaces: [], warningSigns: ['Han drikker'], emergencySteps: [], children: [], importantDocuments: [], codeWords: [] };

  const permissionOf: Record<Route['kind'], Permission> = { read: 'course:read', write: 'course:write', triage: 'course:triage', extract: 'access_history:produce' };
  /** A role without the route's permission is refused before any object is looked up (403, saying nothing); else 404. */
  const expectedOutsiderStatus = (member: Member, route: Route) => (hasPermission(member.user.role, permissionOf[route.kind]) ? 404 : 403);

  const call = (member: Member, route: Route) => {
    const headers = { 'idempotency-key': idempotencyKey() };
    switch (route.method) {
      case 'GET':
        return member.client.get(route.path);
      case 'POST':
        return member.client.post(route.path, route.body as Record<string, unknown>, headers);
      case 'PUT':
        return member.client.put(route.path, route.body as Record<string, unknown>);
      case 'PATCH':
        return member.client.patch(route.path, route.body as Record<string, unknown>);
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createCourseFixture(t);
    // One call-out, two people: she is referred to LOKK, he (linked) to Dialog mod Vold.
    const hers = await givenCourseFromReferral(t, fx);
    victimCourse = hers.course;
    perpetratorCourse = (await givenCourseFromReferral(t, fx, { to: 'dmv', linkedReferralId: hers.referralId })).course;

    const counsellor = fx.people.lokkCounsellor.client;
    const base = `/api/courses/${victimCourse.id}`;
    const session = expectStatus(await counsellor.post(`${base}/sessions`, { plannedAt: '2026-11-30T09:00:00.000Z', mode: 'phone' }), 201).json() as SessionView;
    const stay = expectStatus(await counsellor.post(`${base}/shelter-stays`, { shelterName: 'Et krisecenter', legalBasis: 'sel_109', admittedOn: '2026-11-20' }), 201).json() as { id: string };
    const notification = expectStatus(await counsellor.post(`${base}/underretninger`, { municipalityCode: '147', sentAt: t.clock.now().toISOString() }), 201).json() as { id: string };
    expectStatus(await counsellor.put(`${base}/safety-plan`, { content: emptyPlan, basedOnVersion: null }), 200);
    const extract = expectStatus(await counsellor.post(`${base}/access-history`, {}), 201).json() as { id: string };
    ids = { sessionId: session.id, stayId: stay.id, underretningId: notification.id, extractId: extract.id };
  });
  afterAll(async () => t.close());

  const outsiders = () =>
    ({
      'another organisation (the shelter)': fx.people.dannerCoordinator,
      'the other side of the linked case (DmV, perpetrator line)': fx.people.dmvCounsellor,
      'the other organisation\u2019s victim line (DmV)': fx.people.dmvVictimCounsellor,
      'a counsellor of another service in the same organisation': fx.people.lokkGroupCounsellor,
      'a counsellor of the same organisation assigned to no service': fx.people.lokkUnassignedCounsellor,
      'the hotline (both lines, another organisation)': fx.people.hotlineCounsellor,
    }) satisfies Record<string, Member>;

  it('answers 404 on every course route to everyone outside the course\u2019s service and side, and changes nothing', async () => {
    const auditBefore = await t.db.selectFrom('audit_log').select('id').where('object_id', '=', victimCourse.id).execute();
    for (const [who, member] of Object.entries(outsiders())) {
      for (const route of routesOf(victimCourse.id)) {
        const response = await call(member, route);
        const expected = expectedOutsiderStatus(member, route);
        expect(response.statusCode, `${who}: ${route.method} ${route.path}`).toBe(expected);
        expect(response.json(), `${who}: ${route.method} ${route.path}`).toMatchObject({ code: expected === 404 ? 'not_found' : 'forbidden' });
        expect(response.body).not.toContain(victimCourse.clientLabel);
      }
    }
    const auditAfter = await t.db.selectFrom('audit_log').select('id').where('object_id', '=', victimCourse.id).execute();
    expect(auditAfter).toHaveLength(auditBefore.length);
  });

  it('keeps the perpetrator-side course from the victim side, also within one organisation', async () => {
    for (const member of [fx.people.lokkCounsellor, fx.people.lokkSupervisor, fx.people.dmvVictimCounsellor]) {
      for (const route of routesOf(perpetratorCourse.id).filter((candidate) => !candidate.path.includes('/sessions/') && !candidate.path.includes('/shelter-stays/') && !candidate.path.includes('/underretninger/') && !candidate.path.includes('/access-history/'))) {
        expect((await call(member, route)).statusCode, `${route.method} ${route.path}`).toBe(expectedOutsiderStatus(member, route));
      }
    }
  });

  it('answers 403 to roles without course permissions, whatever the course', async () => {
    for (const member of [fx.people.policeReferrer, fx.people.lokkAdmin, fx.people.platformAdmin]) {
      for (const route of routesOf(victimCourse.id)) expect((await call(member, route)).statusCode, `${route.method} ${route.path}`).toBe(403);
    }
  });

  it('lets a supervisor read every course of the service but write none', async () => {
    for (const route of routesOf(victimCourse.id)) {
      const response = await call(fx.people.lokkSupervisor, route);
      if (route.kind === 'read' || route.kind === 'extract') expect(response.statusCode, `${route.method} ${route.path}`).toBeLessThan(300);
      else expect(response.statusCode, `${route.method} ${route.path}`).toBe(403);
    }
    const reads = await t.db.selectFrom('access_log').select('purpose').where('user_id', '=', fx.people.lokkSupervisor.user.id).where('object_id', '=', victimCourse.id).execute();
    expect(reads.map((read) => read.purpose)).toContain('course_supervision');
  });

  it('leaves every list of the other side and other services empty of the course', async () => {
    const listed = async (member: Member, url: string) => JSON.stringify((await member.client.get(url)).json());
    for (const member of Object.values(outsiders())) {
      const courses = (await member.client.get('/api/courses?status=all')).json() as CourseSummary[];
      expect(courses.map((course) => course.id)).not.toContain(victimCourse.id);
      expect(await listed(member, '/api/caseload')).not.toContain(victimCourse.id);
    }
    const dmvList = (await fx.people.dmvCounsellor.client.get('/api/courses')).json() as CourseSummary[];
    expect(dmvList.map((course) => course.id)).toEqual([perpetratorCourse.id]);
    expect(JSON.stringify(dmvList)).not.toContain(victimCourse.clientLabel);
  });

  it('does not show the person\u2019s other side in the course history', async () => {
    const reread = (await fx.people.dmvCounsellor.client.get(`/api/courses/${perpetratorCourse.id}`)).json() as Course;
    expect(JSON.stringify(reread)).not.toContain(victimCourse.id);
    expect(reread.otherCourses).toEqual([]);
  });

  it('does not let the referrer of the linked case open a course, nor see it through the referral', async () => {
    const referral = await givenReferral(t, fx as never, { status: 'accepted' });
    expect((await postCourse(fx.people.policeReferrer, { origin: 'referral', referralId: referral.id })).statusCode).toBe(403);
  });
});
