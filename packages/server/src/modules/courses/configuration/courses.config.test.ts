import type { Course, CourseServiceConfig, EligibilityRuleSetView } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import { expectStatus, givenWalkInCourse, startCourseTests, type CourseFixture } from '../course.builders.ts';

const label = (da: string) => ({ da, en: da });

describe('course configuration by the organisation admin', () => {
  let t: TestApp;
  let fx: CourseFixture;
  beforeAll(async () => { ({ t, fx } = await startCourseTests()); });
  afterAll(async () => t.close());

  const rulesUrl = () => `/api/course-config/services/${fx.services.lokk.id}/eligibility-rules`;
  const soundRules = () => ({
    targetGroups: [{ id: 'kvinder', label: label('Voldsudsatte kvinder'), conditions: [{ fact: 'role', in: ['exposed'] }, { fact: 'gender', in: ['woman'] }] }],
    exclusions: [{ id: 'misbrug', label: label('Misbrug'), conditions: [{ fact: 'substanceAbuse', is: true }], onward: { category: 'substance_abuse_treatment' } }],
    notInTargetGroupOnward: { category: 'outpatient_counselling', serviceId: fx.services.hotline.id },
  });

  it('lists the organisation\u2019s services with template, rules and staff — and nothing of another organisation', async () => {
    const configs = (await fx.people.lokkAdmin.client.get('/api/course-config/services')).json() as CourseServiceConfig[];
    expect(configs.map((config) => config.serviceName).sort()).toEqual(['LOKK rådgivning', 'LOKK samtalegrupper']);
    const lokk = configs.find((config) => config.serviceId === fx.services.lokk.id);
    expect(lokk).toMatchObject({ serviceLine: 'victim', template: { plannedSessions: 5, isDefault: true }, eligibility: null });
    expect(lokk?.staff.map((member) => member.userId).sort()).toEqual([fx.people.lokkCounsellor.user.id, fx.people.lokkCoordinator.user.id, fx.people.lokkSupervisor.user.id].sort());
    expect(lokk?.assignableStaff.map((member) => member.userId)).toContain(fx.people.lokkUnassignedCounsellor.user.id);
  });

  it('saves a template: new courses take its terms', async () => {
    const saved = expectStatus(
      await fx.people.lokkAdmin.client.put(`/api/course-config/services/${fx.services.lokkGroups.id}/template`, {
        plannedSessions: 8,
        sessionModes: ['in_person'],
        focus: ['counselling'],
        contactIntervalDays: 7,
        highRiskContactIntervalDays: 2,
        offersCaseConference: true,
      }),
      200,
    ).json() as CourseServiceConfig;
    expect(saved.template).toEqual({ plannedSessions: 8, sessionModes: ['in_person'], focus: ['counselling'], contactIntervalDays: 7, highRiskContactIntervalDays: 2, offersCaseConference: true, isDefault: false });
    const course = (await givenWalkInCourse(fx, { by: fx.people.lokkGroupCounsellor, serviceId: fx.services.lokkGroups.id })) as Course;
    expect(course).toMatchObject({ plannedSessions: 8, sessionModes: ['in_person'], focus: ['counselling'] });
  });

  it('saves eligibility rules as versions, newest first', async () => {
    const first = expectStatus(await fx.people.lokkAdmin.client.post(rulesUrl(), soundRules()), 201).json() as EligibilityRuleSetView;
    const second = expectStatus(await fx.people.lokkAdmin.client.post(rulesUrl(), { ...soundRules(), exclusions: [] }), 201).json() as EligibilityRuleSetView;
    expect([first.version, second.version]).toEqual([first.version, first.version + 1]);
    expect(second.createdBy).toMatchObject({ userId: fx.people.lokkAdmin.user.id });
    const versions = (await fx.people.lokkAdmin.client.get(rulesUrl())).json() as EligibilityRuleSetView[];
    expect(versions.map((version) => version.version)).toEqual([second.version, first.version]);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('object_id', '=', fx.services.lokk.id).where('action', '=', 'eligibility_rules.save').execute();
    expect(audit).toHaveLength(2);
  });

  describe('invalid rules answer 422, naming the problem and its place', () => {
    it.each([
      [
        'a range upside down',
        (rules: ReturnType<typeof soundRules>) => ({ ...rules, targetGroups: [{ ...rules.targetGroups[0], conditions: [{ fact: 'age', min: 67, max: 18 }] }] }),
        { path: 'body.targetGroups.0.conditions.0', message: 'rule_invalid:min_greater_than_max' },
      ],
      [
        'a range without bounds',
        (rules: ReturnType<typeof soundRules>) => ({ ...rules, targetGroups: [{ ...rules.targetGroups[0], conditions: [{ fact: 'monthsSinceLeftPartner' }] }] }),
        { path: 'body.targetGroups.0.conditions.0', message: 'rule_invalid:range_without_bounds' },
      ],
      [
        'two rules with one id',
        (rules: ReturnType<typeof soundRules>) => ({ ...rules, exclusions: [{ ...rules.exclusions[0], id: 'kvinder' }] }),
        { path: 'body.exclusions.0.id', message: 'rule_invalid:duplicate_rule_id' },
      ],
      [
        'conditions that cannot both hold',
        (rules: ReturnType<typeof soundRules>) => ({ ...rules, targetGroups: [{ ...rules.targetGroups[0], conditions: [{ fact: 'gender', in: ['woman'] }, { fact: 'gender', in: ['man'] }] }] }),
        { path: 'body.targetGroups.0.conditions.1', message: 'rule_invalid:contradicts_earlier_condition' },
      ],
      [
        'an onward service that does not exist',
        (rules: ReturnType<typeof soundRules>) => ({ ...rules, exclusions: [{ ...rules.exclusions[0], onward: { category: 'psychiatry', serviceId: '00000000-0000-4000-8000-000000000000' } }] }),
        { path: 'body.exclusions.0.onward.serviceId', message: 'rule_invalid:unknown_service' },
      ],
    ] as const)('%s', async (_name, breakRules, error) => {
      const response = await fx.people.lokkAdmin.client.post(rulesUrl(), breakRules(soundRules()));
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [error] });
    });

    it('an unknown fact (a rule that cannot be evaluated at all)', async () => {
      const rules = soundRules();
      const response = await fx.people.lokkAdmin.client.post(rulesUrl(), { ...rules, targetGroups: [{ ...rules.targetGroups[0], conditions: [{ fact: 'zodiacSign', is: true }] }] });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'validation_failed' });
      expect(JSON.stringify(response.json().errors)).toContain('body.targetGroups.0.conditions.0');
    });

    it('and save nothing', async () => {
      const before = (await fx.people.lokkAdmin.client.get(rulesUrl())).json() as EligibilityRuleSetView[];
      await fx.people.lokkAdmin.client.post(rulesUrl(), { ...soundRules(), targetGroups: [] });
      expect((await fx.people.lokkAdmin.client.get(rulesUrl())).json()).toHaveLength(before.length);
    });
  });

  it('assigns staff of the organisation only', async () => {
    const url = `/api/course-config/services/${fx.services.lokkGroups.id}/staff`;
    const foreign = await fx.people.lokkAdmin.client.put(url, { membershipIds: [fx.people.dmvCounsellor.user.membershipId] });
    expect(foreign.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.membershipIds.0', message: 'not_staff_of_the_organisation' }] });
    const admin = await fx.people.lokkAdmin.client.put(url, { membershipIds: [fx.people.lokkAdmin.user.membershipId] });
    expect(admin.statusCode).toBe(422);
    const saved = expectStatus(await fx.people.lokkAdmin.client.put(url, { membershipIds: [fx.people.lokkGroupCounsellor.user.membershipId, fx.people.lokkUnassignedCounsellor.user.membershipId] }), 200).json() as CourseServiceConfig;
    expect(saved.staff).toHaveLength(2);
    // The assignment takes effect at once: the newly assigned counsellor now sees the service's courses.
    expect((await fx.people.lokkUnassignedCounsellor.client.get(`/api/courses?serviceId=${fx.services.lokkGroups.id}`)).statusCode).toBe(200);
    expectStatus(await fx.people.lokkAdmin.client.put(url, { membershipIds: [fx.people.lokkGroupCounsellor.user.membershipId] }), 200);
  });

  it('answers 404 for another organisation\u2019s service, and 403 to anyone but an organisation admin', async () => {
    for (const [method, url, body] of [
      ['PUT', `/api/course-config/services/${fx.services.dmv.id}/template`, { plannedSessions: 5, sessionModes: ['phone'], focus: ['treatment'] }],
      ['POST', `/api/course-config/services/${fx.services.dmv.id}/eligibility-rules`, soundRules()],
      ['GET', `/api/course-config/services/${fx.services.dmv.id}/eligibility-rules`, undefined],
      ['PUT', `/api/course-config/services/${fx.services.dmv.id}/staff`, { membershipIds: [] }],
    ] as const) {
      const client = fx.people.lokkAdmin.client;
      const response = method === 'GET' ? await client.get(url) : method === 'PUT' ? await client.put(url, body) : await client.post(url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    for (const member of [fx.people.lokkCounsellor, fx.people.lokkSupervisor, fx.people.platformAdmin]) {
      expect((await member.client.get('/api/course-config/services')).statusCode).toBe(403);
      expect((await member.client.post(rulesUrl(), soundRules())).statusCode).toBe(403);
    }
  });
});
