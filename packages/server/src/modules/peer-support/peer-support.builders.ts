import type { CourseSafeContactInput, Pairing, PeerSupporter, Role } from '@bro/domain';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createCourseFixture, expectStatus, givenWalkInCourse, type CourseFixture } from '../courses/testing.ts';
import type { Member } from '../referrals/testing.ts';

/**
 * Test data for peer support, on top of the course fixture: peer supporters of LOKK (two) and of Dialog mod Vold
 * (one), made as an organisation admin would (users with the peer_supporter role); Dialog mod Vold's
 * perpetrator-line counsellor is also assigned to its victim-line service, so the service line is what refuses.
 */
async function createPeerSupportFixture(t: TestApp) {
  const fx = await createCourseFixture(t);
  const member = async (organisationId: string, role: Role): Promise<Member> => {
    const user = await t.given.user({ organisationId, role, serviceLine: null });
    const session = await t.given.session(user);
    return { user, session, client: t.as(session) };
  };
  const peers = {
    lokkPeer: await member(fx.organisations.lokk.id, 'peer_supporter'),
    lokkSecondPeer: await member(fx.organisations.lokk.id, 'peer_supporter'),
    dmvPeer: await member(fx.organisations.dmv.id, 'peer_supporter'),
  };
  const staff = [fx.people.dmvVictimCounsellor, fx.people.dmvCounsellor].map((person) => person.user.membershipId);
  expectStatus(await fx.people.dmvAdmin.client.put(`/api/course-config/services/${fx.services.dmvVictims.id}/staff`, { membershipIds: staff }), 200);
  return { ...fx, peers };
}

export type PeerSupportFixture = Awaited<ReturnType<typeof createPeerSupportFixture>>;

export async function startPeerSupportTests(): Promise<{ t: TestApp; fx: PeerSupportFixture }> {
  const t = await createTestApp();
  return { t, fx: await createPeerSupportFixture(t) };
}

export const phoneSafeEvenings: CourseSafeContactInput = {
  phone: '+45 20 30 40 50',
  email: 'klient@example.test',
  preferences: {
    channels: { sms: 'safe', email: 'unsafe', phoneCall: 'safe', voicemail: 'unsafe', letter: 'unsafe' },
    safeTimeWindows: [{ days: [1, 2, 3, 4, 5], from: '17:00', to: '20:00' }],
    messageContent: 'neutral',
    language: 'da',
  },
};

/** A peer supporter added to a service's register by a counsellor assigned to it. */
export async function givenRegistered(by: Member, serviceId: string, peer: Member, extra: Record<string, unknown> = {}): Promise<PeerSupporter> {
  const body = { membershipId: peer.user.membershipId, languages: ['da', 'en'], areas: 'Vesterbro', availability: 'Hverdage efter kl. 17', maxPairings: 2, ...extra };
  return expectStatus(await by.client.post(`/api/peer-support/services/${serviceId}/supporters`, body), 201).json() as PeerSupporter;
}

/** A LOKK course with safe-contact preferences, matched with the peer supporter by the course's counsellor. */
export async function givenPairing(fx: CourseFixture, supporter: PeerSupporter, options: { displayName?: string } = {}): Promise<Pairing> {
  const course = await givenWalkInCourse(fx, { safeContact: phoneSafeEvenings, label: 'Hemmelig Efternavnsen' });
  const body = { peerSupporterId: supporter.id, displayName: options.displayName ?? 'Mira', consentGiven: true, consentGivenOn: '2026-01-05' };
  return expectStatus(await fx.people.lokkCounsellor.client.post(`/api/peer-support/courses/${course.id}/pairings`, body), 201).json() as Pairing;
}
