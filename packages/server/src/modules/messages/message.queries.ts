import { sql, type Transaction } from 'kysely';
import type { Database, Db, NewRow, RowChanges } from '../../db/tables.ts';

/** The only file that writes SQL for the outbox. */

/** What the platform admin may see of a message: never the recipient, subject or text. */
const summaryColumns = ['id', 'template', 'channel', 'status', 'attempts', 'last_error', 'created_at', 'last_attempt_at', 'next_attempt_at', 'sent_at'] as const;

export async function insertMessage(trx: Transaction<Database>, values: NewRow<'outbox_messages'>): Promise<string> {
  const row = await trx.insertInto('outbox_messages').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The next message due for an attempt, locked for this transaction. `SKIP LOCKED` lets several workers deliver at
 * once without sending a message twice: a message being sent by one is invisible to the others.
 */
export async function claimNextDueMessage(trx: Transaction<Database>, now: Date) {
  return trx
    .selectFrom('outbox_messages')
    .selectAll()
    .where('status', 'in', ['queued', 'failed'])
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

export async function updateMessage(trx: Transaction<Database>, messageId: string, changes: RowChanges<'outbox_messages'>): Promise<void> {
  await trx.updateTable('outbox_messages').set(changes).where('id', '=', messageId).execute();
}

/** Erases recipient and words of messages left unsent for want of a transport since before `before`; returns how many. */
export async function eraseUnsentContent(db: Db, before: Date): Promise<number> {
  const result = await db
    .updateTable('outbox_messages')
    .set({ recipient_enc: null, subject_enc: null, body_enc: null })
    .where('status', '=', 'not_sent_no_transport')
    .where('created_at', '<', before)
    .where('recipient_enc', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listMessageSummaries(db: Db, input: { statuses: readonly string[]; limit: number }) {
  return db.selectFrom('outbox_messages').select(summaryColumns).where('status', 'in', input.statuses).orderBy('created_at', 'desc').orderBy('id').limit(input.limit).execute();
}

/** A dead message back to queued, due now, with a fresh count of attempts. Only a dead message: else undefined. */
export async function requeueDeadMessage(trx: Transaction<Database>, input: { messageId: string; now: Date }) {
  return trx
    .updateTable('outbox_messages')
    .set({ status: 'queued', attempts: 0, next_attempt_at: input.now, last_error: null })
    .where('id', '=', input.messageId)
    .where('status', '=', 'dead')
    .returning(summaryColumns)
    .executeTakeFirst();
}

/** Development outbox: everything, newest first, with the encrypted fields (decrypted by the service). */
export async function listMessagesWithContent(db: Db, limit: number) {
  return db.selectFrom('outbox_messages').select([...summaryColumns, 'recipient_enc', 'subject_enc', 'body_enc']).orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

/** Messages still to be delivered (queued, or failed and retrying) and the age of the oldest, for the metrics. */
export async function summariseOutboxBacklog(db: Db): Promise<{ waiting: number; oldestSeconds: number }> {
  const row = await db
    .selectFrom('outbox_messages')
    .select((eb) => [eb.fn.countAll<string>().as('waiting'), sql<number>`coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8`.as('oldest_seconds')])
    .where('status', 'in', ['queued', 'failed'])
    .executeTakeFirstOrThrow();
  return { waiting: Number(row.waiting), oldestSeconds: Math.max(0, row.oldest_seconds) };
}
