import { NotificationKind, type InAppNotification } from '@bro/domain';
import type { Db } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import { listNotificationsOfUser, markNotificationRead as updateNotificationRead, type NotificationRow } from './notification.queries.ts';

/** In-app notifications: a user's own, newest first, and marking one read. They carry ids and kinds, never personal data. */

const NOTIFICATION_LIST_LIMIT = 100;

function toNotification(row: NotificationRow): InAppNotification {
  return { id: row.id, kind: NotificationKind.parse(row.kind), referralId: row.referral_id, createdAt: row.created_at.toISOString(), isRead: row.read_at !== null };
}

export async function listNotifications(input: { db: Db; actor: Actor }): Promise<InAppNotification[]> {
  const rows = await listNotificationsOfUser(input.db, { userId: input.actor.userId, limit: NOTIFICATION_LIST_LIMIT });
  return rows.map(toNotification);
}

export async function markNotificationRead(input: { db: Db; clock: Clock; actor: Actor; notificationId: string }): Promise<InAppNotification> {
  const row = await updateNotificationRead(input.db, { notificationId: input.notificationId, userId: input.actor.userId, now: input.clock.now() });
  if (!row) throw new AppError('not_found');
  return toNotification(row);
}
