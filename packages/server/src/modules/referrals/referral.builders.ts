import type { ConsentDataCategory, CreateReferralRequest, Gender, PersonRole, ReferralForReferrer, RiskLevel, Role, ServiceLine } from '@bro/domain';
import type { LightMyRequestResponse } from 'fastify';
import type { GivenSession, GivenUser } from '../../test/builders.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * Test data for referrals: a realistic Interventionscenter set-up, built once per test file.
 *
 * - Københavns Politi (a unit with two referrers, plus a referrer without a unit) and Frederiksberg Kommune refer
 *   in the programme "Interventionscenter": a woman exposed to violence → LOKK (victim line); a person who uses
 *   violence → Dialog mod Vold (perpetrator line); otherwise the hotline Lev Uden Vold (both lines, fallback).
 * - Østjyllands Politi refers only to Mandecentret, in another programme: "another organisation".
 * - Each service has an intake coordinator and a counsellor; Dialog mod Vold also has a victim-line counsellor.
 *
 * Referrals are made through the HTTP API, so test data goes through the same rules as real use.
 */
export type Member = { user: GivenUser; session: GivenSession; client: ReturnType<TestApp['as']> };

export async function createReferralFixture(t: TestApp) {
  const { given } = t;
  const police = await given.organisation({ kind: 'police_district', name: 'Københavns Politi' });
  const policeUnit = await given.unit(police.id, 'Station City');
  const municipality = await given.organisation({ kind: 'municipality', name: 'Frederiksberg Kommune', municipalityCode: '147' });
  const lokk = await given.organisation({ kind: 'counselling_service', name: 'LOKK' });
  const dmv = await given.organisation({ kind: 'perpetrator_programme', name: 'Dialog mod Vold' });
  const hotline = await given.organisation({ kind: 'national_hotline', name: 'Lev Uden Vold' });
  const otherPolice = await given.organisation({ kind: 'police_district', name: 'Østjyllands Politi' });
  const mandecentret = await given.organisation({ kind: 'shelter', name: 'Mandecentret' });
  const operator = await given.organisation({ kind: 'platform_operator', name: 'Bro drift' });

  const lokkService = await given.service({ organisationId: lokk.id, name: 'LOKK rådgivning', serviceLine: 'victim', firstContactDeadlineHours: 48, highRiskDeadlineHours: 24, maxContactAttempts: 3 });
  const dmvService = await given.service({ organisationId: dmv.id, name: 'Dialog mod Vold behandling', serviceLine: 'perpetrator', firstContactDeadlineHours: 72, highRiskDeadlineHours: 24, maxContactAttempts: 3 });
  const hotlineService = await given.service({ organisationId: hotline.id, name: 'Hotline 1888', serviceLine: null, firstContactDeadlineHours: 24, highRiskDeadlineHours: 4, maxContactAttempts: 5 });
  const mandecentretService = await given.service({ organisationId: mandecentret.id, name: 'Mandecentret rådgivning', serviceLine: 'victim' });

  const programme = await given.programme({
    name: 'Interventionscenter',
    referrerOrganisationIds: [police.id, municipality.id],
    services: [
      { serviceId: lokkService.id, role: 'exposed', gender: 'woman', priority: 10 },
      { serviceId: dmvService.id, role: 'uses_violence', priority: 20 },
      { serviceId: hotlineService.id, isFallback: true, priority: 90 },
    ],
  });
  const otherProgramme = await given.programme({ name: 'Østjylland', referrerOrganisationIds: [otherPolice.id], services: [{ serviceId: mandecentretService.id, priority: 10 }] });

  const member = async (organisationId: string, role: Role, options: { serviceLine?: ServiceLine | null; unitId?: string | null } = {}): Promise<Member> => {
    const user = await given.user({ organisationId, role, serviceLine: options.serviceLine ?? null, unitId: options.unitId ?? null });
    const session = await given.session(user);
    return { user, session, client: t.as(session) };
  };

  return {
    organisations: { police, municipality, lokk, dmv, hotline, otherPolice, mandecentret, operator },
    policeUnit,
    services: { lokk: lokkService, dmv: dmvService, hotline: hotlineService, mandecentret: mandecentretService },
    programme,
    otherProgramme,
    people: {
      policeReferrer: await member(police.id, 'referrer', { unitId: policeUnit.id }),
      policeColleague: await member(police.id, 'referrer', { unitId: policeUnit.id }),
      policeReferrerWithoutUnit: await member(police.id, 'referrer'),
      municipalityReferrer: await member(municipality.id, 'referrer'),
      otherPoliceReferrer: await member(otherPolice.id, 'referrer'),
      lokkCoordinator: await member(lokk.id, 'intake_coordinator', { serviceLine: 'victim' }),
      lokkCounsellor: await member(lokk.id, 'counsellor', { serviceLine: 'victim' }),
      dmvCoordinator: await member(dmv.id, 'intake_coordinator', { serviceLine: 'perpetrator' }),
      dmvCounsellor: await member(dmv.id, 'counsellor', { serviceLine: 'perpetrator' }),
      dmvVictimCounsellor: await member(dmv.id, 'counsellor', { serviceLine: 'victim' }),
      hotlineCoordinator: await member(hotline.id, 'intake_coordinator'),
      hotlineCounsellor: await member(hotline.id, 'counsellor'),
      mandecentretCoordinator: await member(mandecentret.id, 'intake_coordinator'),
      platformAdmin: await member(operator.id, 'platform_admin'),
    },
  };
}

export type ReferralFixture = Awaited<ReturnType<typeof createReferralFixture>>;

/** A fresh app and the referral fixture, for one describe block's beforeAll (its afterAll closes `t`). */
export async function startReferralTests(options?: Parameters<typeof createTestApp>[0]): Promise<{ t: TestApp; fx: ReferralFixture }> {
  const t = await createTestApp(options);
  return { t, fx: await createReferralFixture(t) };
}

/**
 * Moves the fixed clock on. Sessions end after 15 idle minutes, so everyone signs in afresh: a test about
 * deadlines should not fail on session expiry.
 */
export async function advanceClock(t: TestApp, fixture: ReferralFixture, milliseconds: number): Promise<void> {
  t.clock.advance(milliseconds);
  for (const member of Object.values(fixture.people)) {
    member.session = await t.given.session(member.user);
    member.client = t.as(member.session);
  }
}
type Destination = 'lokk' | 'dmv' | 'hotline';

let sequence = 0;
const next = () => ++sequence;

const allConsentCategories: ConsentDataCategory[] = ['identity', 'cpr', 'contact', 'situation', 'children'];

type ReferralRequestOverrides = {
  to?: Destination;
  role?: PersonRole;
  gender?: Gender;
  riskLevel?: RiskLevel;
  consentCategories?: ConsentDataCategory[];
  consentTo?: string;
  withConsent?: boolean;
  send?: boolean;
  linkedReferralId?: string;
  cpr?: string;
  safeTimes?: string;
};

/**
 * A complete, valid create request. Defaults: a woman exposed to violence → LOKK, with consent to LOKK for every
 * category, sent at once. Each call has its own name, phone and situation text, so a test can search for them.
 */
export function referralRequest(
  t: TestApp,
  fixture: ReferralFixture,
  overrides: ReferralRequestOverrides = {},
): CreateReferralRequest & { person: { fullName: string }; situation: string; safeContact: { phone: string } } {
  const n = next();
  const to = overrides.to ?? 'lokk';
  const service = fixture.services[to];
  const role = overrides.role ?? (to === 'dmv' ? 'uses_violence' : 'exposed');
  const gender = overrides.gender ?? (role === 'uses_violence' ? 'man' : 'woman');
  return {
    programmeId: fixture.programme.id,
    serviceId: service.id,
    role,
    person: {
      fullName: `Testperson Nummer${n} Hansen`,
      ...(overrides.cpr === undefined ? { cpr: '010190-1234' } : overrides.cpr === '' ? {} : { cpr: overrides.cpr }),
      gender,
      birthYear: 1990,
      addressProtection: 'none',
    },
    ...(overrides.withConsent === false
      ? {}
      : {
          consent: {
            recipientOrganisationId: overrides.consentTo ?? service.organisation_id,
            dataCategories: overrides.consentCategories ?? allConsentCategories,
            purpose: 'referral_for_counselling',
            method: 'oral_at_scene',
            obtainedAt: t.clock.now().toISOString(),
          },
        }),
    safeContact: {
      phone: `+45 20 00 ${String(1000 + n).slice(-4, -2)} ${String(1000 + n).slice(-2)}`,
      isSafeToCall: 'yes',
      safeTimes: overrides.safeTimes ?? `Hverdage efter kl. ${8 + (n % 8)}`,
      voicemailAllowed: 'no',
      smsAllowed: 'unknown',
      ...{ language: 'da', interpreterNeeded: false, hasNoPhone: false },
    },
    childrenInHome: 'yes',
    underretning: 'sent',
    situation: `Situationsbeskrivelse ${n}: tilkaldt til adressen efter uro.`,
    riskLevel: overrides.riskLevel ?? 'standard',
    ...(overrides.linkedReferralId ? { linkedReferralId: overrides.linkedReferralId } : {}),
    send: overrides.send ?? true,
  };
}

export function idempotencyKey(): string {
  return `test-key-${next()}-${Math.random().toString(36).slice(2, 10)}`;
}

/** POST /api/referrals with a fresh Idempotency-Key unless one is given. */
export function postReferral(member: Member, body: unknown, key: string = idempotencyKey()): Promise<LightMyRequestResponse> {
  return member.client.post('/api/referrals', body as Record<string, unknown>, { 'idempotency-key': key });
}

/**
 * A referral in the given status, made the way real users make it. `received`: an intake coordinator opened it;
 * `accepted`: and accepted it.
 */
export async function givenReferral(
  t: TestApp,
  fixture: ReferralFixture,
  options: Parameters<typeof referralRequest>[2] & { by?: Member; status?: 'draft' | 'sent' | 'received' | 'accepted' } = {},
) {
  const status = options.status ?? 'sent';
  const request = referralRequest(t, fixture, { ...options, send: status !== 'draft' });
  const by = options.by ?? fixture.people.policeReferrer;
  const created = await postReferral(by, request);
  if (created.statusCode !== 201) throw new Error(`referral builder: create answered ${created.statusCode} ${created.body}`);
  const referral = created.json() as ReferralForReferrer;
  const coordinator = coordinatorFor(fixture, options.to ?? 'lokk');
  if (status === 'received' || status === 'accepted') await expectOk(coordinator.client.get(`/api/inbox/${referral.id}`));
  if (status === 'accepted') await expectOk(coordinator.client.post(`/api/inbox/${referral.id}/accept`, {}));
  return { id: referral.id, request, created: referral, coordinator };
}

function coordinatorFor(fixture: ReferralFixture, to: Destination): Member {
  return { lokk: fixture.people.lokkCoordinator, dmv: fixture.people.dmvCoordinator, hotline: fixture.people.hotlineCoordinator }[to];
}

async function expectOk(response: Promise<LightMyRequestResponse>): Promise<void> {
  const settled = await response;
  if (settled.statusCode >= 300) throw new Error(`referral builder: ${settled.statusCode} ${settled.body}`);
}
