import {
  allowedCourseActions,
  Attendance,
  canServiceHoldSide,
  ClosingReason,
  countSessions,
  Course,
  courseRoleFromReferralRole,
  CourseStatus,
  EligibilityOutcome,
  isCourseOpen,
  OutcomePhase,
  PersonRole,
  RiskLevel,
  riskPrompts,
  sideOfCourseRole,
  TriageDecision,
  ViolenceForm,
  YesNoUnknown,
  type AddressProtection,
  type CloseCourseRequest,
  type CourseAction,
  type CourseListQuery,
  type CourseSafeContactInput,
  type CourseSummary,
  type OpenCourseRequest,
  type Permission,
} from '@bro/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Database, Db } from '../../db/tables.ts';
import { recordAccess, type AccessAction } from '../../platform/access-log.ts';
import { appendAuditEntry } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { hashIdempotentRequest, runIdempotently } from '../../platform/idempotency.ts';
import type { LiveUpdates } from '../../platform/live-updates.ts';
import { createPerson } from '../persons/index.ts';
import { receiverVisibility } from '../referrals/index.ts';
import { applyReferralTransition, publishReferralChanges } from '../referrals/index.ts';
import { isConsentWithdrawn, visibleCategoriesOf } from '../referrals/index.ts';
import { getRecord } from '../referrals/index.ts';
import { canActor, canWorkAt, readPurposeOf, staffVisibility, type CourseVisibility } from './course-access.ts';
import {
  findCourseRow,
  findCourseTemplate,
  findLatestCourseOfPerson,
  findServiceOfOrganisation,
  insertCourse,
  isCounsellorOfService,
  listAssignedServiceIds,
  listCourseRows,
  listOtherCoursesOfPerson,
  listServicesOfOrganisation,
  lockCourse,
  updateCourse,
  type CourseRow,
} from './course.queries.ts';
import { listSessionStates } from './course-session.queries.ts';
import { courseProblem, courseTermsOf, openSafeContact, safeContactFromInput, safeContactFromReferral, sealSafeContact, statusOf, toCourseSummary } from './course-views.ts';
import { listOutcomes } from './outcome.queries.ts';
import { findLatestRiskAssessment } from './risk-assessment.queries.ts';
import { findLatestSafetyPlanVersionNumber } from './safety-plan.queries.ts';
import { findLatestTriage } from './triage.queries.ts';

/** Use cases of a course as a whole: open, read, list, assign, safe contact, protection, close. */

export type CourseDeps = { db: Kysely<Database>; clock: Clock; cipher: FieldCipher };

const LIST_LIMIT = 500;

/** A service without a template of its own gets the Interventionscenter's shape: five sessions, any mode. */
export const defaultTemplate = {
  planned_sessions: 5,
  session_modes: ['in_person', 'phone', 'video'],
  focus: ['clarification', 'bridging'],
  contact_interval_days: 14,
  high_risk_contact_interval_days: 3,
  offers_case_conference: false,
};

const permissionOfAction: Record<CourseAction, Permission> = {
  triage: 'course:triage',
  assign_counsellor: 'course:triage',
  update_safe_contact: 'course:write',
  plan_session: 'course:write',
  record_attendance: 'course:write',
  write_session_note: 'course:write',
  assess_risk: 'course:write',
  update_safety_plan: 'course:write',
  refer_onward: 'course:write',
  record_shelter_stay: 'course:write',
  record_underretning: 'course:write',
  record_outcome: 'course:write',
  close: 'course:write',
};

export async function courseVisibilityOf(db: Db, actor: Actor): Promise<CourseVisibility> {
  return staffVisibility(actor, await listAssignedServiceIds(db, { membershipId: actor.membershipId, organisationId: actor.organisationId }));
}

/** The course, if the actor may see it; 404 otherwise (never 403: the course's existence is confidential). */
export async function getVisibleCourse(db: Db, actor: Actor, courseId: string, now: Date): Promise<{ row: CourseRow; visibility: CourseVisibility }> {
  const visibility = await courseVisibilityOf(db, actor);
  const row = await findCourseRow(db, { courseId, visibility, now });
  if (!row) throw new AppError('not_found');
  return { row, visibility };
}

/**
 * Runs a change to a course in one transaction: the course is locked (concurrent changes serialise), must be
 * visible (else 404) and must allow the action in its status (a closed course answers 409 `course_closed`).
 */
export async function withCourseForChange<T>(
  deps: CourseDeps,
  actor: Actor,
  courseId: string,
  action: CourseAction,
  work: (trx: Transaction<Database>, row: CourseRow, visibility: CourseVisibility) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => withCourseInTransaction(trx, deps, actor, courseId, action, work));
}

/** The same inside a transaction the caller already holds (e.g. an idempotent creation). */
export async function withCourseInTransaction<T>(
  trx: Transaction<Database>,
  deps: Pick<CourseDeps, 'clock'>,
  actor: Actor,
  courseId: string,
  action: CourseAction,
  work: (trx: Transaction<Database>, row: CourseRow, visibility: CourseVisibility) => Promise<T>,
): Promise<T> {
  const visibility = await courseVisibilityOf(trx, actor);
  if (!(await lockCourse(trx, { courseId, visibility }))) throw new AppError('not_found');
  const row = await findCourseRow(trx, { courseId, visibility, now: deps.clock.now() });
  if (!row) throw new AppError('not_found');
  const status = statusOf(row);
  if (!allowedCourseActions(status).includes(action)) throw status === 'closed' ? courseProblem.courseClosed() : new AppError('transition_not_allowed');
  return work(trx, row, visibility);
}

/** Every read of course content is logged before it leaves the server (fail closed). */
export async function logCourseReads(
  db: Db,
  input: { actor: Actor; now: Date; action?: AccessAction; entries: readonly { objectType: string; objectId: string; personId: string }[]; purpose?: 'access_history_extract' },
): Promise<void> {
  await recordAccess(
    db,
    input.entries.map((entry) => ({
      occurredAt: input.now,
      userId: input.actor.userId,
      organisationId: input.actor.organisationId,
      action: input.action ?? 'read',
      objectType: entry.objectType,
      objectId: entry.objectId,
      personId: entry.personId,
      purpose: input.purpose ?? readPurposeOf(input.actor),
    })),
  );
}

export async function auditCourse(trx: Transaction<Database>, input: { actor: Actor; now: Date; action: string; courseId: string; details?: Record<string, string | number | boolean | null> }) {
  await appendAuditEntry(trx, {
    occurredAt: input.now,
    actorUserId: input.actor.userId,
    actorOrganisationId: input.actor.organisationId,
    action: input.action,
    objectType: 'course',
    objectId: input.courseId,
    details: input.details ?? {},
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/** The full course view. Logs the read (the view holds the person's label and safe-contact details). */
export async function buildCourseView(db: Db, input: { cipher: FieldCipher; actor: Actor; row: CourseRow; visibility: CourseVisibility; now: Date }): Promise<Course> {
  const { row, cipher, now } = input;
  const status = statusOf(row);
  const [triage, latestRisk, safetyPlanVersion, outcomes, otherCourses, sessionStates] = await Promise.all([
    findLatestTriage(db, row.id),
    findLatestRiskAssessment(db, { courseId: row.id }),
    findLatestSafetyPlanVersionNumber(db, row.id),
    listOutcomes(db, row.id),
    listOtherCoursesOfPerson(db, { personId: row.person_id, exceptCourseId: row.id, visibility: input.visibility }),
    listSessionStates(db, row.id),
  ]);
  const summary = toCourseSummary(row, cipher, now);
  const view: Course = {
    ...summary,
    ...courseTermsOf(row),
    personId: row.person_id,
    referral: row.referral_id === null ? null : { id: row.referral_id, reference: row.referral_reference ?? '' },
    sessions: countSessions(
      sessionStates.map((session) => ({ attendance: Attendance.parse(session.attendance), plannedAt: session.planned_at })),
      row.planned_sessions,
      now,
    ),
    safeContact: openSafeContact(cipher, row.safe_contact_enc),
    triage: triage ? { decision: TriageDecision.parse(triage.decision), decidedAt: triage.decided_at.toISOString(), outcome: EligibilityOutcome.parse(triage.outcome) } : null,
    latestRiskAssessment: latestRisk
      ? { id: latestRisk.id, instrumentKey: latestRisk.instrument_key, finalLevel: RiskLevel.parse(latestRisk.final_level), assessedAt: latestRisk.assessed_at.toISOString() }
      : null,
    safetyPlanVersion,
    prompts: riskPrompts({ riskLevel: summary.riskLevel, hasSafetyPlan: safetyPlanVersion !== null, offersCaseConference: row.offers_case_conference, isOpen: isCourseOpen(status) }),
    outcomes: outcomes.map((outcome) => ({
      phase: OutcomePhase.parse(outcome.phase),
      safety: outcome.safety_rating,
      options: outcome.options_rating,
      violenceForms: outcome.violence_forms.map((form) => ViolenceForm.parse(form)),
      sessionId: outcome.session_id,
      recordedAt: outcome.recorded_at.toISOString(),
      recordedBy: { userId: outcome.recorded_by_user_id, displayName: outcome.recorded_by_display_name },
    })),
    closing:
      row.closed_at && row.closing_reason
        ? {
            reason: ClosingReason.parse(row.closing_reason),
            summary: cipher.decryptOptional(row.closing_summary_enc),
            closedAt: row.closed_at.toISOString(),
            closedBy: row.closed_by_user_id ? { userId: row.closed_by_user_id, displayName: row.closed_by_display_name ?? '' } : null,
          }
        : null,
    otherCourses: otherCourses.map((other) => ({
      id: other.id,
      reference: other.reference,
      status: CourseStatus.parse(other.status),
      serviceName: other.service_name,
      openedAt: other.opened_at.toISOString(),
      closedAt: other.closed_at?.toISOString() ?? null,
    })),
    allowedActions: allowedCourseActions(status).filter((action) => canActor(input.actor, permissionOfAction[action])),
  };
  await logCourseReads(db, { actor: input.actor, now, entries: [{ objectType: 'course', objectId: row.id, personId: row.person_id }] });
  return view;
}

export async function getCourse(input: CourseDeps & { actor: Actor; courseId: string }): Promise<Course> {
  const now = input.clock.now();
  const { row, visibility } = await getVisibleCourse(input.db, input.actor, input.courseId, now);
  return buildCourseView(input.db, { cipher: input.cipher, actor: input.actor, row, visibility, now });
}

/** The courses of the actor's services and side, high risk first. Each line shows a label, so each is logged. */
export async function listCourses(input: CourseDeps & { actor: Actor; query: CourseListQuery }): Promise<CourseSummary[]> {
  const now = input.clock.now();
  const visibility = await courseVisibilityOf(input.db, input.actor);
  const rows = await listCourseRows(input.db, { visibility, now, filter: { status: input.query.status, serviceId: input.query.serviceId }, limit: LIST_LIMIT });
  await logCourseReads(input.db, { actor: input.actor, now, action: 'list', entries: rows.map((row) => ({ objectType: 'course', objectId: row.id, personId: row.person_id })) });
  return rows.map((row) => toCourseSummary(row, input.cipher, now));
}

// ---------------------------------------------------------------------------------------------------------------
// Opening

/**
 * Opens a course: from an accepted referral (the referral is handed over in the same transaction, so the referrer
 * sees that help started), or directly for a self-referral, walk-in or phone contact (anonymous is fine).
 *
 * @idempotent Keyed by the client's Idempotency-Key per user (platform/idempotency.ts): a retry replays the first
 * response and opens nothing.
 */
export async function openCourse(input: CourseDeps & { liveUpdates: LiveUpdates; actor: Actor; request: OpenCourseRequest; idempotencyKey: string }) {
  const outcome = await runIdempotently({
    db: input.db,
    clock: input.clock,
    cipher: input.cipher,
    userId: input.actor.userId,
    key: input.idempotencyKey,
    requestHash: hashIdempotentRequest({ operation: 'course.open', body: input.request }),
    statusCode: 201,
    execute: (trx) => insertNewCourse({ ...input, trx }),
    serialize: (result) => JSON.stringify(Course.parse(result.view)),
  });
  if (!outcome.isReplay && outcome.result.handedOverReferral) await publishReferralChanges(input.liveUpdates, [outcome.result.handedOverReferral]);
  return { statusCode: outcome.statusCode, body: outcome.body, isReplay: outcome.isReplay };
}

type NewCourseParts = {
  serviceId: string;
  personId: string;
  personRole: 'exposed' | 'uses_violence' | 'relative';
  referralId: string | null;
  isAnonymous: boolean;
  clientLabel: string;
  addressProtection: AddressProtection;
  safeContact: ReturnType<typeof safeContactFromInput>;
};

async function insertNewCourse(input: CourseDeps & { trx: Transaction<Database>; actor: Actor; request: OpenCourseRequest }) {
  const { trx, actor, request, cipher } = input;
  const now = input.clock.now();
  const visibility = await courseVisibilityOf(trx, actor);
  let handedOverReferral: { serviceId: string; referralId: string } | null = null;
  let parts: NewCourseParts;

  if (request.origin === 'referral') {
    const record = await getRecord(trx, request.referralId, receiverVisibility(actor), true);
    const referralRole = PersonRole.parse(record.person_role);
    const personRole = courseRoleFromReferralRole(referralRole) ?? request.personRole;
    if (!personRole) throw courseProblem.invalid('body.personRole', 'required_for_a_person_referred_as_both');
    if (referralRole !== 'both' && request.personRole !== undefined && request.personRole !== personRole) throw courseProblem.invalid('body.personRole', 'differs_from_referral');
    if (isConsentWithdrawn(record)) throw new AppError('consent_withdrawn');
    await assertCanHoldCourse(trx, { actor, visibility, serviceId: record.service_id, side: sideOfCourseRole(personRole) });
    const categories = visibleCategoriesOf(record);
    const referredName = categories.has('identity') ? cipher.decrypt(record.person_full_name_enc) : undefined;
    const clientLabel = request.clientLabel ?? referredName;
    if (!clientLabel) throw courseProblem.invalid('body.clientLabel', 'required_without_identity_consent');
    // Hand-over needs an accepted referral with first contact; the domain refuses it otherwise (409).
    await applyReferralTransition({ trx, clock: input.clock, record, action: { type: 'hand_over' }, side: 'receiver', actor });
    handedOverReferral = { serviceId: record.service_id, referralId: record.id };
    parts = {
      serviceId: record.service_id,
      personId: record.person_id,
      personRole,
      referralId: record.id,
      isAnonymous: referredName === undefined,
      clientLabel,
      addressProtection: categories.has('identity') ? (record.person_address_protection as AddressProtection) : 'unknown',
      safeContact: request.safeContact
        ? safeContactFromInput(request.safeContact)
        : categories.has('contact')
          ? safeContactFromReferral({
              phone: cipher.decryptOptional(record.phone_enc),
              isSafeToCall: YesNoUnknown.parse(record.is_safe_to_call),
              smsAllowed: YesNoUnknown.parse(record.sms_allowed),
              voicemailAllowed: YesNoUnknown.parse(record.voicemail_allowed),
              language: record.language,
            })
          : safeContactFromInput(undefined),
    };
  } else {
    await assertCanHoldCourse(trx, { actor, visibility, serviceId: request.serviceId, side: sideOfCourseRole(request.personRole) });
    if ((request.person === undefined) === (request.personId === undefined)) throw courseProblem.invalid('body.person', 'give_either_person_or_personId');
    let personId = request.personId;
    let clientLabel: string;
    let isAnonymous: boolean;
    let addressProtection: AddressProtection;
    if (personId !== undefined) {
      // A returning person: only one this caller already holds a course for (on the same side, at their services).
      const previousRow = await findLatestCourseOfPerson(trx, { personId, visibility });
      if (!previousRow) throw new AppError('not_found');
      clientLabel = cipher.decrypt(previousRow.client_label_enc);
      isAnonymous = previousRow.is_anonymous;
      addressProtection = previousRow.address_protection as AddressProtection;
    } else {
      const person = request.person!;
      if (person.isAnonymous && person.cpr) throw courseProblem.invalid('body.person.cpr', 'not_for_anonymous_contacts');
      personId = await createPerson({ trx, cipher, createdByOrganisationId: actor.organisationId, person: { ...person, fullName: person.label }, now });
      clientLabel = person.label;
      isAnonymous = person.isAnonymous;
      addressProtection = person.addressProtection;
    }
    parts = { serviceId: request.serviceId, personId, personRole: request.personRole, referralId: null, isAnonymous, clientLabel, addressProtection, safeContact: safeContactFromInput(request.safeContact) };
  }

  const counsellorUserId = request.counsellorUserId ?? (actor.role === 'counsellor' ? actor.userId : null);
  if (counsellorUserId !== null && !(await isCounsellorOfService(trx, { serviceId: parts.serviceId, userId: counsellorUserId }))) {
    throw courseProblem.invalid('body.counsellorUserId', 'not_a_counsellor_of_the_service');
  }
  const template = (await findCourseTemplate(trx, parts.serviceId)) ?? defaultTemplate;
  const courseId = await insertCourse(trx, {
    person_id: parts.personId,
    service_id: parts.serviceId,
    organisation_id: actor.organisationId,
    side: sideOfCourseRole(parts.personRole),
    person_role: parts.personRole,
    origin: request.origin,
    referral_id: parts.referralId,
    is_anonymous: parts.isAnonymous,
    client_label_enc: cipher.encrypt(parts.clientLabel),
    address_protection: parts.addressProtection,
    safe_contact_enc: sealSafeContact(cipher, parts.safeContact),
    status: 'triage',
    counsellor_user_id: counsellorUserId,
    planned_sessions: template.planned_sessions,
    session_modes: template.session_modes,
    focus: template.focus,
    contact_interval_days: template.contact_interval_days,
    high_risk_contact_interval_days: template.high_risk_contact_interval_days,
    offers_case_conference: template.offers_case_conference,
    risk_level: null,
    opened_by_user_id: actor.userId,
    opened_at: now,
    created_at: now,
    updated_at: now,
  });
  await auditCourse(trx, {
    actor,
    now,
    action: 'course.open',
    courseId,
    details: { serviceId: parts.serviceId, personId: parts.personId, origin: request.origin, side: sideOfCourseRole(parts.personRole), referralId: parts.referralId, isAnonymous: parts.isAnonymous, counsellorUserId },
  });
  const row = await findCourseRow(trx, { courseId, visibility, now });
  if (!row) throw new Error('opened course not visible to its opener');
  return { view: await buildCourseView(trx, { cipher, actor, row, visibility, now }), handedOverReferral };
}

/** The service is the actor's (assigned), on a side the actor works and the service holds. */
async function assertCanHoldCourse(db: Db, input: { actor: Actor; visibility: CourseVisibility; serviceId: string; side: 'victim' | 'perpetrator' }): Promise<void> {
  const service = await findServiceOfOrganisation(db, { serviceId: input.serviceId, organisationId: input.actor.organisationId });
  if (!service || !service.is_active || !canServiceHoldSide(service.service_line as 'victim' | 'perpetrator' | null, input.side)) throw new AppError('service_not_allowed');
  if (!canWorkAt(input.visibility, input.serviceId, input.side)) throw new AppError('forbidden');
}

// ---------------------------------------------------------------------------------------------------------------
// Changes to the course as a whole

export async function assignCounsellor(input: CourseDeps & { actor: Actor; courseId: string; counsellorUserId: string | null }): Promise<Course> {
  return withCourseForChange(input, input.actor, input.courseId, 'assign_counsellor', async (trx, row, visibility) => {
    const now = input.clock.now();
    if (input.counsellorUserId !== null && !(await isCounsellorOfService(trx, { serviceId: row.service_id, userId: input.counsellorUserId }))) {
      throw courseProblem.invalid('body.counsellorUserId', 'not_a_counsellor_of_the_service');
    }
    await updateCourse(trx, row.id, { counsellor_user_id: input.counsellorUserId, updated_at: now });
    await auditCourse(trx, { actor: input.actor, now, action: 'course.assign_counsellor', courseId: row.id, details: { fromUserId: row.counsellor_user_id, toUserId: input.counsellorUserId } });
    return rebuild(trx, input, row.id, visibility);
  });
}

export async function updateSafeContact(input: CourseDeps & { actor: Actor; courseId: string; safeContact: CourseSafeContactInput }): Promise<Course> {
  return withCourseForChange(input, input.actor, input.courseId, 'update_safe_contact', async (trx, row, visibility) => {
    const now = input.clock.now();
    await updateCourse(trx, row.id, { safe_contact_enc: sealSafeContact(input.cipher, safeContactFromInput(input.safeContact)), updated_at: now });
    const preferences = input.safeContact.preferences;
    await auditCourse(trx, {
      actor: input.actor,
      now,
      action: 'course.update_safe_contact',
      courseId: row.id,
      details: { sms: preferences.channels.sms, email: preferences.channels.email, hasTimeWindows: preferences.safeTimeWindows !== null, messageContent: preferences.messageContent },
    });
    return rebuild(trx, input, row.id, visibility);
  });
}

/** Changing a protection flag is audited with both values; the flag hides addresses everywhere it is set. */
export async function updateAddressProtection(input: CourseDeps & { actor: Actor; courseId: string; addressProtection: AddressProtection }): Promise<Course> {
  return withCourseForChange(input, input.actor, input.courseId, 'update_safe_contact', async (trx, row, visibility) => {
    const now = input.clock.now();
    await updateCourse(trx, row.id, { address_protection: input.addressProtection, updated_at: now });
    await auditCourse(trx, { actor: input.actor, now, action: 'course.update_protection', courseId: row.id, details: { from: row.address_protection, to: input.addressProtection } });
    return rebuild(trx, input, row.id, visibility);
  });
}

export async function closeCourse(input: CourseDeps & { actor: Actor; courseId: string; request: CloseCourseRequest }): Promise<Course> {
  return withCourseForChange(input, input.actor, input.courseId, 'close', async (trx, row, visibility) => {
    const now = input.clock.now();
    await updateCourse(trx, row.id, {
      status: 'closed',
      closing_reason: input.request.reason,
      closing_summary_enc: input.cipher.encryptOptional(input.request.summary),
      closed_at: now,
      closed_by_user_id: input.actor.userId,
      updated_at: now,
    });
    await auditCourse(trx, { actor: input.actor, now, action: 'course.close', courseId: row.id, details: { fromStatus: row.status, reason: input.request.reason, hasSummary: Boolean(input.request.summary) } });
    return rebuild(trx, input, row.id, visibility);
  });
}

/** Re-reads the course after a change, inside the same transaction, and returns its (logged) view. */
export async function rebuild(trx: Transaction<Database>, input: CourseDeps & { actor: Actor }, courseId: string, visibility: CourseVisibility): Promise<Course> {
  const now = input.clock.now();
  const row = await findCourseRow(trx, { courseId, visibility, now });
  if (!row) throw new AppError('not_found');
  return buildCourseView(trx, { cipher: input.cipher, actor: input.actor, row, visibility, now });
}

/** The services the actor may open courses at: assigned to them, active, and holding a side they work. No personal data. */
export async function listMyCourseServices(input: { db: Kysely<Database>; actor: Actor }): Promise<{ id: string; name: string; serviceLine: 'victim' | 'perpetrator' | null }[]> {
  const visibility = await courseVisibilityOf(input.db, input.actor);
  if (visibility.kind !== 'staff') return [];
  const services = await listServicesOfOrganisation(input.db, input.actor.organisationId);
  return services
    .filter((service) => service.is_active && visibility.serviceIds.includes(service.id))
    .filter((service) => visibility.sides.some((side) => canServiceHoldSide(service.service_line as 'victim' | 'perpetrator' | null, side)))
    .map((service) => ({ id: service.id, name: service.name, serviceLine: service.service_line as 'victim' | 'perpetrator' | null }));
}
