import type { Course, CourseSafeContactInput, CoursePersonRole, ServiceLine, Role } from '@bro/domain';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { broChecklistV1, broJudgementV1 } from '../../demo/course-demo.ts';
import { createReferralFixture, givenReferral, idempotencyKey, type Member, type ReferralFixture } from '../referrals/testing.ts';

/**
 * Test data for courses, on top of the referral fixture (police, LOKK, Dialog mod Vold, the hotline …):
 *
 * - LOKK also runs conversation groups (a second victim-line service) with a counsellor of their own, has a
 *   supervisor, an organisation admin and a counsellor assigned to no service;
 * - Dialog mod Vold also counsels people exposed to violence (a victim-line service) — the other side of a case;
 * - Danner is a shelter to bridge to;
 * - staff are assigned to their services by LOKK's, DmV's, the hotline's and Danner's admins, through the API;
 * - the platform admin publishes the demo's checklist and judgement form.
 *
 * Everything goes through the HTTP API, so test data obeys the same rules as real use.
 */
export async function createCourseFixture(t: TestApp) {
  const referral = await createReferralFixture(t);
  const { given } = t;
  const { lokk, dmv, hotline } = referral.organisations;
  const lokkGroups = await given.service({ organisationId: lokk.id, name: 'LOKK samtalegrupper', serviceLine: 'victim' });
  const dmvVictims = await given.service({ organisationId: dmv.id, name: 'DmV rådgivning for voldsudsatte', serviceLine: 'victim' });
  const danner = await given.organisation({ kind: 'shelter', name: 'Danner' });
  const dannerShelter = await given.service({ organisationId: danner.id, name: 'Krisecenterophold (§ 109)', serviceLine: 'victim', firstContactDeadlineHours: 24, highRiskDeadlineHours: 4 });

  const member = async (organisationId: string, role: Role, serviceLine: ServiceLine | null = null): Promise<Member> => {
    const user = await given.user({ organisationId, role, serviceLine });
    const session = await given.session(user);
    return { user, session, client: t.as(session) };
  };
  const people = {
    ...referral.people,
    lokkSupervisor: await member(lokk.id, 'supervisor', 'victim'),
    lokkAdmin: await member(lokk.id, 'organisation_admin'),
    lokkGroupCounsellor: await member(lokk.id, 'counsellor', 'victim'),
    lokkUnassignedCounsellor: await member(lokk.id, 'counsellor', 'victim'),
    dmvAdmin: await member(dmv.id, 'organisation_admin'),
    hotlineAdmin: await member(hotline.id, 'organisation_admin'),
    dannerCoordinator: await member(danner.id, 'intake_coordinator', 'victim'),
    dannerAdmin: await member(danner.id, 'organisation_admin'),
  };

  const assign = async (admin: Member, serviceId: string, members: Member[]) =>
    expectStatus(await admin.client.put(`/api/course-config/services/${serviceId}/staff`, { membershipIds: members.map((staff) => staff.user.membershipId) }), 200);
  await assign(people.lokkAdmin, referral.services.lokk.id, [people.lokkCounsellor, people.lokkCoordinator, people.lokkSupervisor]);
  await assign(people.lokkAdmin, lokkGroups.id, [people.lokkGroupCounsellor]);
  await assign(people.dmvAdmin, referral.services.dmv.id, [people.dmvCounsellor, people.dmvCoordinator]);
  await assign(people.dmvAdmin, dmvVictims.id, [people.dmvVictimCounsellor]);
  await assign(people.hotlineAdmin, referral.services.hotline.id, [people.hotlineCounsellor, people.hotlineCoordinator]);
  await assign(people.dannerAdmin, dannerShelter.id, [people.dannerCoordinator]);

  for (const instrument of [broChecklistV1, broJudgementV1]) expectStatus(await people.platformAdmin.client.post('/api/risk-instruments', instrument), 201);

  return {
    ...referral,
    organisations: { ...referral.organisations, danner },
    services: { ...referral.services, lokkGroups, dmvVictims, danner: dannerShelter },
    people,
  };
}

export type CourseFixture = Awaited<ReturnType<typeof createCourseFixture>>;

/** A fresh app and the course fixture, for one describe block's beforeAll (its afterAll closes `t`). */
export async function startCourseTests(options?: Parameters<typeof createTestApp>[0]): Promise<{ t: TestApp; fx: CourseFixture }> {
  const t = await createTestApp(options);
  return { t, fx: await createCourseFixture(t) };
}

export function expectStatus(response: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (response.statusCode !== status) throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  return response;
}

/** POST /api/courses with a fresh Idempotency-Key unless one is given. */
export function postCourse(member: Member, body: unknown, key: string = idempotencyKey()): Promise<LightMyRequestResponse> {
  return member.client.post('/api/courses', body as Record<string, unknown>, { 'idempotency-key': key });
}

/**
 * A referral made by the police, accepted by LOKK (or DmV), first contact logged, and the course opened by the
 * service's counsellor: the way it happens in real use.
 */
export async function givenCourseFromReferral(
  t: TestApp,
  fixture: CourseFixture,
  options: Parameters<typeof givenReferral>[2] & { counsellor?: Member; body?: Record<string, unknown> } = {},
): Promise<{ course: Course; referralId: string; request: Awaited<ReturnType<typeof givenReferral>>['request'] }> {
  const referral = await givenReferral(t, fixture as unknown as ReferralFixture, { ...options, status: 'accepted' });
  expectStatus(await referral.coordinator.client.post(`/api/inbox/${referral.id}/contact-attempts`, { outcome: 'reached' }), 200);
  const counsellor = options.counsellor ?? (options.to === 'dmv' ? fixture.people.dmvCounsellor : fixture.people.lokkCounsellor);
  const response = expectStatus(await postCourse(counsellor, { origin: 'referral', referralId: referral.id, ...options.body }), 201);
  return { course: response.json() as Course, referralId: referral.id, request: referral.request };
}

let walkInSequence = 0;

/** A walk-in (or phone, or self-referral) course at a service, opened by a counsellor assigned to it. */
export async function givenWalkInCourse(
  fixture: CourseFixture,
  options: {
    by?: Member;
    serviceId?: string;
    personRole?: CoursePersonRole;
    label?: string;
    isAnonymous?: boolean;
    addressProtection?: 'none' | 'name_and_address' | 'special' | 'shelter' | 'unknown';
    safeContact?: CourseSafeContactInput;
    origin?: 'walk_in' | 'phone' | 'self_referral';
  } = {},
): Promise<Course> {
  walkInSequence += 1;
  const body = {
    origin: options.origin ?? 'walk_in',
    serviceId: options.serviceId ?? fixture.services.lokk.id,
    personRole: options.personRole ?? 'exposed',
    person: {
      label: options.label ?? `Klient Nummer${walkInSequence} Jensen`,
      isAnonymous: options.isAnonymous ?? false,
      gender: 'woman',
      birthYear: 1988,
      addressProtection: options.addressProtection ?? 'none',
    },
    ...(options.safeContact ? { safeContact: options.safeContact } : {}),
  };
  return expectStatus(await postCourse(options.by ?? fixture.people.lokkCounsellor, body), 201).json() as Course;
}

/** Sessions end after 15 idle minutes: after moving the clock, everyone signs in afresh. */
export async function advanceCourseClock(t: TestApp, fixture: CourseFixture, milliseconds: number): Promise<void> {
  t.clock.advance(milliseconds);
  for (const person of Object.values(fixture.people)) {
    person.session = await t.given.session(person.user);
    person.client = t.as(person.session);
  }
}

/** Every item answered: the first `yes` items "yes", the rest "no". */
export function checklistAnswers(yes: number): Record<string, 'yes' | 'no'> {
  return Object.fromEntries(broChecklistV1.items.map((item, index) => [item.id, index < yes ? 'yes' : 'no']));
}

export const safeSmsWeekdays: CourseSafeContactInput = {
  phone: '+45 20 30 40 50',
  email: 'klient@example.test',
  preferences: {
    channels: { sms: 'safe', email: 'unsafe', phoneCall: 'safe', voicemail: 'unsafe', letter: 'unsafe' },
    safeTimeWindows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '16:00' }],
    messageContent: 'neutral',
    language: 'da',
  },
};
