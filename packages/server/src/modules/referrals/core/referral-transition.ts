import {
  applyReferralAction,
  computeFirstContactDueAt,
  isTerminal,
  RiskLevel,
  type ReferralAction,
  type ReferralSide,
  type ReferralState,
} from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, RowChanges } from '../../../db/tables.ts';
import { recordAuditEntry, type AuditTrail } from '../../../platform/audit-log.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import type { LiveUpdates } from '../../../platform/live-updates.ts';
import { insertReferralEvent, updateReferral, type ReferralRecord } from './referral-record.queries.ts';
import { referralStateOf } from './referral-views.ts';

/** Who acted: a person of an organisation, or the platform itself (jobs). */
type TransitionActor = { userId: string; organisationId: string } | null;

/**
 * The one way a referral changes status. The pure state machine in the domain decides; this persists the new
 * state, the referral event (who, when, why) and the audit entry, all in the caller's transaction — the audit
 * entry last, so nothing can change a referral unaudited.
 */
export async function applyReferralTransition(input: {
  trx: Transaction<Database>;
  clock: Clock;
  record: ReferralRecord;
  action: ReferralAction;
  side: ReferralSide;
  actor: TransitionActor;
  /** The actor's note, already encrypted (`cipher.encryptOptional`). Only ever shown to the organisation that wrote it. */
  sealedNote?: string | null;
  /** Columns the use case changes besides those every transition of this kind changes (e.g. the service on reroute). */
  changes?: RowChanges<'referrals'>;
  fromServiceId?: string;
  toServiceId?: string;
  /** Collect the audit entry here instead of appending it now; the caller appends the trail last. */
  auditTrail?: AuditTrail;
}): Promise<ReferralState> {
  const { record, action } = input;
  const before = referralStateOf(record);
  const outcome = applyReferralAction(before, action, input.side);
  if (!outcome.ok) {
    if (outcome.reason === 'reason_not_allowed') throw new AppError('validation_failed', [{ path: 'body.reason', message: 'reason_not_allowed' }]);
    throw new AppError('transition_not_allowed');
  }
  const after = outcome.state;
  const now = input.clock.now();
  await updateReferral(input.trx, record.id, { ...changesOf({ record, action, after, now }), ...input.changes });

  await insertReferralEvent(input.trx, {
    referral_id: record.id,
    action: action.type,
    from_status: before.status,
    to_status: after.status,
    actor_user_id: input.actor?.userId ?? null,
    actor_organisation_id: input.actor?.organisationId ?? null,
    occurred_at: now,
    decline_reason: action.type === 'decline' ? action.reason : null,
    declined_by: action.type === 'decline' ? action.decidedBy : null,
    contact_outcome: action.type === 'log_contact_attempt' ? action.outcome : null,
    closing_reason: action.type === 'close' ? action.reason : null,
    from_service_id: input.fromServiceId ?? null,
    to_service_id: input.toServiceId ?? null,
    note_enc: input.sealedNote ?? null,
  });

  await recordAuditEntry(input.trx, {
    occurredAt: now,
    actorUserId: input.actor?.userId ?? null,
    actorOrganisationId: input.actor?.organisationId ?? null,
    action: `referral.${action.type}`,
    objectType: 'referral',
    objectId: record.id,
    details: {
      fromStatus: before.status,
      toStatus: after.status,
      ...(action.type === 'decline' ? { declineReason: action.reason, declinedBy: action.decidedBy } : {}),
      ...(action.type === 'log_contact_attempt' ? { contactOutcome: action.outcome } : {}),
      ...(action.type === 'close' ? { closingReason: action.reason } : {}),
      ...(input.fromServiceId ? { fromServiceId: input.fromServiceId } : {}),
      ...(input.toServiceId ? { toServiceId: input.toServiceId } : {}),
      hasNote: Boolean(input.sealedNote),
    },
  }, input.auditTrail);
  return after;
}

/**
 * The columns that move a referral to another service (reroute, transfer): it starts afresh there — its own
 * first-contact deadline from now, no attempts, not yet received or escalated — under the consent naming the new
 * service's organisation. The history stays in the events.
 */
export function changesForNewService(input: {
  target: { id: string; organisation_id: string; first_contact_deadline_hours: number; high_risk_deadline_hours: number };
  riskLevel: string;
  consentId: string;
  now: Date;
}): RowChanges<'referrals'> {
  const { target, now } = input;
  return {
    service_id: target.id,
    receiving_organisation_id: target.organisation_id,
    consent_id: input.consentId,
    contact_attempt_count: 0,
    first_contact_at: null,
    escalated_at: null,
    received_at: null,
    sent_at: now,
    // The new service's own terms from now on: a programme's terms were for the service it was sent to.
    first_contact_deadline_hours: null,
    high_risk_deadline_hours: null,
    max_contact_attempts: null,
    due_at: computeFirstContactDueAt(now, RiskLevel.parse(input.riskLevel), {
      firstContactDeadlineHours: target.first_contact_deadline_hours,
      highRiskDeadlineHours: target.high_risk_deadline_hours,
    }),
  };
}

/** The columns every transition of this kind changes: status and counters, and the moments it marks. */
function changesOf(input: { record: ReferralRecord; action: ReferralAction; after: ReferralState; now: Date }): RowChanges<'referrals'> {
  const { record, action, after, now } = input;
  const changes: RowChanges<'referrals'> = {
    status: after.status,
    unsuccessful_contact_attempts: after.unsuccessfulContactAttempts,
    updated_at: now,
    ...(isTerminal(after.status) ? { closed_at: now } : {}),
  };
  if (action.type === 'send') {
    changes.sent_at = now;
    changes.due_at = computeFirstContactDueAt(now, RiskLevel.parse(record.risk_level), {
      firstContactDeadlineHours: record.service_first_contact_deadline_hours,
      highRiskDeadlineHours: record.service_high_risk_deadline_hours,
    });
  }
  if (action.type === 'receive') changes.received_at = now;
  if (action.type === 'log_contact_attempt') {
    changes.contact_attempt_count = record.contact_attempt_count + 1;
    if (after.hasFirstContact && record.first_contact_at === null) changes.first_contact_at = now;
  }
  return changes;
}

/** A referral that changed, and the service whose inbox shows it. */
export type ReferralChange = { serviceId: string; referralId: string };

/**
 * Tells open inboxes that referrals changed. Called after commit (never inside a transaction: a rolled-back
 * change must not be announced). Live updates are a hint — an inbox also reloads on open — so a failed publish
 * is reported but does not fail the change that already committed.
 */
export async function publishReferralChanges(liveUpdates: LiveUpdates, changes: readonly ReferralChange[]): Promise<void> {
  const results = await Promise.allSettled(changes.map((change) => liveUpdates.publish({ kind: 'referral_changed', ...change })));
  for (const result of results) {
    if (result.status === 'rejected') console.warn('live update could not be published:', result.reason instanceof Error ? result.reason.message : 'unknown error');
  }
}
