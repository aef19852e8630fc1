import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';

// Placeholder: filled in by the organisations work.
export function registerOrganisationRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
