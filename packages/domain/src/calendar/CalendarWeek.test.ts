import { describe, expect, it } from 'vitest';
import { addDaysToDate, CalendarWeekQuery, isoWeekNumber, listWeekDates } from './CalendarWeek.ts';

describe('listWeekDates', () => {
  it('gives Monday to Sunday for any day of the week', () => {
    const week = ['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26', '2027-03-27', '2027-03-28'];
    expect(listWeekDates('2027-03-22')).toEqual(week);
    expect(listWeekDates('2027-03-25')).toEqual(week);
    expect(listWeekDates('2027-03-28')).toEqual(week);
  });

  it('crosses months and years', () => {
    expect(listWeekDates('2027-01-01')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(addDaysToDate('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('CalendarWeekQuery', () => {
  it('refuses what is not a real date', () => {
    expect(CalendarWeekQuery.safeParse({ start: '2027-02-30' }).success).toBe(false);
    expect(CalendarWeekQuery.safeParse({ start: '22-03-2027' }).success).toBe(false);
    expect(CalendarWeekQuery.safeParse({ start: '2027-03-22' }).success).toBe(true);
    expect(CalendarWeekQuery.safeParse({}).success).toBe(true);
  });
});

describe('isoWeekNumber', () => {
  it('numbers weeks as Danish calendars do', () => {
    expect(isoWeekNumber('2026-11-23')).toBe(48);
    expect(isoWeekNumber('2026-12-28')).toBe(53);
    expect(isoWeekNumber('2027-01-03')).toBe(53);
    expect(isoWeekNumber('2027-01-04')).toBe(1);
    expect(isoWeekNumber('2027-03-28')).toBe(12);
  });
});
