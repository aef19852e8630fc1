// The services module's surface: an organisation admin's own services (tilbud) — line, deadlines, contact attempts.
export { registerServiceAdminRoutes } from './service-admin.routes.ts';
