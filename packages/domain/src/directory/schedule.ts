import { z } from 'zod';
import { text } from '../common/text.ts';

/**
 * Opening hours as RFC 5545 weekly recurrence rules, the way HSDS 3 `schedule` models them (`freq: WEEKLY`,
 * `byday`, `opens_at`, `closes_at`). Times are wall-clock times in Denmark (Europe/Copenhagen), so a rule means
 * the same local hours in summer and winter time.
 */
export const DIRECTORY_TIME_ZONE = 'Europe/Copenhagen';

/** RFC 5545 weekday codes, Monday first (Danish weeks start on Monday). */
export const Weekday = z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']);
export type Weekday = z.infer<typeof Weekday>;

/** `HH:MM`, 24-hour clock, 00:00–23:59. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time_format' });
export type ClockTime = z.infer<typeof ClockTime>;

/**
 * Open on each of `byday` from `opensAt` to `closesAt`. A closing time at or before the opening time means the
 * opening runs past midnight into the next day (e.g. FR 22:00–02:00 ends Saturday 02:00).
 */
export const WeeklyRule = z
  .strictObject({
    freq: z.literal('WEEKLY'),
    byday: z.array(Weekday).min(1).max(7),
    opensAt: ClockTime,
    closesAt: ClockTime,
  })
  .refine((rule) => rule.opensAt !== rule.closesAt, { message: 'empty_opening', path: ['closesAt'] })
  .refine((rule) => new Set(rule.byday).size === rule.byday.length, { message: 'duplicate_day', path: ['byday'] });
export type WeeklyRule = z.infer<typeof WeeklyRule>;

const note = text({ max: 500, multiline: true });

/**
 * A service's opening hours. Open 24 hours means every minute of every day; it then carries no rules. A schedule
 * with no rules and not open 24 hours has no fixed hours (contact by appointment; say so in the note).
 */
export const Schedule = z
  .strictObject({
    isOpen24Hours: z.boolean(),
    rules: z.array(WeeklyRule).max(14),
    noteDa: note.nullable().optional(),
    noteEn: note.nullable().optional(),
  })
  .refine((schedule) => !schedule.isOpen24Hours || schedule.rules.length === 0, { message: 'open_24_hours_with_rules', path: ['rules'] });
export type Schedule = z.infer<typeof Schedule>;

const MINUTES_PER_DAY = 24 * 60;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** Half-open interval [start, end) in minutes since Monday 00:00 local time. */
export type WeekInterval = readonly [start: number, end: number];

function minutesOf(time: ClockTime): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/**
 * The weekly opening as sorted, merged, non-overlapping intervals within one week. An opening that runs past
 * Sunday midnight wraps round to Monday. This is the one definition of "open": `isOpenAt` uses it, and the
 * server stores it (as a PostgreSQL multirange) so "open now" can be searched with the same answer.
 */
export function weeklyOpenIntervals(schedule: Pick<Schedule, 'isOpen24Hours' | 'rules'>): WeekInterval[] {
  if (schedule.isOpen24Hours) return [[0, MINUTES_PER_WEEK]];
  const raw: [number, number][] = [];
  for (const rule of schedule.rules) {
    const opens = minutesOf(rule.opensAt);
    let closes = minutesOf(rule.closesAt);
    if (closes <= opens) closes += MINUTES_PER_DAY;
    for (const day of rule.byday) {
      const start = Weekday.options.indexOf(day) * MINUTES_PER_DAY + opens;
      const end = Weekday.options.indexOf(day) * MINUTES_PER_DAY + closes;
      if (end <= MINUTES_PER_WEEK) raw.push([start, end]);
      else raw.push([start, MINUTES_PER_WEEK], [0, end - MINUTES_PER_WEEK]);
    }
  }
  raw.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const interval of raw) {
    const last = merged.at(-1);
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else merged.push([interval[0], interval[1]]);
  }
  return merged;
}

const weekdayByShortName: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
const localTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: DIRECTORY_TIME_ZONE,
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * Minutes since Monday 00:00 on the clocks in Denmark at `date`. Summer and winter time are handled by the time
 * zone database: on the night clocks go forward, 02:00–03:00 does not exist; on the night they go back, 02:00–03:00
 * happens twice and both count as 02:xx.
 */
export function minuteOfWeekInDenmark(date: Date): number {
  const parts = localTimeFormat.formatToParts(date);
  const value = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const day = weekdayByShortName[value('weekday')];
  if (day === undefined) throw new Error('unexpected weekday from Intl');
  return day * MINUTES_PER_DAY + Number(value('hour')) * 60 + Number(value('minute'));
}

const utcOffsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: DIRECTORY_TIME_ZONE, timeZoneName: 'longOffset' });

/**
 * Hours Denmark's clocks are ahead of UTC at `date`: 1 in winter time, 2 in summer time. HSDS schedules state their
 * time zone this way (a UTC offset, not a zone name), so it is the offset in force on the day of the response.
 */
export function utcOffsetHoursInDenmark(date: Date): number {
  const name = utcOffsetFormat.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? '';
  // `GMT+01:00`, or plain `GMT` at offset zero.
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!match) throw new Error(`unexpected time zone name from Intl: ${name}`);
  const [, sign, hours, minutes] = match;
  if (!sign) return 0;
  return (sign === '-' ? -1 : 1) * (Number(hours) + Number(minutes) / 60);
}

/** Is the service open at this instant, by the clocks in Denmark? */
export function isOpenAt(schedule: Pick<Schedule, 'isOpen24Hours' | 'rules'>, date: Date): boolean {
  const minute = minuteOfWeekInDenmark(date);
  return weeklyOpenIntervals(schedule).some(([start, end]) => minute >= start && minute < end);
}

/**
 * PostgreSQL `int4multirange` literal of the weekly intervals, e.g. `{[1080,1200),[2520,2640)}`. Built from
 * integers only, never from user text.
 */
export function toMultirangeLiteral(intervals: readonly WeekInterval[]): string {
  return `{${intervals.map(([start, end]) => `[${Math.trunc(start)},${Math.trunc(end)})`).join(',')}}`;
}
