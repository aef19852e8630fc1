import { z } from 'zod';

/**
 * One entry of a staff member's calendar (the week view and the private iCalendar feed). Built from group meetings,
 * open-event occurrences and community meetings the person runs. Never carries a participant's name: a calendar is
 * shown on phones and synced into other systems.
 */
export const CalendarEntryKind = z.enum(['group_meeting', 'open_event', 'community_meeting']);
export type CalendarEntryKind = z.infer<typeof CalendarEntryKind>;

export const CalendarEntry = z.object({
  /** Stable across feeds and edits, e.g. `group-meeting-<id>@bro`: a calendar program updates rather than duplicates. */
  uid: z.string(),
  kind: CalendarEntryKind,
  title: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  /** Where it happens, as the staff member needs it (a room, an address the host may see); null for online. */
  location: z.string().nullable(),
  isOnline: z.boolean(),
  isCancelled: z.boolean(),
  /** The staff app's path for the entry, e.g. `/groups/<id>`; ids only. */
  appPath: z.string().nullable(),
});
export type CalendarEntry = z.infer<typeof CalendarEntry>;
