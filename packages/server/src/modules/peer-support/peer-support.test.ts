import type { MyPairing, MyPairingList, Pairing, PairingDetail, PairingList, PeerSupporter, PeerSupporterCandidateList, PeerSupporterList, PeerSupportServiceList } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { expectStatus, givenWalkInCourse } from '../courses/testing.ts';
import { givenPairing, givenRegistered, phoneSafeEvenings, startPeerSupportTests, type PeerSupportFixture } from './peer-support.builders.ts';

describe('peer support', () => {
  let t: TestApp;
  let fx: PeerSupportFixture;
  beforeAll(async () => { ({ t, fx } = await startPeerSupportTests()); });
  afterAll(async () => t.close());

  const counsellor = () => fx.people.lokkCounsellor;
  const lokkService = () => fx.services.lokk.id;

  describe('the register', () => {
    it('lists the services the counsellor coordinates', async () => {
      const list = expectStatus(await counsellor().client.get('/api/peer-support/services'), 200).json() as PeerSupportServiceList;
      expect(list.services.map((service) => service.id)).toEqual([lokkService()]);
    });

    it('adds a peer supporter with what coordinating needs, encrypted, and logs the reads', async () => {
      const candidates = expectStatus(await counsellor().client.get(`/api/peer-support/services/${lokkService()}/supporter-candidates`), 200).json() as PeerSupporterCandidateList;
      expect(candidates.candidates.map((candidate) => candidate.membershipId)).toContain(fx.peers.lokkSecondPeer.user.membershipId);
      const added = await givenRegistered(counsellor(), lokkService(), fx.peers.lokkSecondPeer, { note: 'Har selv boet på krisecenter. Kanarie-5521.' });
      expect(added).toMatchObject({ languages: ['da', 'en'], areas: 'Vesterbro', availability: 'Hverdage efter kl. 17', maxPairings: 2, activePairings: 0, status: 'active', note: 'Har selv boet på krisecenter. Kanarie-5521.' });
      const row = await t.db.selectFrom('peer_supporters').selectAll().where('id', '=', added.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toMatch(/Kanarie-5521|Vesterbro|kl\. 17/);
      const after = expectStatus(await counsellor().client.get(`/api/peer-support/services/${lokkService()}/supporter-candidates`), 200).json() as PeerSupporterCandidateList;
      expect(after.candidates.map((candidate) => candidate.membershipId)).not.toContain(fx.peers.lokkSecondPeer.user.membershipId);
      const list = expectStatus(await counsellor().client.get(`/api/peer-support/services/${lokkService()}/supporters`), 200).json() as PeerSupporterList;
      expect(list.supporters.map((supporter) => supporter.id)).toContain(added.id);
      const reads = await t.db.selectFrom('access_log').select(['purpose', 'user_id']).where('object_id', '=', added.id).execute();
      expect(reads).toContainEqual({ purpose: 'peer_support_coordination', user_id: counsellor().user.id });
      const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('object_id', '=', added.id).execute();
      expect(audit).toEqual([{ action: 'peer_support.add_supporter', details: { serviceId: lokkService(), membershipId: fx.peers.lokkSecondPeer.user.membershipId } }]);
    });

    it('refuses a user who is not a peer supporter, and the same supporter twice', async () => {
      const notPeer = await counsellor().client.post(`/api/peer-support/services/${lokkService()}/supporters`, { membershipId: fx.people.lokkCoordinator.user.membershipId });
      expect(expectStatus(notPeer, 422).json()).toMatchObject({ errors: [{ path: 'body.membershipId', message: 'not_a_peer_supporter' }] });
      const otherOrganisation = await counsellor().client.post(`/api/peer-support/services/${lokkService()}/supporters`, { membershipId: fx.peers.dmvPeer.user.membershipId });
      expectStatus(otherOrganisation, 422);
      const again = await counsellor().client.post(`/api/peer-support/services/${lokkService()}/supporters`, { membershipId: fx.peers.lokkSecondPeer.user.membershipId });
      expect(expectStatus(again, 409).json()).toMatchObject({ errors: [{ path: 'body.membershipId', message: 'already_in_register' }] });
    });

    it('pauses and resumes a supporter', async () => {
      const list = (await counsellor().client.get(`/api/peer-support/services/${lokkService()}/supporters`)).json() as PeerSupporterList;
      const supporter = list.supporters.find((candidate) => candidate.membershipId === fx.peers.lokkSecondPeer.user.membershipId)!;
      const paused = expectStatus(await counsellor().client.patch(`/api/peer-support/supporters/${supporter.id}`, { status: 'paused', note: null }), 200).json() as PeerSupporter;
      expect(paused).toMatchObject({ status: 'paused', note: null, areas: 'Vesterbro' });
      const course = await givenWalkInCourse(fx);
      const match = await counsellor().client.post(`/api/peer-support/courses/${course.id}/pairings`, { peerSupporterId: supporter.id, displayName: 'Ana', consentGiven: true, consentGivenOn: '2026-11-20' });
      expect(expectStatus(match, 422).json()).toMatchObject({ errors: [{ path: 'body.peerSupporterId', message: 'supporter_paused' }] });
      expectStatus(await counsellor().client.patch(`/api/peer-support/supporters/${supporter.id}`, { status: 'active' }), 200);
    });
  });

  describe('matching', () => {
    let supporter: PeerSupporter;
    beforeAll(async () => { supporter = await givenRegistered(counsellor(), lokkService(), fx.peers.lokkPeer, { maxPairings: 3 }); });

    it('refuses a match without the person’s consent (422) and stores nothing', async () => {
      const course = await givenWalkInCourse(fx);
      const response = await counsellor().client.post(`/api/peer-support/courses/${course.id}/pairings`, { peerSupporterId: supporter.id, displayName: 'Mira', consentGiven: false, consentGivenOn: '2026-11-20' });
      expect(expectStatus(response, 422).headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'consent_required' });
      expect(await t.db.selectFrom('peer_pairings').select('id').where('course_id', '=', course.id).execute()).toEqual([]);
    });

    it('refuses a consent dated in the future', async () => {
      const course = await givenWalkInCourse(fx);
      const response = await counsellor().client.post(`/api/peer-support/courses/${course.id}/pairings`, { peerSupporterId: supporter.id, displayName: 'Mira', consentGiven: true, consentGivenOn: '2026-12-24' });
      expect(expectStatus(response, 422).json()).toMatchObject({ errors: [{ path: 'body.consentGivenOn', message: 'date_in_future' }] });
    });

    it('matches with consent: records the consent, its date and the counsellor; the name is stored encrypted', async () => {
      const pairing = await givenPairing(fx, supporter, { displayName: 'Mira-Kanarie' });
      expect(pairing).toMatchObject({ displayName: 'Mira-Kanarie', status: 'active', peerSupporterId: supporter.id, consent: { givenOn: '2026-01-05', recordedBy: expect.any(String) }, contactCount: 0 });
      const row = await t.db.selectFrom('peer_pairings').selectAll().where('id', '=', pairing.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain('Mira-Kanarie');
      expect(row.consent_recorded_by_user_id).toBe(counsellor().user.id);
      const list = expectStatus(await counsellor().client.get(`/api/peer-support/services/${lokkService()}/pairings`), 200).json() as PairingList;
      expect(list.pairings.map((candidate) => candidate.id)).toContain(pairing.id);
      const again = await counsellor().client.post(`/api/peer-support/courses/${pairing.courseId}/pairings`, { peerSupporterId: supporter.id, displayName: 'Mira', consentGiven: true, consentGivenOn: '2026-11-20' });
      expect(expectStatus(again, 409).json()).toMatchObject({ errors: [{ path: 'course', message: 'course_already_paired' }] });
    });

    it('refuses a supporter at capacity', async () => {
      const full = await givenRegistered(counsellor(), lokkService(), await memberOfLokk(), { maxPairings: 1 });
      await givenPairing(fx, full);
      const course = await givenWalkInCourse(fx);
      const response = await counsellor().client.post(`/api/peer-support/courses/${course.id}/pairings`, { peerSupporterId: full.id, displayName: 'Ana', consentGiven: true, consentGivenOn: '2026-11-20' });
      expect(expectStatus(response, 422).json()).toMatchObject({ errors: [{ path: 'body.peerSupporterId', message: 'supporter_at_capacity' }] });
    });
  });

  describe('the peer supporter’s own view and contact log', () => {
    let supporter: PeerSupporter;
    let pairing: Pairing;
    beforeAll(async () => {
      const peer = await memberOfLokk();
      supporter = await givenRegistered(counsellor(), lokkService(), peer);
      pairing = await givenPairing(fx, supporter, { displayName: 'Sara' });
      ownPeer = peer;
    });
    let ownPeer: Awaited<ReturnType<typeof memberOfLokk>>;

    it('shows only the first name and the safe-contact preferences, and logs the read', async () => {
      const list = expectStatus(await ownPeer.client.get('/api/peer-support/my-pairings'), 200).json() as MyPairingList;
      expect(list.pairings).toHaveLength(1);
      const [mine] = list.pairings;
      expect(Object.keys(mine!).sort()).toEqual(['contacts', 'displayName', 'id', 'safeContact', 'startedAt']);
      expect(mine).toMatchObject({ id: pairing.id, displayName: 'Sara', safeContact: phoneSafeEvenings.preferences, contacts: [] });
      const body = JSON.stringify(list);
      for (const secret of ['Hemmelig', 'Efternavnsen', '+45 20 30 40 50', 'klient@example.test', pairing.courseId, pairing.courseReference]) expect(body).not.toContain(secret);
      const reads = await t.db.selectFrom('access_log').select(['purpose', 'person_id']).where('object_id', '=', pairing.id).where('user_id', '=', ownPeer.user.id).execute();
      expect(reads).toEqual([{ purpose: 'peer_support', person_id: expect.any(String) }]);
    });

    it('logs a contact; the note is for the coordinating counsellor only', async () => {
      const logged = expectStatus(await ownPeer.client.post(`/api/peer-support/my-pairings/${pairing.id}/contacts`, { contactedOn: '2026-11-22', form: 'phone', note: 'Talte om at søge bolig. Kanarie-9090.' }), 201).json() as MyPairing;
      expect(logged.contacts).toEqual([{ id: expect.any(String), contactedOn: '2026-11-22', form: 'phone', hasNote: true, loggedAt: expect.any(String) }]);
      expect(JSON.stringify(logged)).not.toContain('Kanarie-9090');
      const row = await t.db.selectFrom('peer_contacts').select('note_enc').where('pairing_id', '=', pairing.id).executeTakeFirstOrThrow();
      expect(row.note_enc).not.toContain('Kanarie-9090');
      const detail = expectStatus(await counsellor().client.get(`/api/peer-support/pairings/${pairing.id}`), 200).json() as PairingDetail;
      expect(detail).toMatchObject({ contactCount: 1, lastContactOn: '2026-11-22', contacts: [{ form: 'phone', note: 'Talte om at søge bolig. Kanarie-9090.' }] });
      const audit = await t.db.selectFrom('audit_log').select('details').where('object_id', '=', pairing.id).where('action', '=', 'peer_support.log_contact').execute();
      expect(JSON.stringify(audit)).not.toContain('Kanarie');
    });

    it('refuses a contact dated in the future', async () => {
      const response = await ownPeer.client.post(`/api/peer-support/my-pairings/${pairing.id}/contacts`, { contactedOn: '2026-12-01', form: 'meeting' });
      expect(expectStatus(response, 422).json()).toMatchObject({ errors: [{ path: 'body.contactedOn', message: 'date_in_future' }] });
    });

    it('hides a pairing from any other peer supporter (404) and never shows their notes', async () => {
      const other = fx.peers.lokkSecondPeer;
      const list = expectStatus(await other.client.get('/api/peer-support/my-pairings'), 200).json() as MyPairingList;
      expect(list.pairings.map((candidate) => candidate.id)).not.toContain(pairing.id);
      expect(JSON.stringify(list)).not.toContain('Kanarie-9090');
      expectStatus(await other.client.post(`/api/peer-support/my-pairings/${pairing.id}/contacts`, { contactedOn: '2026-11-22', form: 'text' }), 404);
      expectStatus(await fx.peers.dmvPeer.client.post(`/api/peer-support/my-pairings/${pairing.id}/contacts`, { contactedOn: '2026-11-22', form: 'text' }), 404);
    });

    it('ends the pairing on the person’s consent withdrawal: gone from the supporter’s view', async () => {
      const ended = expectStatus(await counsellor().client.post(`/api/peer-support/pairings/${pairing.id}/end`, { reason: 'consent_withdrawn' }), 200).json() as Pairing;
      expect(ended).toMatchObject({ status: 'ended', endReason: 'consent_withdrawn', endedAt: expect.any(String) });
      const list = expectStatus(await ownPeer.client.get('/api/peer-support/my-pairings'), 200).json() as MyPairingList;
      expect(list.pairings).toEqual([]);
      expectStatus(await ownPeer.client.post(`/api/peer-support/my-pairings/${pairing.id}/contacts`, { contactedOn: '2026-11-22', form: 'text' }), 404);
      expectStatus(await counsellor().client.post(`/api/peer-support/pairings/${pairing.id}/end`, { reason: 'completed' }), 409);
      const active = (await counsellor().client.get(`/api/peer-support/services/${lokkService()}/pairings`)).json() as PairingList;
      expect(active.pairings.map((candidate) => candidate.id)).not.toContain(pairing.id);
      const all = (await counsellor().client.get(`/api/peer-support/services/${lokkService()}/pairings?status=ended`)).json() as PairingList;
      expect(all.pairings.map((candidate) => candidate.id)).toContain(pairing.id);
    });
  });

  let extraPeers = 0;
  async function memberOfLokk() {
    extraPeers += 1;
    const user = await t.given.user({ organisationId: fx.organisations.lokk.id, role: 'peer_supporter', serviceLine: null, displayName: `Peer ${extraPeers}` });
    const session = await t.given.session(user);
    return { user, session, client: t.as(session) };
  }
});
