// The users module's surface: an organisation's own user and unit administration.
export { registerUserRoutes } from './user.routes.ts';
export { createUserWithMembership } from './user.service.ts';
