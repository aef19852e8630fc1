import type { Role, ServiceLine } from '@bro/domain';
import type { LightMyRequestResponse } from 'fastify';
import { createCourseFixture, expectStatus, givenWalkInCourse, type CourseFixture } from '../../modules/courses/testing.ts';
import { givenReferral, type Member, type ReferralFixture } from '../../modules/referrals/testing.ts';
import type { TestApp } from '../test-app.ts';
import type { Relation, Side } from './authorization-matrix.ts';

/**
 * The world the authorization matrix runs in: the course fixture (police, LOKK on the victim side, Dialog mod Vold
 * on the perpetrator side, …) plus, for each side, an organisation of the same kind elsewhere and a service of the
 * other line inside the home organisation, each with its own intake coordinator, counsellor and supervisor.
 *
 * - `own`: staff of the object's organisation and line (LOKK victim line; Dialog mod Vold perpetrator line), the
 *   referral's own police, the organisation's admin, the platform operator;
 * - `other_org`: the same role in another organisation (Mandecentret; a second perpetrator programme; Østjyllands
 *   Politi; a second platform operator);
 * - `other_line`: the same role in the same organisation, on the other service line.
 *
 * Objects are made through the API where it is quick, and once, when a case first needs them.
 */
export type World = Awaited<ReturnType<typeof createAuthorizationWorld>>;
type StaffRole = 'intake_coordinator' | 'counsellor' | 'supervisor' | 'facilitator' | 'peer_supporter';
type Place = { organisationId: string; serviceId: string; line: ServiceLine };

export async function createAuthorizationWorld(t: TestApp) {
  const fx = await createCourseFixture(t);
  const places = await createPlaces(t, fx);
  const actors = new Map<string, Member | undefined>();
  for (const side of ['victim', 'perpetrator'] as const) {
    for (const relation of ['own', 'other_org', 'other_line'] as const) {
      for (const role of ['intake_coordinator', 'counsellor', 'supervisor'] as const) actors.set(actorKey(role, relation, side), await staffMember(t, places[side][relation], role));
    }
    // The referrer's unit colleague: sees the unit's referrals, and keeps a draft of their own while others send.
    actors.set(actorKey('referrer', 'own', side), fx.people.policeColleague);
    actors.set(actorKey('referrer', 'other_org', side), fx.people.otherPoliceReferrer);
    actors.set(actorKey('organisation_admin', 'own', side), side === 'victim' ? fx.people.lokkAdmin : fx.people.dmvAdmin);
    actors.set(actorKey('organisation_admin', 'other_org', side), await member(t, places[side].other_org.organisationId, 'organisation_admin', null));
    actors.set(actorKey('platform_admin', 'own', side), fx.people.platformAdmin);
    // Facilitators and peer supporters work at a service (assigned like staff) but hold no service line of their own.
    for (const role of ['facilitator', 'peer_supporter'] as const) {
      for (const relation of ['own', 'other_org'] as const) actors.set(actorKey(role, relation, side), await staffMember(t, places[side][relation], role));
    }
  }
  const secondOperator = await t.given.organisation({ kind: 'platform_operator', name: 'Bro drift 2' });
  const otherPlatformAdmin = await member(t, secondOperator.id, 'platform_admin', null);
  for (const side of ['victim', 'perpetrator'] as const) actors.set(actorKey('platform_admin', 'other_org', side), otherPlatformAdmin);
  await seedSettings(fx, places);
  return { fx, places, actors, objects: new Map<string, Promise<unknown>>() };
}

export function actorKey(role: Role | 'anonymous', relation: Relation, side: Side): string {
  return `${role}:${relation}:${side}`;
}

async function createPlaces(t: TestApp, fx: CourseFixture) {
  const perpetrators2 = await t.given.organisation({ kind: 'perpetrator_programme', name: 'Behandling mod vold Syd' });
  const perpetrators2Service = await t.given.service({ organisationId: perpetrators2.id, serviceLine: 'perpetrator' });
  const lokkPerpetratorLine = await t.given.service({ organisationId: fx.organisations.lokk.id, name: 'LOKK for voldsudøvere', serviceLine: 'perpetrator' });
  const { lokk, dmv, mandecentret } = fx.organisations;
  return {
    victim: {
      own: { organisationId: lokk.id, serviceId: fx.services.lokk.id, line: 'victim' },
      other_org: { organisationId: mandecentret.id, serviceId: fx.services.mandecentret.id, line: 'victim' },
      other_line: { organisationId: lokk.id, serviceId: lokkPerpetratorLine.id, line: 'perpetrator' },
    },
    perpetrator: {
      own: { organisationId: dmv.id, serviceId: fx.services.dmv.id, line: 'perpetrator' },
      other_org: { organisationId: perpetrators2.id, serviceId: perpetrators2Service.id, line: 'perpetrator' },
      other_line: { organisationId: dmv.id, serviceId: fx.services.dmvVictims.id, line: 'victim' },
    },
  } satisfies Record<Side, Record<'own' | 'other_org' | 'other_line', Place>>;
}

/** What reads need to find: an identity provider (disabled) per home organisation, a draft per referrer. */
async function seedSettings(fx: CourseFixture, places: Awaited<ReturnType<typeof createPlaces>>): Promise<void> {
  for (const side of ['victim', 'perpetrator'] as const) {
    const provider = { issuer: 'https://idp.example.test', clientId: `bro-${side}`, clientSecret: 'hemmelig', displayName: 'Test IdP', isEnabled: false };
    const requested = await fx.people.platformAdmin.client.put(`/api/platform/organisations/${places[side].own.organisationId}/oidc-provider`, provider);
    // The home organisations have admins of their own: the platform's change waits for one of them (four eyes).
    const { request } = expectStatus(requested, 202).json() as { request: { id: string } };
    const admin = side === 'victim' ? fx.people.lokkAdmin : fx.people.dmvAdmin;
    expectStatus(await admin.client.post(`/api/admin/change-requests/${request.id}/approve`), 200);
  }
  for (const referrer of [fx.people.policeColleague, fx.people.otherPoliceReferrer]) {
    expectStatus(await referrer.client.put('/api/referrals/draft', { values: { situation: 'Udkast' }, reachedStep: 'who' }), 200);
  }
}

async function member(t: TestApp, organisationId: string, role: Role, serviceLine: ServiceLine | null): Promise<Member> {
  const user = await t.given.user({ organisationId, role, serviceLine });
  const session = await t.given.session(user);
  return { user, session, client: t.as(session) };
}

/** A member of the place's organisation and line, assigned to its service (as its admin would assign them). */
async function staffMember(t: TestApp, place: Place, role: StaffRole): Promise<Member> {
  const staff = await member(t, place.organisationId, role, place.line);
  await t.db.insertInto('service_staff').values({ service_id: place.serviceId, membership_id: staff.user.membershipId }).execute();
  return staff;
}

/** An object made once per key, however many cases ask for it at the same time. */
export function once<T>(world: World, key: string, make: () => Promise<T>): Promise<T> {
  const known = world.objects.get(key) as Promise<T> | undefined;
  if (known) return known;
  const made = make();
  world.objects.set(key, made);
  return made;
}

export function ownStaff(world: World, side: Side, role: StaffRole): Member {
  const found = world.actors.get(actorKey(role, 'own', side));
  if (!found) throw new Error(`authorization world: no own ${role} on the ${side} side`);
  return found;
}

export function ownAdmin(world: World, side: Side): Member {
  return side === 'victim' ? world.fx.people.lokkAdmin : world.fx.people.dmvAdmin;
}

/** A referral from the police to the side's home service, in the given state. */
export function givenSideReferral(t: TestApp, world: World, side: Side, state: string, dedicatedTo = ''): Promise<string> {
  return once(world, `referral:${side}:${state}:${dedicatedTo}`, async () => {
    const fx = world.fx as unknown as ReferralFixture;
    const referral = await givenReferral(t, fx, { to: side === 'victim' ? 'lokk' : 'dmv', status: state === 'draft' || state === 'received' || state === 'accepted' ? state : 'sent' });
    if (state === 'consent_withdrawn') expectStatus(await fx.people.policeReferrer.client.post(`/api/referrals/${referral.id}/consent/withdraw`, {}), 200);
    if (state === 'accepted') expectStatus(await referral.coordinator.client.post(`/api/inbox/${referral.id}/contact-attempts`, { outcome: 'reached' }), 200);
    return referral.id;
  });
}

/** A course at the side's home service, opened by its own counsellor; `closed` is closed again. */
export function givenSideCourse(world: World, side: Side, state: string, dedicatedTo = ''): Promise<string> {
  return once(world, `course:${side}:${state}:${dedicatedTo}`, async () => {
    const counsellor = ownStaff(world, side, 'counsellor');
    const course = await givenWalkInCourse(world.fx, {
      by: counsellor,
      serviceId: world.places[side].own.serviceId,
      personRole: side === 'victim' ? 'exposed' : 'uses_violence',
    });
    if (state !== 'closed') return course.id;
    // Everything a closed course's reads can name is made while it is open.
    for (const kind of courseChildren) await givenCourseChild(world, side, course.id, kind);
    expectStatus(await counsellor.client.post(`/api/courses/${course.id}/close`, { reason: 'completed' }), 200);
    return course.id;
  });
}

/** A safety plan with nothing in it but a note. */
export const safetyPlan = { safePeople: [], safePlaces: [], warningSigns: [], emergencySteps: [], children: [], importantDocuments: [], codeWords: [], notes: 'Plan' };

export type CourseChild = 'session' | 'stay' | 'underretning' | 'extract' | 'version';
const courseChildren: readonly CourseChild[] = ['session', 'stay', 'underretning', 'extract', 'version'];

/** A session, shelter stay, underretning, access-history extract or safety-plan version of a course, made by its counsellor. */
export function givenCourseChild(world: World, side: Side, courseId: string, kind: CourseChild): Promise<string> {
  const counsellor = ownStaff(world, side, 'counsellor').client;
  return once(world, `${kind}:${courseId}`, async () => {
    const base = `/api/courses/${courseId}`;
    const created = async (response: Promise<LightMyRequestResponse>) => (expectStatus(await response, 201).json() as { id: string }).id;
    if (kind === 'session') return created(counsellor.post(`${base}/sessions`, { plannedAt: '2026-11-20T10:00:00.000Z', mode: 'phone' }));
    if (kind === 'stay') return created(counsellor.post(`${base}/shelter-stays`, { shelterName: 'Et krisecenter', legalBasis: 'sel_109', admittedOn: '2026-11-01' }));
    if (kind === 'underretning') return created(counsellor.post(`${base}/underretninger`, { municipalityCode: '147', sentAt: '2026-11-20T10:00:00.000Z' }));
    if (kind === 'extract') return created(counsellor.post(`${base}/access-history`, { justification: 'Personen har bedt om indsigt.' }));
    expectStatus(await counsellor.put(`${base}/safety-plan`, { content: safetyPlan, basedOnVersion: null }), 200);
    return '1';
  });
}

/** The side's own peer supporter, in its home service's register (added by its own counsellor). */
export function givenSideSupporter(world: World, side: Side): Promise<string> {
  return once(world, `peer-supporter:${side}`, async () => {
    const body = { membershipId: ownStaff(world, side, 'peer_supporter').user.membershipId, maxPairings: 20 };
    const response = await ownStaff(world, side, 'counsellor').client.post(`/api/peer-support/services/${world.places[side].own.serviceId}/supporters`, body);
    return (expectStatus(response, 201).json() as { id: string }).id;
  });
}

/** A course of the side's home service matched (with consent) with the side's own peer supporter. */
export function givenSidePairing(world: World, side: Side, dedicatedTo = ''): Promise<string> {
  return once(world, `peer-pairing:${side}:${dedicatedTo}`, async () => {
    const peerSupporterId = await givenSideSupporter(world, side);
    const courseId = await givenSideCourse(world, side, 'open', `peer-pairing:${dedicatedTo}`);
    const body = { peerSupporterId, displayName: 'Mira', consentGiven: true, consentGivenOn: '2026-11-20' };
    return (expectStatus(await ownStaff(world, side, 'counsellor').client.post(`/api/peer-support/courses/${courseId}/pairings`, body), 201).json() as { id: string }).id;
  });
}
