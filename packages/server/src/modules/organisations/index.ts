// The organisations module's surface: platform administration of organisations and their first admins.
export { registerOrganisationRoutes } from './organisation.routes.ts';
