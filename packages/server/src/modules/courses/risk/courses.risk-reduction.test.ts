import type { Course, RiskAssessmentView, RiskReductionView } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import { broChecklistV1 } from '../../../demo/course-demo.ts';
import { checklistAnswers, expectStatus, givenCourseFromReferral, givenWalkInCourse, startCourseTests, type CourseFixture } from '../course.builders.ts';

/** Issue 12 §3: a course's risk level only goes down on purpose — a reasoned reassessment a supervisor confirms. */
describe('risk that only goes down on purpose', () => {
  let t: TestApp;
  let fx: CourseFixture;
  beforeAll(async () => { ({ t, fx } = await startCourseTests()); });
  afterAll(async () => t.close());

  const counsellor = () => fx.people.lokkCounsellor.client;
  const supervisor = () => fx.people.lokkSupervisor.client;
  const checklist = (yes: number) => ({ kind: 'checklist', instrumentKey: 'bro-tjekliste', instrumentVersion: 1, answers: checklistAnswers(yes) });
  const assess = async (courseId: string, yes: number) => expectStatus(await counsellor().post(`/api/courses/${courseId}/risk-assessments`, checklist(yes)), 201).json() as RiskAssessmentView;
  const levelOf = async (courseId: string) => ((await counsellor().get(`/api/courses/${courseId}`)).json() as Course).riskLevel;
  const askToLower = (courseId: string, body: Record<string, unknown> = { toLevel: 'standard', reason: 'Hun er flyttet til sin søster i en anden by; ingen kontakt i tre måneder' }) =>
    counsellor().post(`/api/courses/${courseId}/risk-reductions`, body);
  const decide = (courseId: string, reductionId: string, decision: 'confirm' | 'reject', client = supervisor()) =>
    client.post(`/api/courses/${courseId}/risk-reductions/${reductionId}/decision`, { decision, note: 'Drøftet på supervision' });
  const auditActions = async (courseId: string) =>
    (await t.db.selectFrom('audit_log').select('action').where('object_id', '=', courseId).where('action', 'like', '%risk%').orderBy('id').execute()).map((row) => row.action);

  it('a checklist with no "yes" never lowers the level', async () => {
    const course = await givenWalkInCourse(fx);
    expect((await assess(course.id, 14)).finalLevel).toBe('high');
    const calm = await assess(course.id, 0);
    // The assessment keeps its own level; the course keeps the highest.
    expect(calm.finalLevel).toBe('standard');
    expect(await levelOf(course.id)).toBe('high');
    expect(await assess(course.id, 10).then((assessed) => assessed.finalLevel)).toBe('medium');
    expect(await levelOf(course.id)).toBe('high');
  });

  it('a course opened from a high-risk referral starts high, and a calm checklist does not lower it', async () => {
    const { course } = await givenCourseFromReferral(t, fx, { riskLevel: 'high' });
    expect(course).toMatchObject({ riskLevel: 'high', isHighRisk: true, riskLevelSource: 'referral' });
    await assess(course.id, 0);
    expect(await levelOf(course.id)).toBe('high');
  });

  it('lowers the level only when a supervisor other than the counsellor confirms a reasoned reassessment', async () => {
    const course = await givenWalkInCourse(fx);
    await assess(course.id, 14);
    const requested = expectStatus(await askToLower(course.id), 201).json() as RiskReductionView;
    expect(requested).toMatchObject({ fromLevel: 'high', toLevel: 'standard', status: 'pending', requestedBy: { userId: fx.people.lokkCounsellor.user.id }, decidedAt: null });
    // Pending: nothing lowered yet, and a second request waits for the first.
    expect(await levelOf(course.id)).toBe('high');
    expect((await askToLower(course.id, { toLevel: 'medium', reason: 'Endnu en begrundelse for at sænke' })).json()).toMatchObject({ code: 'conflict', errors: [{ message: 'risk_reduction_pending' }] });

    // The supervisor sees it waiting; the counsellor cannot confirm their own (no permission), nor can a counsellor.
    const pending = expectStatus(await supervisor().get('/api/risk-reductions/pending'), 200).json() as RiskReductionView[];
    expect(pending.map((reduction) => reduction.id)).toContain(requested.id);
    expect((await decide(course.id, requested.id, 'confirm', counsellor())).statusCode).toBe(403);

    const confirmed = expectStatus(await decide(course.id, requested.id, 'confirm'), 200).json() as RiskReductionView;
    expect(confirmed).toMatchObject({ status: 'confirmed', decidedBy: { userId: fx.people.lokkSupervisor.user.id }, decisionNote: 'Drøftet på supervision' });
    expect(await levelOf(course.id)).toBe('standard');
    expect((await decide(course.id, requested.id, 'reject')).json()).toMatchObject({ code: 'conflict', errors: [{ message: 'risk_reduction_decided' }] });
    expect(await auditActions(course.id)).toEqual(['course.assess_risk', 'course.request_risk_reduction', 'course.confirm_risk_reduction']);

    // From the confirmed level, assessments raise it again as before.
    await assess(course.id, 10);
    expect(await levelOf(course.id)).toBe('medium');
    const history = (await counsellor().get(`/api/courses/${course.id}/risk-reductions`)).json() as RiskReductionView[];
    expect(history).toEqual([expect.objectContaining({ id: requested.id, status: 'confirmed', reason: expect.stringContaining('søster') })]);
  });

  it('keeps the level on a rejection, and refuses a reduction that does not lower or has no reason', async () => {
    const course = await givenWalkInCourse(fx);
    expect((await askToLower(course.id)).json()).toMatchObject({ errors: [{ path: 'body.toLevel', message: 'risk_level_not_set' }] });
    await assess(course.id, 10);
    expect((await askToLower(course.id, { toLevel: 'high', reason: 'Det er højere nu, faktisk' })).json()).toMatchObject({ errors: [{ path: 'body.toLevel', message: 'reduction_must_lower' }] });
    expect((await askToLower(course.id, { toLevel: 'standard', reason: '' })).statusCode).toBe(422);
    const requested = expectStatus(await askToLower(course.id), 201).json() as RiskReductionView;
    expect((expectStatus(await decide(course.id, requested.id, 'reject'), 200).json() as RiskReductionView).status).toBe('rejected');
    expect(await levelOf(course.id)).toBe('medium');
  });

  it('does not lower a level raised since the request', async () => {
    const course = await givenWalkInCourse(fx);
    await assess(course.id, 10);
    const requested = expectStatus(await askToLower(course.id), 201).json() as RiskReductionView;
    await assess(course.id, 14);
    expect((await decide(course.id, requested.id, 'confirm')).json()).toMatchObject({ code: 'conflict', errors: [{ message: 'risk_level_changed' }] });
    expect(await levelOf(course.id)).toBe('high');
  });

  it('keeps the reason encrypted at rest and logs every read of it', async () => {
    const course = await givenWalkInCourse(fx);
    await assess(course.id, 14);
    const requested = expectStatus(await askToLower(course.id), 201).json() as RiskReductionView;
    const stored = await t.db.selectFrom('risk_level_reductions').select('reason_enc').where('id', '=', requested.id).executeTakeFirstOrThrow();
    expect(stored.reason_enc).not.toContain('søster');
    await supervisor().get(`/api/courses/${course.id}/risk-reductions`);
    const reads = await t.db.selectFrom('access_log').select(['user_id', 'purpose']).where('object_id', '=', requested.id).execute();
    expect(reads).toEqual(expect.arrayContaining([{ user_id: fx.people.lokkSupervisor.user.id, purpose: 'course_supervision' }, { user_id: fx.people.lokkCounsellor.user.id, purpose: 'course_work' }]));
  });

  it('hides another service’s reductions (404) and lists none of them as pending', async () => {
    const course = await givenWalkInCourse(fx);
    await assess(course.id, 14);
    const requested = expectStatus(await askToLower(course.id), 201).json() as RiskReductionView;
    expect((await fx.people.dmvCounsellor.client.get(`/api/courses/${course.id}/risk-reductions`)).statusCode).toBe(404);
    expect((await fx.people.dmvCounsellor.client.post(`/api/courses/${course.id}/risk-reductions`, { toLevel: 'standard', reason: 'Ikke min sag, men alligevel' })).statusCode).toBe(404);
    expect((await fx.people.dmvCounsellor.client.get('/api/risk-reductions/pending')).statusCode).toBe(403);
    expect(await levelOf(course.id)).toBe('high');
    expect(requested.status).toBe('pending');
  });
});

describe('risk instrument definitions', () => {
  let t: TestApp;
  let fx: CourseFixture;
  beforeAll(async () => { ({ t, fx } = await startCourseTests()); });
  afterAll(async () => t.close());

  it('refuses a version with a single band (422 naming it), and stores nothing', async () => {
    const single = { ...broChecklistV1, key: 'et-baand', bands: [{ level: 'standard', minYes: 0 }] };
    const response = await fx.people.platformAdmin.client.post('/api/risk-instruments', single);
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.bands', message: 'instrument_invalid:at_least_two_bands' }] });
    expect(await t.db.selectFrom('risk_instruments').select('id').where('key', '=', 'et-baand').execute()).toEqual([]);
  });

  it('refuses bands that leave scores without a level or overlap', async () => {
    const gap = { ...broChecklistV1, key: 'hul-i-baand', bands: [{ level: 'medium', minYes: 2 }, { level: 'high', minYes: 5 }] };
    expect((await fx.people.platformAdmin.client.post('/api/risk-instruments', gap)).json()).toMatchObject({ errors: [{ path: 'body.bands.0.minYes', message: 'instrument_invalid:first_band_must_start_at_0' }] });
    const overlap = { ...broChecklistV1, key: 'overlap', bands: [{ level: 'standard', minYes: 0 }, { level: 'medium', minYes: 0 }] };
    expect((await fx.people.platformAdmin.client.post('/api/risk-instruments', overlap)).json()).toMatchObject({ errors: [{ path: 'body.bands.1', message: 'instrument_invalid:bands_must_rise' }] });
    const beyond = { ...broChecklistV1, key: 'for-hoejt', bands: [{ level: 'standard', minYes: 0 }, { level: 'high', minYes: 99 }] };
    expect((await fx.people.platformAdmin.client.post('/api/risk-instruments', beyond)).json()).toMatchObject({ errors: [{ path: 'body.bands.1.minYes', message: 'instrument_invalid:band_unreachable' }] });
  });
});
