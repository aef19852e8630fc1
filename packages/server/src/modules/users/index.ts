// The users module's surface: an organisation's own user and unit administration.
export { registerUserRoutes } from './user.routes.ts';
export { createInitialPasswordHash, insertUserWithMembership } from './user.service.ts';
