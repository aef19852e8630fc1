import { randomBytes } from 'node:crypto';
import type { Course } from '@bro/domain';
import { createCourseFixture, expectStatus, givenWalkInCourse, type CourseFixture } from '../../modules/courses/testing.ts';
import { idempotencyKey, postReferral, referralRequest, type Member, type ReferralFixture } from '../../modules/referrals/testing.ts';
import type { TestApp } from '../test-app.ts';

/**
 * Victim-side secrets, each a unique string (a canary), planted the way staff would write them: notes of the
 * receiver's decision and contact attempts, a session note, a safety plan, a protected person's name and shelter
 * stay, the person's safe contact details, an underretning's note. Around them the case's other side: the
 * perpetrator-side referral of the same call-out (linked) and its course at Dialog mod Vold.
 */
export type Planted = Awaited<ReturnType<typeof plantCanaries>>;

const tag = randomBytes(4).toString('hex');
export const canaries = {
  acceptNote: `Kanarie-accept-${tag}`,
  contactNote: `Kanarie-kontakt-${tag}`,
  sessionNote: `Kanarie-samtale-${tag}`,
  safetyPlanPlace: `Kanarie-sikkert-sted-${tag}`,
  safetyPlanCodeWord: `Kanarie-kodeord-${tag}`,
  shelterName: `Kanarie-krisecenter-${tag}`,
  protectedName: `Kanarie-beskyttet-${tag}`,
  safeEmail: `kanarie.${tag}@example.test`,
  /** Matched without spaces: a phone number may be shown grouped differently. */
  safePhone: '+45 71 93 28 46',
  underretningNote: `Kanarie-underretning-${tag}`,
  closeSummary: `Kanarie-afslutning-${tag}`,
  peerContactNote: `Kanarie-peerstoette-${tag}`,
} as const;

/**
 * A person whose consent is withdrawn after the receiver opened the referral: from then on the receiver, and
 * everyone but the referring police who wrote it, must see nothing of them.
 */
export const withdrawnCanary = `Kanarie-tilbagekaldt-${tag}`;

export async function plantCanaries(t: TestApp) {
  const fx = await createCourseFixture(t);
  const victimReferral = await referAndAccept(fx, fx.people.lokkCoordinator, referralRequest(t, fx as unknown as ReferralFixture));
  const lokk = fx.people.lokkCounsellor.client;
  const course = expectStatus(await lokk.post('/api/courses', { origin: 'referral', referralId: victimReferral }, { 'idempotency-key': idempotencyKey() }), 201).json() as Course;
  const base = `/api/courses/${course.id}`;
  const session = expectStatus(await lokk.post(`${base}/sessions`, { plannedAt: new Date(t.clock.now().getTime() + 20 * 3_600_000).toISOString(), mode: 'phone' }), 201).json() as { id: string };
  const heldSession = expectStatus(await lokk.post(`${base}/sessions`, { plannedAt: '2026-11-20T10:00:00.000Z', mode: 'phone' }), 201).json() as { id: string };
  expectStatus(await lokk.put(`${base}/sessions/${heldSession.id}/note`, { note: canaries.sessionNote }), 200);
  expectStatus(await lokk.put(`${base}/safety-plan`, { content: safetyPlan(), basedOnVersion: null }), 200);
  const stay = expectStatus(await lokk.post(`${base}/shelter-stays`, { shelterName: canaries.shelterName, legalBasis: 'sel_109', admittedOn: '2026-11-01' }), 201).json() as { id: string };
  expectStatus(await lokk.put(`${base}/safe-contact`, safeContact()), 200);
  const underretning = expectStatus(await lokk.post(`${base}/underretninger`, { municipalityCode: '147', sentAt: '2026-11-20T10:00:00.000Z', note: canaries.underretningNote }), 201).json() as { id: string };
  const extract = expectStatus(await lokk.post(`${base}/access-history`, { justification: 'Personen har bedt om indsigt.' }), 201).json() as { id: string };
  const protectedCourse = await givenWalkInCourse(fx, { label: canaries.protectedName, addressProtection: 'shelter' });
  expectStatus(await lokk.post(`/api/courses/${protectedCourse.id}/close`, { reason: 'completed', summary: canaries.closeSummary }), 200);
  const perpetrator = await plantOtherSide(t, fx, victimReferral);
  const withdrawnReferralId = await plantWithdrawnConsent(t, fx);
  const peer = await plantPeerSupport(t, fx, course.id);
  return {
    withdrawnReferralId,
    fx: { ...fx, people: { ...fx.people, lokkPeerSupporter: peer.member } },
    victim: { referralId: victimReferral, courseId: course.id, sessionId: session.id, stayId: stay.id, underretningId: underretning.id, extractId: extract.id, supporterId: peer.supporterId, pairingId: peer.pairingId },
    protectedCourseId: protectedCourse.id,
    perpetrator,
  };
}

/** The referral as the police send it, opened and accepted by the coordinator with a note, and a first contact noted. */
async function referAndAccept(fx: CourseFixture, coordinator: Member, request: ReturnType<typeof referralRequest>): Promise<string> {
  const created = await postReferral(fx.people.policeReferrer, request);
  if (created.statusCode !== 201) throw new Error(`canary: referral answered ${created.statusCode} ${created.body}`);
  const id = (created.json() as { id: string }).id;
  expectStatus(await coordinator.client.get(`/api/inbox/${id}`), 200);
  const isVictimSide = coordinator === fx.people.lokkCoordinator;
  expectStatus(await coordinator.client.post(`/api/inbox/${id}/accept`, isVictimSide ? { note: canaries.acceptNote } : {}), 200);
  expectStatus(await coordinator.client.post(`/api/inbox/${id}/contact-attempts`, isVictimSide ? { outcome: 'reached', note: canaries.contactNote } : { outcome: 'reached' }), 200);
  return id;
}

/** The person who used violence in the same call-out, referred (linked) to Dialog mod Vold, with a course there. */
async function plantOtherSide(t: TestApp, fx: CourseFixture, victimReferralId: string) {
  const request = referralRequest(t, fx as unknown as ReferralFixture, { to: 'dmv', linkedReferralId: victimReferralId });
  const referralId = await referAndAccept(fx, fx.people.dmvCoordinator, request);
  const course = expectStatus(await fx.people.dmvCounsellor.client.post('/api/courses', { origin: 'referral', referralId }, { 'idempotency-key': idempotencyKey() }), 201).json() as Course;
  return { referralId, courseId: course.id };
}

async function plantWithdrawnConsent(t: TestApp, fx: CourseFixture): Promise<string> {
  const request = referralRequest(t, fx as unknown as ReferralFixture);
  const created = await postReferral(fx.people.policeReferrer, { ...request, person: { ...request.person, fullName: `Anna ${withdrawnCanary}` } });
  const id = (expectStatus(created, 201).json() as { id: string }).id;
  // Before the withdrawal the receiver sees the person: the check after it can fail.
  if (!expectStatus(await fx.people.lokkCoordinator.client.get(`/api/inbox/${id}`), 200).body.includes(withdrawnCanary)) throw new Error('canary: the receiver does not see the person');
  expectStatus(await fx.people.policeReferrer.client.post(`/api/referrals/${id}/consent/withdraw`, {}), 200);
  return id;
}

/**
 * The course's person matched with a LOKK peer supporter, who logs a contact with a note (for the counsellor only).
 * The supporter reads every address too: she must meet none of the course's secrets, nor her own note.
 */
async function plantPeerSupport(t: TestApp, fx: CourseFixture, courseId: string) {
  const user = await t.given.user({ organisationId: fx.organisations.lokk.id, role: 'peer_supporter' });
  const session = await t.given.session(user);
  const member: Member = { user, session, client: t.as(session) };
  const lokk = fx.people.lokkCounsellor.client;
  const supporter = expectStatus(await lokk.post(`/api/peer-support/services/${fx.services.lokk.id}/supporters`, { membershipId: user.membershipId }), 201).json() as { id: string };
  const match = { peerSupporterId: supporter.id, displayName: 'Mira', consentGiven: true, consentGivenOn: '2026-11-20' };
  const pairing = expectStatus(await lokk.post(`/api/peer-support/courses/${courseId}/pairings`, match), 201).json() as { id: string };
  expectStatus(await member.client.post(`/api/peer-support/my-pairings/${pairing.id}/contacts`, { contactedOn: '2026-11-20', form: 'phone', note: canaries.peerContactNote }), 201);
  return { member, supporterId: supporter.id, pairingId: pairing.id };
}

function safetyPlan() {
  return {
    safePeople: [{ name: 'Søsteren', howToReach: 'Ring på arbejdet' }],
    safePlaces: [{ name: 'Et sikkert sted', address: canaries.safetyPlanPlace }],
    warningSigns: [],
    emergencySteps: ['Ring 112'],
    children: [],
    importantDocuments: [],
    codeWords: [{ word: canaries.safetyPlanCodeWord, meaning: 'Kom nu' }],
    notes: 'Planen er lavet sammen med personen.',
  };
}

function safeContact() {
  return {
    phone: canaries.safePhone,
    email: canaries.safeEmail,
    preferences: {
      channels: { sms: 'safe', email: 'safe', phoneCall: 'safe', voicemail: 'unsafe', letter: 'unsafe' },
      safeTimeWindows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '16:00' }],
      messageContent: 'neutral',
      language: 'da',
    },
  };
}

/** Every canary found in a text; the phone number also without its spaces. */
export function findCanaries(text: string, among: readonly string[] = Object.values(canaries)): string[] {
  const compact = text.replace(/\s+/g, '');
  return among.filter((canary) => text.includes(canary) || compact.includes(canary.replace(/\s+/g, '')));
}
