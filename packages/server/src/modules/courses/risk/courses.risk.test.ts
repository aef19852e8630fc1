import type { Course, CourseSummary, RiskAssessmentView, RiskInstrumentView } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import { broChecklistV1, broChecklistV2, broJudgementV1 } from '../../../demo/course-demo.ts';
import { checklistAnswers, expectStatus, givenWalkInCourse, startCourseTests, type CourseFixture } from '../course.builders.ts';

const judgementAnswers = (level: 'standard' | 'medium' | 'high') => ({
  factors: Object.fromEntries(broJudgementV1.factorGroups.flatMap((group) => group.factors.map((factor) => [factor.id, { presence: 'present', relevance: 'high', note: `Note om ${factor.id}` }]))),
  scenarios: [{ description: 'Eskalering efter samlivsbruddet, især ved samvær med børnene' }],
  strategies: [{ category: 'safety_planning', description: 'Sikkerhedsplan med kodeord til søsteren' }],
  overall: { level, isImminent: level === 'high', rationale: 'Trusler om drab og kvælertag for nylig' },
});

describe('risk assessment', () => {
  let t: TestApp;
  let fx: CourseFixture;
  beforeAll(async () => { ({ t, fx } = await startCourseTests()); });
  afterAll(async () => t.close());

  const assess = (courseId: string, body: Record<string, unknown>) => fx.people.lokkCounsellor.client.post(`/api/courses/${courseId}/risk-assessments`, body);
  const checklist = (yes: number, extra: Record<string, unknown> = {}) => ({ kind: 'checklist', instrumentKey: 'bro-tjekliste', instrumentVersion: 1, answers: checklistAnswers(yes), ...extra });

  it('lists the published instruments as data', async () => {
    const instruments = (await fx.people.lokkCounsellor.client.get('/api/risk-instruments')).json() as RiskInstrumentView[];
    expect(instruments.map((instrument) => [instrument.definition.key, instrument.definition.version])).toEqual([
      ['bro-tjekliste', 1],
      ['bro-vurdering', 1],
    ]);
    const published = instruments[0]?.definition;
    expect(published?.kind === 'checklist' && published.items).toHaveLength(24);
  });

  it('bands a checklist by its "yes" answers; a high level flags the course, shortens its contact interval and prompts a safety plan', async () => {
    const course = await givenWalkInCourse(fx);
    const assessed = expectStatus(await assess(course.id, checklist(14)), 201).json() as RiskAssessmentView;
    expect(assessed).toMatchObject({ kind: 'checklist', computedLevel: 'high', finalLevel: 'high', yesCount: 14, unknownCount: 0, isRaisedByJudgement: false, assessedBy: { userId: fx.people.lokkCounsellor.user.id } });
    const reread = (await fx.people.lokkCounsellor.client.get(`/api/courses/${course.id}`)).json() as Course;
    expect(reread).toMatchObject({ riskLevel: 'high', isHighRisk: true, prompts: { safetyPlan: true, caseConference: false }, latestRiskAssessment: { id: assessed.id, finalLevel: 'high' } });
    // Three days instead of fourteen.
    expect(new Date(reread.nextContactDueAt).getTime() - new Date(reread.lastContactAt).getTime()).toBe(3 * 86_400_000);
    const list = (await fx.people.lokkCounsellor.client.get('/api/courses')).json() as CourseSummary[];
    expect(list[0]?.id).toBe(course.id);
  });

  it.each([
    [9, 'standard'],
    [10, 'medium'],
    [13, 'medium'],
  ] as const)('%i × yes → %s', async (yes, level) => {
    const course = await givenWalkInCourse(fx);
    expect((expectStatus(await assess(course.id, checklist(yes)), 201).json() as RiskAssessmentView).finalLevel).toBe(level);
  });

  it('lets professional judgement raise the level, with a reason', async () => {
    const course = await givenWalkInCourse(fx);
    const raised = expectStatus(await assess(course.id, checklist(3, { judgedLevel: 'high', judgementReason: 'Kvælertag i sidste uge' })), 201).json() as RiskAssessmentView;
    expect(raised).toMatchObject({ computedLevel: 'standard', finalLevel: 'high', isRaisedByJudgement: true, judgementReason: 'Kvælertag i sidste uge' });
    const missingReason = await assess(course.id, checklist(3, { judgedLevel: 'medium' }));
    expect(missingReason.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.judgementReason', message: 'judgement_reason_required' }] });
  });

  it('never lets judgement lower the checklist band (422)', async () => {
    const course = await givenWalkInCourse(fx);
    const response = await assess(course.id, checklist(15, { judgedLevel: 'medium', judgementReason: 'Virker rolig i dag' }));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.judgedLevel', message: 'judgement_cannot_lower' }] });
    expect(((await fx.people.lokkCounsellor.client.get(`/api/courses/${course.id}`)).json() as Course).riskLevel).toBeNull();
  });

  it('refuses an unknown instrument version (422) and a half-filled checklist', async () => {
    const course = await givenWalkInCourse(fx);
    const unknownVersion = await assess(course.id, checklist(3, { instrumentVersion: 7 }));
    expect(unknownVersion.statusCode).toBe(422);
    expect(unknownVersion.json()).toMatchObject({ errors: [{ path: 'body.instrumentVersion', message: 'instrument_version_unknown' }] });
    expect((await assess(course.id, checklist(3, { instrumentKey: 'dash' }))).json()).toMatchObject({ errors: [{ message: 'instrument_version_unknown' }] });
    const answers = checklistAnswers(3);
    delete answers.own_view;
    const halfFilled = await assess(course.id, { ...checklist(3), answers });
    expect(halfFilled.json()).toMatchObject({ errors: [{ path: 'body.answers.own_view', message: 'missing_answer' }] });
    const wrongKind = await assess(course.id, { kind: 'structured_judgement', instrumentKey: 'bro-tjekliste', instrumentVersion: 1, answers: judgementAnswers('high') });
    expect(wrongKind.json()).toMatchObject({ errors: [{ path: 'body.kind', message: 'instrument_kind_mismatch' }] });
  });

  it('records a structured judgement without a score, but not below the latest checklist band', async () => {
    const course = await givenWalkInCourse(fx);
    const judgement = { kind: 'structured_judgement', instrumentKey: 'bro-vurdering', instrumentVersion: 1 };
    const first = expectStatus(await assess(course.id, { ...judgement, answers: judgementAnswers('medium') }), 201).json() as RiskAssessmentView;
    expect(first).toMatchObject({ computedLevel: null, finalLevel: 'medium', yesCount: null, judgementAnswers: { overall: { level: 'medium' } } });
    expectStatus(await assess(course.id, checklist(14)), 201);
    const lower = await assess(course.id, { ...judgement, answers: judgementAnswers('medium') });
    expect(lower.json()).toMatchObject({ errors: [{ path: 'body.answers.overall.level', message: 'judgement_cannot_lower' }] });
    const incomplete = await assess(course.id, { ...judgement, answers: { ...judgementAnswers('high'), factors: {} } });
    expect(incomplete.json()).toMatchObject({ code: 'validation_failed' });
    expect(JSON.stringify(incomplete.json().errors)).toContain('body.answers.factors.physical_violence');
  });

  it('keeps the risk history — who, when, answers, level, reasoning — encrypted at rest', async () => {
    const course = await givenWalkInCourse(fx);
    expectStatus(await assess(course.id, checklist(2)), 201);
    expectStatus(await assess(course.id, { kind: 'structured_judgement', instrumentKey: 'bro-vurdering', instrumentVersion: 1, answers: judgementAnswers('high') }), 201);
    const history = (await fx.people.lokkCounsellor.client.get(`/api/courses/${course.id}/risk-assessments`)).json() as RiskAssessmentView[];
    expect(history.map((assessment) => [assessment.kind, assessment.finalLevel])).toEqual([
      ['structured_judgement', 'high'],
      ['checklist', 'standard'],
    ]);
    expect(history[1]?.checklistAnswers).toEqual(checklistAnswers(2));
    const rows = await t.db.selectFrom('risk_assessments').select(['answers_enc']).where('course_id', '=', course.id).execute();
    expect(JSON.stringify(rows)).not.toContain('Trusler om drab');
    const audit = await t.db.selectFrom('audit_log').select('details').where('object_id', '=', course.id).where('action', '=', 'course.assess_risk').orderBy('id').execute();
    expect(audit.map((entry) => entry.details)).toEqual([expect.objectContaining({ finalLevel: 'standard', fromLevel: null }), expect.objectContaining({ finalLevel: 'high', fromLevel: 'standard' })]);
  });

  describe('red flags', () => {
    it('strangulation, threats to kill and a weapon answered "yes" give at least medium; the v1 assessment keeps its level', async () => {
      // The demo's version 2, under its own key here so the version tests below keep theirs.
      expectStatus(await fx.people.platformAdmin.client.post('/api/risk-instruments', { ...broChecklistV2, key: 'roede-flag' }), 201);
      const course = await givenWalkInCourse(fx);
      const answers = { ...checklistAnswers(0), breathing: 'yes', threat_to_kill: 'yes', weapon: 'yes' };
      const old = expectStatus(await assess(course.id, checklist(0, { answers })), 201).json() as RiskAssessmentView;
      expect(old).toMatchObject({ instrumentVersion: 1, yesCount: 3, computedLevel: 'standard', finalLevel: 'standard' });
      const flagged = expectStatus(await assess(course.id, checklist(0, { instrumentKey: 'roede-flag', instrumentVersion: 2, answers })), 201).json() as RiskAssessmentView;
      expect(flagged).toMatchObject({ yesCount: 3, computedLevel: 'medium', finalLevel: 'medium' });
      const history = expectStatus(await fx.people.lokkCounsellor.client.get(`/api/courses/${course.id}/risk-assessments`), 200).json() as RiskAssessmentView[];
      expect(history.map((assessment) => [assessment.instrumentKey, assessment.computedLevel])).toEqual([
        ['roede-flag', 'medium'],
        ['bro-tjekliste', 'standard'],
      ]);
    });
  });

  describe('publishing instruments', () => {
    it('publishes a new version as data; versions only go up', async () => {
      const v2 = { ...broChecklistV1, version: 2, bands: [{ level: 'standard', minYes: 0 }, { level: 'high', minYes: 12 }] };
      const published = expectStatus(await fx.people.platformAdmin.client.post('/api/risk-instruments', v2), 201).json() as RiskInstrumentView;
      expect(published.definition).toMatchObject({ key: 'bro-tjekliste', version: 2 });
      expect((await fx.people.platformAdmin.client.post('/api/risk-instruments', v2)).statusCode).toBe(409);
      expect((await fx.people.platformAdmin.client.post('/api/risk-instruments', { ...v2, version: 1 })).statusCode).toBe(409);
      const course = await givenWalkInCourse(fx);
      expect((expectStatus(await assess(course.id, checklist(12, { instrumentVersion: 2 })), 201).json() as RiskAssessmentView).finalLevel).toBe('high');
    });

    it('refuses bands that cannot work, naming them', async () => {
      const response = await fx.people.platformAdmin.client.post('/api/risk-instruments', { ...broChecklistV1, key: 'anden-tjekliste', bands: [{ level: 'medium', minYes: 3 }, { level: 'high', minYes: 10 }] });
      expect(response.json()).toMatchObject({ errors: [{ path: 'body.bands.0.minYes', message: 'instrument_invalid:first_band_must_start_at_0' }] });
    });

    it('is for the platform admin only', async () => {
      expect((await fx.people.lokkCounsellor.client.post('/api/risk-instruments', { ...broChecklistV1, version: 9 })).statusCode).toBe(403);
      expect((await fx.people.lokkAdmin.client.post('/api/risk-instruments', { ...broChecklistV1, version: 9 })).statusCode).toBe(403);
    });
  });
});
