import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';

// Placeholder: filled in by the users work.
export function registerUserRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
