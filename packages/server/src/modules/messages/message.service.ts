import { MessageChannel, MessageStatus, MessageTemplate, type DevelopmentOutboxMessage, type OutboxMessageSummary } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/tables.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { MetricsCollector } from '../../platform/metrics.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { insertMessage, listMessagesWithContent, listMessageSummaries, requeueDeadMessage, summariseOutboxBacklog } from './message.queries.ts';

/** What a send-time check re-reads: a course session, or a group's participant, meeting reminder or waiting entry. */
type MessageReference = { type: 'course_session' | 'group_participant' | 'group_meeting_reminder' | 'group_waiting_entry'; id: string };

export type NewMessage = {
  template: MessageTemplate;
  channel: MessageChannel;
  /** E-mail address or phone number. Stored encrypted, never logged, erased once sent. */
  to: string;
  /** E-mail only. */
  subject?: string;
  text: string;
  reference?: MessageReference;
};

const LIST_LIMIT = 200;

/**
 * Queues a message in the caller's transaction: it leaves only if the change that causes it commits, and it is
 * delivered (with retries) by the deliver-outbox-messages job. Returns the message id.
 */
export async function enqueueMessage(trx: Transaction<Database>, input: { cipher: FieldCipher; now: Date; message: NewMessage }): Promise<string> {
  const { cipher, now, message } = input;
  return insertMessage(trx, {
    template: message.template,
    channel: message.channel,
    recipient_enc: cipher.encrypt(message.to),
    subject_enc: cipher.encryptOptional(message.subject),
    body_enc: cipher.encrypt(message.text),
    status: 'queued',
    next_attempt_at: now,
    reference_type: message.reference?.type ?? null,
    reference_id: message.reference?.id ?? null,
    created_at: now,
  });
}

type SummaryRow = Awaited<ReturnType<typeof listMessageSummaries>>[number];

function toSummary(row: SummaryRow): OutboxMessageSummary {
  return {
    id: row.id,
    template: MessageTemplate.parse(row.template),
    channel: MessageChannel.parse(row.channel),
    status: MessageStatus.parse(row.status),
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    nextAttemptAt: row.next_attempt_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}

/** Messages that gave up after the last retry, newest first. Template, channel and status only. */
export async function listDeadMessages(input: { db: Db }): Promise<OutboxMessageSummary[]> {
  return (await listMessageSummaries(input.db, { statuses: ['dead'], limit: LIST_LIMIT })).map(toSummary);
}

/**
 * Gives a dead message a fresh set of attempts. Audited in the same transaction. A reminder is still re-checked
 * against the person's safe contact when it is sent, so a retry can never send what is no longer safe.
 */
export async function retryDeadMessage(input: { db: Db; clock: Clock; actor: Actor; messageId: string }): Promise<OutboxMessageSummary> {
  const now = input.clock.now();
  return input.db.transaction().execute(async (trx) => {
    const row = await requeueDeadMessage(trx, { messageId: input.messageId, now });
    if (!row) throw new AppError('not_found');
    await appendAuditEntryBy(trx, input.actor, {
      occurredAt: now,
      action: 'message.retry',
      objectType: 'outbox_message',
      objectId: row.id,
      details: { template: row.template, channel: row.channel },
    });
    return toSummary(row);
  });
}

/** Development only (the route refuses in production): messages with their recipient and text decrypted. */
export async function listDevelopmentOutbox(input: { db: Db; cipher: FieldCipher }): Promise<DevelopmentOutboxMessage[]> {
  const rows = await listMessagesWithContent(input.db, LIST_LIMIT);
  return rows.map((row) => ({
    ...toSummary(row),
    recipient: input.cipher.decryptOptional(row.recipient_enc),
    subject: input.cipher.decryptOptional(row.subject_enc),
    body: input.cipher.decryptOptional(row.body_enc),
  }));
}

/** The outbox backlog as two gauges, read when Prometheus scrapes (never per request); app.ts registers them. */
export function createOutboxMetricsCollectors(db: Db): MetricsCollector[] {
  return [
    {
      name: 'bro_outbox_backlog_messages',
      help: 'Outgoing e-mail and SMS not yet delivered (queued, or failed and to be retried)',
      collect: async () => [{ value: (await summariseOutboxBacklog(db)).waiting }],
    },
    {
      name: 'bro_outbox_oldest_undelivered_seconds',
      help: 'Age of the oldest outgoing message not yet delivered (0 when none)',
      collect: async () => [{ value: (await summariseOutboxBacklog(db)).oldestSeconds }],
    },
  ];
}
