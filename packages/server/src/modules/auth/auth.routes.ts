import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';

// Placeholder: filled in by the auth work.
export function registerAuthRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
