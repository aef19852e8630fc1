import type { ConsentInput } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';
import { recordAuditEntry, type AuditTrail } from '../../../platform/audit-log.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { AppError } from '../../../platform/errors.ts';
import { findReferralRecord, insertConsent, type ReferralRecord } from './referral-record.queries.ts';
import type { ReferralVisibility } from './referral-access.ts';

/** Use cases every referral path shares: reading the record, and the consent it is sent under. */

/** Clocks drift; a consent "obtained" further in the future than this is a mistake in the form. */
const CONSENT_CLOCK_SKEW_MS = 5 * 60_000;

/** A consent must name the organisation that will receive the data, and cannot have been given in the future. */
export function assertConsentFits(consent: ConsentInput, recipientOrganisationId: string, now: Date, path: string): void {
  if (consent.recipientOrganisationId !== recipientOrganisationId) throw new AppError('consent_required');
  if (new Date(consent.obtainedAt).getTime() > now.getTime() + CONSENT_CLOCK_SKEW_MS) {
    throw new AppError('validation_failed', [{ path: `${path}.obtainedAt`, message: 'in_the_future' }]);
  }
}

/** Consent is a record of its own (who obtained it, how, when, for whom, for what), audited like any change. */
export async function recordConsent(input: {
  trx: Transaction<Database>;
  actor: Actor;
  personId: string;
  consent: ConsentInput;
  now: Date;
  auditTrail?: AuditTrail;
}): Promise<string> {
  const { consent, actor } = input;
  const consentId = await insertConsent(input.trx, {
    person_id: input.personId,
    recipient_organisation_id: consent.recipientOrganisationId,
    data_categories: [...new Set(consent.dataCategories)],
    purpose: consent.purpose,
    method: consent.method,
    obtained_by_user_id: actor.userId,
    obtained_by_organisation_id: actor.organisationId,
    obtained_at: consent.obtainedAt,
    created_at: input.now,
  });
  await recordAuditEntry(input.trx, {
    occurredAt: input.now,
    actorUserId: actor.userId,
    actorOrganisationId: actor.organisationId,
    action: 'consent.record',
    objectType: 'consent',
    objectId: consentId,
    details: { personId: input.personId, recipientOrganisationId: consent.recipientOrganisationId, categories: [...new Set(consent.dataCategories)].sort().join(','), method: consent.method },
  }, input.auditTrail);
  return consentId;
}

export async function getRecord(db: Db, referralId: string, visibility: ReferralVisibility, lock: boolean): Promise<ReferralRecord> {
  const record = await findReferralRecord(db, { referralId, visibility, lock });
  if (!record) throw new AppError('not_found');
  return record;
}

