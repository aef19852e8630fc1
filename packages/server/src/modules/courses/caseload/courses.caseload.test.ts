import type { CaseloadOverview, CounsellorCaseloadSummary, Course } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { advanceCourseClock, checklistAnswers, createCourseFixture, expectStatus, givenWalkInCourse, type CourseFixture } from '../course.builders.ts';

const DAY = 86_400_000;

describe('caseload overview and supervision', () => {
  let t: TestApp;
  let fx: CourseFixture;
  let quiet: Course;
  let highRisk: Course;
  let attendedRecently: Course;
  let closed: Course;
  let sessionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createCourseFixture(t);
    const client = () => fx.people.lokkCounsellor.client;
    // Opened 20 days ago and not seen since: past the 14-day contact interval.
    quiet = await givenWalkInCourse(fx, { label: 'Stille Sørensen' });
    attendedRecently = await givenWalkInCourse(fx, { label: 'Aktiv Andersen' });
    closed = await givenWalkInCourse(fx, { label: 'Lukket Larsen' });
    await advanceCourseClock(t, fx, 20 * DAY);
    const held = expectStatus(await client().post(`/api/courses/${attendedRecently.id}/sessions`, { plannedAt: new Date(t.clock.now().getTime() - DAY).toISOString(), mode: 'phone' }), 201).json() as { id: string };
    expectStatus(await client().post(`/api/courses/${attendedRecently.id}/sessions/${held.id}/attendance`, { attendance: 'attended' }), 200);
    expectStatus(await client().post(`/api/courses/${closed.id}/close`, { reason: 'moved_away' }), 200);
    // High risk, opened four days ago: past its shortened three-day interval.
    highRisk = await givenWalkInCourse(fx, { label: 'Høj Hansen' });
    expectStatus(await client().post(`/api/courses/${highRisk.id}/risk-assessments`, { kind: 'checklist', instrumentKey: 'bro-tjekliste', instrumentVersion: 1, answers: checklistAnswers(20) }), 201);
    const upcoming = expectStatus(await client().post(`/api/courses/${quiet.id}/sessions`, { plannedAt: new Date(t.clock.now().getTime() + 2 * DAY).toISOString(), mode: 'in_person' }), 201).json() as { id: string };
    sessionId = upcoming.id;
    await advanceCourseClock(t, fx, 4 * DAY);
    // A course of another counsellor of the same service, and one of another service: never in this caseload.
    await givenWalkInCourse(fx, { by: fx.people.lokkGroupCounsellor, serviceId: fx.services.lokkGroups.id });
  });
  afterAll(async () => t.close());

  it('shows my open courses, high risk first, then the longest without contact', async () => {
    const overview = (await fx.people.lokkCounsellor.client.get('/api/caseload')).json() as CaseloadOverview;
    expect(overview.counsellor).toMatchObject({ userId: fx.people.lokkCounsellor.user.id });
    expect(overview.courses.map((course) => course.clientLabel)).toEqual(['Høj Hansen', 'Stille Sørensen', 'Aktiv Andersen']);
    expect(overview.courses[0]).toMatchObject({ isHighRisk: true, riskLevel: 'high' });
  });

  it('lists the upcoming sessions of the next two weeks', async () => {
    const overview = (await fx.people.lokkCounsellor.client.get('/api/caseload')).json() as CaseloadOverview;
    // The session planned two days ahead is now two days past: nothing upcoming, until one is planned.
    expect(overview.upcomingSessions).toEqual([]);
    const next = expectStatus(await fx.people.lokkCounsellor.client.post(`/api/courses/${highRisk.id}/sessions`, { plannedAt: new Date(t.clock.now().getTime() + 3 * DAY).toISOString(), mode: 'video' }), 201).json() as { id: string };
    const later = (await fx.people.lokkCounsellor.client.get('/api/caseload')).json() as CaseloadOverview;
    expect(later.upcomingSessions).toEqual([expect.objectContaining({ courseId: highRisk.id, sessionId: next.id, clientLabel: 'Høj Hansen', mode: 'video', isHighRisk: true })]);
    expect(sessionId).toBeTruthy();
  });

  it('flags the courses without contact: 14 days, or 3 for high risk', async () => {
    const overview = (await fx.people.lokkCounsellor.client.get('/api/caseload')).json() as CaseloadOverview;
    expect(overview.withoutContact.map((course) => course.clientLabel)).toEqual(['Høj Hansen', 'Stille Sørensen']);
    expect(overview.courses.find((course) => course.id === attendedRecently.id)?.isContactOverdue).toBe(false);
    expect(JSON.stringify(overview)).not.toContain(closed.id);
  });

  it('logs the caseload as a list read of each course', async () => {
    await fx.people.lokkCounsellor.client.get('/api/caseload');
    const reads = await t.db.selectFrom('access_log').select(['action', 'purpose']).where('object_id', '=', quiet.id).where('action', '=', 'list').execute();
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]).toEqual({ action: 'list', purpose: 'course_work' });
  });

  it('lets a supervisor see the counts per counsellor, and one counsellor\u2019s caseload', async () => {
    const summaries = (await fx.people.lokkSupervisor.client.get('/api/supervision/caseloads')).json() as CounsellorCaseloadSummary[];
    expect(summaries).toEqual([{ counsellor: { userId: fx.people.lokkCounsellor.user.id, displayName: expect.any(String) }, openCourses: 3, highRiskCourses: 1, coursesWithoutContact: 2 }]);
    const caseload = (await fx.people.lokkSupervisor.client.get(`/api/supervision/caseloads/${fx.people.lokkCounsellor.user.id}`)).json() as CaseloadOverview;
    expect(caseload.courses.map((course) => course.id)).toEqual([highRisk.id, quiet.id, attendedRecently.id]);
    const reads = await t.db.selectFrom('access_log').select('purpose').where('user_id', '=', fx.people.lokkSupervisor.user.id).where('object_id', '=', highRisk.id).execute();
    expect(reads).toContainEqual({ purpose: 'course_supervision' });
  });

  it('keeps counsellors of other services and organisations out of the supervisor\u2019s reach (404), and the supervision routes from counsellors (403)', async () => {
    expect((await fx.people.lokkSupervisor.client.get(`/api/supervision/caseloads/${fx.people.lokkGroupCounsellor.user.id}`)).statusCode).toBe(404);
    expect((await fx.people.lokkSupervisor.client.get(`/api/supervision/caseloads/${fx.people.dmvCounsellor.user.id}`)).statusCode).toBe(404);
    expect((await fx.people.lokkCounsellor.client.get('/api/supervision/caseloads')).statusCode).toBe(403);
    expect((await fx.people.lokkCounsellor.client.get(`/api/supervision/caseloads/${fx.people.lokkCounsellor.user.id}`)).statusCode).toBe(403);
  });
});
