import type { GroupOfferView, WaitingEntryView } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { expectStatus, givenWalkInCourse, type CourseFixture } from '../courses/testing.ts';
import { givenOffer, givenWaiting, offerBody, startGroupTests } from './groups.builders.ts';

describe('group offers and waiting lists', () => {
  let t: TestApp;
  let fx: CourseFixture;
  beforeAll(async () => { ({ t, fx } = await startGroupTests()); });
  afterAll(async () => t.close());

  const coordinator = () => fx.people.lokkGroupCounsellor.client;

  it('defines an offer at the service, with eligibility in the rule language and a facilitator of the service', async () => {
    const offer = await givenOffer(fx);
    expect(offer).toMatchObject({
      name: 'Samtalegruppe for kvinder',
      serviceName: 'LOKK samtalegrupper',
      minParticipants: 6,
      maxParticipants: 8,
      meetingCount: 8,
      rhythm: { weekday: 2, startTime: '17:00', intervalWeeks: 1, durationMinutes: 90 },
      facilitators: [{ userId: fx.people.lokkGroupCounsellor.user.id }],
      waitingCount: 0,
    });
    expect(((await coordinator().get('/api/group-offers')).json() as GroupOfferView[]).map((listed) => listed.id)).toContain(offer.id);
    const changed = expectStatus(await coordinator().put(`/api/group-offers/${offer.id}`, { ...offerBody(fx, { maxParticipants: 7 }), serviceId: undefined }), 200).json() as GroupOfferView;
    expect(changed.maxParticipants).toBe(7);
    const audit = await t.db.selectFrom('audit_log').select('action').where('object_id', '=', offer.id).orderBy('id').execute();
    expect(audit.map((entry) => entry.action)).toEqual(['group_offer.create', 'group_offer.change']);
  });

  it('refuses a facilitator from elsewhere, min above max, no place in person, and unsound rules (422)', async () => {
    const refused = async (overrides: Record<string, unknown>) => expectStatus(await coordinator().post('/api/group-offers', offerBody(fx, overrides)), 422).json() as { errors: { path: string; message: string }[] };
    expect((await refused({ facilitatorUserIds: [fx.people.lokkCounsellor.user.id] })).errors).toEqual([{ path: 'body.facilitatorUserIds.0', message: 'not_staff_of_service' }]);
    expect((await refused({ minParticipants: 9 })).errors).toEqual([expect.objectContaining({ message: 'min_greater_than_max' })]);
    expect((await refused({ place: null })).errors).toEqual([expect.objectContaining({ message: 'place_required' })]);
    const badRules = { targetGroups: [{ id: 'a', label: { da: 'a', en: 'a' }, conditions: [{ fact: 'monthsSinceLeftPartner', min: 9, max: 6 }] }], exclusions: [], notInTargetGroupOnward: null };
    expect((await refused({ eligibilityRules: badRules })).errors[0]?.message).toMatch(/^rule_invalid:/);
  });

  it('hides offers from another organisation, the other service line and staff not assigned to the service (404)', async () => {
    const offer = await givenOffer(fx);
    expect((await fx.people.dmvVictimCounsellor.client.get(`/api/group-offers/${offer.id}`)).statusCode).toBe(404);
    expect((await fx.people.lokkUnassignedCounsellor.client.get(`/api/group-offers/${offer.id}`)).statusCode).toBe(404);
    expect((await fx.people.lokkUnassignedCounsellor.client.get(`/api/group-offers/${offer.id}/waiting-list`)).statusCode).toBe(404);
    expect((await fx.people.lokkUnassignedCounsellor.client.post('/api/group-offers', offerBody(fx))).statusCode).toBe(404);
    const dmvOffer = expectStatus(
      await fx.people.dmvVictimCounsellor.client.post('/api/group-offers', offerBody(fx, { serviceId: fx.services.dmvVictims.id, facilitatorUserIds: [fx.people.dmvVictimCounsellor.user.id] })),
      201,
    ).json() as GroupOfferView;
    // DmV's perpetrator-line counsellor is assigned to the victim-line service, and still cannot see its groups.
    expect((await fx.people.dmvCounsellor.client.get(`/api/group-offers/${dmvOffer.id}`)).statusCode).toBe(404);
    expect((await fx.people.dmvCounsellor.client.get('/api/group-offers')).json()).toEqual([]);
    expect((await coordinator().get(`/api/group-offers/${dmvOffer.id}/waiting-list`)).statusCode).toBe(404);
    // Roles without groups:manage are refused before anything is looked up.
    expect((await fx.people.lokkSupervisor.client.get('/api/group-offers')).statusCode).toBe(403);
  });

  it('keeps the waiting list in order with waiting times, logging each read of a name', async () => {
    const offer = await givenOffer(fx);
    const first = await givenWaiting(fx, offer.id, { label: 'Ventende Første' });
    t.clock.advance(60_000);
    const second = await givenWaiting(fx, offer.id, { label: 'Ventende Anden' });
    const list = expectStatus(await coordinator().get(`/api/group-offers/${offer.id}/waiting-list`), 200).json() as WaitingEntryView[];
    expect(list.map((entry) => [entry.id, entry.position, entry.clientLabel, entry.status, entry.waitingDays])).toEqual([
      [first.id, 1, 'Ventende Første', 'waiting', 0],
      [second.id, 2, 'Ventende Anden', 'waiting', 0],
    ]);
    const reads = await t.db.selectFrom('access_log').select(['object_id', 'action']).where('object_type', '=', 'group_waiting_entry').where('object_id', 'in', [first.id, second.id]).where('action', '=', 'list').execute();
    expect(reads).toHaveLength(2);
    const row = await t.db.selectFrom('group_waiting_entries').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('Ventende');
  });

  it('adds only open courses of the offer’s service, once', async () => {
    const offer = await givenOffer(fx);
    const elsewhere = await givenWalkInCourse(fx);
    const preferences = { dayTimes: [], language: 'da', mode: 'either' };
    expect((await coordinator().post(`/api/group-offers/${offer.id}/waiting-list`, { courseId: elsewhere.id, preferences })).json()).toMatchObject({ errors: [{ path: 'body.courseId', message: 'not_a_course_of_this_service' }] });
    const entry = await givenWaiting(fx, offer.id);
    expect((await coordinator().post(`/api/group-offers/${offer.id}/waiting-list`, { courseId: entry.courseId, preferences })).statusCode).toBe(409);
  });

  it('refuses a person the offer’s eligibility rules put outside its target group (422 not_eligible)', async () => {
    const offer = await givenOffer(fx);
    const recent = await givenWalkInCourse(fx, { by: fx.people.lokkGroupCounsellor, serviceId: fx.services.lokkGroups.id });
    const facts = { gender: 'woman', age: 40, hasLeftPartner: 'yes', monthsSinceLeftPartner: 2, threatLevel: 'medium' };
    expectStatus(await coordinator().post(`/api/courses/${recent.id}/triage`, { facts, decision: 'accept' }), 201);
    const preferences = { dayTimes: ['evening'], language: 'da', mode: 'either' };
    expect((await coordinator().post(`/api/group-offers/${offer.id}/waiting-list`, { courseId: recent.id, preferences })).json()).toMatchObject({ status: 422, errors: [{ path: 'body.courseId', message: 'not_eligible' }] });
    const longAgo = await givenWalkInCourse(fx, { by: fx.people.lokkGroupCounsellor, serviceId: fx.services.lokkGroups.id });
    expectStatus(await coordinator().post(`/api/courses/${longAgo.id}/triage`, { facts: { ...facts, monthsSinceLeftPartner: 9 }, decision: 'accept' }), 201);
    expectStatus(await coordinator().post(`/api/group-offers/${offer.id}/waiting-list`, { courseId: longAgo.id, preferences }), 201);
  });

  it('a person who declines keeps their place or leaves by choice', async () => {
    const offer = await givenOffer(fx);
    const [first, second] = [await givenWaiting(fx, offer.id), await givenWaiting(fx, offer.id)];
    if (!first || !second) throw new Error('no entries');
    const kept = expectStatus(await coordinator().post(`/api/group-waiting-entries/${first.id}/decline`, { keepsPlace: true }), 200).json() as WaitingEntryView;
    expect(kept).toMatchObject({ position: 1, status: 'waiting', declineCount: 1 });
    const left = expectStatus(await coordinator().post(`/api/group-waiting-entries/${second.id}/decline`, { keepsPlace: false }), 200).json() as WaitingEntryView;
    expect(left).toMatchObject({ position: null, status: 'left' });
    expect((await coordinator().post(`/api/group-waiting-entries/${second.id}/decline`, { keepsPlace: true })).statusCode).toBe(409);
    expect((await fx.people.dmvVictimCounsellor.client.post(`/api/group-waiting-entries/${first.id}/decline`, { keepsPlace: false })).statusCode).toBe(404);
  });
});
