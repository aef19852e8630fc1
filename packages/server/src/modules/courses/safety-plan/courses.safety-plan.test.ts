import type { Course, SafetyPlanVersionView, SafetyPlanView, SavedSafetyPlan } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import { checklistAnswers, expectStatus, givenWalkInCourse, startCourseTests, type CourseFixture } from '../course.builders.ts';

const plan = {
  safePeople: [{ name: 'Søsteren Lise', howToReach: 'Ring på hendes arbejde', note: 'Ved om kodeordet' }],
  safePlaces: [{ name: 'Lises lejlighed', address: 'Hemmelig Allé 7, 2. tv', note: 'Nøgle under måtten' }, { name: 'Hovedbiblioteket' }],
  warningSigns: ['Han begynder at drikke om eftermiddagen', 'Telefonen bliver tjekket'],
  emergencySteps: ['Gå ud ad bagdøren', 'Ring til Lise med kodeordet'],
  children: [{ name: 'A.', plan: 'Hentes af Lise fra skolen' }],
  importantDocuments: [{ document: 'passport', whereKept: 'Hos Lise' }, { document: 'medication' }],
  codeWords: [{ word: 'Kanelsnegl', meaning: 'Kom nu, ring 112' }],
  notes: 'Kanarie-5150 <script>alert(1)</script>',
};

describe('safety plan', () => {
  let t: TestApp;
  let fx: CourseFixture;
  beforeAll(async () => { ({ t, fx } = await startCourseTests()); });
  afterAll(async () => t.close());

  const client = () => fx.people.lokkCounsellor.client;

  it('is prompted by high risk, and the prompt goes once there is a plan', async () => {
    const course = await givenWalkInCourse(fx);
    expectStatus(await client().post(`/api/courses/${course.id}/risk-assessments`, { kind: 'checklist', instrumentKey: 'bro-tjekliste', instrumentVersion: 1, answers: checklistAnswers(16) }), 201);
    expect(((await client().get(`/api/courses/${course.id}`)).json() as Course).prompts.safetyPlan).toBe(true);
    expectStatus(await client().put(`/api/courses/${course.id}/safety-plan`, { content: plan, basedOnVersion: null }), 200);
    expect(((await client().get(`/api/courses/${course.id}`)).json() as Course)).toMatchObject({ prompts: { safetyPlan: false }, safetyPlanVersion: 1 });
  });

  it('keeps every version, encrypted; a stale save answers 409', async () => {
    const course = await givenWalkInCourse(fx);
    const empty = (await client().get(`/api/courses/${course.id}/safety-plan`)).json() as SafetyPlanView;
    expect(empty).toEqual({ current: null, versions: [] });
    expectStatus(await client().put(`/api/courses/${course.id}/safety-plan`, { content: plan, basedOnVersion: null }), 200);
    const second = expectStatus(await client().put(`/api/courses/${course.id}/safety-plan`, { content: { ...plan, codeWords: [] }, basedOnVersion: 1 }), 200).json() as SafetyPlanView;
    expect(second.current).toMatchObject({ version: 2, content: { codeWords: [] }, createdBy: { userId: fx.people.lokkCounsellor.user.id } });
    expect(second.versions.map((version) => version.version)).toEqual([2, 1]);
    const stale = await client().put(`/api/courses/${course.id}/safety-plan`, { content: plan, basedOnVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', errors: [{ path: 'body.basedOnVersion', message: 'stale_version' }] });
    const first = (await client().get(`/api/courses/${course.id}/safety-plan/versions/1`)).json() as SafetyPlanVersionView;
    expect(first.content.codeWords).toEqual(plan.codeWords);
    expect((await client().get(`/api/courses/${course.id}/safety-plan/versions/9`)).statusCode).toBe(404);
    const rows = await t.db.selectFrom('safety_plan_versions').select('content_enc').where('course_id', '=', course.id).execute();
    expect(JSON.stringify(rows)).not.toContain('Kanelsnegl');
    const audit = await t.db.selectFrom('audit_log').select('details').where('object_id', '=', course.id).where('action', '=', 'course.save_safety_plan').orderBy('id').execute();
    expect(audit.map((entry) => entry.details)).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('makes no new version of an unchanged plan: it answers the latest, marked unchanged', async () => {
    const course = await givenWalkInCourse(fx);
    const first = expectStatus(await client().put(`/api/courses/${course.id}/safety-plan`, { content: plan, basedOnVersion: null }), 200).json() as SavedSafetyPlan;
    expect(first).toMatchObject({ isUnchanged: false, current: { version: 1 } });
    // The same plan, with the spaces a form leaves, is the same plan.
    const same = { ...plan, warningSigns: plan.warningSigns.map((sign) => ` ${sign} `) };
    const again = expectStatus(await client().put(`/api/courses/${course.id}/safety-plan`, { content: same, basedOnVersion: 1 }), 200).json() as SavedSafetyPlan;
    expect(again).toMatchObject({ isUnchanged: true, current: { version: 1, content: plan } });
    expect(again.versions.map((version) => version.version)).toEqual([1]);
    const audit = await t.db.selectFrom('audit_log').select('details').where('object_id', '=', course.id).where('action', '=', 'course.save_safety_plan').execute();
    expect(audit).toHaveLength(1);
    const changed = expectStatus(await client().put(`/api/courses/${course.id}/safety-plan`, { content: { ...plan, notes: 'Ny note' }, basedOnVersion: 1 }), 200).json() as SavedSafetyPlan;
    expect(changed).toMatchObject({ isUnchanged: false, current: { version: 2 } });
  });

  it('refuses malformed content', async () => {
    const course = await givenWalkInCourse(fx);
    const response = await client().put(`/api/courses/${course.id}/safety-plan`, { content: { ...plan, importantDocuments: [{ document: 'diary' }] }, basedOnVersion: null });
    expect(response.statusCode).toBe(422);
  });

  describe('printing', () => {
    it('prints a neutral page without protected addresses, whose only script is its print button, and logs the print', async () => {
      const course = await givenWalkInCourse(fx, { addressProtection: 'name_and_address' });
      expectStatus(await client().put(`/api/courses/${course.id}/safety-plan`, { content: plan, basedOnVersion: null }), 200);
      const response = await client().get(`/api/courses/${course.id}/safety-plan/print`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
      // One script, allowed by its hash: the print button's window.print().
      expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+';/);
      expect(csp).not.toContain('unsafe-inline');
      const page = response.body;
      expect(page).toContain('<title>Min plan</title>');
      expect(page).toContain('Lises lejlighed');
      expect(page).not.toContain('Hemmelig Allé');
      expect(page).toContain('En adresse er udeladt af hensyn til din sikkerhed.');
      expect(page).toContain('Kanelsnegl');
      expect(page.match(/<script>/g)).toHaveLength(1);
      expect(page).toContain("<script>document.getElementById('print-button').addEventListener('click',function(){window.print()});</script>");
      expect(page).toContain('<button type="button" id="print-button" class="print-button">Udskriv</button>');
      expect(page).toContain('&lt;script&gt;');
      expect(page).toContain('@media print');
      // Neutral: nothing on the page names the service or says what it is about.
      expect(page).not.toContain(fx.services.lokk.name);
      expect(page.toLowerCase()).not.toContain('vold');
      const prints = await t.db.selectFrom('access_log').select(['action', 'object_type']).where('person_id', '=', course.personId).where('action', '=', 'print').execute();
      expect(prints).toEqual([{ action: 'print', object_type: 'safety_plan' }]);
    });

    it('keeps addresses when the address is known to be unprotected, and prints in English', async () => {
      const course = await givenWalkInCourse(fx, { addressProtection: 'none' });
      expectStatus(await client().put(`/api/courses/${course.id}/safety-plan`, { content: plan, basedOnVersion: null }), 200);
      const page = (await client().get(`/api/courses/${course.id}/safety-plan/print?lang=en`)).body;
      expect(page).toContain('Hemmelig Allé 7');
      expect(page).toContain('<title>My plan</title>');
      expect(page).toContain('lang="en"');
    });

    it('hides addresses once the protection flag is set', async () => {
      const course = await givenWalkInCourse(fx, { addressProtection: 'none' });
      expectStatus(await client().put(`/api/courses/${course.id}/safety-plan`, { content: plan, basedOnVersion: null }), 200);
      expectStatus(await client().put(`/api/courses/${course.id}/address-protection`, { addressProtection: 'shelter' }), 200);
      expect((await client().get(`/api/courses/${course.id}/safety-plan/print`)).body).not.toContain('Hemmelig Allé');
    });

    it('leaves out the headings with nothing under them', async () => {
      const course = await givenWalkInCourse(fx, { addressProtection: 'none' });
      const sparse = { safePeople: [{ name: 'Søsteren Lise' }], safePlaces: [], warningSigns: [], emergencySteps: [], children: [], importantDocuments: [], codeWords: [] };
      expectStatus(await client().put(`/api/courses/${course.id}/safety-plan`, { content: sparse, basedOnVersion: null }), 200);
      const page = (await client().get(`/api/courses/${course.id}/safety-plan/print`)).body;
      expect([...page.matchAll(/<h2>([^<]*)<\/h2>/g)].map((match) => match[1])).toEqual(['Personer, jeg trygt kan kontakte', 'Hvis der sker noget akut']);
      expect(page).not.toContain('Intet skrevet endnu.');
      expect(page).toContain('Ring 112 ved akut fare.');
    });

    it('answers 404 when there is no plan yet', async () => {
      const course = await givenWalkInCourse(fx);
      expect((await client().get(`/api/courses/${course.id}/safety-plan/print`)).statusCode).toBe(404);
    });
  });
});
