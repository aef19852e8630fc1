import { generate, verify as verifyTotp } from 'otplib';
import { EligibilityRules, evaluateEligibility, findEligibilityRuleProblems, findInstrumentProblems, RiskInstrument, TriageFacts } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseDemoRules, loadCourseDemoData } from '../../demo/course-demo.ts';
import { courseDemoAccounts } from '../../demo/demo-accounts.ts';
import { loadDemoDataIfEmpty } from '../../demo/demo-data.ts';
import { sealAndVerifyAuditChain } from '../../test/audit-chain.ts';
import { createFixedClock } from '../../platform/clock.ts';
import { createFieldCipher } from '../../platform/field-encryption.ts';
import { TEST_ENCRYPTION_KEY, TEST_NOW } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';

const cipher = createFieldCipher(TEST_ENCRYPTION_KEY);
const clock = createFixedClock(TEST_NOW);

describe('course demo data', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    // The demo loader loads the course demo in its own transaction; a second, standalone load does nothing.
    expect(await loadDemoDataIfEmpty({ db: database.db, cipher, clock })).toEqual({ isLoaded: true });
    expect(await loadCourseDemoData({ db: database.db, cipher, clock })).toEqual({ isLoaded: false });
  });
  afterAll(async () => database?.drop());

  it('publishes the Danish checklist (24 items; ≤9 standard, 10–13 medium, ≥14 high), its version 2 with red flags, and the judgement form, all sound', async () => {
    const rows = await database.db.selectFrom('risk_instruments').select(['key', 'version', 'kind', 'definition']).orderBy('key').orderBy('version').execute();
    expect(rows.map((row) => [row.key, row.version, row.kind])).toEqual([
      ['bro-tjekliste', 1, 'checklist'],
      ['bro-tjekliste', 2, 'checklist'],
      ['bro-vurdering', 1, 'structured_judgement'],
    ]);
    const v2 = RiskInstrument.parse(rows[1]?.definition);
    const flagged = v2.kind === 'checklist' ? v2.items.filter((item) => item.redFlag).map((item) => [item.id, item.redFlag?.atLeast]) : [];
    expect(flagged).toEqual([
      ['breathing', 'medium'],
      ['threat_to_kill', 'medium'],
      ['weapon', 'medium'],
    ]);
    for (const row of rows) expect(findInstrumentProblems(RiskInstrument.parse(row.definition))).toEqual([]);
    const checklist = RiskInstrument.parse(rows[0]?.definition);
    expect(checklist.kind === 'checklist' && [checklist.items.length, checklist.bands]).toEqual([
      24,
      [
        { level: 'standard', minYes: 0 },
        { level: 'medium', minYes: 10 },
        { level: 'high', minYes: 14 },
      ],
    ]);
  });

  it('gives LOKK, Vores Vej Ud and Dialog mod Vold five-session templates and sound eligibility rules', async () => {
    const templates = await database.db
      .selectFrom('course_templates as t')
      .innerJoin('services as s', 's.id', 't.service_id')
      .select(['s.slug', 't.planned_sessions', 't.session_modes'])
      .orderBy('s.slug')
      .execute();
    expect(templates.map((row) => [row.slug, row.planned_sessions])).toEqual([
      ['dmv-behandling-voldsudoevere', 5],
      ['lokk-ambulant-raadgivning', 5],
      ['vores-vej-ud', 5],
    ]);
    const ruleSets = await database.db.selectFrom('eligibility_rule_sets').select('rules').execute();
    expect(ruleSets).toHaveLength(3);
    for (const ruleSet of ruleSets) expect(findEligibilityRuleProblems(EligibilityRules.parse(ruleSet.rules))).toEqual([]);
  });

  it('routes each Vores Vej Ud exclusion to its onward target', async () => {
    const hotline = await database.db.selectFrom('services').select('id').where('slug', '=', 'hotline-1888').executeTakeFirstOrThrow();
    const rules = courseDemoRules.voresVejUd(hotline.id);
    const facts = (overrides: Partial<TriageFacts>) => ({
      ...TriageFacts.parse({ gender: 'woman', age: 35, hasLeftPartner: 'no', threatLevel: 'medium', substanceAbuse: 'no', psychiatricDiagnosis: 'no', massiveStalking: 'no', honourRelatedConflict: 'no', ...overrides }),
      role: 'exposed' as const,
    });
    expect(evaluateEligibility(rules, facts({})).outcome).toBe('eligible');
    expect(evaluateEligibility(rules, facts({ substanceAbuse: 'yes' })).onward).toEqual({ category: 'substance_abuse_treatment' });
    expect(evaluateEligibility(rules, facts({ psychiatricDiagnosis: 'yes' })).onward).toEqual({ category: 'psychiatry' });
    expect(evaluateEligibility(rules, facts({ honourRelatedConflict: 'yes', threatLevel: 'high' })).onward).toEqual({ category: 'specialised_service', serviceId: hotline.id });
    expect(evaluateEligibility(rules, facts({ massiveStalking: 'yes', threatLevel: 'high' })).onward).toEqual({ category: 'specialised_service', serviceId: hotline.id });
  });

  it('adds the Danner shelter and the course accounts, each with a working TOTP secret and assigned to its service', async () => {
    const danner = await database.db
      .selectFrom('services as s')
      .innerJoin('organisations as o', 'o.id', 's.organisation_id')
      .select(['o.kind', 's.name', 's.service_line', 's.phone'])
      .where('s.slug', '=', 'danner-krisecenter')
      .executeTakeFirstOrThrow();
    expect(danner).toEqual({ kind: 'shelter', name: 'Krisecenterophold (§ 109)', service_line: 'victim', phone: '33 33 00 47' });
    for (const account of courseDemoAccounts) {
      const row = await database.db
        .selectFrom('users as u')
        .innerJoin('memberships as m', 'm.user_id', 'u.id')
        .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
        .select(['m.role', 'o.slug', 'u.totp_secret_enc'])
        .where('u.email', '=', account.email)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ role: account.role, slug: account.organisationSlug });
      const secret = cipher.decrypt(String(row.totp_secret_enc));
      expect(secret).toBe(account.totpSecret);
      expect((await verifyTotp({ secret, token: await generate({ secret }) })).valid).toBe(true);
    }
    const assigned = await database.db
      .selectFrom('service_staff as st')
      .innerJoin('memberships as m', 'm.id', 'st.membership_id')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('u.email')
      .orderBy('u.email')
      .execute();
    expect(assigned.map((row) => row.email)).toEqual([
      'danner@demo.bro.dk',
      'dmv.visitation@demo.bro.dk',
      'hotline@demo.bro.dk',
      'lokk.leder@demo.bro.dk',
      'lokk.raadgiver@demo.bro.dk',
      'lokk.visitation@demo.bro.dk',
      'mandecentret@demo.bro.dk',
      'voresvejud@demo.bro.dk',
    ]);
  });

  it('loads once, audited, with the chain intact', async () => {
    expect(await loadCourseDemoData({ db: database.db, cipher, clock })).toEqual({ isLoaded: false });
    const audit = await database.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'course_demo_data.load').execute();
    expect(audit).toEqual([{ action: 'course_demo_data.load', details: { instruments: 3, templates: 3, ruleSets: 3, accounts: 3, staffAssignments: 8 } }]);
    expect(await sealAndVerifyAuditChain(database.db)).toMatchObject({ isIntact: true });
  });

  it('loads inside the base loader\u2019s transaction, before its audit entry', async () => {
    const actions = await database.db.selectFrom('audit_log').select('action').where('action', 'in', ['course_demo_data.load', 'demo_data.load']).orderBy('id').execute();
    expect(actions.map((row) => row.action)).toEqual(['course_demo_data.load', 'demo_data.load']);
  });
});
