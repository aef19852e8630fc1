import type { CourseGroupNoteView, GroupView, WaitingEntryView } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { expectStatus, type CourseFixture } from '../courses/testing.ts';
import { deliverDueMessages } from '../messages/index.ts';
import { groupMeetingCalendarSource, groupMessageChecks } from './index.ts';
import { keepGroupWaitingLists, sendGroupInvitations, sendGroupMeetingReminders } from './core/group.jobs.ts';
import { givenOffer, givenRunningGroup, givenWaiting, safeSmsAnyTime, startGroupTests } from './groups.builders.ts';

/** TEST_NOW is Monday 23 November 2026, 10:00 in Copenhagen; groups start on Tuesday the 24th at 17:00. */
describe('conversation groups and their meetings', () => {
  let t: TestApp;
  let fx: CourseFixture;
  beforeAll(async () => { ({ t, fx } = await startGroupTests()); });
  afterAll(async () => t.close());

  const coordinator = () => fx.people.lokkGroupCounsellor.client;
  const start = (offerId: string, body: Record<string, unknown>) => coordinator().post(`/api/group-offers/${offerId}/groups`, body);

  it('starts a group of 7 from the top of the list, with 8 weekly meetings at 17:00 Danish time', async () => {
    const { offer, entries, group } = await givenRunningGroup(fx, { waiting: 8, size: 7 });
    expect(group).toMatchObject({ offerId: offer.id, status: 'running', place: 'Mødelokalet, 1. sal' });
    expect(group.participants.map((participant) => participant.courseId)).toEqual(entries.slice(0, 7).map((entry) => entry.courseId));
    expect(group.meetings.map((meeting) => meeting.startsAt)).toEqual([
      '2026-11-24T16:00:00.000Z', '2026-12-01T16:00:00.000Z', '2026-12-08T16:00:00.000Z', '2026-12-15T16:00:00.000Z',
      '2026-12-22T16:00:00.000Z', '2026-12-29T16:00:00.000Z', '2027-01-05T16:00:00.000Z', '2027-01-12T16:00:00.000Z',
    ]);
    const list = (await coordinator().get(`/api/group-offers/${offer.id}/waiting-list`)).json() as WaitingEntryView[];
    expect(list.map((entry) => entry.id)).toEqual([entries[7]?.id]);
    expect(await fx.people.lokkGroupCounsellor.client.get(`/api/group-offers/${offer.id}/groups`).then((response) => response.json())).toEqual([expect.objectContaining({ id: group.id, participantCount: 7 })]);
  });

  it('refuses too few (422), too many (409) and out of order without a reason (422); stores the reason sealed', async () => {
    const offer = await givenOffer(fx);
    const entries: WaitingEntryView[] = [];
    for (let index = 0; index < 9; index += 1) entries.push(await givenWaiting(fx, offer.id));
    const ids = entries.map((entry) => entry.id);
    expect((await start(offer.id, { firstDate: '2026-11-24', entryIds: ids.slice(0, 5) })).json()).toMatchObject({ status: 422, errors: [{ message: 'below_minimum' }] });
    expect((await start(offer.id, { firstDate: '2026-11-24', entryIds: ids })).json()).toMatchObject({ status: 409, errors: [{ message: 'above_maximum' }] });
    const skipping = [...ids.slice(0, 5), ids[8] ?? ''];
    expect((await start(offer.id, { firstDate: '2026-11-24', entryIds: skipping })).json()).toMatchObject({ status: 422, errors: [{ path: 'body.overrideReason', message: 'override_reason_required' }] });
    expect((await start(offer.id, { firstDate: '2026-11-17', entryIds: ids.slice(0, 6) })).json()).toMatchObject({ status: 422, errors: [{ message: 'in_the_past' }] });
    const group = expectStatus(await start(offer.id, { firstDate: '2026-11-24', entryIds: skipping, overrideReason: 'Kan kun om aftenen. Spurv-4411.' }), 201).json() as GroupView;
    const row = await t.db.selectFrom('conversation_groups').select('override_reason_enc').where('id', '=', group.id).executeTakeFirstOrThrow();
    expect(row.override_reason_enc).not.toContain('Spurv');
    const audit = await t.db.selectFrom('audit_log').select('details').where('object_id', '=', group.id).where('action', '=', 'group.start').execute();
    expect(audit).toEqual([{ details: { offerId: offer.id, participantCount: 6, isOutOfOrder: true } }]);
  });

  it('records attendance and sealed notes; a participant’s note shows only on their own course', async () => {
    const { group } = await givenRunningGroup(fx, { waiting: 6, size: 6 });
    const [meeting] = group.meetings;
    const [anna, bente] = group.participants;
    if (!meeting || !anna || !bente) throw new Error('no group');
    const entries = group.participants.map((participant, index) => ({ participantId: participant.id, attendance: index === 0 ? 'absent_with_notice' : 'attended' }));
    const recorded = expectStatus(await coordinator().put(`/api/groups/${group.id}/meetings/${meeting.id}/attendance`, { entries }), 200).json() as GroupView;
    expect(recorded.meetings[0]?.attendance).toHaveLength(6);
    expect((await coordinator().put(`/api/groups/${group.id}/meetings/${meeting.id}/attendance`, { entries: [{ participantId: meeting.id, attendance: 'absent' }] })).json()).toMatchObject({ errors: [{ message: 'not_a_participant' }] });
    expectStatus(await coordinator().put(`/api/groups/${group.id}/meetings/${meeting.id}/note`, { note: 'God stemning. Ugle-7781.' }), 200);
    const withNote = expectStatus(await coordinator().put(`/api/groups/${group.id}/meetings/${meeting.id}/participants/${anna.id}/note`, { note: 'Fortalte om sit netværk. Høg-3321.' }), 200).json() as GroupView;
    expect(withNote.meetings[0]).toMatchObject({ groupNote: 'God stemning. Ugle-7781.', participantNoteIds: [anna.id] });
    const stored = await t.db.selectFrom('group_participant_notes').select('note_enc').execute();
    expect(JSON.stringify(stored)).not.toContain('Høg');
    const annaNotes = expectStatus(await coordinator().get(`/api/courses/${anna.courseId}/group-notes`), 200).json() as CourseGroupNoteView[];
    expect(annaNotes).toEqual([expect.objectContaining({ groupId: group.id, offerName: 'Samtalegruppe for kvinder', meetingNumber: 1, note: 'Fortalte om sit netværk. Høg-3321.' })]);
    expect((await coordinator().get(`/api/courses/${bente.courseId}/group-notes`)).json()).toEqual([]);
    expect((await fx.people.dmvVictimCounsellor.client.get(`/api/courses/${anna.courseId}/group-notes`)).statusCode).toBe(404);
    expect((await fx.people.dmvVictimCounsellor.client.get(`/api/groups/${group.id}`)).statusCode).toBe(404);
    expect((await fx.people.dmvCounsellor.client.put(`/api/groups/${group.id}/meetings/${meeting.id}/note`, { note: 'x' })).statusCode).toBe(404);
  });

  it('gives a place freed before the second meeting to the next on the list, and none after', async () => {
    const { group, entries } = await givenRunningGroup(fx, { waiting: 8, size: 6 });
    const leaving = group.participants[2];
    if (!leaving) throw new Error('no participant');
    const replaced = expectStatus(await coordinator().post(`/api/groups/${group.id}/participants/${leaving.id}/leave`), 200).json() as GroupView;
    expect(replaced.participants.filter((participant) => participant.status === 'active')).toHaveLength(6);
    expect(replaced.participants.find((participant) => participant.isReplacement)?.courseId).toBe(entries[6]?.courseId);
    expect((await coordinator().post(`/api/groups/${group.id}/participants/${leaving.id}/leave`)).statusCode).toBe(409);
    t.clock.set(new Date('2026-12-01T16:30:00.000Z'));
    for (const person of [fx.people.lokkGroupCounsellor]) person.client = t.as(await t.given.session(person.user));
    const next = group.participants[3];
    if (!next) throw new Error('no participant');
    const smaller = expectStatus(await coordinator().post(`/api/groups/${group.id}/participants/${next.id}/leave`), 200).json() as GroupView;
    expect(smaller.participants.filter((participant) => participant.status === 'active')).toHaveLength(5);
    t.clock.set(new Date('2026-11-23T09:00:00.000Z'));
    fx.people.lokkGroupCounsellor.client = t.as(await t.given.session(fx.people.lokkGroupCounsellor.user));
  });

  it('records first and last ratings and closes with the number who completed; then refuses changes (409)', async () => {
    const { group } = await givenRunningGroup(fx, { waiting: 6, size: 6 });
    const [first] = group.participants;
    if (!first) throw new Error('no participant');
    expectStatus(await coordinator().put(`/api/groups/${group.id}/participants/${first.id}/outcomes/first`, { safety: 3, options: 4 }), 200);
    const rated = expectStatus(await coordinator().put(`/api/groups/${group.id}/participants/${first.id}/outcomes/last`, { safety: 7, options: 8 }), 200).json() as GroupView;
    expect(rated.participants[0]?.outcomes).toEqual([{ phase: 'first', safety: 3, options: 4 }, { phase: 'last', safety: 7, options: 8 }]);
    expect((await coordinator().put(`/api/groups/${group.id}/participants/${first.id}/outcomes/last`, { safety: 11, options: 8 })).statusCode).toBe(422);
    expectStatus(await coordinator().post(`/api/groups/${group.id}/participants/${group.participants[1]?.id}/leave`), 200);
    const closed = expectStatus(await coordinator().post(`/api/groups/${group.id}/close`), 200).json() as GroupView;
    expect(closed).toMatchObject({ status: 'closed', completedCount: 5 });
    expect((await coordinator().post(`/api/groups/${group.id}/close`)).json()).toMatchObject({ status: 409, errors: [{ message: 'group_closed' }] });
    expect((await coordinator().put(`/api/groups/${group.id}/meetings/${group.meetings[0]?.id}/note`, { note: 'x' })).statusCode).toBe(409);
  });

  it('invites and reminds through the outbox, neutrally, naming nobody else in the group', async () => {
    const { group } = await givenRunningGroup(fx, { waiting: 6, size: 6, safeContact: safeSmsAnyTime });
    t.sms.sent.length = 0;
    expect(await sendGroupInvitations(t.jobContext())).toBeGreaterThanOrEqual(6);
    expect(await sendGroupInvitations(t.jobContext())).toBe(0);
    t.clock.set(new Date('2026-11-24T09:00:00.000Z'));
    expect(await sendGroupMeetingReminders(t.jobContext())).toBeGreaterThanOrEqual(6);
    await deliverDueMessages({ ...t.jobContext(), sendTimeChecks: groupMessageChecks });
    t.clock.set(new Date('2026-11-23T09:00:00.000Z'));
    const texts = t.sms.sent.filter((message) => message.to === safeSmsAnyTime.phone).map((message) => message.text);
    expect(texts).toContain('Du har fået en ny aftale. Den første er tirsdag 24. november kl. 17.00.');
    expect(texts).toContain('Påmindelse: din aftale er tirsdag 24. november kl. 17.00.');
    for (const participant of group.participants) expect(texts.join(' ')).not.toContain(participant.clientLabel);
  });

  it('asks a long-waiting entry to reconfirm, and lapses it when nobody answers by the deadline', async () => {
    const offer = await givenOffer(fx, { reconfirmAfterDays: 30 });
    const [quiet, answering] = [await givenWaiting(fx, offer.id, { safeContact: safeSmsAnyTime }), await givenWaiting(fx, offer.id)];
    t.clock.set(new Date('2026-12-23T09:00:00.000Z'));
    t.sms.sent.length = 0;
    await keepGroupWaitingLists(t.jobContext());
    await deliverDueMessages({ ...t.jobContext(), sendTimeChecks: groupMessageChecks });
    expect(t.sms.sent.map((message) => message.text)).toContain('Ønsker du stadig din aftale? Giv os besked senest 6. januar.');
    fx.people.lokkGroupCounsellor.client = t.as(await t.given.session(fx.people.lokkGroupCounsellor.user));
    const list = (await coordinator().get(`/api/group-offers/${offer.id}/waiting-list`)).json() as WaitingEntryView[];
    expect(list.map((entry) => entry.status)).toEqual(['reconfirmation_requested', 'reconfirmation_requested']);
    expectStatus(await coordinator().post(`/api/group-waiting-entries/${answering?.id}/reconfirm`), 200);
    t.clock.set(new Date('2027-01-06T09:00:00.000Z'));
    await keepGroupWaitingLists(t.jobContext());
    fx.people.lokkGroupCounsellor.client = t.as(await t.given.session(fx.people.lokkGroupCounsellor.user));
    const after = (await coordinator().get(`/api/group-offers/${offer.id}/waiting-list`)).json() as WaitingEntryView[];
    expect(after.map((entry) => [entry.id, entry.status])).toEqual([[answering?.id, 'waiting']]);
    const lapse = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'group_waiting_list.lapse').execute();
    expect(lapse).toEqual([{ details: { entryId: quiet?.id } }]);
    t.clock.set(new Date('2026-11-23T09:00:00.000Z'));
    fx.people.lokkGroupCounsellor.client = t.as(await t.given.session(fx.people.lokkGroupCounsellor.user));
  });

  it('gives the staff calendar the meetings a staff member facilitates, titled by the offer only', async () => {
    const { group } = await givenRunningGroup(fx, { waiting: 6, size: 6 });
    const staff = { ...fx.people.lokkGroupCounsellor.user, userId: fx.people.lokkGroupCounsellor.user.id, role: 'counsellor' as const, serviceLine: 'victim' as const };
    const entries = await groupMeetingCalendarSource(t.db, staff, { from: new Date('2026-11-24T00:00:00Z'), to: new Date('2026-11-25T00:00:00Z') });
    expect(entries).toContainEqual({
      uid: `group-meeting-${group.meetings[0]?.id}@bro`,
      kind: 'group_meeting',
      title: 'Samtalegruppe for kvinder',
      startsAt: '2026-11-24T16:00:00.000Z',
      endsAt: '2026-11-24T17:30:00.000Z',
      location: 'Mødelokalet, 1. sal',
      isOnline: false,
      isCancelled: false,
      appPath: `/groups/${group.id}`,
    });
    const other = await groupMeetingCalendarSource(t.db, { ...staff, userId: fx.people.lokkCounsellor.user.id }, { from: new Date('2026-11-24T00:00:00Z'), to: new Date('2026-11-25T00:00:00Z') });
    expect(other).toEqual([]);
  });
});
