import {
  allowedReferralActions,
  ConsentDataCategory,
  ConsentMethod,
  ContactOutcome,
  DeclinedBy,
  DeclineReason,
  hasPermission,
  isReferralOverdue,
  openStatuses,
  PersonRole,
  ReferralEventAction,
  ReferralSource,
  ReferralStatus,
  RiskLevel,
  ServiceEndReason,
  YesNoUnknown,
  type ConsentView,
  type InboxItem,
  type Permission,
  type ReferralActionType,
  type ReferralForReceiver,
  type ReferralForReferrer,
  type ReferralState,
  type ReferralSummaryForReferrer,
  type ReferralTimelineEntry,
  type ServiceOption,
} from '@bro/domain';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { openPersonUnderConsent, type PersonUnderConsent, type SealedPerson } from '../../persons/index.ts';
import type { InboxRow } from '../intake/intake.queries.ts';
import type { ReferrerListRow } from '../referring/referring.queries.ts';
import { intakeOfService } from './referral-access.ts';
import type { ReferralEventRow, ReferralRecord } from './referral-record.queries.ts';

/**
 * Rows → API views. Field-level policy lives here (QUALITY.md #12): what the referrer may see, and what the
 * receiver may see under the consent. Decryption happens only for fields a view actually shows.
 */

export function referralStateOf(record: Pick<ReferralRecord, 'status' | 'unsuccessful_contact_attempts' | 'first_contact_at' | 'service_max_contact_attempts'>): ReferralState {
  return {
    status: ReferralStatus.parse(record.status),
    unsuccessfulContactAttempts: record.unsuccessful_contact_attempts,
    hasFirstContact: record.first_contact_at !== null,
    maxContactAttempts: record.service_max_contact_attempts,
  };
}

/** The consent that covers the current receiver: withdrawn or aimed at another organisation means none. */
export function isConsentWithdrawn(record: Pick<ReferralRecord, 'consent_withdrawn_at'>): boolean {
  return record.consent_withdrawn_at !== null;
}

function consentViewOf(record: ReferralRecord): ConsentView | null {
  if (record.consent_id === null || record.consent_method === null || record.consent_obtained_at === null) return null;
  return {
    id: record.consent_id,
    recipientOrganisationName: record.consent_recipient_organisation_name ?? '',
    dataCategories: (record.consent_data_categories ?? []).map((category) => ConsentDataCategory.parse(category)),
    method: ConsentMethod.parse(record.consent_method),
    obtainedAt: record.consent_obtained_at.toISOString(),
    withdrawnAt: record.consent_withdrawn_at?.toISOString() ?? null,
  };
}

/**
 * `decryptNoteOfOrganisationId`: notes are shown only to the organisation that wrote them (null: to nobody —
 * the referrer never sees a receiver's notes, and a service does not see a previous service's notes after a reroute).
 */
function timelineOf(events: readonly ReferralEventRow[], cipher: FieldCipher, decryptNoteOfOrganisationId: string | null): ReferralTimelineEntry[] {
  return events.map((event) => ({
    id: String(event.id),
    action: ReferralEventAction.parse(event.action),
    at: event.occurred_at.toISOString(),
    organisationName: event.organisation_name,
    toStatus: event.to_status === null ? null : ReferralStatus.parse(event.to_status),
    declineReason: event.decline_reason === null ? null : DeclineReason.parse(event.decline_reason),
    declinedBy: event.declined_by === null ? null : DeclinedBy.parse(event.declined_by),
    contactOutcome: event.contact_outcome === null ? null : ContactOutcome.parse(event.contact_outcome),
    closingReason: event.closing_reason === null ? null : ServiceEndReason.parse(event.closing_reason),
    fromServiceName: event.from_service_name,
    toServiceName: event.to_service_name,
    note: decryptNoteOfOrganisationId !== null && event.actor_organisation_id === decryptNoteOfOrganisationId ? cipher.decryptOptional(event.note_enc) : null,
  }));
}

export function toReferrerSummary(row: ReferrerListRow, cipher: FieldCipher): ReferralSummaryForReferrer {
  return {
    id: row.id,
    reference: row.reference,
    incidentId: row.incident_id,
    status: ReferralStatus.parse(row.status),
    role: PersonRole.parse(row.person_role),
    personName: cipher.decrypt(row.person_full_name_enc),
    serviceName: row.service_name,
    receivingOrganisationName: row.receiving_organisation_name,
    createdAt: row.created_at.toISOString(),
    lastEventAt: (row.last_event_at ?? row.created_at).toISOString(),
    hasFirstContact: row.first_contact_at !== null,
  };
}

/** The closed loop: what happened and where, never what the service wrote or learned (`note` is always null). */
export function toReferrerView(input: { record: ReferralRecord; events: readonly ReferralEventRow[]; linkedReferralIds: string[]; cipher: FieldCipher }): ReferralForReferrer {
  const { record, cipher } = input;
  const state = referralStateOf(record);
  return {
    ...toReferrerSummary(record, cipher),
    riskLevel: RiskLevel.parse(record.risk_level),
    dueAt: record.due_at?.toISOString() ?? null,
    consent: consentViewOf(record),
    timeline: timelineOf(input.events, cipher, null),
    allowedActions: allowedReferralActions(state, 'referrer'),
    linkedReferralIds: input.linkedReferralIds,
  };
}

/** `possibleDuplicates`: the other referrals at this service the caller may see (findPossibleDuplicatesAtService). */
export function toInboxItem(row: InboxRow, now: Date, possibleDuplicates: InboxItem['possibleDuplicates'] = []): InboxItem {
  const status = ReferralStatus.parse(row.status);
  return {
    id: row.id,
    reference: row.reference,
    status,
    role: PersonRole.parse(row.person_role),
    source: ReferralSource.parse(row.source),
    serviceId: row.service_id,
    serviceName: row.service_name,
    referringOrganisationName: row.referring_organisation_name,
    riskLevel: RiskLevel.parse(row.risk_level),
    sentAt: row.sent_at?.toISOString() ?? null,
    dueAt: row.due_at?.toISOString() ?? null,
    isOverdue: isReferralOverdue({ dueAt: row.due_at, now, hasFirstContact: row.first_contact_at !== null, isOpen: openStatuses.includes(status) }),
    isEscalated: row.escalated_at !== null,
    contactAttemptCount: row.contact_attempt_count,
    hasFirstContact: row.first_contact_at !== null,
    firstContactAt: row.first_contact_at?.toISOString() ?? null,
    isConsentWithdrawn: row.consent_withdrawn_at !== null,
    possibleDuplicates,
  };
}

const permissionByReceiverAction: Partial<Record<ReferralActionType, Permission>> = {
  accept: 'referral:decide',
  decline: 'referral:decide',
  reroute: 'referral:decide',
  log_contact_attempt: 'referral:contact',
  hand_over: 'referral:contact',
};

/** The categories the receiver may see now: those the current consent covers, none once it is withdrawn. */
export function visibleCategoriesOf(record: ReferralRecord): ReadonlySet<ConsentDataCategory> {
  const isCurrentConsent = record.consent_id !== null && record.consent_recipient_organisation_id === record.receiving_organisation_id;
  if (!isCurrentConsent || isConsentWithdrawn(record)) return new Set();
  return new Set((record.consent_data_categories ?? []).map((category) => ConsentDataCategory.parse(category)));
}

function sealedPersonOf(record: ReferralRecord): SealedPerson {
  return {
    full_name_enc: record.person_full_name_enc,
    cpr_enc: record.person_cpr_enc,
    gender: record.person_gender,
    birth_year: record.person_birth_year,
    address_protection: record.person_address_protection,
  };
}

function safeContactUnderConsent(record: ReferralRecord, categories: ReadonlySet<ConsentDataCategory>, cipher: FieldCipher): ReferralForReceiver['safeContact'] {
  if (!categories.has('contact')) return null;
  return {
    phone: cipher.decryptOptional(record.phone_enc),
    isSafeToCall: YesNoUnknown.parse(record.is_safe_to_call),
    safeTimes: cipher.decryptOptional(record.safe_times_enc),
    voicemailAllowed: YesNoUnknown.parse(record.voicemail_allowed),
    smsAllowed: YesNoUnknown.parse(record.sms_allowed),
    language: record.language,
    interpreterNeeded: record.interpreter_needed,
    otherWayToReach: cipher.decryptOptional(record.other_way_to_reach_enc),
  };
}

/**
 * The receiving service's view, cut to the consent: identity → name, gender, birth year, address protection;
 * cpr → CPR; contact → safe-contact details; situation → the referrer's text; children → children in the home.
 * Uncovered fields are null; gender and address protection, which cannot be null, read `unknown`.
 */
export function toReceiverView(input: {
  record: ReferralRecord;
  events: readonly ReferralEventRow[];
  actor: Pick<Actor, 'organisationId' | 'role'>;
  cipher: FieldCipher;
  now: Date;
  possibleDuplicates: InboxItem['possibleDuplicates'];
}): ReferralForReceiver {
  const { record, cipher } = input;
  const categories = visibleCategoriesOf(record);
  const state = referralStateOf(record);
  const isWithdrawn = isConsentWithdrawn(record);
  const allowedActions = allowedReferralActions(state, 'receiver').filter((action) => {
    const permission = permissionByReceiverAction[action];
    if (!permission || !hasPermission(input.actor.role, permission)) return false;
    // Further sharing stops with the consent: a reroute would pass the data on.
    return !(action === 'reroute' && isWithdrawn);
  });
  return {
    ...toInboxItem(record, input.now, input.possibleDuplicates),
    receivedAt: record.received_at?.toISOString() ?? null,
    consent: consentViewOf(record),
    person: openPersonUnderConsent(sealedPersonOf(record), categories, cipher),
    safeContact: safeContactUnderConsent(record, categories, cipher),
    situation: categories.has('situation') ? cipher.decryptOptional(record.situation_enc) : null,
    childrenInHome: categories.has('children') ? YesNoUnknown.parse(record.children_in_home) : null,
    timeline: timelineOf(input.events, cipher, input.actor.organisationId),
    allowedActions,
    maxContactAttempts: record.service_max_contact_attempts,
  };
}

/** What a course opened from a referral may take over: the person and safe contact as the receiver sees them now. */
export type ReferralForCourse = {
  id: string;
  serviceId: string;
  personId: string;
  personRole: PersonRole;
  isConsentWithdrawn: boolean;
  /** Null unless the consent covers identity (then name, gender, birth year, address protection; never the CPR number). */
  person: PersonUnderConsent | null;
  /** Null unless the consent covers contact. */
  safeContact: ReferralForReceiver['safeContact'];
  /** Null unless the consent covers children. */
  childrenInHome: YesNoUnknown | null;
  /** The referrer's rating, which every receiver sees. */
  riskLevel: RiskLevel;
};

/** The receiver's field policy, less the CPR number: a course has no use for it, so it is not opened. */
export function toReferralForCourse(record: ReferralRecord, cipher: FieldCipher): ReferralForCourse {
  const categories = new Set(visibleCategoriesOf(record));
  categories.delete('cpr');
  return {
    id: record.id,
    serviceId: record.service_id,
    personId: record.person_id,
    personRole: PersonRole.parse(record.person_role),
    isConsentWithdrawn: isConsentWithdrawn(record),
    person: openPersonUnderConsent(sealedPersonOf(record), categories, cipher),
    safeContact: safeContactUnderConsent(record, categories, cipher),
    childrenInHome: categories.has('children') ? YesNoUnknown.parse(record.children_in_home) : null,
    riskLevel: RiskLevel.parse(record.risk_level),
  };
}

/** A service to choose, with the people its intake can see, so a form offers only services that take the person. */
export function toServiceOption(row: {
  id: string;
  name: string;
  organisation_id: string;
  organisation_name: string;
  service_line: string | null;
  receives_genders: string[] | null;
  minimum_age: number | null;
  maximum_age: number | null;
}): ServiceOption {
  const intake = intakeOfService(row);
  return {
    id: row.id,
    name: row.name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    receivesRoles: [...intake.roles],
    receivesGenders: intake.genders === null ? null : [...intake.genders],
    minimumAge: intake.minimumAge,
    maximumAge: intake.maximumAge,
  };
}
