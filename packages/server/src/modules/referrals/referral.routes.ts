import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/app-deps.ts';
import { registerDraftRoutes } from './drafts/draft.routes.ts';
import { registerDuplicateRoutes } from './duplicates/duplicate.routes.ts';
import { registerIntakeRoutes } from './intake/intake.routes.ts';
import { registerNotificationRoutes } from './notifications/notification.routes.ts';
import { registerReferringRoutes } from './referring/referring.routes.ts';

/** Every route of the referrals module: the referring side (and its drafts), possible duplicates, the receiving service's intake, in-app notifications. */
export function registerReferralRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerReferringRoutes(app, deps);
  registerDraftRoutes(app, deps);
  registerDuplicateRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerIntakeRoutes(app, deps);
}
