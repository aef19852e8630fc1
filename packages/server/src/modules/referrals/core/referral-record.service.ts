import { randomUUID } from 'node:crypto';
import { applyReferralAction, computeFirstContactDueAt, normalisePhone, RiskLevel, type HeardAbout, type OrganisationKind, type PersonRole, type ReferralSource, type SafeContactInput, type YesNoUnknown } from '@bro/domain';
import type { OperationNodeSource, RawBuilder, Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';
import { recordAuditEntry, type AuditEntry, type AuditTrail } from '../../../platform/audit-log.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { prepareConsent, preparePerson, type ConsentGiven, type NewPerson } from '../../persons/index.ts';
import { courseReferralVisibility, referrerVisibility, systemVisibility, type ReferralVisibility } from './referral-access.ts';
import {
  findReferralRecord,
  insertReferralEventsQuery,
  insertReferralQuery,
  reserveReferralNumbers,
  runWritesAsOneStatement,
  type NewReferralEvent,
  type ReferralRecord,
} from './referral-record.queries.ts';
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

/** Numbers a caller reserved in a statement of its own (see referring.queries.ts); reserved here otherwise. */
export type ReservedReferralNumbers = { reference: string; eventIds: string[] };

/** What the caller's transaction wrote, as its views need it, so nothing has to be read back. */
export type CreatedReferral = {
  referralId: string;
  personId: string;
  consentId: string | null;
  reference: string;
  incidentId: string;
  status: 'draft' | 'sent';
  sentAt: Date | null;
  dueAt: Date | null;
  /** The events written, in timeline order, with their ids. */
  events: readonly NewReferralEvent[];
  /** False when the referral was escalated because nobody at the receiving organisation can see it (more was written). */
  isSeenAtReceiver: boolean;
  /** The rows as written (person and consent: null when not written here). */
  rows: {
    referral: ReturnType<typeof referralColumns> & { id: string; reference: string; status: string; sent_at: Date | null; due_at: Date | null };
    person: ReturnType<typeof preparePerson>['row'] | null;
    consent: ReturnType<typeof prepareConsent>['row'] | null;
  };
};

/**
 * Creates a referral — the only code that does: the person (unless already on record), the consent, the referral,
 * its first event and their audit entries, all in the caller's transaction; unless it is a draft, it is sent at
 * once through the state machine like every referral (sent_at, deadline, its own event and audit entry). Audit
 * entries go to the caller's trail when it keeps one, otherwise they are appended as they happen. The caller
 * publishes the live update after commit.
 *
 * Ids are chosen here and the rows are written by ONE statement (data-modifying CTEs), together with the caller's
 * own `alsoWrite` (e.g. its idempotent response): one round trip for the whole creation, and nothing read back.
 * `isSeenAtReceiver` (when the caller already knows someone at the receiving organisation can see the referral)
 * saves the check; otherwise, or when nobody can, escalateIfNobodyCanSee checks and escalates (more statements:
 * a rare, configuration-error path).
 */
export async function createReferralRecord(input: {
  trx: Transaction<Database>;
  clock: Clock;
  cipher: FieldCipher;
  referral: NewReferral;
  auditTrail?: AuditTrail | undefined;
  reserved?: ReservedReferralNumbers | undefined;
  isSeenAtReceiver?: boolean | undefined;
  /** More writes for the same one statement, made from what is about to be written (e.g. the stored answer). */
  alsoWrite?: ((created: CreatedReferral) => readonly OperationNodeSource[]) | undefined;
  /** Checked by the write statement (its own snapshot): false refuses the creation (`service_not_allowed`, rolled back). */
  isStillReferable?: RawBuilder<boolean> | undefined;
}): Promise<CreatedReferral> {
  const { trx, referral } = input;
  const now = input.clock.now();
  const actor = referral.origin.kind === 'self' ? null : referral.origin.actor;
  const reserved = input.reserved ?? (await reserveReferralNumbers(trx, 2));
  const writes: OperationNodeSource[] = [];
  const auditEntries: AuditEntry[] = [];

  const { personId, personRow, consentId, consentRow } = preparePersonAndConsent({ trx, cipher: input.cipher, referral, actor, now, writes, auditEntries });
  const referralId = randomUUID();
  const columns = referralColumns(input.cipher, { referral, actor, personId, consentId, now });
  const [createEventId, sendEventId] = reserved.eventIds;
  if (createEventId === undefined || (referral.send && sendEventId === undefined)) throw new Error('referral event ids not reserved');
  const events: NewReferralEvent[] = [
    {
      id: createEventId,
      referral_id: referralId,
      action: 'create',
      from_status: null,
      to_status: 'draft',
      actor_user_id: actor?.userId ?? null,
      actor_organisation_id: actor?.organisationId ?? null,
      occurred_at: now,
      to_service_id: referral.service.id,
      note_enc: input.cipher.encryptOptional(referral.note),
    },
  ];
  // Ids and codes only. A self-referral's "heard about" stays out: it is only ever shown as suppressed counts.
  const entry = { personId, serviceId: referral.service.id, personRole: referral.personRole, consentId, ...originDetails(referral) };
  auditEntries.push({ occurredAt: now, actorUserId: actor?.userId ?? null, actorOrganisationId: actor?.organisationId ?? null, action: 'referral.create', objectType: 'referral', objectId: referralId, details: entry });

  // With the programme's terms the deadline is known here, so the referral is written sent; without them (a
  // self-referral, an onward referral) it is sent below through the recorded service terms, as a draft is sent later.
  const isSentAtOnce = referral.send && referral.service.terms !== undefined;
  let sent: { sentAt: Date; dueAt: Date } | null = null;
  if (isSentAtOnce && sendEventId !== undefined) {
    sent = sendNewReferral({ columns, now });
    events.push({ id: sendEventId, referral_id: referralId, action: 'send', from_status: 'draft', to_status: 'sent', actor_user_id: actor?.userId ?? null, actor_organisation_id: actor?.organisationId ?? null, occurred_at: now, to_service_id: null, note_enc: null });
    auditEntries.push({ occurredAt: now, actorUserId: actor?.userId ?? null, actorOrganisationId: actor?.organisationId ?? null, action: 'referral.send', objectType: 'referral', objectId: referralId, details: { fromStatus: 'draft', toStatus: 'sent', hasNote: false } });
  }
  const referralRow = { id: referralId, reference: reserved.reference, ...columns, status: sent ? 'sent' : 'draft', sent_at: sent?.sentAt ?? null, due_at: sent?.dueAt ?? null };
  writes.push(insertReferralQuery(trx, referralRow));
  writes.push(insertReferralEventsQuery(events));
  const created: CreatedReferral = {
    ...{ referralId, personId, consentId, reference: reserved.reference, incidentId: columns.incident_id, events },
    ...{ status: referral.send ? 'sent' : 'draft', sentAt: sent?.sentAt ?? null, dueAt: sent?.dueAt ?? null, isSeenAtReceiver: input.isSeenAtReceiver === true },
    rows: { referral: referralRow, person: personRow, consent: consentRow },
  };
  writes.push(...(input.alsoWrite?.(created) ?? []));
  if (!(await runWritesAsOneStatement(trx, writes, input.isStillReferable))) throw new AppError('service_not_allowed');
  for (const auditEntry of auditEntries) await recordAuditEntry(trx, auditEntry, input.auditTrail);

  const isSeenAtReceiver = await finishSending({ ...input, actor, now, referralId, isSentAtOnce });
  return { ...created, isSeenAtReceiver };
}

/**
 * A referral sent without the programme's terms goes through the state machine on its recorded service terms (as
 * a draft sent later does); and one nobody at the receiving organisation can see is escalated. True if it is seen.
 */
async function finishSending(input: { trx: Transaction<Database>; clock: Clock; cipher: FieldCipher; referral: NewReferral; auditTrail?: AuditTrail | undefined; isSeenAtReceiver?: boolean | undefined; actor: Actor | null; now: Date; referralId: string; isSentAtOnce: boolean }): Promise<boolean> {
  const { trx, referral, actor, now, referralId, isSentAtOnce } = input;
  if (referral.send && !isSentAtOnce) {
    const record = await getRecord(trx, referralId, visibilityOfOrigin(referral.origin), true);
    await applyReferralTransition({ trx, clock: input.clock, record, action: { type: 'send' }, side: 'referrer', actor, auditTrail: input.auditTrail });
  }
  if (referral.send && input.isSeenAtReceiver !== true) {
    return !(await escalateIfNobodyCanSee({
      trx,
      cipher: input.cipher,
      now,
      referral: {
        id: referralId,
        receivingOrganisationId: referral.service.organisationId,
        personRole: referral.personRole,
        status: 'sent',
        programmeId: referral.origin.kind === 'programme' ? referral.origin.programmeId : null,
      },
      auditTrail: input.auditTrail,
    }));
  }
  return true;
}

/** The person (unless on record) and the consent: their inserts join `writes`, the consent's audit entry `auditEntries`. */
function preparePersonAndConsent(input: { trx: Transaction<Database>; cipher: FieldCipher; referral: NewReferral; actor: Actor | null; now: Date; writes: OperationNodeSource[]; auditEntries: AuditEntry[] }) {
  const { trx, referral, actor, now, writes, auditEntries } = input;
  let personId: string;
  let personRow: CreatedReferral['rows']['person'] = null;
  if ('id' in referral.person) {
    personId = referral.person.id;
  } else {
    // A self-referral's person record belongs to the receiving organisation: nobody at a referring organisation made it.
    const person = preparePerson({ trx, cipher: input.cipher, createdByOrganisationId: actor?.organisationId ?? referral.service.organisationId, person: referral.person, now });
    personId = person.personId;
    personRow = person.row;
    writes.push(person.insert);
  }
  let consentId: string | null = null;
  let consentRow: CreatedReferral['rows']['consent'] = null;
  if (referral.consent) {
    const consent = prepareConsent({ trx, personId, consent: referral.consent, obtainedBy: actor ?? 'person', now });
    consentId = consent.consentId;
    consentRow = consent.row;
    writes.push(consent.insert);
    auditEntries.push(consent.auditEntry);
  }

  return { personId, personRow, consentId, consentRow };
}

/**
 * A new referral sent at once: the state machine decides (draft → sent) exactly as for a draft sent later, and the
 * first-contact deadline runs from now under the terms the referral was made with (else the service's current ones,
 * which the caller passed as the terms).
 */
function sendNewReferral(input: { columns: ReturnType<typeof referralColumns>; now: Date }): { sentAt: Date; dueAt: Date } {
  const { columns, now } = input;
  const outcome = applyReferralAction({ status: 'draft', unsuccessfulContactAttempts: 0, hasFirstContact: false, maxContactAttempts: columns.max_contact_attempts ?? 0 }, { type: 'send' }, 'referrer');
  if (!outcome.ok || outcome.state.status !== 'sent') throw new AppError('transition_not_allowed');
  return { sentAt: now, dueAt: computeFirstContactDueAt(now, RiskLevel.parse(columns.risk_level), { firstContactDeadlineHours: columns.first_contact_deadline_hours ?? 0, highRiskDeadlineHours: columns.high_risk_deadline_hours ?? 0 }) };
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
