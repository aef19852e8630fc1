import type { CalendarFeedStatus, CalendarWeek, CreatedCalendarFeed, Permission } from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { request } from '../../api/client';

export const calendarKeys = { week: (start: string | undefined) => ['calendar', 'week', start ?? 'today'] as const, feed: () => ['calendar', 'feed'] as const };

/** My own Monday-to-Sunday week (the week of `start`, or this week). */
export const calendarWeekQuery = (start: string | undefined) =>
  queryOptions({
    queryKey: calendarKeys.week(start),
    queryFn: ({ signal }) => request<CalendarWeek>('GET', `/api/calendar/week${start ? `?start=${encodeURIComponent(start)}` : ''}`, { signal }),
  });

/** Whether I have a private feed address (never the address itself). */
export const calendarFeedQuery = queryOptions({ queryKey: calendarKeys.feed(), queryFn: ({ signal }) => request<CalendarFeedStatus>('GET', '/api/calendar/feed', { signal }) });

/** A new private feed address, shown once; an earlier one stops working. */
export const createCalendarFeed = () => request<CreatedCalendarFeed>('POST', '/api/calendar/feed', { body: {} });

export const revokeCalendarFeed = () => request<void>('DELETE', '/api/calendar/feed');

/**
 * Who gets "Kalender" in the navigation: those who run meetings and events (group meetings, open events, community
 * meetings), the only things a calendar holds. A referrer, a supervisor, a platform admin or a peer supporter has
 * nothing in it (the page still works for them, empty).
 */
const calendarPermissions: readonly Permission[] = ['groups:manage', 'events:manage', 'community_meetings:manage', 'community_meetings:facilitate'];

export function hasStaffCalendar(permissions: readonly Permission[]): boolean {
  return calendarPermissions.some((permission) => permissions.includes(permission));
}
