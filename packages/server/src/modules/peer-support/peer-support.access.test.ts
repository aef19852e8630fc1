import type { Pairing, PeerSupporter } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { expectStatus, givenWalkInCourse } from '../courses/testing.ts';
import type { Member } from '../referrals/testing.ts';
import { givenPairing, givenRegistered, startPeerSupportTests, type PeerSupportFixture } from './peer-support.builders.ts';

/**
 * Who reaches what: another organisation's register, supporters and pairings are 404; so is the other service line
 * and a service the counsellor is not assigned to; a peer supporter has no course, referral or coordinating route
 * (403) and sees only their own pairings.
 */
describe('peer support: access', () => {
  let t: TestApp;
  let fx: PeerSupportFixture;
  let supporter: PeerSupporter;
  let pairing: Pairing;
  beforeAll(async () => {
    ({ t, fx } = await startPeerSupportTests());
    supporter = await givenRegistered(fx.people.lokkCounsellor, fx.services.lokk.id, fx.peers.lokkPeer);
    pairing = await givenPairing(fx, supporter);
  });
  afterAll(async () => t.close());

  const coordinatorCalls = (serviceId: string, supporterId: string, pairingId: string) => [
    (member: Member) => member.client.get(`/api/peer-support/services/${serviceId}/supporters`),
    (member: Member) => member.client.get(`/api/peer-support/services/${serviceId}/supporter-candidates`),
    (member: Member) => member.client.post(`/api/peer-support/services/${serviceId}/supporters`, { membershipId: fx.peers.lokkSecondPeer.user.membershipId }),
    (member: Member) => member.client.patch(`/api/peer-support/supporters/${supporterId}`, { status: 'paused' }),
    (member: Member) => member.client.get(`/api/peer-support/services/${serviceId}/pairings`),
    (member: Member) => member.client.get(`/api/peer-support/pairings/${pairingId}`),
    (member: Member) => member.client.post(`/api/peer-support/pairings/${pairingId}/end`, { reason: 'other' }),
  ];

  it('answers 404 to another organisation’s counsellor for every coordinating route', async () => {
    for (const call of coordinatorCalls(fx.services.lokk.id, supporter.id, pairing.id)) expectStatus(await call(fx.people.dmvVictimCounsellor), 404);
  });

  it('answers 404 to a counsellor of the organisation who is not assigned to the service', async () => {
    for (const call of coordinatorCalls(fx.services.lokk.id, supporter.id, pairing.id)) expectStatus(await call(fx.people.lokkUnassignedCounsellor), 404);
    const course = await givenWalkInCourse(fx);
    const match = await fx.people.lokkUnassignedCounsellor.client.post(`/api/peer-support/courses/${course.id}/pairings`, { peerSupporterId: supporter.id, displayName: 'Ana', consentGiven: true, consentGivenOn: '2026-11-20' });
    expectStatus(match, 404);
  });

  it('answers 404 across the service line: a perpetrator-line counsellor assigned to a victim-line service', async () => {
    const { dmvVictimCounsellor, dmvCounsellor } = fx.people;
    const dmvSupporter = await givenRegistered(dmvVictimCounsellor, fx.services.dmvVictims.id, fx.peers.dmvPeer);
    const course = await givenWalkInCourse(fx, { by: dmvVictimCounsellor, serviceId: fx.services.dmvVictims.id });
    const dmvPairing = expectStatus(
      await dmvVictimCounsellor.client.post(`/api/peer-support/courses/${course.id}/pairings`, { peerSupporterId: dmvSupporter.id, displayName: 'Lin', consentGiven: true, consentGivenOn: '2026-11-20' }),
      201,
    ).json() as Pairing;
    for (const call of coordinatorCalls(fx.services.dmvVictims.id, dmvSupporter.id, dmvPairing.id)) expectStatus(await call(dmvCounsellor), 404);
    const match = await dmvCounsellor.client.post(`/api/peer-support/courses/${course.id}/pairings`, { peerSupporterId: dmvSupporter.id, displayName: 'Lin', consentGiven: true, consentGivenOn: '2026-11-20' });
    expectStatus(match, 404);
  });

  it('answers 404 to a match with another organisation’s course, and 422 to another service’s supporter', async () => {
    const dmvCourse = await givenWalkInCourse(fx, { by: fx.people.dmvVictimCounsellor, serviceId: fx.services.dmvVictims.id });
    const foreign = await fx.people.lokkCounsellor.client.post(`/api/peer-support/courses/${dmvCourse.id}/pairings`, { peerSupporterId: supporter.id, displayName: 'Ana', consentGiven: true, consentGivenOn: '2026-11-20' });
    expectStatus(foreign, 404);
    const groupsSupporter = await givenRegistered(fx.people.lokkGroupCounsellor, fx.services.lokkGroups.id, fx.peers.lokkSecondPeer);
    const lokkCourse = await givenWalkInCourse(fx);
    const elsewhere = await fx.people.lokkCounsellor.client.post(`/api/peer-support/courses/${lokkCourse.id}/pairings`, { peerSupporterId: groupsSupporter.id, displayName: 'Ana', consentGiven: true, consentGivenOn: '2026-11-20' });
    expect(expectStatus(elsewhere, 422).json()).toMatchObject({ errors: [{ path: 'body.peerSupporterId', message: 'supporter_not_at_service' }] });
  });

  it('gives a peer supporter no course, referral or coordinating route (403)', async () => {
    const peer = fx.peers.lokkPeer;
    expectStatus(await peer.client.get(`/api/courses/${pairing.courseId}`), 403);
    expectStatus(await peer.client.get('/api/courses'), 403);
    expectStatus(await peer.client.get('/api/inbox'), 403);
    expectStatus(await peer.client.get('/api/referrals'), 403);
    for (const call of coordinatorCalls(fx.services.lokk.id, supporter.id, pairing.id)) expectStatus(await call(peer), 403);
    expectStatus(await peer.client.post(`/api/peer-support/courses/${pairing.courseId}/pairings`, { peerSupporterId: supporter.id, displayName: 'X', consentGiven: true, consentGivenOn: '2026-11-20' }), 403);
  });

  it('gives staff no peer supporter’s own view (403)', async () => {
    expectStatus(await fx.people.lokkCounsellor.client.get('/api/peer-support/my-pairings'), 403);
    expectStatus(await fx.people.lokkCounsellor.client.post(`/api/peer-support/my-pairings/${pairing.id}/contacts`, { contactedOn: '2026-11-22', form: 'phone' }), 403);
    expectStatus(await fx.people.lokkAdmin.client.get(`/api/peer-support/services/${fx.services.lokk.id}/supporters`), 403);
  });
});
