import { z } from 'zod';
import { CalendarEntry } from './CalendarEntry.ts';

/** A calendar date (Danish time), `YYYY-MM-DD`; a real date, so `2027-02-30` is refused. */
const CalendarDate = z.iso.date();

/** `GET /api/calendar/week`: any day of the week wanted (its Monday-to-Sunday week is answered); today's week without it. */
export const CalendarWeekQuery = z.strictObject({ start: CalendarDate.optional() });
export type CalendarWeekQuery = z.infer<typeof CalendarWeekQuery>;

export const CalendarDay = z.object({
  date: CalendarDate,
  /** Entries that start on this day in Danish time, by start time. */
  entries: z.array(CalendarEntry),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

/** The signed-in staff member's own week, Monday to Sunday in Danish time. */
export const CalendarWeek = z.object({
  /** The Monday. */
  start: CalendarDate,
  /** The Sunday. */
  end: CalendarDate,
  previousStart: CalendarDate,
  nextStart: CalendarDate,
  /** Seven days, Monday first, each with its entries. */
  days: z.array(CalendarDay).length(7),
});
export type CalendarWeek = z.infer<typeof CalendarWeek>;

/** Whether the caller has a private feed address, and when it was made and last fetched. Never the address itself. */
export const CalendarFeedStatus = z.object({
  hasFeed: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }).nullable(),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;

/** A new private feed address: shown this once (only a hash of its token is kept), replacing any earlier one. */
export const CreatedCalendarFeed = z.object({
  url: z.url(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type CreatedCalendarFeed = z.infer<typeof CreatedCalendarFeed>;

/**
 * The seven dates of the Monday-to-Sunday week that holds `date` (a calendar date; no time zone is involved in
 * the arithmetic: it is done on UTC midnights of the dates themselves).
 */
export function listWeekDates(date: string): string[] {
  const day = new Date(`${date}T00:00:00Z`);
  const daysSinceMonday = (day.getUTCDay() + 6) % 7;
  return Array.from({ length: 7 }, (_, index) => addDaysToDate(date, index - daysSinceMonday));
}

/** `date` moved by whole days (`-7` is a week back). */
export function addDaysToDate(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The ISO 8601 week number of a calendar date (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekNumber(date: string): number {
  const day = new Date(`${date}T00:00:00Z`);
  const thursday = new Date(day);
  thursday.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const januaryFirst = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return 1 + Math.floor((thursday.getTime() - januaryFirst) / 86_400_000 / 7);
}
