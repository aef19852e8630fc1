import { decideReminder, type ReminderChannel, type ReminderDecision } from '@bro/domain';
import { appendAuditEntry } from '../../../platform/audit-log.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import type { JobContext, JobDefinition, JobResult } from '../../../platform/jobs.ts';
import { enqueueMessage, type SendTimeCheck, type SendTimeChecks } from '../../messages/index.ts';
import { claimReminder, findSessionForReminderCheck, listSessionsDueForReminder, recordReminderSkip } from './session.queries.ts';
import { openSafeContact, type SafeContact } from '../core/course-views.ts';

/**
 * Session reminders. Every message passes `decideReminder` (domain/course/reminders.ts) twice: when it is queued in
 * the outbox and again when the outbox sends it (a preference changed in between cancels it). Nothing goes to a
 * channel or at a time the person did not mark safe, nothing at all while their preferences are unknown, and the text
 * names the service only if they chose that. A reminder is queued at most once (a claimed row).
 */

/** Sessions starting within this window are reminded, at the first safe moment. */
const REMINDER_WINDOW_MS = 24 * 3_600_000;
const BATCH_SIZE = 200;

type ReminderSubject = { safe_contact_enc: string; planned_at: Date; service_name: string };

/** The one decision, the same at queue time and at send time. */
function decideSessionReminder(cipher: FieldCipher, session: ReminderSubject, now: Date): { contact: SafeContact; decision: ReminderDecision } {
  const contact = openSafeContact(cipher, session.safe_contact_enc);
  const availableChannels: ReminderChannel[] = [...(contact.phone ? (['sms'] as const) : []), ...(contact.email ? (['email'] as const) : [])];
  const decision = decideReminder(contact.preferences, { type: 'session_reminder', sessionStartsAt: session.planned_at, serviceName: session.service_name, availableChannels }, now);
  return { contact, decision };
}

export async function sendSessionReminders(context: JobContext): Promise<JobResult> {
  const { cipher } = context;
  const now = context.clock.now();
  const candidates = await listSessionsDueForReminder(context.db, { from: now, until: new Date(now.getTime() + REMINDER_WINDOW_MS), limit: BATCH_SIZE });
  let queued = 0;
  for (const candidate of candidates) {
    const { contact, decision } = decideSessionReminder(cipher, candidate, now);
    if (!decision.send) {
      // Only what changed is written: the job runs often and most sessions wait for a safe moment.
      if (candidate.reminder_skip_reason !== decision.reason) await recordReminderSkip(context.db, { sessionId: candidate.id, reason: decision.reason });
      continue;
    }
    const to = decision.channel === 'sms' ? contact.phone : contact.email;
    if (!to) continue; // decideReminder only picks a channel with an address
    const isQueued = await context.db.transaction().execute(async (trx) => {
      if (!(await claimReminder(trx, { sessionId: candidate.id, channel: decision.channel, now }))) return false;
      const message = { template: 'session_reminder', channel: decision.channel, to, subject: decision.subject, text: decision.text, reference: { type: 'course_session', id: candidate.id } } as const;
      await enqueueMessage(trx, { cipher, now, message });
      await appendAuditEntry(trx, {
        occurredAt: now,
        actorUserId: null,
        actorOrganisationId: null,
        action: 'course.send_session_reminder',
        objectType: 'course',
        objectId: candidate.course_id,
        details: { sessionId: candidate.id, channel: decision.channel },
      });
      return true;
    });
    if (isQueued) queued += 1;
  }
  return queued > 0 ? 'done' : 'skipped';
}

/**
 * The send-time check: the session is still planned in an open course, and deciding again now gives the same
 * channel, address and words. Anything else (a channel marked unsafe, a new number, a moved session, a text that
 * may no longer name the service, outside the safe hours) cancels the message.
 */
const checkSessionReminder: SendTimeCheck = async ({ trx, cipher, now, message }) => {
  const session = await findSessionForReminderCheck(trx, message.referenceId);
  if (!session) return false;
  const { contact, decision } = decideSessionReminder(cipher, session, now);
  if (!decision.send || decision.channel !== message.channel) return false;
  const address = decision.channel === 'sms' ? contact.phone : contact.email;
  return address === message.to && decision.text === message.text && decision.subject === (message.subject ?? decision.subject);
};

export const courseMessageChecks: SendTimeChecks = { session_reminder: checkSessionReminder };

export const courseJobs: JobDefinition[] = [{ name: 'send-session-reminders', cron: '*/10 * * * *', handler: sendSessionReminders }];
