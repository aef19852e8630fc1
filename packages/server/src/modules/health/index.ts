// The health module's surface: liveness and readiness.
export { registerHealthRoutes } from './health.routes.ts';
