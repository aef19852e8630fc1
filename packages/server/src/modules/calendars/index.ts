// The staff calendar's surface: the week view and private feed routes, built over the sources app.ts hands in.
export { registerCalendarFeedRoute, registerCalendarRoutes } from './calendar.routes.ts';
