import { linesThatSee, PersonRole } from '@bro/domain';
import { appendAuditEntry } from '../../../platform/audit-log.ts';
import { purgeExpiredIdempotencyKeys } from '../../../platform/idempotency.ts';
import type { JobContext, JobDefinition, JobResult } from '../../../platform/jobs.ts';
import { enqueueMessage } from '../../messages/index.ts';
import { escalationAuditEntry } from './unseen-referral.ts';
import { systemVisibility } from '../core/referral-access.ts';
import { insertReferralEvent } from '../core/referral-record.queries.ts';
import { getRecord } from '../core/referral-record.service.ts';
import { applyReferralTransition, publishReferralChanges } from '../core/referral-transition.ts';
import { insertNotifications } from '../notifications/notification.queries.ts';
import { listIntakeCoordinators, listOverdueUnescalatedReferralIds, listStaleReferralIds, markReferralEscalated } from './deadline.queries.ts';

/** Referrals handled per run; the next run (a minute or an hour later) takes the rest. */
const BATCH_SIZE = 200;
const STALE_AFTER_MS = 30 * 24 * 3_600_000;

/**
 * The escalation mail. It carries no personal data and does not say what the service is about: mailboxes are
 * read on shared screens and phones. The recipient signs in to Bro to see which referral it is.
 */
const ESCALATION_MAIL = {
  subject: 'Besked fra Bro',
  text: 'Der er en henvisning i Bro, der venter på første kontakt. Log ind i Bro for at se den.',
} as const;

/**
 * Open referrals past their first-contact deadline, never escalated: mark them escalated, tell the receiving
 * organisation's intake coordinators (of the right service line) in Bro and by mail, and refresh open inboxes.
 * Idempotent: the conditional update in markReferralEscalated lets each referral be escalated exactly once. The mails
 * are queued in the outbox in the same transaction: a rolled-back escalation sends nothing, a committed one is
 * delivered (with retries) by the outbox's job.
 */
export async function escalateOverdueReferrals(context: JobContext): Promise<JobResult> {
  const now = context.clock.now();
  const candidateIds = await listOverdueUnescalatedReferralIds(context.db, { now, limit: BATCH_SIZE });
  let escalatedCount = 0;
  for (const referralId of candidateIds) {
    const escalated = await context.db.transaction().execute(async (trx) => {
      const referral = await markReferralEscalated(trx, { referralId, now });
      if (!referral) return undefined; // another worker got there first
      const coordinators = await listIntakeCoordinators(trx, {
        organisationId: referral.receiving_organisation_id,
        serviceLines: linesThatSee(PersonRole.parse(referral.person_role)),
      });
      await insertReferralEvent(trx, {
        referral_id: referral.id,
        action: 'escalate',
        from_status: referral.status,
        to_status: referral.status,
        actor_user_id: null,
        actor_organisation_id: null,
        occurred_at: now,
      });
      await insertNotifications(
        trx,
        coordinators.map((coordinator) => ({ userId: coordinator.user_id, kind: 'referral_overdue', referralId: referral.id, createdAt: now })),
      );
      for (const coordinator of coordinators) {
        const message = { template: 'referral_escalation', channel: 'email', to: coordinator.email, ...ESCALATION_MAIL } as const;
        await enqueueMessage(trx, { cipher: context.cipher, now, message });
      }
      await appendAuditEntry(trx, escalationAuditEntry(referral.id, now, { serviceId: referral.service_id, notifiedUsers: coordinators.length }));
      return referral;
    });
    if (!escalated) continue;
    escalatedCount += 1;
    await publishReferralChanges(context.liveUpdates, [{ serviceId: escalated.service_id, referralId: escalated.id }]);
  }
  return escalatedCount > 0 ? 'done' : 'skipped';
}

/** Sent or received referrals that nobody has touched for 30 days end as `expired` (side 'system'). */
export async function expireStaleReferrals(context: JobContext): Promise<JobResult> {
  const inactiveSince = new Date(context.clock.now().getTime() - STALE_AFTER_MS);
  const referralIds = await listStaleReferralIds(context.db, { inactiveSince, limit: BATCH_SIZE });
  const expired: { serviceId: string; referralId: string }[] = [];
  for (const referralId of referralIds) {
    const change = await context.db.transaction().execute(async (trx) => {
      const record = await getRecord(trx, referralId, systemVisibility, true);
      // Re-checked under the lock: it may have moved on since the list was read.
      if (record.status !== 'sent' && record.status !== 'received') return undefined;
      await applyReferralTransition({ trx, clock: context.clock, record, action: { type: 'expire' }, side: 'system', actor: null });
      return { serviceId: record.service_id, referralId: record.id };
    });
    if (change) expired.push(change);
  }
  await publishReferralChanges(context.liveUpdates, expired);
  return expired.length > 0 ? 'done' : 'skipped';
}

/** Idempotency keys (and their stored, encrypted responses) are kept only as long as a retry makes sense. */
async function purgeIdempotencyKeys(context: JobContext): Promise<JobResult> {
  return (await purgeExpiredIdempotencyKeys({ db: context.db, clock: context.clock })) > 0 ? 'done' : 'skipped';
}

export const referralDeadlineJobs: JobDefinition[] = [
  { name: 'escalate-overdue-referrals', cron: '* * * * *', handler: escalateOverdueReferrals },
  { name: 'expire-stale-referrals', cron: '0 * * * *', handler: expireStaleReferrals },
  { name: 'purge-idempotency-keys', cron: '17 * * * *', handler: purgeIdempotencyKeys },
];
