import type { Transaction } from 'kysely';
import type { Database, Db, Row } from '../../../db/tables.ts';

/** The only file that writes SQL for in-app notifications. */

export async function insertNotifications(trx: Transaction<Database>, rows: { userId: string; kind: string; referralId: string; createdAt: Date }[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('notifications')
    .values(rows.map((row) => ({ user_id: row.userId, kind: row.kind, referral_id: row.referralId, created_at: row.createdAt })))
    .execute();
}

const notificationColumns = ['id', 'kind', 'referral_id', 'created_at', 'read_at'] as const;

export type NotificationRow = Pick<Row<'notifications'>, (typeof notificationColumns)[number]>;

export async function listNotificationsOfUser(db: Db, input: { userId: string; limit: number }): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .select(notificationColumns)
    .where('user_id', '=', input.userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(input.limit)
    .execute();
}

/** Marks the user's own notification read (the first time only); undefined if it is not theirs. */
export async function markNotificationRead(db: Db, input: { notificationId: string; userId: string; now: Date }): Promise<NotificationRow | undefined> {
  await db
    .updateTable('notifications')
    .set({ read_at: input.now })
    .where('id', '=', input.notificationId)
    .where('user_id', '=', input.userId)
    .where('read_at', 'is', null)
    .execute();
  return db
    .selectFrom('notifications')
    .select(notificationColumns)
    .where('id', '=', input.notificationId)
    .where('user_id', '=', input.userId)
    .executeTakeFirst();
}
