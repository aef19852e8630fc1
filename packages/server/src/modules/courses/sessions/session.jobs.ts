import { decideReminder, type ReminderChannel } from '@bro/domain';
import { appendAuditEntry } from '../../../platform/audit-log.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import type { JobContext, JobDefinition, JobResult } from '../../../platform/jobs.ts';
import type { SmsSender } from '../../../platform/sms.ts';
import { claimReminder, listSessionsDueForReminder, recordReminderSkip } from './session.queries.ts';
import { openSafeContact } from '../core/course-views.ts';

/**
 * Session reminders. Every message passes `decideReminder` (domain/course/reminders.ts): nothing goes to a channel
 * or at a time the person did not mark safe, nothing at all while their preferences are unknown, and the text names
 * the service only if they chose that. A reminder is sent at most once (a claimed row), never retried: a missing
 * reminder is harmless, a duplicate one on a shared phone is not.
 *
 * The job needs the field cipher (to read the contact details) and an SMS port. Until the worker's context carries
 * them it sends nothing and says so: failing closed.
 */
type ReminderJobContext = JobContext & { cipher?: FieldCipher; sms?: SmsSender };

/** Sessions starting within this window are reminded, at the first safe moment. */
const REMINDER_WINDOW_MS = 24 * 3_600_000;
const BATCH_SIZE = 200;

export async function sendSessionReminders(context: ReminderJobContext): Promise<JobResult> {
  const { cipher, sms } = context;
  if (!cipher || !sms) {
    console.warn('[jobs] session reminders need the field cipher and an SMS sender in the job context: nothing sent');
    return 'skipped';
  }
  const now = context.clock.now();
  const candidates = await listSessionsDueForReminder(context.db, { from: now, until: new Date(now.getTime() + REMINDER_WINDOW_MS), limit: BATCH_SIZE });
  let sent = 0;
  for (const candidate of candidates) {
    const contact = openSafeContact(cipher, candidate.safe_contact_enc);
    const availableChannels: ReminderChannel[] = [...(contact.phone ? (['sms'] as const) : []), ...(contact.email ? (['email'] as const) : [])];
    const decision = decideReminder(contact.preferences, { type: 'session_reminder', sessionStartsAt: candidate.planned_at, serviceName: candidate.service_name, availableChannels }, now);
    if (!decision.send) {
      // Only what changed is written: the job runs often and most sessions wait for a safe moment.
      if (candidate.reminder_skip_reason !== decision.reason) await recordReminderSkip(context.db, { sessionId: candidate.id, reason: decision.reason });
      continue;
    }
    const isClaimed = await context.db.transaction().execute(async (trx) => {
      if (!(await claimReminder(trx, { sessionId: candidate.id, channel: decision.channel, now }))) return false;
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
    if (!isClaimed) continue; // another worker sent it
    // After commit: the claim is what stops a second send. A failed send is logged without the address or text.
    const delivery =
      decision.channel === 'sms' && contact.phone
        ? sms.send({ to: contact.phone, text: decision.text })
        : contact.email
          ? context.mailer.send({ to: contact.email, subject: decision.subject, text: decision.text })
          : Promise.resolve();
    await delivery.then(
      () => {
        sent += 1;
      },
      (error: unknown) => console.warn('session reminder could not be delivered:', error instanceof Error ? error.message : 'unknown error'),
    );
  }
  return sent > 0 ? 'done' : 'skipped';
}

export const courseJobs: JobDefinition[] = [{ name: 'send-session-reminders', cron: '*/10 * * * *', handler: sendSessionReminders }];
