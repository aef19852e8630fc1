import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';

// Placeholder: filled in by the oidc work.
export function registerOidcRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
