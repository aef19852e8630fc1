import { InAppNotification } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { EmptyBody, referralRoute } from '../core/referral-http.ts';
import { listNotifications, markNotificationRead } from './notification.service.ts';

const tag = 'notifications';
const NotificationParams = z.strictObject({ notificationId: z.uuid() });

/** In-app notifications: any signed-in user's own. */
export function registerNotificationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/notifications',
    referralRoute('session', tag, { summary: 'My notifications, newest first', response: { 200: z.array(InAppNotification) } }),
    async (request) => listNotifications({ db: deps.db, actor: requireActor(request) }),
  );

  api.post(
    '/notifications/:notificationId/read',
    referralRoute('session', tag, { summary: 'Mark one of my notifications read', params: NotificationParams, body: EmptyBody, response: { 200: InAppNotification } }),
    async (request) => markNotificationRead({ db: deps.db, clock: deps.clock, actor: requireActor(request), notificationId: request.params.notificationId }),
  );
}
