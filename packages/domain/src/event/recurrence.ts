import * as rruleModule from 'rrule';
import type { Options } from 'rrule';

/**
 * Recurring open events (drop-in, weekly lunch) repeat by an RFC 5545 `RRULE`, read and expanded with the `rrule`
 * package in Danish wall-clock time: the rule is expanded over "floating" dates (the UTC fields of rrule's dates are
 * the Danish calendar date), so 11:00 stays 11:00 across summer-time changes; the server turns a date and the
 * event's time into an instant only at the end.
 *
 * Bounded, always: rrule walks period by period until the rule yields a date past the window, and a rule that never
 * yields one (30 February, a `BYSETPOS` that no period has) walks to the year 9999 — tens of seconds of blocked event
 * loop for one bad form. So only the parts a weekly or monthly event needs are accepted, combinations that can never
 * match are refused before any expansion, the interval is small, and every expansion is capped by a window (at most
 * {@link RECURRENCE_LIMITS.maxMonthsAhead} months) and a count.
 */

// rrule ships CommonJS for Node and ESM for bundlers; the namespace import reaches RRule in both.
const { RRule } = ((rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule) as typeof rruleModule;

export const RECURRENCE_LIMITS = {
  /** How far ahead occurrences are ever expanded (and so materialised). */
  maxMonthsAhead: 12,
  /** The most dates one expansion returns, whatever the rule. */
  maxOccurrences: 400,
  maxInterval: 52,
  maxCount: 1_000,
  maxRuleLength: 300,
} as const;

/** Why a rule is refused; the web app and the problem document carry these codes. */
export const RecurrenceProblem = ['rule_unparseable', 'frequency_not_supported', 'rule_part_not_supported', 'rule_produces_no_date'] as const;
export type RecurrenceProblem = (typeof RecurrenceProblem)[number];

const SUPPORTED_FREQUENCIES = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const UNSUPPORTED_FREQUENCIES = new Set(['SECONDLY', 'MINUTELY', 'HOURLY']);
/** The time of day is the event's own start time, so BYHOUR/BYMINUTE/BYSECOND make no sense here. */
const SUPPORTED_PARTS = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'COUNT', 'UNTIL', 'WKST']);
const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export type ParsedRecurrence = { ok: true; rule: string; options: Partial<Options> } | { ok: false; problem: RecurrenceProblem };

/** Reads a rule (with or without the `RRULE:` prefix) and checks it is one Bro can expand within its bounds. */
export function parseRecurrenceRule(input: string): ParsedRecurrence {
  const rule = input.trim().replace(/^RRULE:/i, '').toUpperCase();
  if (rule === '' || rule.length > RECURRENCE_LIMITS.maxRuleLength) return { ok: false, problem: 'rule_unparseable' };
  const parts = new Map<string, string>();
  for (const part of rule.split(';')) {
    const match = /^([A-Z]+)=([A-Z0-9,+\-:]+)$/.exec(part);
    if (!match || parts.has(match[1]!)) return { ok: false, problem: 'rule_unparseable' };
    parts.set(match[1]!, match[2]!);
  }
  const frequency = parts.get('FREQ');
  if (frequency === undefined) return { ok: false, problem: 'rule_unparseable' };
  if (UNSUPPORTED_FREQUENCIES.has(frequency)) return { ok: false, problem: 'frequency_not_supported' };
  if (!SUPPORTED_FREQUENCIES.has(frequency)) return { ok: false, problem: 'rule_unparseable' };
  for (const name of parts.keys()) if (!SUPPORTED_PARTS.has(name)) return { ok: false, problem: 'rule_part_not_supported' };
  const shapeProblem = checkPartShapes(parts) ?? checkCombinations(frequency, parts);
  if (shapeProblem) return { ok: false, problem: shapeProblem };
  let options: Partial<Options>;
  try {
    options = RRule.parseString(rule);
  } catch {
    return { ok: false, problem: 'rule_unparseable' };
  }
  if (!canEverMatch(parts)) return { ok: false, problem: 'rule_produces_no_date' };
  return { ok: true, rule, options };
}

function checkPartShapes(parts: Map<string, string>): RecurrenceProblem | undefined {
  const numbers = (value: string | undefined) => (value === undefined ? [] : value.split(',').map((item) => (/^[+-]?\d{1,3}$/.test(item) ? Number(item) : Number.NaN)));
  const interval = parts.get('INTERVAL');
  if (interval !== undefined && !(/^\d{1,2}$/.test(interval) && Number(interval) >= 1 && Number(interval) <= RECURRENCE_LIMITS.maxInterval)) return 'rule_unparseable';
  const count = parts.get('COUNT');
  if (count !== undefined && !(/^\d{1,4}$/.test(count) && Number(count) >= 1 && Number(count) <= RECURRENCE_LIMITS.maxCount)) return 'rule_unparseable';
  if (count !== undefined && parts.has('UNTIL')) return 'rule_unparseable';
  const until = parts.get('UNTIL');
  if (until !== undefined && !/^\d{8}(T\d{6}Z?)?$/.test(until)) return 'rule_unparseable';
  const wkst = parts.get('WKST');
  if (wkst !== undefined && !WEEKDAY_CODES.includes(wkst as WeekdayCode)) return 'rule_unparseable';
  const monthDays = numbers(parts.get('BYMONTHDAY'));
  if (monthDays.some((day) => !Number.isInteger(day) || day === 0 || Math.abs(day) > 31)) return 'rule_unparseable';
  const months = numbers(parts.get('BYMONTH'));
  if (months.some((month) => !Number.isInteger(month) || month < 1 || month > 12)) return 'rule_unparseable';
  const days = parts.get('BYDAY')?.split(',') ?? [];
  for (const day of days) {
    const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(day);
    if (!match) return 'rule_unparseable';
    const nth = match[1] === undefined ? 0 : Number(match[1]);
    if (match[1] !== undefined && (nth === 0 || Math.abs(nth) > 5)) return 'rule_unparseable';
  }
  return undefined;
}

/**
 * Combinations rrule walks to the year 9999 on, or gets wrong: an ordinal weekday (`2MO`) outside a monthly or yearly
 * rule, ordinal and plain weekdays mixed (rrule then yields nothing at all), an ordinal weekday with month days
 * (`BYMONTHDAY=1;BYDAY=2MO` never meets), and months with a monthly interval that may step over them forever.
 */
function checkCombinations(frequency: string, parts: Map<string, string>): RecurrenceProblem | undefined {
  const days = parts.get('BYDAY')?.split(',') ?? [];
  const ordinal = days.filter((day) => /\d/.test(day));
  if (ordinal.length === 0) return frequency === 'MONTHLY' && parts.has('BYMONTH') && Number(parts.get('INTERVAL') ?? '1') > 1 ? 'rule_part_not_supported' : undefined;
  if (frequency === 'DAILY' || frequency === 'WEEKLY') return 'rule_part_not_supported';
  if (ordinal.length !== days.length || parts.has('BYMONTHDAY')) return 'rule_part_not_supported';
  return frequency === 'MONTHLY' && parts.has('BYMONTH') && Number(parts.get('INTERVAL') ?? '1') > 1 ? 'rule_part_not_supported' : undefined;
}

/**
 * Whether some date can satisfy the month and month-day filters at all (30 February, 31 April can not). Every other
 * accepted combination matches at least once in every few years, so rrule's walk past the window stays short.
 */
function canEverMatch(parts: Map<string, string>): boolean {
  const months = parts.get('BYMONTH')?.split(',').map(Number) ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const monthDays = parts.get('BYMONTHDAY')?.split(',').map(Number);
  if (monthDays === undefined) return true;
  return months.some((month) => monthDays.some((day) => Math.abs(day) <= DAYS_IN_MONTH[month - 1]!));
}

export type RecurrenceInput = {
  rule: string;
  /** The first date, `YYYY-MM-DD`, Danish calendar. */
  startDate: string;
  /** Danish wall-clock time, `HH:MM`. */
  startTime: string;
};

/**
 * The dates (`YYYY-MM-DD`, Danish calendar) the rule gives from `from` to `to` (both included), never more than
 * {@link RECURRENCE_LIMITS.maxOccurrences} and never past `maxMonthsAhead` months after `from`. Throws only on a rule
 * that {@link parseRecurrenceRule} refuses: callers check first.
 */
export function expandRecurrence(input: RecurrenceInput, window: { from: string; to: string }): string[] {
  const parsed = parseRecurrenceRule(input.rule);
  if (!parsed.ok) throw new RangeError(`recurrence rule refused: ${parsed.problem}`);
  const dtstart = floating(input.startDate, input.startTime);
  const from = floating(window.from, '00:00');
  // The whole last day of the horizon: materialising "until 2028-02-01" includes 2028-02-01 11:00.
  const latest = addMonths(floating(window.from, '23:59'), RECURRENCE_LIMITS.maxMonthsAhead);
  const requestedTo = floating(window.to, '23:59');
  const to = requestedTo < latest ? requestedTo : latest;
  if (to < from) return [];
  const rule = new RRule({ ...parsed.options, dtstart, tzid: null });
  const dates = rule.between(from < dtstart ? dtstart : from, to, true, (_date, index) => index < RECURRENCE_LIMITS.maxOccurrences);
  return dates.map((date) => date.toISOString().slice(0, 10));
}

/** A wall-clock date and time as rrule's "floating" Date: its UTC fields are the Danish ones. */
function floating(date: string, time: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1, day, hours, minutes));
}

function addMonths(date: Date, months: number): Date {
  const copy = new Date(date);
  copy.setUTCMonth(copy.getUTCMonth() + months);
  return copy;
}

/** The readable editor's choices as a rule: the given weekdays, every `intervalWeeks` weeks. */
export function weeklyRule(input: { weekdays: readonly WeekdayCode[]; intervalWeeks: number }): string {
  const days = WEEKDAY_CODES.filter((day) => input.weekdays.includes(day));
  return `FREQ=WEEKLY${input.intervalWeeks > 1 ? `;INTERVAL=${input.intervalWeeks}` : ''};BYDAY=${days.join(',')}`;
}

/** The editor's choices back from a rule, when it is a plain weekly one; null for anything else (the advanced field). */
export function readWeeklyRule(rule: string): { weekdays: WeekdayCode[]; intervalWeeks: number } | null {
  const match = /^FREQ=WEEKLY(?:;INTERVAL=(\d{1,2}))?;BYDAY=((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*)$/.exec(rule.trim().replace(/^RRULE:/i, '').toUpperCase());
  if (!match) return null;
  return { intervalWeeks: match[1] === undefined ? 1 : Number(match[1]), weekdays: match[2]!.split(',') as WeekdayCode[] };
}

export const weekdayCodes: readonly WeekdayCode[] = WEEKDAY_CODES;
