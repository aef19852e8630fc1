import type { CalendarEntry } from '@bro/domain';
import type { StaffCalendarSource } from '../../platform/staff-calendar.ts';

type Staff = Parameters<StaffCalendarSource>[1];

/**
 * A staff-calendar source over an in-memory list, for the calendar's own tests: the real sources (group meetings,
 * open events, community meetings) are other modules', wired in app.ts when they exist. Like them it answers only
 * the given staff member's entries in the range, and it records whom it was asked for.
 */
export function createListCalendarSource() {
  const entries: { userId: string; entry: CalendarEntry }[] = [];
  const calls: { staff: Staff; range: { from: Date; to: Date } }[] = [];
  const source: StaffCalendarSource = async (_db, staff, range) => {
    calls.push({ staff, range });
    return entries
      .filter((item) => item.userId === staff.userId)
      .map((item) => item.entry)
      .filter((entry) => Date.parse(entry.startsAt) >= range.from.getTime() && Date.parse(entry.startsAt) < range.to.getTime());
  };
  return {
    source,
    calls,
    add: (userId: string, entry: CalendarEntry) => void entries.push({ userId, entry }),
  };
}

let sequence = 0;

/** An entry with defaults: a group meeting of 1½ hours in a room, not cancelled. */
export function calendarEntry(overrides: Partial<CalendarEntry> & Pick<CalendarEntry, 'startsAt'>): CalendarEntry {
  sequence += 1;
  const startsAt = new Date(overrides.startsAt);
  return {
    uid: `test-entry-${sequence}@bro`,
    kind: 'group_meeting',
    title: `Samtalegruppe ${sequence}`,
    endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
    location: 'Netværkshuset, mødelokale 2',
    isOnline: false,
    isCancelled: false,
    appPath: `/groups/test-${sequence}`,
    ...overrides,
  };
}
