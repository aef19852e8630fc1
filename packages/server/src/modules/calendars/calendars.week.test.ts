import type { CalendarWeek } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { calendarEntry, createListCalendarSource } from './calendar.test-support.ts';

/** `TEST_NOW` is Monday 23 November 2026, 10:00 in Danish time. */
describe('calendar: my week (GET /api/calendar/week)', () => {
  let t: TestApp;
  const list = createListCalendarSource();
  const second = createListCalendarSource();
  let counsellor: Awaited<ReturnType<TestApp['given']['signedIn']>>;
  let colleague: Awaited<ReturnType<TestApp['given']['signedIn']>>;

  beforeAll(async () => {
    t = await createTestApp({ calendarSources: [list.source, second.source] });
    counsellor = await t.given.signedIn('counsellor', { serviceLine: 'victim' });
    colleague = await t.given.signedIn('counsellor', { organisationId: counsellor.organisationId });
  });
  afterAll(async () => t.close());

  const week = async (query: string, who = counsellor) => {
    const response = await t.as(who.session).get(`/api/calendar/week${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as CalendarWeek;
  };

  it('answers today’s week, Monday to Sunday, without a date, and any day’s week with one', async () => {
    const thisWeek = await week('');
    expect(thisWeek).toMatchObject({ start: '2026-11-23', end: '2026-11-29', previousStart: '2026-11-16', nextStart: '2026-11-30' });
    expect(thisWeek.days.map((day) => day.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect((await week('?start=2027-01-01')).start).toBe('2026-12-28');
  });

  it('merges every source, sorted by start, each entry on its Danish day, and runs the sources as the caller', async () => {
    const late = calendarEntry({ startsAt: '2026-12-02T13:00:00.000Z', title: 'Frokost i netværkshuset', kind: 'open_event', isOnline: false });
    const early = calendarEntry({ startsAt: '2026-12-02T08:00:00.000Z', title: 'Drop-in kaffe', kind: 'open_event', location: null, isOnline: true });
    const cancelled = calendarEntry({ startsAt: '2026-11-30T17:00:00.000Z', kind: 'community_meeting', title: 'Fællesskabsmøde Aarhus', isCancelled: true });
    list.add(counsellor.user.id, late);
    second.add(counsellor.user.id, early);
    second.add(counsellor.user.id, cancelled);
    // The same meeting from two sources is shown once.
    list.add(counsellor.user.id, cancelled);
    list.add(colleague.user.id, calendarEntry({ startsAt: '2026-12-01T09:00:00.000Z', title: 'Kollegaens gruppe' }));

    const answer = await week('?start=2026-12-03');
    expect(answer.start).toBe('2026-11-30');
    expect(answer.days[0]?.entries).toEqual([cancelled]);
    expect(answer.days[1]?.entries).toEqual([]);
    expect(answer.days[2]?.entries).toEqual([early, late]);
    expect(answer.days.flatMap((day) => day.entries).map((entry) => entry.title)).not.toContain('Kollegaens gruppe');

    const call = list.calls.at(-1);
    expect(call?.staff).toMatchObject({ userId: counsellor.user.id, membershipId: counsellor.user.membershipId, organisationId: counsellor.organisationId, role: 'counsellor', serviceLine: 'victim' });
    // Danish midnight to Danish midnight: CET is UTC+1 in winter.
    expect(call?.range).toEqual({ from: new Date('2026-11-29T23:00:00.000Z'), to: new Date('2026-12-06T23:00:00.000Z') });
  });

  it('puts 00:30 on a Monday (Danish summer time, still Sunday in UTC) in that Monday’s week, and 23:30 Sunday in the week before', async () => {
    const mondayNight = calendarEntry({ startsAt: '2027-06-06T22:30:00.000Z', title: 'Nattemøde mandag' });
    const sundayNight = calendarEntry({ startsAt: '2027-06-13T21:30:00.000Z', title: 'Sent søndag' });
    list.add(counsellor.user.id, mondayNight);
    list.add(counsellor.user.id, sundayNight);

    const june7 = await week('?start=2027-06-07');
    expect(june7.days[0]).toEqual({ date: '2027-06-07', entries: [mondayNight] });
    expect(june7.days[6]).toEqual({ date: '2027-06-13', entries: [sundayNight] });
    const before = await week('?start=2027-06-06');
    expect(before.start).toBe('2027-05-31');
    expect(before.days.flatMap((day) => day.entries)).toEqual([]);
    // Summer time: Danish midnight of Monday 31 May 2027 is 22:00 UTC on the Sunday.
    expect(list.calls.at(-1)?.range.from).toEqual(new Date('2027-05-30T22:00:00.000Z'));
  });

  it('spans a week with a summer-time change: 11:00 Danish stays 11:00 on both sides', async () => {
    const before = calendarEntry({ startsAt: '2027-03-26T10:00:00.000Z', title: 'Gruppe fredag' });
    const after = calendarEntry({ startsAt: '2027-03-28T09:00:00.000Z', title: 'Gruppe søndag' });
    list.add(counsellor.user.id, before);
    list.add(counsellor.user.id, after);
    const answer = await week('?start=2027-03-22');
    expect(answer.days[4]?.entries).toEqual([before]);
    expect(answer.days[6]?.entries).toEqual([after]);
    // The week is 167 hours long: from CET midnight to CEST midnight.
    expect(list.calls.at(-1)?.range).toEqual({ from: new Date('2027-03-21T23:00:00.000Z'), to: new Date('2027-03-28T22:00:00.000Z') });
  });

  it('refuses what is not a date with 422 in the caller’s language', async () => {
    for (const start of ['2027-02-30', '23-11-2026', 'i-morgen']) {
      const response = await t.as(counsellor.session).get(`/api/calendar/week?start=${start}`, { 'accept-language': 'en' });
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['content-language']).toBe('en');
      expect((response.json() as { title: string; errors: { path: string }[] }).errors[0]?.path).toBe('querystring.start');
    }
    const danish = await t.as(counsellor.session).get('/api/calendar/week?start=2027-13-01');
    expect(danish.statusCode).toBe(422);
    expect((danish.json() as { title: string }).title).toBe('Ugyldige oplysninger');
  });

  it('is for signed-in staff only, and is every role’s own (a referrer’s is empty)', async () => {
    expect((await t.as(undefined).get('/api/calendar/week')).statusCode).toBe(401);
    const referrer = await t.given.signedIn('referrer');
    expect((await week('', referrer)).days.flatMap((day) => day.entries)).toEqual([]);
  });
});
