/**
 * A conversation group's planned meeting dates, from the offer's rhythm. Times are wall-clock times in Denmark
 * (Europe/Copenhagen): a group that meets at 17:00 meets at 17:00 on both sides of a daylight-saving change, so
 * each date is converted to an instant on its own rather than by adding a fixed number of milliseconds.
 *
 * Pure and bounded: the number of meetings is capped by the offer's schema (at most 52).
 */

export const GROUP_TIME_ZONE = 'Europe/Copenhagen';

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: GROUP_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes Denmark is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutesAt(instant: Date): number {
  const parts = Object.fromEntries(offsetFormat.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/**
 * The instant of a Danish wall-clock time on a date (`2026-03-29`, `17:00`). Tried with the offset of the guess and
 * corrected once: enough for Denmark's two offsets. A time that does not exist (02:30 on the spring-forward night)
 * falls an hour later, as a calendar program would show it.
 */
export function danishWallClockToInstant(date: string, time: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const naive = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  const first = naive - offsetMinutesAt(new Date(naive)) * 60_000;
  const corrected = naive - offsetMinutesAt(new Date(first)) * 60_000;
  return new Date(corrected);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekdayOf(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

export type MeetingRhythm = { weekday: number; startTime: string; intervalWeeks: number; durationMinutes: number };

export type PlannedMeeting = { number: number; startsAt: Date; endsAt: Date };

/**
 * `count` meetings on the rhythm's weekday, the first on or after `firstDate`, every `intervalWeeks` weeks, each at
 * the rhythm's local start time and lasting its duration.
 */
export function planMeetings(input: { rhythm: MeetingRhythm; firstDate: string; count: number }): PlannedMeeting[] {
  const { rhythm } = input;
  const shift = (rhythm.weekday - isoWeekdayOf(input.firstDate) + 7) % 7;
  const start = addDays(input.firstDate, shift);
  return Array.from({ length: input.count }, (_unused, index) => {
    const startsAt = danishWallClockToInstant(addDays(start, index * 7 * rhythm.intervalWeeks), rhythm.startTime);
    return { number: index + 1, startsAt, endsAt: new Date(startsAt.getTime() + rhythm.durationMinutes * 60_000) };
  });
}
