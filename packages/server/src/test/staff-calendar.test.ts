import type { CalendarEntry, CalendarWeek, CommunityMeeting, CreatedCalendarFeed, OpenEvent } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingPlan } from '../modules/community-meetings/testing.ts';
import { expectStatus, type CourseFixture } from '../modules/courses/testing.ts';
import { openEventInput } from '../modules/events/testing.ts';
import { givenRunningGroup, startGroupTests } from '../modules/groups/testing.ts';
import type { TestApp } from './test-app.ts';

/**
 * The staff calendar as app.ts composes it: the sources of conversation groups, open events and community meetings,
 * all three for one counsellor who facilitates a group, hosts a drop-in and facilitates a community meeting in the
 * week of Monday 23 November 2026 (the test clock's).
 */
describe('the staff calendar across modules', () => {
  let t: TestApp;
  let fx: CourseFixture;
  let groupId: string;
  let event: OpenEvent;
  let meeting: CommunityMeeting;
  const counsellor = () => fx.people.lokkGroupCounsellor;

  beforeAll(async () => {
    ({ t, fx } = await startGroupTests());
    groupId = (await givenRunningGroup(fx, { waiting: 6, size: 6 })).group.id;
    event = expectStatus(await counsellor().client.post('/api/events', openEventInput(fx.services.lokkGroups.id)), 201).json() as OpenEvent;
    const plan = meetingPlan({ date: '2026-11-26', city: 'Aarhus', placeName: 'Foreningshuset', address: 'Skolegade 11, 8000 Aarhus C', isAddressPublic: false, facilitatorMembershipIds: [counsellor().user.membershipId] });
    meeting = expectStatus(await counsellor().client.post('/api/community-meetings', plan), 201).json() as CommunityMeeting;
  });
  afterAll(async () => t.close());

  it("shows the week's group meeting, drop-in dates and community meeting, each linking to its page", async () => {
    const week = expectStatus(await counsellor().client.get('/api/calendar/week?start=2026-11-25'), 200).json() as CalendarWeek;
    expect(week.start).toBe('2026-11-23');
    const entries = week.days.flatMap((day) => day.entries);
    const byKind = (kind: CalendarEntry['kind']) => entries.filter((entry) => entry.kind === kind);
    expect(byKind('group_meeting')).toEqual([expect.objectContaining({ title: 'Samtalegruppe for kvinder', appPath: `/groups/${groupId}`, startsAt: '2026-11-24T16:00:00.000Z' })]);
    expect(byKind('open_event').map((entry) => entry.startsAt)).toEqual(['2026-11-23T09:00:00.000Z', '2026-11-24T09:00:00.000Z', '2026-11-25T09:00:00.000Z', '2026-11-26T09:00:00.000Z', '2026-11-27T09:00:00.000Z']);
    expect(byKind('open_event')[0]).toMatchObject({ title: event.title, appPath: `/events/${event.id}` });
    expect(byKind('community_meeting')).toEqual([expect.objectContaining({ appPath: expect.stringContaining(meeting.id), startsAt: '2026-11-26T17:00:00.000Z' })]);
    // The community meeting's address is for those signed up: the calendar names the place and the town only.
    expect(JSON.stringify(byKind('community_meeting'))).not.toContain('Skolegade');
  });

  it("shows a colleague who runs none of them an empty week", async () => {
    const week = expectStatus(await fx.people.lokkCounsellor.client.get('/api/calendar/week?start=2026-11-25'), 200).json() as CalendarWeek;
    expect(week.days.flatMap((day) => day.entries)).toEqual([]);
  });

  it('puts all three in the private feed, without the names of those in the group', async () => {
    const created = expectStatus(await counsellor().client.post('/api/calendar/feed', {}), 201).json() as CreatedCalendarFeed;
    const response = await t.app.inject({ method: 'GET', url: new URL(created.url).pathname });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expect(response.body).toContain('SUMMARY:Samtalegruppe for kvinder');
    expect(response.body).toContain(`UID:group-meeting-`);
    expect(response.body).toContain('DTSTART;TZID=Europe/Copenhagen:20261124T170000');
    expect(response.body).toContain('DTSTART;TZID=Europe/Copenhagen:20261126T180000');
    expect(response.body).toContain(`SUMMARY:${event.title}`);
    // The group's participants are "Klient NummerN Jensen" (the course builder's labels): none of them is in the feed.
    expect(response.body).not.toMatch(/Nummer\d+|Jensen/);
    expect(response.body).not.toContain('Skolegade');
  });
});
