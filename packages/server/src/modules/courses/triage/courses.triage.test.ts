import type { Course, TriageEvaluationView, TriageView } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { courseDemoRules } from '../../../demo/course-demo.ts';
import { createCourseFixture, expectStatus, givenCourseFromReferral, givenWalkInCourse, type CourseFixture } from '../course.builders.ts';

/** Vores Vej Ud's rules (course-demo.ts, from seed 003) on LOKK's group service, to test triage against real rules. */
describe('triage', () => {
  let t: TestApp;
  let fx: CourseFixture;
  const womanWithoutExclusions = { gender: 'woman', age: 41, hasLeftPartner: 'no', threatLevel: 'medium', substanceAbuse: 'no', psychiatricDiagnosis: 'no', massiveStalking: 'no', honourRelatedConflict: 'no' };

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createCourseFixture(t);
    expectStatus(await fx.people.lokkAdmin.client.post(`/api/course-config/services/${fx.services.lokkGroups.id}/eligibility-rules`, courseDemoRules.voresVejUd(fx.services.hotline.id)), 201);
  });
  afterAll(async () => t.close());

  const groupCourse = () => givenWalkInCourse(fx, { by: fx.people.lokkGroupCounsellor, serviceId: fx.services.lokkGroups.id });
  const client = () => fx.people.lokkGroupCounsellor.client;

  it('evaluates without storing: which rule applies and why', async () => {
    const course = await groupCourse();
    const response = expectStatus(await client().post(`/api/courses/${course.id}/triage/evaluate`, { facts: { ...womanWithoutExclusions, hasLeftPartner: 'yes', monthsSinceLeftPartner: 8 } }), 200);
    const view = response.json() as TriageEvaluationView;
    expect(view).toMatchObject({ ruleSetVersion: 1, evaluation: { outcome: 'eligible', proposal: 'accept', matchedTargetGroupIds: ['individuelt_forloeb', 'samtalegruppe'] } });
    expect(await t.db.selectFrom('course_triage_decisions').select('id').where('course_id', '=', course.id).execute()).toEqual([]);
  });

  it('proposes the exclusion\u2019s onward route: high threat → specialised service (the hotline)', async () => {
    const course = await groupCourse();
    const view = (await client().post(`/api/courses/${course.id}/triage/evaluate`, { facts: { ...womanWithoutExclusions, massiveStalking: 'yes', threatLevel: 'high' } })).json() as TriageEvaluationView;
    expect(view.evaluation).toMatchObject({ outcome: 'excluded', proposal: 'refer_onward', appliedExclusionId: 'hoejt_trusselsniveau', onward: { category: 'specialised_service', serviceId: fx.services.hotline.id } });
  });

  it('records an accept: the course becomes active, with the facts and evaluation encrypted', async () => {
    const course = await groupCourse();
    const decided = expectStatus(await client().post(`/api/courses/${course.id}/triage`, { facts: womanWithoutExclusions, decision: 'accept' }), 201).json() as TriageView;
    expect(decided).toMatchObject({ decision: 'accept', reason: null, ruleSetVersion: 1, evaluation: { outcome: 'eligible' }, decidedBy: { userId: fx.people.lokkGroupCounsellor.user.id } });
    const reread = (await client().get(`/api/courses/${course.id}`)).json() as Course;
    expect(reread).toMatchObject({ status: 'active', triage: { decision: 'accept', outcome: 'eligible' } });
    expect(reread.allowedActions).not.toContain('triage');
    const row = await t.db.selectFrom('course_triage_decisions').selectAll().where('course_id', '=', course.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: 'eligible', proposal: 'accept', decision: 'accept' });
    expect(row.facts_enc).not.toContain('substanceAbuse');
    const audit = await t.db.selectFrom('audit_log').select('details').where('object_id', '=', course.id).where('action', '=', 'course.triage').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ decision: 'accept', outcome: 'eligible', ruleSetVersion: 1, isAgainstProposal: false });
    expect(JSON.stringify(audit.details)).not.toContain('substance');
  });

  it('records an onward decision with the rules\u2019 category: the course moves to bridging', async () => {
    const course = await groupCourse();
    const decided = expectStatus(await client().post(`/api/courses/${course.id}/triage`, { facts: { ...womanWithoutExclusions, substanceAbuse: 'yes' }, decision: 'refer_onward' }), 201).json() as TriageView;
    expect(decided).toMatchObject({ decision: 'refer_onward', onwardCategory: 'substance_abuse_treatment', evaluation: { appliedExclusionId: 'misbrug' } });
    expect(((await client().get(`/api/courses/${course.id}`)).json() as Course).status).toBe('bridging');
  });

  it('needs a reason to decide against the proposal, or while the rules cannot decide', async () => {
    const course = await groupCourse();
    const against = await client().post(`/api/courses/${course.id}/triage`, { facts: { ...womanWithoutExclusions, psychiatricDiagnosis: 'yes' }, decision: 'accept' });
    expect(against.statusCode).toBe(422);
    expect(against.json()).toMatchObject({ errors: [{ path: 'body.reason', message: 'required_when_deciding_against_the_proposal' }] });
    const unclear = await client().post(`/api/courses/${course.id}/triage`, { facts: { gender: 'woman', age: 30 }, decision: 'accept' });
    expect(unclear.json()).toMatchObject({ errors: [{ path: 'body.reason', message: 'required_when_deciding_against_the_proposal' }] });
    const decided = expectStatus(await client().post(`/api/courses/${course.id}/triage`, { facts: { ...womanWithoutExclusions, psychiatricDiagnosis: 'yes' }, decision: 'accept', reason: 'Diagnosen er velbehandlet; aftalt med psykiatrien' }), 201).json() as TriageView;
    expect(decided.reason).toBe('Diagnosen er velbehandlet; aftalt med psykiatrien');
    const listed = (await client().get(`/api/courses/${course.id}/triage`)).json() as TriageView[];
    expect(listed).toHaveLength(1);
  });

  it('needs a category for an onward decision the rules did not propose', async () => {
    const course = await groupCourse();
    const response = await client().post(`/api/courses/${course.id}/triage`, { facts: womanWithoutExclusions, decision: 'refer_onward', reason: 'Ønsker hellere krisecenter' });
    expect(response.json()).toMatchObject({ errors: [{ path: 'body.onwardCategory', message: 'required_for_onward_referral' }] });
    expectStatus(await client().post(`/api/courses/${course.id}/triage`, { facts: womanWithoutExclusions, decision: 'refer_onward', reason: 'Ønsker hellere krisecenter', onwardCategory: 'shelter' }), 201);
  });

  it('decides once: a second triage is refused (409)', async () => {
    const course = await groupCourse();
    expectStatus(await client().post(`/api/courses/${course.id}/triage`, { facts: womanWithoutExclusions, decision: 'accept' }), 201);
    expect((await client().post(`/api/courses/${course.id}/triage`, { facts: womanWithoutExclusions, decision: 'accept' })).statusCode).toBe(409);
  });

  it('proposes to accept when the service has no rules', async () => {
    const { course } = await givenCourseFromReferral(t, fx);
    const view = (await fx.people.lokkCounsellor.client.post(`/api/courses/${course.id}/triage/evaluate`, { facts: {} })).json() as TriageEvaluationView;
    expect(view).toEqual({ ruleSetVersion: null, evaluation: expect.objectContaining({ outcome: 'no_rules', proposal: 'accept' }) });
  });

  it('refuses malformed facts', async () => {
    const course = await groupCourse();
    const response = await client().post(`/api/courses/${course.id}/triage/evaluate`, { facts: { age: 300, favouriteColour: 'blue' } });
    expect(response.statusCode).toBe(422);
  });
});
