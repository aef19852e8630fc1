// The events module's surface: recurring open events (drop-in, weekly lunch) with anonymous head counts; what the
// public site reads of them; the staff calendar's source; the job that keeps occurrences materialised ahead.
export { registerEventRoutes } from './event.routes.ts';
export { eventJobs, extendOccurrenceHorizon, openEventCalendarSource } from './occurrence.service.ts';
export { danishToday, materialiseOccurrences } from './event.service.ts';
export { findPublicEventPage, listWhatsOn, listUpcomingEventsOfService, readLinkAddress, renderServiceFeed, requestOnlineLink, type PublicEventOccurrence, type WhatsOnPage } from './public-event.service.ts';
