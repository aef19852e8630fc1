import { describe, expect, it } from 'vitest';
import {
  isOpenAt,
  minuteOfWeekInDenmark,
  MINUTES_PER_WEEK,
  Schedule,
  toMultirangeLiteral,
  utcOffsetHoursInDenmark,
  weeklyOpenIntervals,
  type Schedule as ScheduleType,
} from './schedule.ts';

const weekly = (byday: ScheduleType['rules'][number]['byday'], opensAt: string, closesAt: string): ScheduleType => ({
  isOpen24Hours: false,
  rules: [{ freq: 'WEEKLY', byday, opensAt, closesAt }],
});

describe('isOpenAt', () => {
  it('a service open 24 hours is open at every instant', () => {
    const always: ScheduleType = { isOpen24Hours: true, rules: [] };
    for (const instant of ['2026-01-01T00:00:00Z', '2026-03-29T01:30:00Z', '2026-07-04T23:59:59Z', '2026-10-25T01:15:00Z']) {
      expect(isOpenAt(always, new Date(instant)), instant).toBe(true);
    }
  });

  it('a service with no rules is never open', () => {
    expect(isOpenAt({ isOpen24Hours: false, rules: [] }, new Date('2026-01-08T17:30:00Z'))).toBe(false);
  });

  it('a weekday window is open inside it and closed at its edges and on other days (Thursdays 18–20)', () => {
    const thursdayEvening = weekly(['TH'], '18:00', '20:00');
    // Winter time: Copenhagen is UTC+1. Thursday 8 January 2026.
    expect(isOpenAt(thursdayEvening, new Date('2026-01-08T16:59:00Z'))).toBe(false); // 17:59
    expect(isOpenAt(thursdayEvening, new Date('2026-01-08T17:00:00Z'))).toBe(true); // 18:00 opens
    expect(isOpenAt(thursdayEvening, new Date('2026-01-08T18:59:00Z'))).toBe(true); // 19:59
    expect(isOpenAt(thursdayEvening, new Date('2026-01-08T19:00:00Z'))).toBe(false); // 20:00 closed
    expect(isOpenAt(thursdayEvening, new Date('2026-01-07T17:30:00Z'))).toBe(false); // Wednesday 18:30
  });

  it('keeps local hours in summer time (UTC+2) as in winter time (UTC+1)', () => {
    const thursdayEvening = weekly(['TH'], '18:00', '20:00');
    // Thursday 2 July 2026, summer time: 18:30 local is 16:30 UTC; 17:30 UTC is 19:30 local; 18:30 UTC is 20:30.
    expect(isOpenAt(thursdayEvening, new Date('2026-07-02T16:30:00Z'))).toBe(true);
    expect(isOpenAt(thursdayEvening, new Date('2026-07-02T18:30:00Z'))).toBe(false);
    // The same UTC instant in winter is an hour earlier locally: 16:30 UTC is 17:30, still closed.
    expect(isOpenAt(thursdayEvening, new Date('2026-01-08T16:30:00Z'))).toBe(false);
  });

  it('an opening across midnight belongs to the day it starts and ends the next morning', () => {
    const fridayNight = weekly(['FR'], '22:00', '02:00');
    expect(isOpenAt(fridayNight, new Date('2026-01-09T21:30:00Z'))).toBe(true); // Friday 22:30
    expect(isOpenAt(fridayNight, new Date('2026-01-10T00:30:00Z'))).toBe(true); // Saturday 01:30
    expect(isOpenAt(fridayNight, new Date('2026-01-10T01:00:00Z'))).toBe(false); // Saturday 02:00
    expect(isOpenAt(fridayNight, new Date('2026-01-09T00:30:00Z'))).toBe(false); // Friday 01:30 (Thursday night)
  });

  it('a Sunday night opening wraps round to Monday morning', () => {
    const sundayNight = weekly(['SU'], '20:00', '08:00');
    expect(isOpenAt(sundayNight, new Date('2026-01-11T20:00:00Z'))).toBe(true); // Sunday 21:00
    expect(isOpenAt(sundayNight, new Date('2026-01-12T06:00:00Z'))).toBe(true); // Monday 07:00
    expect(isOpenAt(sundayNight, new Date('2026-01-12T07:00:00Z'))).toBe(false); // Monday 08:00
  });

  it('on the night clocks go forward (29 March 2026), 01:30 is before 02:00 and 03:30 is after it', () => {
    const earlySunday = weekly(['SU'], '00:00', '02:00');
    expect(isOpenAt(earlySunday, new Date('2026-03-29T00:30:00Z'))).toBe(true); // 01:30 CET
    expect(isOpenAt(earlySunday, new Date('2026-03-29T01:30:00Z'))).toBe(false); // 03:30 CEST
    expect(minuteOfWeekInDenmark(new Date('2026-03-29T01:00:00Z'))).toBe(6 * 1440 + 3 * 60); // 02:00 CET is 03:00 CEST
  });

  it('on the night clocks go back (25 October 2026), both 02:30s count as 02:30', () => {
    const lateNight = weekly(['SU'], '02:00', '03:00');
    expect(isOpenAt(lateNight, new Date('2026-10-25T00:30:00Z'))).toBe(true); // 02:30 CEST
    expect(isOpenAt(lateNight, new Date('2026-10-25T01:30:00Z'))).toBe(true); // 02:30 CET
    expect(isOpenAt(lateNight, new Date('2026-10-25T02:30:00Z'))).toBe(false); // 03:30 CET
  });

  it('several rules and days combine', () => {
    const officeHours: ScheduleType = {
      isOpen24Hours: false,
      rules: [
        { freq: 'WEEKLY', byday: ['MO', 'TU', 'WE', 'TH'], opensAt: '09:00', closesAt: '15:00' },
        { freq: 'WEEKLY', byday: ['FR'], opensAt: '09:00', closesAt: '12:00' },
      ],
    };
    expect(isOpenAt(officeHours, new Date('2026-01-05T10:00:00Z'))).toBe(true); // Monday 11:00
    expect(isOpenAt(officeHours, new Date('2026-01-09T12:00:00Z'))).toBe(false); // Friday 13:00
    expect(isOpenAt(officeHours, new Date('2026-01-10T10:00:00Z'))).toBe(false); // Saturday
  });
});

describe('weeklyOpenIntervals', () => {
  it('merges overlapping and touching openings and splits the Sunday wrap', () => {
    const schedule: ScheduleType = {
      isOpen24Hours: false,
      rules: [
        { freq: 'WEEKLY', byday: ['MO'], opensAt: '09:00', closesAt: '12:00' },
        { freq: 'WEEKLY', byday: ['MO'], opensAt: '11:00', closesAt: '14:00' },
        { freq: 'WEEKLY', byday: ['MO'], opensAt: '14:00', closesAt: '15:00' },
        { freq: 'WEEKLY', byday: ['SU'], opensAt: '23:00', closesAt: '01:00' },
      ],
    };
    expect(weeklyOpenIntervals(schedule)).toEqual([
      [0, 60],
      [540, 900],
      [6 * 1440 + 23 * 60, MINUTES_PER_WEEK],
    ]);
    expect(toMultirangeLiteral(weeklyOpenIntervals(schedule))).toBe('{[0,60),[540,900),[10020,10080)}');
  });

  it('open 24 hours is the whole week', () => {
    expect(weeklyOpenIntervals({ isOpen24Hours: true, rules: [] })).toEqual([[0, MINUTES_PER_WEEK]]);
    expect(toMultirangeLiteral([])).toBe('{}');
  });
});

describe('Schedule validation', () => {
  it('refuses bad times, empty openings, repeated days and rules on a 24-hour schedule', () => {
    const bad = [
      { isOpen24Hours: false, rules: [{ freq: 'WEEKLY', byday: ['MO'], opensAt: '25:00', closesAt: '26:00' }] },
      { isOpen24Hours: false, rules: [{ freq: 'WEEKLY', byday: ['MO'], opensAt: '10:00', closesAt: '10:00' }] },
      { isOpen24Hours: false, rules: [{ freq: 'WEEKLY', byday: ['MO', 'MO'], opensAt: '10:00', closesAt: '11:00' }] },
      { isOpen24Hours: false, rules: [{ freq: 'DAILY', byday: ['MO'], opensAt: '10:00', closesAt: '11:00' }] },
      { isOpen24Hours: true, rules: [{ freq: 'WEEKLY', byday: ['MO'], opensAt: '10:00', closesAt: '11:00' }] },
    ];
    for (const schedule of bad) expect(Schedule.safeParse(schedule).success, JSON.stringify(schedule)).toBe(false);
    expect(Schedule.safeParse({ isOpen24Hours: false, rules: [{ freq: 'WEEKLY', byday: ['TH'], opensAt: '18:00', closesAt: '20:00' }] }).success).toBe(true);
  });
});

describe('utcOffsetHoursInDenmark', () => {
  it('is 1 in winter time and 2 in summer time', () => {
    expect(utcOffsetHoursInDenmark(new Date('2026-01-08T12:00:00Z'))).toBe(1);
    expect(utcOffsetHoursInDenmark(new Date('2026-07-02T12:00:00Z'))).toBe(2);
  });

  it('changes at the instants the clocks change (01:00 UTC on the last Sundays of March and October)', () => {
    expect(utcOffsetHoursInDenmark(new Date('2026-03-29T00:59:59Z'))).toBe(1);
    expect(utcOffsetHoursInDenmark(new Date('2026-03-29T01:00:00Z'))).toBe(2);
    expect(utcOffsetHoursInDenmark(new Date('2026-10-25T00:59:59Z'))).toBe(2);
    expect(utcOffsetHoursInDenmark(new Date('2026-10-25T01:00:00Z'))).toBe(1);
  });
});
