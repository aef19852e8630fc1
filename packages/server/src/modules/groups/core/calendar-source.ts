import type { StaffCalendarSource } from '../../../platform/staff-calendar.ts';
import { listFacilitatedMeetings } from './calendar.queries.ts';

/**
 * The staff calendar's group meetings: those of the groups the staff member facilitates. The title is the offer's
 * name — never a participant's — and the link is the group page (ids only).
 */
export const groupMeetingCalendarSource: StaffCalendarSource = async (db, staff, range) => {
  const meetings = await listFacilitatedMeetings(db, { userId: staff.userId, organisationId: staff.organisationId, from: range.from, to: range.to });
  return meetings.map((meeting) => ({
    uid: `group-meeting-${meeting.id}@bro`,
    kind: 'group_meeting' as const,
    title: meeting.name,
    startsAt: meeting.starts_at.toISOString(),
    endsAt: meeting.ends_at.toISOString(),
    location: meeting.mode === 'online' ? null : meeting.place,
    isOnline: meeting.mode === 'online',
    isCancelled: false,
    appPath: `/groups/${meeting.group_id}`,
  }));
};
