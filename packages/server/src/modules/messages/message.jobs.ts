import { MessageChannel, MessageTemplate } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Row } from '../../db/tables.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import type { JobContext, JobDefinition, JobLog, JobResult } from '../../platform/jobs.ts';
import { TransportFailure } from '../../platform/mailer.ts';
import { claimNextDueMessage, eraseUnsentContent, updateMessage } from './message.queries.ts';

/** A failed message is tried this many times in all, then it is dead (the platform admin can retry it). */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** Wait after the first failure; doubled after each further one (1, 2, 4, 8 minutes). */
const FIRST_RETRY_DELAY_MS = 60_000;
/** Messages handled per run; the next run (a minute later) takes the rest. */
const BATCH_SIZE = 100;
/**
 * A message left unsent for want of a transport keeps its recipient and words this long, for the development
 * outbox to show; then they are erased like a sent message's. It is never sent later (see deliverOne).
 */
export const UNSENT_CONTENT_RETENTION_MS = 7 * 24 * 3_600_000;

/** The message as a send-time check sees it: decrypted, in memory only. */
type MessageToCheck = { template: MessageTemplate; channel: MessageChannel; to: string; subject: string | null; text: string; referenceId: string };

/**
 * Says whether a message may still leave now. A reminder's check re-reads the person's safe-contact preferences: a
 * preference changed since the message was queued cancels it. Given by the module that queued the message.
 */
export type SendTimeCheck = (input: { trx: Transaction<Database>; cipher: FieldCipher; now: Date; message: MessageToCheck }) => Promise<boolean>;
export type SendTimeChecks = Partial<Record<MessageTemplate, SendTimeCheck>>;

type Outcome = 'sent' | 'failed' | 'dead' | 'cancelled' | 'not_sent_no_transport';

/**
 * Delivers the messages that are due, one transaction each: the row stays locked while it is sent, so two workers
 * never send it twice. Logs the message id, template and status only.
 *
 * Delivery is at least once, never at most once: the send happens inside the transaction that claimed the row, and
 * the row is marked sent in that same transaction afterwards. If the process dies (or the database connection
 * drops) after the transport accepted the message but before the commit, the transaction rolls back, the row is
 * still queued or failed, and the next run sends it again. A message can thus, rarely, arrive twice; it can never
 * be lost. We chose that because a missing reminder or escalation costs more than a repeated one, and neither SMTP
 * nor the SMS gateway lets us ask afterwards whether a message got through.
 */
export async function deliverDueMessages(context: JobContext & { sendTimeChecks?: SendTimeChecks }): Promise<JobResult> {
  const log: JobLog = context.log ?? ((level, line) => (level === 'error' ? console.error : console.warn)(`[outbox] ${line}`));
  const erased = await eraseUnsentContent(context.db, new Date(context.clock.now().getTime() - UNSENT_CONTENT_RETENTION_MS));
  let handled = 0;
  for (; handled < BATCH_SIZE; handled += 1) {
    const now = context.clock.now();
    const result = await context.db.transaction().execute(async (trx) => {
      const row = await claimNextDueMessage(trx, now);
      if (!row) return undefined;
      const outcome = await deliverOne(trx, context, row, now);
      return { id: row.id, template: row.template, outcome };
    });
    if (!result) break;
    log(result.outcome === 'dead' ? 'error' : 'info', `outbox message ${result.id} (${result.template}): ${result.outcome}`);
  }
  return handled + erased > 0 ? 'done' : 'skipped';
}

/**
 * One message: the send-time check first, so a message that may no longer leave is cancelled (and erased) whether
 * or not a transport is configured; the development outbox then shows what would really have happened.
 *
 * Without a transport a message ends as `not_sent_no_transport`, and it stays that way: a transport configured later
 * does not pick it up (only queued and failed messages are claimed). A reminder sent days late, or to a preference
 * that has since changed, is worse than none. Such messages are only shown in the development outbox (where they are
 * the point: what would have been sent), and their content is erased after UNSENT_CONTENT_RETENTION_MS.
 */
async function deliverOne(trx: Transaction<Database>, context: JobContext & { sendTimeChecks?: SendTimeChecks }, row: Row<'outbox_messages'>, now: Date): Promise<Outcome> {
  const message = openMessage(context.cipher, row);
  const check = context.sendTimeChecks?.[message.template];
  // A message with a reference whose check is missing is not sent: failing closed.
  const isStillAllowed = row.reference_id === null || (check !== undefined && (await check({ trx, cipher: context.cipher, now, message })));
  if (!isStillAllowed) {
    await updateMessage(trx, row.id, { status: 'cancelled', last_attempt_at: now, ...erasedContent });
    return 'cancelled';
  }
  const channel = message.channel;
  if (!(channel === 'email' ? context.mailer : context.sms)) {
    await updateMessage(trx, row.id, { status: 'not_sent_no_transport', last_attempt_at: now });
    return 'not_sent_no_transport';
  }
  const attempts = row.attempts + 1;
  try {
    if (channel === 'email') await context.mailer?.send({ to: message.to, subject: message.subject ?? '', text: message.text });
    else await context.sms?.send({ to: message.to, text: message.text });
  } catch (error) {
    const isDead = attempts >= MAX_DELIVERY_ATTEMPTS;
    const nextAttemptAt = new Date(now.getTime() + FIRST_RETRY_DELAY_MS * 2 ** (attempts - 1));
    await updateMessage(trx, row.id, { status: isDead ? 'dead' : 'failed', attempts, last_attempt_at: now, next_attempt_at: isDead ? now : nextAttemptAt, last_error: failureCode(error) });
    return isDead ? 'dead' : 'failed';
  }
  await updateMessage(trx, row.id, { status: 'sent', attempts, last_attempt_at: now, sent_at: now, last_error: null, ...erasedContent });
  return 'sent';
}

/** Once a message has left (or never will), its recipient and words are no longer kept. */
const erasedContent = { recipient_enc: null, subject_enc: null, body_enc: null } as const;

function openMessage(cipher: FieldCipher, row: Row<'outbox_messages'>): MessageToCheck {
  if (row.recipient_enc === null || row.body_enc === null) throw new Error(`outbox message ${row.id} has no content`);
  return {
    template: MessageTemplate.parse(row.template),
    channel: MessageChannel.parse(row.channel),
    to: cipher.decrypt(row.recipient_enc),
    subject: cipher.decryptOptional(row.subject_enc),
    text: cipher.decrypt(row.body_enc),
    referenceId: row.reference_id ?? '',
  };
}

/** A transport's code only: anything else (a driver error's message) could carry the address. */
function failureCode(error: unknown): string {
  return error instanceof TransportFailure && /^[a-z0-9_]{1,40}$/.test(error.code) ? error.code : 'unknown';
}

/** The delivery job, with the send-time checks of the modules that queue messages (composed in app.ts). */
export function createMessageJobs(sendTimeChecks: SendTimeChecks): JobDefinition[] {
  return [{ name: 'deliver-outbox-messages', cron: '* * * * *', handler: async (context) => deliverDueMessages({ ...context, sendTimeChecks }) }];
}
