import type { SafeTimeWindow } from './reminders.ts';

/**
 * A referral states safe times in the referrer's own words ("hverdage 9-15"); a course needs windows a reminder can
 * be checked against. This reads the common, unambiguous phrasings — days (hverdage, weekend, man–fre, single day
 * names) and one clock range — and gives up (null) on anything else, so nothing is ever guessed: the words are kept
 * beside the windows for the counsellor to read.
 */

const dayWords: Record<string, number> = {
  man: 1, mandag: 1, tir: 2, tirsdag: 2, ons: 3, onsdag: 3, tor: 4, tors: 4, torsdag: 4,
  fre: 5, fredag: 5, lør: 6, lørdag: 6, søn: 7, søndag: 7,
};

const dayGroups: Record<string, number[]> = {
  hverdage: [1, 2, 3, 4, 5],
  'alle dage': [1, 2, 3, 4, 5, 6, 7],
  weekend: [6, 7],
  weekenden: [6, 7],
};

function clock(hours: string, minutes: string | undefined): string | null {
  const h = Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  if (h > 24 || m > 59 || (h === 24 && m > 0)) return null;
  return h === 24 ? '23:59' : `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function daysOf(text: string): number[] | null {
  const group = Object.entries(dayGroups).find(([word]) => text === word);
  if (group) return group[1];
  const range = /^([a-zæøå]+)\s*[-–]\s*([a-zæøå]+)$/.exec(text);
  if (range) {
    const from = dayWords[range[1]!];
    const to = dayWords[range[2]!];
    if (from === undefined || to === undefined || from > to) return null;
    return Array.from({ length: to - from + 1 }, (_, index) => from + index);
  }
  const days = text.split(/\s*(?:,|og)\s*/).map((word) => dayWords[word]);
  return days.length > 0 && days.every((day) => day !== undefined) ? [...new Set(days as number[])].sort() : null;
}

/** "hverdage 9-15" → Monday–Friday 09:00–15:00; null when the words do not say exactly one window. */
export function parseSafeTimes(text: string | null | undefined): SafeTimeWindow[] | null {
  if (!text) return null;
  const normalised = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\bkl\.?\s*/g, '').replace(/^(på|om)\s+/, '');
  const match = /^(.+?),?\s+(?:fra\s+)?(\d{1,2})(?:[.:](\d{2}))?\s*(?:-|–|til)\s*(\d{1,2})(?:[.:](\d{2}))?$/.exec(normalised);
  if (!match) return null;
  const days = daysOf(match[1]!.trim());
  const from = clock(match[2]!, match[3]);
  const to = clock(match[4]!, match[5]);
  if (!days || !from || !to || from >= to) return null;
  return [{ days, from, to }];
}
