import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/app-deps.ts';
import { registerGroupRoutes as registerGroupAndMeetingRoutes } from './meetings/group.routes.ts';
import { registerOfferRoutes } from './offers/offer.routes.ts';
import { registerWaitingListRoutes } from './waiting-list/waiting-list.routes.ts';

/** Every conversation-group route, step by step: offers, waiting lists, groups and their meetings. */
export function registerGroupRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerOfferRoutes(app, deps);
  registerWaitingListRoutes(app, deps);
  registerGroupAndMeetingRoutes(app, deps);
}
