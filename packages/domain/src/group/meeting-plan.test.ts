import { describe, expect, it } from 'vitest';
import { danishWallClockToInstant, planMeetings } from './meeting-plan.ts';

describe('planMeetings', () => {
  it('keeps 17:00 local across the last Sunday of March and of October', () => {
    const rhythm = { weekday: 2, startTime: '17:00', intervalWeeks: 1, durationMinutes: 90 };
    const spring = planMeetings({ rhythm, firstDate: '2027-03-20', count: 3 });
    expect(spring.map((meeting) => meeting.startsAt.toISOString())).toEqual(['2027-03-23T16:00:00.000Z', '2027-03-30T15:00:00.000Z', '2027-04-06T15:00:00.000Z']);
    expect(spring[0]?.endsAt.toISOString()).toBe('2027-03-23T17:30:00.000Z');
    const autumn = planMeetings({ rhythm, firstDate: '2026-10-20', count: 2 });
    expect(autumn.map((meeting) => meeting.startsAt.toISOString())).toEqual(['2026-10-20T15:00:00.000Z', '2026-10-27T16:00:00.000Z']);
  });

  it('starts on the rhythm’s weekday on or after the first date, every second week when asked', () => {
    const meetings = planMeetings({ rhythm: { weekday: 4, startTime: '10:00', intervalWeeks: 2, durationMinutes: 120 }, firstDate: '2026-12-07', count: 8 });
    expect(meetings).toHaveLength(8);
    expect(meetings.map((meeting) => meeting.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(meetings[0]?.startsAt.toISOString()).toBe('2026-12-10T09:00:00.000Z');
    expect(meetings[1]?.startsAt.toISOString()).toBe('2026-12-24T09:00:00.000Z');
  });

  it('moves a time that does not exist on the spring-forward night an hour on', () => {
    expect(danishWallClockToInstant('2027-03-28', '02:30').toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });
});
