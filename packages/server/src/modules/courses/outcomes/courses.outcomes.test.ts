import type { Course, OutcomeView, SessionView } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import { checklistAnswers, expectStatus, givenWalkInCourse, safeSmsWeekdays, startCourseTests, type CourseFixture } from '../course.builders.ts';

describe('outcomes and closing', () => {
  let t: TestApp;
  let fx: CourseFixture;
  beforeAll(async () => { ({ t, fx } = await startCourseTests()); });
  afterAll(async () => t.close());

  const client = () => fx.people.lokkCounsellor.client;

  it('records the person\u2019s ratings at the first and last session, as structured data', async () => {
    const course = await givenWalkInCourse(fx);
    const session = expectStatus(await client().post(`/api/courses/${course.id}/sessions`, { plannedAt: '2026-11-20T10:00:00.000Z', mode: 'phone' }), 201).json() as SessionView;
    const first = expectStatus(await client().put(`/api/courses/${course.id}/outcomes/first`, { safety: 2, options: 3, violenceForms: ['psychological', 'physical', 'physical'], sessionId: session.id }), 200).json() as OutcomeView[];
    expect(first).toEqual([expect.objectContaining({ phase: 'first', safety: 2, options: 3, violenceForms: ['physical', 'psychological'], sessionId: session.id })]);
    const both = expectStatus(await client().put(`/api/courses/${course.id}/outcomes/last`, { safety: 7, options: 8, violenceForms: ['psychological'] }), 200).json() as OutcomeView[];
    expect(both.map((outcome) => [outcome.phase, outcome.safety, outcome.options])).toEqual([
      ['first', 2, 3],
      ['last', 7, 8],
    ]);
    const corrected = expectStatus(await client().put(`/api/courses/${course.id}/outcomes/last`, { safety: 6, options: 8, violenceForms: [] }), 200).json() as OutcomeView[];
    expect(corrected.find((outcome) => outcome.phase === 'last')).toMatchObject({ safety: 6, violenceForms: [] });
    const audit = await t.db.selectFrom('audit_log').select('details').where('object_id', '=', course.id).where('action', '=', 'course.record_outcome').orderBy('id').execute();
    expect(audit.map((entry) => entry.details)).toEqual([
      { phase: 'first', isCorrection: false, sessionId: session.id },
      { phase: 'last', isCorrection: false, sessionId: null },
      { phase: 'last', isCorrection: true, sessionId: null },
    ]);
    expect(((await client().get(`/api/courses/${course.id}`)).json() as Course).outcomes).toHaveLength(2);
  });

  it('refuses ratings outside 0–10, unknown forms of violence and another course\u2019s session', async () => {
    const [course, other] = [await givenWalkInCourse(fx), await givenWalkInCourse(fx)];
    const otherSession = expectStatus(await client().post(`/api/courses/${other.id}/sessions`, { plannedAt: '2026-11-20T10:00:00.000Z', mode: 'phone' }), 201).json() as SessionView;
    expect((await client().put(`/api/courses/${course.id}/outcomes/first`, { safety: 11, options: 3, violenceForms: [] })).statusCode).toBe(422);
    expect((await client().put(`/api/courses/${course.id}/outcomes/first`, { safety: 1, options: 3, violenceForms: ['spiritual'] })).statusCode).toBe(422);
    expect((await client().put(`/api/courses/${course.id}/outcomes/middle`, { safety: 1, options: 3, violenceForms: [] })).statusCode).toBe(422);
    expect((await client().put(`/api/courses/${course.id}/outcomes/first`, { safety: 1, options: 3, violenceForms: [], sessionId: otherSession.id })).json()).toMatchObject({
      errors: [{ path: 'body.sessionId', message: 'not_a_session_of_this_course' }],
    });
  });

  it('closes with a reason and an encrypted summary; afterwards every change answers 409 course_closed', async () => {
    const course = await givenWalkInCourse(fx);
    const closed = expectStatus(await client().post(`/api/courses/${course.id}/close`, { reason: 'completed', summary: 'Fem samtaler. Har fået plads i efterværn. Kanarie-9921.' }), 200).json() as Course;
    expect(closed).toMatchObject({
      status: 'closed',
      closing: { reason: 'completed', summary: 'Fem samtaler. Har fået plads i efterværn. Kanarie-9921.', closedBy: { userId: fx.people.lokkCounsellor.user.id } },
      allowedActions: [],
      isContactOverdue: false,
    });
    const row = await t.db.selectFrom('courses').select('closing_summary_enc').where('id', '=', course.id).executeTakeFirstOrThrow();
    expect(row.closing_summary_enc).not.toContain('Kanarie');
    const changes = [
      client().post(`/api/courses/${course.id}/close`, { reason: 'other' }),
      client().put(`/api/courses/${course.id}/outcomes/last`, { safety: 5, options: 5, violenceForms: [] }),
      client().post(`/api/courses/${course.id}/risk-assessments`, { kind: 'checklist', instrumentKey: 'bro-tjekliste', instrumentVersion: 1, answers: checklistAnswers(1) }),
      client().put(`/api/courses/${course.id}/safe-contact`, safeSmsWeekdays),
      client().put(`/api/courses/${course.id}/counsellor`, { counsellorUserId: null }),
      client().post(`/api/courses/${course.id}/underretninger`, { municipalityCode: '147', sentAt: t.clock.now().toISOString() }),
    ];
    for (const response of await Promise.all(changes)) {
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ errors: [{ message: 'course_closed' }] });
    }
    const audit = await t.db.selectFrom('audit_log').select('details').where('object_id', '=', course.id).where('action', '=', 'course.close').execute();
    expect(audit).toEqual([{ details: { fromStatus: 'triage', reason: 'completed', hasSummary: true } }]);
  });

  it('refuses an unknown closing reason', async () => {
    const course = await givenWalkInCourse(fx);
    expect((await client().post(`/api/courses/${course.id}/close`, { reason: 'bored' })).statusCode).toBe(422);
  });

  it('reassigns the counsellor (to a counsellor of the service only) and updates safe contact and protection, audited', async () => {
    const course = await givenWalkInCourse(fx);
    const unassigned = expectStatus(await fx.people.lokkCoordinator.client.put(`/api/courses/${course.id}/counsellor`, { counsellorUserId: null }), 200).json() as Course;
    expect(unassigned.counsellor).toBeNull();
    expect((await fx.people.lokkCoordinator.client.put(`/api/courses/${course.id}/counsellor`, { counsellorUserId: fx.people.lokkSupervisor.user.id })).statusCode).toBe(422);
    const contact = expectStatus(await client().put(`/api/courses/${course.id}/safe-contact`, safeSmsWeekdays), 200).json() as Course;
    expect(contact.safeContact).toEqual({ phone: safeSmsWeekdays.phone, email: safeSmsWeekdays.email, preferences: safeSmsWeekdays.preferences });
    const protectedCourse = expectStatus(await client().put(`/api/courses/${course.id}/address-protection`, { addressProtection: 'special' }), 200).json() as Course;
    expect(protectedCourse.addressProtection).toBe('special');
    const actions = await t.db.selectFrom('audit_log').select(['action', 'details']).where('object_id', '=', course.id).orderBy('id').execute();
    expect(actions.map((entry) => entry.action)).toEqual(['course.open', 'course.assign_counsellor', 'course.update_safe_contact', 'course.update_protection']);
    expect(JSON.stringify(actions)).not.toContain(safeSmsWeekdays.phone ?? '');
  });
});
