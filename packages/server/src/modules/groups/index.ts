// The conversation-groups module's surface (samtalegrupper, issue 14 §1): routes, jobs, the outbox's send-time
// checks for its messages, and its meetings for the staff calendar.
export { registerGroupRoutes } from './group.routes.ts';
export { groupJobs, groupMessageChecks } from './core/group.jobs.ts';
export { groupMeetingCalendarSource } from './core/calendar-source.ts';
