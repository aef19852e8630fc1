import { randomUUID } from 'node:crypto';
import { normalisePhone, type HeardAbout, type OrganisationKind, type PersonRole, type ReferralSource, type RiskLevel, type SafeContactInput, type YesNoUnknown } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';
import { recordAuditEntry, type AuditTrail } from '../../../platform/audit-log.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { createPerson, recordConsent, type ConsentGiven, type NewPerson } from '../../persons/index.ts';
import { courseReferralVisibility, referrerVisibility, systemVisibility, type ReferralVisibility } from './referral-access.ts';
import { findReferralRecord, insertReferral, insertReferralEvent, type ReferralRecord } from './referral-record.queries.ts';
import { escalateIfNobodyCanSee } from '../deadlines/unseen-referral.ts';
import { applyReferralTransition } from './referral-transition.ts';

/** Use cases every referral path shares: the one way a referral is created, and reading the record. */

/** Where a new referral comes from: what the one insert path has to know about its three callers. */
type ReferralOrigin =
  /** A police or municipal referral within a programme; `incidentId` links the parties of one call-out. */
  | { kind: 'programme'; actor: Actor; programmeId: string; incidentId: string; isLinked: boolean }
  /** An onward referral from a counselling course (brobygning), made by the course's staff. */
  | { kind: 'course'; actor: Actor; courseId: string }
  /** The person's own request from the public contact form: no referring organisation, no user behind it. */
  | { kind: 'self'; heardAbout: HeardAbout; receiptCodeHash: string };

/** The programme's version and the terms a referral made under it must meet. */
type ReferralTerms = { programmeVersion: number; firstContactDeadlineHours: number; highRiskDeadlineHours: number; maxContactAttempts: number };

export type NewReferral = {
  origin: ReferralOrigin;
  /** A new person record, or the id of one already on record (an onward referral refers the course's person). */
  person: NewPerson | { id: string };
  /** Recorded with the referral; null only for a draft saved without one. The caller has checked that it fits. */
  consent: ConsentGiven | null;
  /**
   * Where it goes. `terms`: what a programme referral must meet there, fixed now, so a later change of the
   * programme applies to new referrals only (without: the service's current settings).
   */
  service: { id: string; organisationId: string; terms?: ReferralTerms };
  personRole: PersonRole;
  riskLevel: RiskLevel;
  situation: string | null | undefined;
  contact: Omit<SafeContactInput, 'phone' | 'safeTimes'> & { phone?: string | null | undefined; safeTimes?: string | null | undefined; otherWayToReach?: string | null | undefined };
  childrenInHome: YesNoUnknown;
  underretning: string | null;
  /** The referrer's note on the first event (an onward referral's words to the receiver). */
  note?: string | undefined;
  /** Sent at once (the deadline runs from now), or kept as a draft. */
  send: boolean;
};

const sourceByOrganisationKind: Partial<Record<OrganisationKind, ReferralSource>> = { police_district: 'police', municipality: 'municipality' };

/**
 * Creates a referral — the only code that does: the person (unless already on record), the consent, the referral,
 * its first event and their audit entries, all in the caller's transaction; then, unless it is a draft, sends it
 * through the state machine like every referral (sent_at, deadline, its own event and audit entry). Audit entries
 * go to the caller's trail when it keeps one, otherwise they are appended as they happen. The caller publishes the
 * live update after commit.
 */
export async function createReferralRecord(input: {
  trx: Transaction<Database>;
  clock: Clock;
  cipher: FieldCipher;
  referral: NewReferral;
  auditTrail?: AuditTrail | undefined;
}): Promise<{ referralId: string; personId: string; consentId: string | null }> {
  const { trx, referral, auditTrail } = input;
  const now = input.clock.now();
  const actor = referral.origin.kind === 'self' ? null : referral.origin.actor;
  const personId =
    'id' in referral.person
      ? referral.person.id
      : // A self-referral's person record belongs to the receiving organisation: nobody at a referring organisation made it.
        await createPerson({ trx, cipher: input.cipher, createdByOrganisationId: actor?.organisationId ?? referral.service.organisationId, person: referral.person, now });
  const consentId = referral.consent ? await recordConsent({ trx, personId, consent: referral.consent, obtainedBy: actor ?? 'person', now, auditTrail }) : null;
  const referralId = await insertReferral(trx, referralColumns(input.cipher, { referral, actor, personId, consentId, now }));
  await insertReferralEvent(trx, {
    referral_id: referralId,
    action: 'create',
    from_status: null,
    to_status: 'draft',
    actor_user_id: actor?.userId ?? null,
    actor_organisation_id: actor?.organisationId ?? null,
    occurred_at: now,
    to_service_id: referral.service.id,
    note_enc: input.cipher.encryptOptional(referral.note),
  });
  // Ids and codes only. A self-referral's "heard about" stays out: it is only ever shown as suppressed counts.
  const entry = { personId, serviceId: referral.service.id, personRole: referral.personRole, consentId, ...originDetails(referral) };
  await recordAuditEntry(trx, { occurredAt: now, actorUserId: actor?.userId ?? null, actorOrganisationId: actor?.organisationId ?? null, action: 'referral.create', objectType: 'referral', objectId: referralId, details: entry }, auditTrail);
  if (referral.send) {
    const record = await getRecord(trx, referralId, visibilityOfOrigin(referral.origin), true);
    await applyReferralTransition({ trx, clock: input.clock, record, action: { type: 'send' }, side: 'referrer', actor, auditTrail });
    await escalateIfNobodyCanSee({ trx, cipher: input.cipher, now, referral: {
        id: referralId,
        receivingOrganisationId: referral.service.organisationId,
        personRole: referral.personRole,
        status: 'sent',
        programmeId: referral.origin.kind === 'programme' ? referral.origin.programmeId : null,
      },
      auditTrail,
    });
  }
  return { referralId, personId, consentId };
}

function referralColumns(cipher: FieldCipher, input: { referral: NewReferral; actor: Actor | null; personId: string; consentId: string | null; now: Date }) {
  const { referral, actor, now } = input;
  const { origin, contact } = referral;
  return {
    // An onward referral or a self-referral is a new hand-over of its own, not another party of a call-out.
    incident_id: origin.kind === 'programme' ? origin.incidentId : randomUUID(),
    person_id: input.personId,
    person_role: referral.personRole,
    source: actor === null ? 'self' : (sourceByOrganisationKind[actor.organisationKind] ?? 'other'),
    referring_organisation_id: actor?.organisationId ?? null,
    referring_unit_id: actor?.unitId ?? null,
    created_by_user_id: actor?.userId ?? null,
    programme_id: origin.kind === 'programme' ? origin.programmeId : null,
    origin_course_id: origin.kind === 'course' ? origin.courseId : null,
    service_id: referral.service.id,
    receiving_organisation_id: referral.service.organisationId,
    programme_version: referral.service.terms?.programmeVersion ?? null,
    first_contact_deadline_hours: referral.service.terms?.firstContactDeadlineHours ?? null,
    high_risk_deadline_hours: referral.service.terms?.highRiskDeadlineHours ?? null,
    max_contact_attempts: referral.service.terms?.maxContactAttempts ?? null,
    consent_id: input.consentId,
    status: 'draft',
    risk_level: referral.riskLevel,
    situation_enc: cipher.encryptOptional(referral.situation),
    // One written form of a phone number, whoever sent it (domain phone.ts); an unreadable one is kept as typed.
    phone_enc: cipher.encryptOptional(contact.phone ? (normalisePhone(contact.phone) ?? contact.phone) : contact.phone),
    is_safe_to_call: contact.isSafeToCall,
    safe_times_enc: cipher.encryptOptional(contact.safeTimes),
    other_way_to_reach_enc: cipher.encryptOptional(contact.otherWayToReach),
    voicemail_allowed: contact.voicemailAllowed,
    sms_allowed: contact.smsAllowed,
    language: contact.language,
    interpreter_needed: contact.interpreterNeeded,
    children_in_home: referral.childrenInHome,
    underretning: referral.underretning,
    heard_about: origin.kind === 'self' ? origin.heardAbout : null,
    receipt_code_hash: origin.kind === 'self' ? origin.receiptCodeHash : null,
    created_at: now,
    updated_at: now,
  };
}

/** What the audit entry says about where the referral came from. */
function originDetails({ origin, riskLevel }: NewReferral): Record<string, string | boolean> {
  switch (origin.kind) {
    case 'programme':
      return { programmeId: origin.programmeId, riskLevel, isLinked: origin.isLinked };
    case 'course':
      return { originCourseId: origin.courseId, riskLevel, isLinked: false };
    case 'self':
      return { source: 'self' };
  }
}

/** The new referral is read back (locked) as its creator may see it; a self-referral has no creator but the platform. */
function visibilityOfOrigin(origin: ReferralOrigin): ReferralVisibility {
  switch (origin.kind) {
    case 'programme':
      return referrerVisibility(origin.actor);
    case 'course':
      return courseReferralVisibility({ organisationId: origin.actor.organisationId, courseId: origin.courseId });
    case 'self':
      return systemVisibility;
  }
}

/** The referral, if the visibility allows it; 404 otherwise. With `lock`, the row stays locked until commit. */
export async function getRecord(db: Db, referralId: string, visibility: ReferralVisibility, lock: boolean): Promise<ReferralRecord> {
  const record = await findReferralRecord(db, { referralId, visibility, lock });
  if (!record) throw new AppError('not_found');
  return record;
}
