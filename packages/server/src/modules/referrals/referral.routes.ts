import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';

// Placeholder: filled in by the referrals work.
export function registerReferralRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
