import {
  allowedCourseActions,
  Attendance,
  ClosingReason,
  countSessions,
  CourseStatus,
  EligibilityOutcome,
  isCourseOpen,
  RiskLevel,
  riskPrompts,
  TriageDecision,
  type AddressProtection,
  type CloseCourseRequest,
  type Course,
  type CourseAction,
  type CourseListQuery,
  type CourseSafeContactInput,
  type CourseSummary,
  type Permission,
} from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db, RowChanges } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { listOutcomes } from '../outcomes/outcome.queries.ts';
import { findLatestRiskAssessment } from '../risk/risk-assessment.queries.ts';
import { findLatestSafetyPlanVersionNumber } from '../safety-plan/safety-plan.queries.ts';
import { listSessionStates } from '../sessions/session.queries.ts';
import { findLatestTriage } from '../triage/triage.queries.ts';
import { canActor, type CourseVisibility } from './course-access.ts';
import { findCourseRow, isCounsellorOfService, listCourseRows, listOtherCoursesOfPerson, updateCourse, type CourseRow } from './course.queries.ts';
import { auditCourse, courseVisibilityOf, getVisibleCourse, logCourseReads, withCourseForChange, type CourseDeps } from './course.service.ts';
import { courseProblem, courseTermsOf, openFromReferral, openSafeContact, safeContactFromInput, sealSafeContact, statusOf, toCourseSummary, toOutcomeView } from './course-views.ts';

/**
 * The course record as a whole: its full view (a summary of every step), the list of courses, and the changes that
 * concern the whole course — its counsellor, safe contact, address protection, and closing it.
 */

const LIST_LIMIT = 500;

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
    fromReferral: openFromReferral(cipher, row.referral_facts_enc),
    riskLevelSource: latestRisk ? 'assessment' : summary.riskLevel !== null ? 'referral' : null,
    safetyPlanVersion,
    prompts: riskPrompts({ riskLevel: summary.riskLevel, hasSafetyPlan: safetyPlanVersion !== null, offersCaseConference: row.offers_case_conference, isOpen: isCourseOpen(status) }),
    outcomes: outcomes.map(toOutcomeView),
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
// Changes to the course as a whole

type CourseChange = { changes: RowChanges<'courses'>; audit: { action: string; details: Record<string, string | number | boolean | null> } };

/**
 * A change to the course as a whole, in one transaction on the locked course: `decide` checks what it must (and may
 * refuse), then the row is updated and audited, and the answer is the course's (logged) view.
 */
async function changeCourse(input: CourseDeps & { actor: Actor; courseId: string }, action: CourseAction, decide: (trx: Transaction<Database>, row: CourseRow, now: Date) => Promise<CourseChange>): Promise<Course> {
  return withCourseForChange(input, input.actor, input.courseId, action, async (trx, row, visibility) => {
    const now = input.clock.now();
    const { changes, audit } = await decide(trx, row, now);
    await updateCourse(trx, row.id, { ...changes, updated_at: now });
    await auditCourse(trx, { actor: input.actor, now, action: audit.action, courseId: row.id, details: audit.details });
    return rebuild(trx, input, row.id, visibility);
  });
}

export async function assignCounsellor(input: CourseDeps & { actor: Actor; courseId: string; counsellorUserId: string | null }): Promise<Course> {
  return changeCourse(input, 'assign_counsellor', async (trx, row) => {
    if (input.counsellorUserId !== null && !(await isCounsellorOfService(trx, { serviceId: row.service_id, userId: input.counsellorUserId }))) {
      throw courseProblem.invalid('body.counsellorUserId', 'not_a_counsellor_of_the_service');
    }
    return { changes: { counsellor_user_id: input.counsellorUserId }, audit: { action: 'course.assign_counsellor', details: { fromUserId: row.counsellor_user_id, toUserId: input.counsellorUserId } } };
  });
}

export async function updateSafeContact(input: CourseDeps & { actor: Actor; courseId: string; safeContact: CourseSafeContactInput }): Promise<Course> {
  return changeCourse(input, 'update_safe_contact', async () => {
    const { preferences } = input.safeContact;
    return {
      changes: { safe_contact_enc: sealSafeContact(input.cipher, safeContactFromInput(input.safeContact)) },
      audit: {
        action: 'course.update_safe_contact',
        details: { sms: preferences.channels.sms, email: preferences.channels.email, hasTimeWindows: preferences.safeTimeWindows !== null, messageContent: preferences.messageContent },
      },
    };
  });
}

/** Changing a protection flag is audited with both values; the flag hides addresses everywhere it is set. */
export async function updateAddressProtection(input: CourseDeps & { actor: Actor; courseId: string; addressProtection: AddressProtection }): Promise<Course> {
  return changeCourse(input, 'update_safe_contact', async (_trx, row) => ({
    changes: { address_protection: input.addressProtection },
    audit: { action: 'course.update_protection', details: { from: row.address_protection, to: input.addressProtection } },
  }));
}

export async function closeCourse(input: CourseDeps & { actor: Actor; courseId: string; request: CloseCourseRequest }): Promise<Course> {
  const { reason, summary } = input.request;
  return changeCourse(input, 'close', async (_trx, row, now) => ({
    changes: { status: 'closed', closing_reason: reason, closing_summary_enc: input.cipher.encryptOptional(summary), closed_at: now, closed_by_user_id: input.actor.userId },
    audit: { action: 'course.close', details: { fromStatus: row.status, reason, hasSummary: Boolean(summary) } },
  }));
}

/** Re-reads the course after a change, inside the same transaction, and returns its (logged) view. */
async function rebuild(trx: Transaction<Database>, input: CourseDeps & { actor: Actor }, courseId: string, visibility: CourseVisibility): Promise<Course> {
  const now = input.clock.now();
  const row = await findCourseRow(trx, { courseId, visibility, now });
  if (!row) throw new AppError('not_found');
  return buildCourseView(trx, { cipher: input.cipher, actor: input.actor, row, visibility, now });
}
