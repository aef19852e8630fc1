import { verify as verifyPassword } from '@node-rs/argon2';
import { municipalities, proposeService, type Gender, type PersonRole, type ProgrammeOption } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReferralOptions } from '../modules/referrals/index.ts';
import { sealAndVerifyAuditChain } from '../test/audit-chain.ts';
import type { Actor } from '../platform/auth/authorization.ts';
import { createFixedClock } from '../platform/clock.ts';
import { createFieldCipher } from '../platform/field-encryption.ts';
import { TEST_ENCRYPTION_KEY, TEST_NOW } from '../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { DEMO_PASSWORD, demoAccounts, allDemoAccounts } from './demo-accounts.ts';
import { loadDemoDataIfEmpty } from './demo-data.ts';

const cipher = createFieldCipher(TEST_ENCRYPTION_KEY);
const clock = createFixedClock(TEST_NOW);

describe('demo data', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    expect(await loadDemoDataIfEmpty({ db: database.db, cipher, clock })).toEqual({ isLoaded: true });
  });
  afterAll(async () => database?.drop());

  const organisationsOfKind = (kind: string) => database.db.selectFrom('organisations').selectAll().where('kind', '=', kind).execute();

  it('has the 12 police districts, each with a unit for partner violence', async () => {
    const districts = await organisationsOfKind('police_district');
    expect(districts).toHaveLength(12);
    expect(new Set(districts.map((district) => district.police_district_code)).size).toBe(12);
    expect(districts.map((district) => district.name)).toEqual(expect.arrayContaining(['Københavns Politi', 'Bornholms Politi', 'Nordjyllands Politi', 'Københavns Vestegns Politi']));
    const units = await database.db.selectFrom('units').select('organisation_id').where('organisation_id', 'in', districts.map((district) => district.id)).execute();
    expect(new Set(units.map((unit) => unit.organisation_id)).size).toBe(12);
  });

  it('has the 98 municipalities with unique, official three-digit codes', async () => {
    const rows = await organisationsOfKind('municipality');
    expect(rows).toHaveLength(98);
    const codes = rows.map((row) => row.municipality_code);
    expect(new Set(codes).size).toBe(98);
    for (const code of codes) expect(code).toMatch(/^[0-9]{3}$/);
    const byCode = new Map(rows.map((row) => [row.municipality_code, row.name]));
    expect(Object.fromEntries(['101', '147', '155', '185', '400', '461', '751', '851'].map((code) => [code, byCode.get(code)]))).toEqual({
      '101': 'Københavns Kommune',
      '147': 'Frederiksberg Kommune',
      '155': 'Dragør Kommune',
      '185': 'Tårnby Kommune',
      '400': 'Bornholms Regionskommune',
      '461': 'Odense Kommune',
      '751': 'Aarhus Kommune',
      '851': 'Aalborg Kommune',
    });
    // 29 + 17 + 22 + 19 + 11 municipalities in the five regions.
    const perRegion = Object.groupBy(municipalities, (municipality) => municipality.region);
    expect(Object.fromEntries(Object.entries(perRegion).map(([region, list]) => [region, list?.length]))).toEqual({
      Hovedstaden: 29,
      Sjælland: 17,
      Syddanmark: 22,
      Midtjylland: 19,
      Nordjylland: 11,
    });
  });

  it('has the specialist services with their service lines, deadlines and public phone numbers', async () => {
    const rows = await database.db
      .selectFrom('services as s')
      .innerJoin('organisations as o', 'o.id', 's.organisation_id')
      .select(['s.slug', 's.name', 's.service_line', 's.phone', 's.first_contact_deadline_hours', 's.high_risk_deadline_hours', 's.max_contact_attempts', 'o.slug as organisation', 'o.kind'])
      .execute();
    const bySlug = new Map(rows.map((row) => [row.slug, row]));
    expect(bySlug.get('hotline-1888')).toMatchObject({ organisation: 'lev-uden-vold', kind: 'national_hotline', service_line: null, phone: '1888', first_contact_deadline_hours: 24, high_risk_deadline_hours: 4 });
    expect(bySlug.get('lokk-ambulant-raadgivning')).toMatchObject({ kind: 'counselling_service', service_line: 'victim', first_contact_deadline_hours: 48, high_risk_deadline_hours: 24, max_contact_attempts: 3 });
    expect(bySlug.get('mandecentret-raadgivning')).toMatchObject({ kind: 'shelter', service_line: 'victim' });
    expect(bySlug.get('dmv-behandling-voldsudoevere')).toMatchObject({ kind: 'perpetrator_programme', service_line: 'perpetrator', phone: '35 30 17 17' });
    expect(bySlug.get('dmv-raadgivning-voldsudsatte')).toMatchObject({ organisation: 'dialog-mod-vold', service_line: 'victim' });
    expect(bySlug.get('moedrehjaelpen-ud-af-voldens-skygge')).toMatchObject({ name: 'Ud af Voldens Skygge', kind: 'ngo' });
    expect(bySlug.get('vores-vej-ud')).toMatchObject({ organisation: 'kommune-koebenhavn', kind: 'municipality', service_line: 'victim' });
    expect(rows.filter((row) => row.organisation === 'lgbt-danmark')).toHaveLength(4);
    expect(await database.db.selectFrom('organisations').select('kind').where('slug', 'in', ['projekt-q-vaerk', 'bro-drift']).orderBy('slug').execute()).toEqual([
      { kind: 'platform_operator' },
      { kind: 'ngo' },
    ]);
  });

  it('has the programmes with their referring organisations', async () => {
    const referrers = await database.db
      .selectFrom('programme_referrers as r')
      .innerJoin('programmes as p', 'p.id', 'r.programme_id')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .select(['p.name as programme', 'o.slug as organisation'])
      .execute();
    const of = (programme: string) => referrers.filter((row) => row.programme === programme).map((row) => row.organisation).sort();
    expect(of('Interventionscenter')).toEqual(['kommune-dragoer', 'kommune-frederiksberg', 'kommune-taarnby', 'politi-koebenhavn']);
    const partnerskab = of('Partnerskab Mod Vold');
    expect(partnerskab).toHaveLength(10);
    expect(partnerskab.every((slug) => slug.startsWith('politi-'))).toBe(true);
    expect(partnerskab).not.toContain('politi-bornholm');
    expect(of('Vores Vej Ud')).toEqual(['kommune-koebenhavn']);
  });

  /** The programme as a referrer of the demo sees it (services narrowed to the programme, routing order). */
  async function demoProgramme(name: string): Promise<{ programme: ProgrammeOption; slugOf: (serviceId: string | undefined) => string | undefined }> {
    const referrer = await database.db.selectFrom('programmes as p').innerJoin('programme_referrers as pr', 'pr.programme_id', 'p.id').select('pr.organisation_id').where('p.name', '=', name).executeTakeFirstOrThrow();
    const actor = { organisationId: referrer.organisation_id, organisationKind: 'police_district' } as Actor;
    const options = await getReferralOptions({ db: database.db, clock, actor });
    const programme = options.programmes.find((candidate) => candidate.name === name);
    if (!programme) throw new Error(`no demo programme ${name}`);
    const services = await database.db.selectFrom('services').select(['id', 'slug']).execute();
    const slugs = new Map(services.map((row) => [row.id, row.slug]));
    return { programme, slugOf: (serviceId) => (serviceId === undefined ? undefined : slugs.get(serviceId)) };
  }

  it('routes the Interventionscenter by client type, with Hotline 1888 as the fallback', async () => {
    const { programme, slugOf } = await demoProgramme('Interventionscenter');
    const propose = (role: PersonRole, gender: Gender) => slugOf(proposeService(programme, { role, gender, age: undefined }));
    expect(propose('exposed', 'woman')).toBe('lokk-ambulant-raadgivning');
    expect(propose('exposed', 'man')).toBe('mandecentret-raadgivning');
    expect(propose('uses_violence', 'man')).toBe('dmv-behandling-voldsudoevere');
    expect(propose('uses_violence', 'woman')).toBe('dmv-behandling-voldsudoevere');
    expect(propose('both', 'woman')).toBe('hotline-1888');
    expect(propose('exposed', 'other')).toBe('hotline-1888');
    expect(propose('exposed', 'unknown')).toBe('hotline-1888');
    // Mødrehjælpen can be chosen but is never proposed: a flag says so, not its place after LOKK.
    const moedrehjaelpen = programme.services.find((service) => slugOf(service.id) === 'moedrehjaelpen-ud-af-voldens-skygge');
    expect(moedrehjaelpen).toMatchObject({ receivesRoles: ['exposed'], receivesGenders: ['woman'] });
    expect(programme.routingRules.find((rule) => rule.serviceId === moedrehjaelpen?.id)).toMatchObject({ isProposed: false });
    for (const role of ['exposed', 'uses_violence', 'both'] as const) {
      for (const gender of ['woman', 'man', 'other', 'unknown'] as const) expect(propose(role, gender)).not.toBe('moedrehjaelpen-ud-af-voldens-skygge');
    }
  });

  it('routes everyone in Partnerskab Mod Vold to Hotline 1888', async () => {
    const { programme, slugOf } = await demoProgramme('Partnerskab Mod Vold');
    expect(slugOf(proposeService(programme, { role: 'exposed', gender: 'woman', age: undefined }))).toBe('hotline-1888');
    expect(slugOf(proposeService(programme, { role: 'uses_violence', gender: 'man', age: undefined }))).toBe('hotline-1888');
  });

  it('has every demo account with its membership, known password and known TOTP secret, marked as demo', async () => {
    const rows = await database.db
      .selectFrom('users as u')
      .innerJoin('memberships as m', 'm.user_id', 'u.id')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .leftJoin('units as n', 'n.id', 'm.unit_id')
      .select(['u.email', 'u.password_hash', 'u.totp_secret_enc', 'u.totp_enrolled_at', 'u.is_active', 'u.is_demo', 'm.role', 'm.service_line', 'o.slug', 'o.name', 'n.name as unit'])
      .execute();
    expect(rows).toHaveLength(allDemoAccounts.length);
    for (const account of allDemoAccounts) {
      const row = rows.find((candidate) => candidate.email === account.email);
      expect(row, account.email).toMatchObject({
        role: account.role,
        service_line: account.serviceLine,
        slug: account.organisationSlug,
        name: account.organisation,
        unit: account.unitName,
        is_active: true,
        // Refused at sign-in with NODE_ENV=production: the password and secret are published.
        is_demo: true,
      });
      expect(cipher.decryptOptional(row?.totp_secret_enc ?? null), account.email).toBe(account.totpSecret);
      expect(row?.totp_enrolled_at === null, account.email).toBe(account.totpSecret === null);
    }
    expect(demoAccounts.filter((account) => account.totpSecret === null).map((account) => account.email)).toEqual(['taarnby@demo.bro.dk']);
    expect(new Set(demoAccounts.map((account) => account.role))).toEqual(new Set(['referrer', 'intake_coordinator', 'counsellor', 'organisation_admin', 'platform_admin']));
    expect(await verifyPassword(String(rows[0]?.password_hash), DEMO_PASSWORD)).toBe(true);
  });

  it('loads nothing a second time, and audits the one load', async () => {
    const count = async () =>
      Promise.all(
        (['organisations', 'units', 'users', 'memberships', 'services', 'programmes', 'programme_referrers', 'programme_services'] as const).map(async (table) =>
          Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
        ),
      );
    const before = await count();
    expect(await loadDemoDataIfEmpty({ db: database.db, cipher, clock })).toEqual({ isLoaded: false });
    expect(await count()).toEqual(before);
    expect(await database.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'demo_data.load').execute()).toEqual([
      { action: 'demo_data.load', details: { organisations: 12 + 98 + 8, services: 11, programmes: 3, accounts: demoAccounts.length } },
    ]);
    expect(await sealAndVerifyAuditChain(database.db)).toMatchObject({ isIntact: true });
  });
});

describe('demo data with two nodes starting at once', () => {
  it('loads once', async () => {
    const database = await createTestDatabase();
    try {
      const results = await Promise.all([loadDemoDataIfEmpty({ db: database.db, cipher, clock }), loadDemoDataIfEmpty({ db: database.db, cipher, clock })]);
      expect(results.filter((result) => result.isLoaded)).toHaveLength(1);
      // 12 districts, 98 municipalities, 8 organisations, and the shelter the directory demo adds (Danner).
      expect(await database.db.selectFrom('organisations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).toEqual({ n: String(12 + 98 + 8 + 1) });
    } finally {
      await database.drop();
    }
  });
});
