import { z } from 'zod';
import { name, text as checkedText } from '../common/text.ts';
import { ServiceLine } from '../identity/access.ts';
import { AddressProtection, ConsentInput, Cpr, Gender, ReferralForReferrer, RiskLevel, YesNoUnknown } from '../referral/Referral.ts';
import { CourseAction } from './course-status.ts';
import {
  Attendance,
  ClosingReason,
  CourseFocus,
  CourseOrigin,
  CoursePersonRole,
  CourseStatus,
  OnwardCategory,
  OutcomePhase,
  SessionMode,
  ShelterLegalBasis,
  StaffClosingReason,
  TriageDecision,
  ViolenceForm,
} from './course-terms.ts';
import { EligibilityEvaluation, TriageFacts } from './eligibility.ts';
import { ChecklistAnswers, InstrumentKey, InstrumentVersion, RiskInstrument, StructuredJudgementAnswers } from './risk-instrument.ts';
import { ReminderChannel, ReminderSkipReason, SafeContactPreferences } from './reminders.ts';
import { SafetyPlanContent } from './safety-plan.ts';

/** The counselling-course API: requests (strict) and views. One schema per boundary, used by server and web. */

const Uuid = z.uuid();
const DateTime = z.iso.datetime({ offset: true });
const LocalDate = z.iso.date();
/** A label, a place: one line. */
const line = (max: number) => checkedText({ max }).min(1);
/** A name or a pseudonym: one line, no zero-width characters. */
const nameText = (max: number) => name({ max }).min(1);
/** A note, a reason, a summary: paragraphs. */
const paragraphs = (max: number) => checkedText({ max, multiline: true }).min(1);

// ---------------------------------------------------------------------------------------------------------------
// Opening a course

/** Where and when the person may be contacted. Phone and e-mail are stored encrypted, like the preferences. */
export const CourseSafeContactInput = z.strictObject({
  phone: z.string().trim().regex(/^\+?[0-9 ]{3,20}$/, { message: 'phone_format' }).nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  preferences: SafeContactPreferences,
});
export type CourseSafeContactInput = z.infer<typeof CourseSafeContactInput>;

/** A person met directly. Anonymous contacts are first-class: a pseudonym is enough, no name or CPR. */
export const CoursePersonInput = z.strictObject({
  /** The person's name, or a pseudonym when anonymous. */
  label: nameText(200),
  isAnonymous: z.boolean(),
  cpr: Cpr.optional(),
  gender: Gender.default('unknown'),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  addressProtection: AddressProtection.default('unknown'),
});
export type CoursePersonInput = z.infer<typeof CoursePersonInput>;

const OpenFromReferral = z.strictObject({
  origin: z.literal('referral'),
  referralId: Uuid,
  /** Needed only when the person was referred as both exposed and using violence: the course holds one side. */
  personRole: CoursePersonRole.optional(),
  /** Defaults to the referred name when the consent covers identity; otherwise required (a pseudonym will do). */
  clientLabel: nameText(200).optional(),
  safeContact: CourseSafeContactInput.optional(),
  counsellorUserId: Uuid.optional(),
});

const OpenDirectly = z.strictObject({
  origin: z.enum(['self_referral', 'walk_in', 'phone']),
  serviceId: Uuid,
  personRole: CoursePersonRole,
  /** Exactly one: a new person, or one this service already holds a course for (a returning person). */
  person: CoursePersonInput.optional(),
  personId: Uuid.optional(),
  safeContact: CourseSafeContactInput.optional(),
  counsellorUserId: Uuid.optional(),
});

export const OpenCourseRequest = z.discriminatedUnion('origin', [OpenFromReferral, OpenDirectly]);
export type OpenCourseRequest = z.infer<typeof OpenCourseRequest>;

export const AssignCounsellorRequest = z.strictObject({ counsellorUserId: Uuid.nullable() });
export type AssignCounsellorRequest = z.infer<typeof AssignCounsellorRequest>;

export const UpdateProtectionRequest = z.strictObject({ addressProtection: AddressProtection });
export type UpdateProtectionRequest = z.infer<typeof UpdateProtectionRequest>;

// ---------------------------------------------------------------------------------------------------------------
// Views

export const StaffRef = z.object({ userId: z.string(), displayName: z.string() });
export type StaffRef = z.infer<typeof StaffRef>;

export const SessionCountsView = z.object({
  planned: z.number().int(),
  used: z.number().int(),
  remaining: z.number().int(),
  scheduled: z.number().int(),
  cancelled: z.number().int(),
  noShows: z.number().int(),
});

/** One line in a list: a label (name or pseudonym) but no contact details, notes or assessments. */
export const CourseSummary = z.object({
  id: z.string(),
  reference: z.string(),
  status: CourseStatus,
  side: ServiceLine,
  personRole: CoursePersonRole,
  origin: CourseOrigin,
  clientLabel: z.string(),
  isAnonymous: z.boolean(),
  serviceId: z.string(),
  serviceName: z.string(),
  counsellor: StaffRef.nullable(),
  riskLevel: RiskLevel.nullable(),
  isHighRisk: z.boolean(),
  openedAt: DateTime,
  closedAt: DateTime.nullable(),
  sessionsUsed: z.number().int(),
  plannedSessions: z.number().int(),
  nextSessionAt: DateTime.nullable(),
  lastContactAt: DateTime,
  nextContactDueAt: DateTime,
  isContactOverdue: z.boolean(),
});
export type CourseSummary = z.infer<typeof CourseSummary>;

export const CourseSafeContactView = z.object({
  phone: z.string().nullable(),
  email: z.string().nullable(),
  preferences: SafeContactPreferences,
});

export const OutcomeView = z.object({
  phase: OutcomePhase,
  safety: z.number().int(),
  options: z.number().int(),
  violenceForms: z.array(ViolenceForm),
  sessionId: z.string().nullable(),
  recordedAt: DateTime,
  recordedBy: StaffRef,
});
export type OutcomeView = z.infer<typeof OutcomeView>;

/**
 * What the referral the course was opened from already said, kept with the course so nobody asks the person
 * again: triage starts from it (each value marked "from the referral"), and the course starts at its risk level.
 * Each value only when the referral's consent let it through to the receiver (else null / unknown).
 */
export const CourseFromReferral = z.object({
  gender: Gender,
  birthYear: z.number().int().nullable(),
  childrenInHome: YesNoUnknown.nullable(),
  /** The referrer's rating: the course's starting level until the service makes its own assessment. */
  riskLevel: RiskLevel,
  /** The safe times in the referrer's words ("hverdage 9-15"); the course reads windows from them when it can. */
  safeTimes: z.string().nullable(),
});
export type CourseFromReferral = z.infer<typeof CourseFromReferral>;

/** The course as its own service's staff see it. Never shown to any other organisation, nor across sides. */
export const Course = CourseSummary.extend({
  personId: z.string(),
  addressProtection: AddressProtection,
  referral: z.object({ id: z.string(), reference: z.string() }).nullable(),
  focus: z.array(CourseFocus),
  sessionModes: z.array(SessionMode),
  sessions: SessionCountsView,
  safeContact: CourseSafeContactView,
  triage: z.object({ decision: TriageDecision, decidedAt: DateTime, outcome: EligibilityEvaluation.shape.outcome }).nullable(),
  latestRiskAssessment: z.object({ id: z.string(), instrumentKey: z.string(), finalLevel: RiskLevel, assessedAt: DateTime }).nullable(),
  fromReferral: CourseFromReferral.nullable(),
  /** Where `riskLevel` comes from: the service's own assessment, or (until there is one) the referral. */
  riskLevelSource: z.enum(['assessment', 'referral']).nullable(),
  safetyPlanVersion: z.number().int().nullable(),
  /** A high level prompts a safety plan and, where the service offers it, a multi-agency case conference. */
  prompts: z.object({ safetyPlan: z.boolean(), caseConference: z.boolean() }),
  outcomes: z.array(OutcomeView),
  closing: z.object({ reason: ClosingReason, summary: z.string().nullable(), closedAt: DateTime, closedBy: StaffRef.nullable() }).nullable(),
  /** The person's other courses at this service's organisation (same side): their history here. */
  otherCourses: z.array(z.object({ id: z.string(), reference: z.string(), status: CourseStatus, serviceName: z.string(), openedAt: DateTime, closedAt: DateTime.nullable() })),
  allowedActions: z.array(CourseAction),
});
export type Course = z.infer<typeof Course>;

export const CourseListQuery = z.strictObject({
  status: z.enum(['open', 'closed', 'all']).default('open'),
  serviceId: Uuid.optional(),
});
export type CourseListQuery = z.infer<typeof CourseListQuery>;
export type CourseListStatus = CourseListQuery['status'];

/** A service the signed-in user may open courses at: their service assignments, on the sides they work. */
export const CourseServiceOption = z.object({ id: z.string(), name: z.string(), serviceLine: ServiceLine.nullable() });
export type CourseServiceOption = z.infer<typeof CourseServiceOption>;

// ---------------------------------------------------------------------------------------------------------------
// Triage

export const EvaluateTriageRequest = z.strictObject({ facts: TriageFacts });
export type EvaluateTriageRequest = z.infer<typeof EvaluateTriageRequest>;

export const TriageEvaluationView = z.object({ ruleSetVersion: z.number().int().nullable(), evaluation: EligibilityEvaluation });
export type TriageEvaluationView = z.infer<typeof TriageEvaluationView>;

export const DecideTriageRequest = z.strictObject({
  facts: TriageFacts,
  decision: TriageDecision,
  /** Required when the decision goes against the proposal or the rules could not decide. */
  reason: paragraphs(2000).optional(),
  /** For an onward decision: the kind of help, when it differs from the rules' proposal. */
  onwardCategory: OnwardCategory.optional(),
});
export type DecideTriageRequest = z.infer<typeof DecideTriageRequest>;

export const TriageView = z.object({
  id: z.string(),
  decidedAt: DateTime,
  decidedBy: StaffRef,
  ruleSetVersion: z.number().int().nullable(),
  facts: TriageFacts,
  evaluation: EligibilityEvaluation,
  decision: TriageDecision,
  reason: z.string().nullable(),
  onwardCategory: OnwardCategory.nullable(),
});
export type TriageView = z.infer<typeof TriageView>;

// ---------------------------------------------------------------------------------------------------------------
// Risk assessment

export const RecordRiskAssessmentRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('checklist'),
    instrumentKey: InstrumentKey,
    instrumentVersion: InstrumentVersion,
    answers: ChecklistAnswers,
    /** Professional judgement: may raise the band (with a reason), never lower it. */
    judgedLevel: RiskLevel.optional(),
    judgementReason: paragraphs(2000).optional(),
  }),
  z.strictObject({ kind: z.literal('structured_judgement'), instrumentKey: InstrumentKey, instrumentVersion: InstrumentVersion, answers: StructuredJudgementAnswers }),
]);
export type RecordRiskAssessmentRequest = z.infer<typeof RecordRiskAssessmentRequest>;

export const RiskAssessmentView = z.object({
  id: z.string(),
  kind: z.enum(['checklist', 'structured_judgement']),
  instrumentKey: z.string(),
  instrumentVersion: z.number().int(),
  assessedAt: DateTime,
  assessedBy: StaffRef,
  /** The checklist's band; null for a structured judgement (it has no score). */
  computedLevel: RiskLevel.nullable(),
  finalLevel: RiskLevel,
  isRaisedByJudgement: z.boolean(),
  judgementReason: z.string().nullable(),
  yesCount: z.number().int().nullable(),
  unknownCount: z.number().int().nullable(),
  checklistAnswers: ChecklistAnswers.nullable(),
  judgementAnswers: StructuredJudgementAnswers.nullable(),
});
export type RiskAssessmentView = z.infer<typeof RiskAssessmentView>;

export const RiskInstrumentView = z.object({ id: z.string(), publishedAt: DateTime, definition: RiskInstrument });
export type RiskInstrumentView = z.infer<typeof RiskInstrumentView>;

// ---------------------------------------------------------------------------------------------------------------
// Sessions

export const PlanSessionRequest = z.strictObject({
  plannedAt: DateTime,
  durationMinutes: z.number().int().min(15).max(480).default(60),
  mode: SessionMode,
  /** A place, a phone arrangement or a video link. Stored encrypted. */
  location: line(300).optional(),
});
export type PlanSessionRequest = z.infer<typeof PlanSessionRequest>;

export const RescheduleSessionRequest = z.strictObject({
  plannedAt: DateTime.optional(),
  durationMinutes: z.number().int().min(15).max(480).optional(),
  mode: SessionMode.optional(),
  location: line(300).nullable().optional(),
});
export type RescheduleSessionRequest = z.infer<typeof RescheduleSessionRequest>;

export const RecordAttendanceRequest = z.strictObject({ attendance: Attendance.exclude(['planned']) });
export type RecordAttendanceRequest = z.infer<typeof RecordAttendanceRequest>;

export const SessionNoteRequest = z.strictObject({ note: paragraphs(8000) });
export type SessionNoteRequest = z.infer<typeof SessionNoteRequest>;

export const SessionView = z.object({
  id: z.string(),
  plannedAt: DateTime,
  durationMinutes: z.number().int(),
  mode: SessionMode,
  location: z.string().nullable(),
  attendance: Attendance,
  note: z.string().nullable(),
  reminder: z.object({ sentAt: DateTime.nullable(), channel: ReminderChannel.nullable(), lastSkipReason: ReminderSkipReason.nullable() }),
  createdAt: DateTime,
});
export type SessionView = z.infer<typeof SessionView>;

export const SessionList = z.object({ counts: SessionCountsView, sessions: z.array(SessionView) });
export type SessionList = z.infer<typeof SessionList>;

// ---------------------------------------------------------------------------------------------------------------
// Safety plan

export const SaveSafetyPlanRequest = z.strictObject({
  content: SafetyPlanContent,
  /** The version the edit started from (null for the first). A stale version answers 409: someone saved meanwhile. */
  basedOnVersion: z.number().int().min(1).nullable(),
});
export type SaveSafetyPlanRequest = z.infer<typeof SaveSafetyPlanRequest>;

export const SafetyPlanVersionView = z.object({ version: z.number().int(), createdAt: DateTime, createdBy: StaffRef, content: SafetyPlanContent });
export type SafetyPlanVersionView = z.infer<typeof SafetyPlanVersionView>;

export const SafetyPlanView = z.object({
  current: SafetyPlanVersionView.nullable(),
  versions: z.array(z.object({ version: z.number().int(), createdAt: DateTime, createdBy: StaffRef })),
});
export type SafetyPlanView = z.infer<typeof SafetyPlanView>;

/** A save's answer: the plan, and whether the save changed nothing (then no new version was made). */
export const SavedSafetyPlan = SafetyPlanView.extend({ isUnchanged: z.boolean() });
export type SavedSafetyPlan = z.infer<typeof SavedSafetyPlan>;

// ---------------------------------------------------------------------------------------------------------------
// Bridging: onward referrals, shelter stays, notifications about children

export const CreateOnwardReferralRequest = z.strictObject({
  serviceId: Uuid,
  /** A new consent, to the receiving service's organisation. */
  consent: ConsentInput,
  situation: paragraphs(4000).optional(),
  childrenInHome: YesNoUnknown,
  note: paragraphs(2000).optional(),
});
export type CreateOnwardReferralRequest = z.infer<typeof CreateOnwardReferralRequest>;

export const OnwardServiceOption = z.object({ id: z.string(), name: z.string(), organisationId: z.string(), organisationName: z.string(), organisationKind: z.string() });
export type OnwardServiceOption = z.infer<typeof OnwardServiceOption>;

/** A stay records where and on what basis — never the shelter's address. */
export const RecordShelterStayRequest = z.strictObject({
  /** A shelter on Bro, or `shelterName` for one that is not. Exactly one. */
  shelterOrganisationId: Uuid.optional(),
  shelterName: nameText(200).optional(),
  legalBasis: ShelterLegalBasis,
  admittedOn: LocalDate,
  dischargedOn: LocalDate.optional(),
  onwardReferralId: Uuid.optional(),
});
export type RecordShelterStayRequest = z.infer<typeof RecordShelterStayRequest>;

export const UpdateShelterStayRequest = z.strictObject({ dischargedOn: LocalDate.nullable() });
export type UpdateShelterStayRequest = z.infer<typeof UpdateShelterStayRequest>;

export const ShelterStayView = z.object({
  id: z.string(),
  shelterOrganisationId: z.string().nullable(),
  shelterName: z.string(),
  legalBasis: ShelterLegalBasis,
  admittedOn: LocalDate,
  dischargedOn: LocalDate.nullable(),
  onwardReferralId: z.string().nullable(),
  recordedAt: DateTime,
  recordedBy: StaffRef,
});
export type ShelterStayView = z.infer<typeof ShelterStayView>;

/** An underretning (Barnets Lov § 133): who sent it, when, to which municipality, and the receipt. */
export const RecordUnderretningRequest = z.strictObject({
  municipalityCode: z.string().regex(/^[0-9]{3}$/, { message: 'municipality_code_format' }),
  sentAt: DateTime,
  note: paragraphs(2000).optional(),
});
export type RecordUnderretningRequest = z.infer<typeof RecordUnderretningRequest>;

export const RecordUnderretningReceiptRequest = z.strictObject({ receiptReceivedAt: DateTime });
export type RecordUnderretningReceiptRequest = z.infer<typeof RecordUnderretningReceiptRequest>;

export const UnderretningView = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  sentAt: DateTime,
  sentBy: StaffRef,
  receiptReceivedAt: DateTime.nullable(),
  note: z.string().nullable(),
  recordedAt: DateTime,
});
export type UnderretningView = z.infer<typeof UnderretningView>;

export const BridgingView = z.object({
  onwardReferrals: z.array(ReferralForReferrer),
  shelterStays: z.array(ShelterStayView),
  underretninger: z.array(UnderretningView),
});
export type BridgingView = z.infer<typeof BridgingView>;

// ---------------------------------------------------------------------------------------------------------------
// Outcomes and closing

export const RecordOutcomeRequest = z.strictObject({
  /** Sense of safety (tryghed), 0–10, the person's own rating. */
  safety: z.number().int().min(0).max(10),
  /** Options for action (handlemuligheder), 0–10, the person's own rating. */
  options: z.number().int().min(0).max(10),
  violenceForms: z.array(ViolenceForm).max(ViolenceForm.options.length),
  sessionId: Uuid.optional(),
});
export type RecordOutcomeRequest = z.infer<typeof RecordOutcomeRequest>;

export const OutcomePhaseParams = z.strictObject({ courseId: Uuid, phase: OutcomePhase });

export const CloseCourseRequest = z.strictObject({ reason: StaffClosingReason, summary: paragraphs(8000).optional() });
export type CloseCourseRequest = z.infer<typeof CloseCourseRequest>;

// ---------------------------------------------------------------------------------------------------------------
// Caseload and supervision

export const UpcomingSession = z.object({
  courseId: z.string(),
  courseReference: z.string(),
  clientLabel: z.string(),
  sessionId: z.string(),
  plannedAt: DateTime,
  mode: SessionMode,
  isHighRisk: z.boolean(),
});

export const CaseloadOverview = z.object({
  counsellor: StaffRef,
  /** Open courses, high risk first, then the longest without contact. */
  courses: z.array(CourseSummary),
  upcomingSessions: z.array(UpcomingSession),
  withoutContact: z.array(CourseSummary),
});
export type CaseloadOverview = z.infer<typeof CaseloadOverview>;

export const CounsellorCaseloadSummary = z.object({
  counsellor: StaffRef,
  openCourses: z.number().int(),
  highRiskCourses: z.number().int(),
  coursesWithoutContact: z.number().int(),
});
export type CounsellorCaseloadSummary = z.infer<typeof CounsellorCaseloadSummary>;
