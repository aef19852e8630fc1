import { z } from 'zod';
import { text } from '../common/text.ts';

/**
 * The vocabulary of counselling courses (forløb), shared by the rule language, the instruments and the API.
 * Danish terms: docs/glossary.md.
 */

/** open → triage → active | bridging → closed. See course-status.ts. */
export const CourseStatus = z.enum(['triage', 'active', 'bridging', 'closed']);
export type CourseStatus = z.infer<typeof CourseStatus>;

/** How the person came: a consented referral, on their own initiative, in person, or by phone. */
export const CourseOrigin = z.enum(['referral', 'self_referral', 'walk_in', 'phone']);
export type CourseOrigin = z.infer<typeof CourseOrigin>;

/**
 * The person's role in this course. A person can be exposed in one course and use violence in another; a
 * relative (pårørende) is counselled on the victim side.
 */
export const CoursePersonRole = z.enum(['exposed', 'uses_violence', 'relative']);
export type CoursePersonRole = z.infer<typeof CoursePersonRole>;

export const SessionMode = z.enum(['in_person', 'phone', 'video']);
export type SessionMode = z.infer<typeof SessionMode>;

/** Attendance of one session. `planned` until it is recorded. */
export const Attendance = z.enum(['planned', 'attended', 'cancelled_by_person', 'cancelled_by_service', 'no_show']);
export type Attendance = z.infer<typeof Attendance>;

/** `service_ended`: closed because its service (or programme) ended; only that use case sets it, never the close form. */
export const ClosingReason = z.enum(['completed', 'bridged_onward', 'dropped_out', 'not_reached', 'moved_away', 'other', 'service_ended']);
export type ClosingReason = z.infer<typeof ClosingReason>;

/** The reasons staff may choose when they close a course themselves. */
export const StaffClosingReason = ClosingReason.exclude(['service_ended']);
export type StaffClosingReason = z.infer<typeof StaffClosingReason>;

/** Forms of violence (straffeloven § 243 makes psychological violence, and with it negative social control, first-class). */
export const ViolenceForm = z.enum(['physical', 'psychological', 'sexual', 'economic', 'digital', 'stalking', 'negative_social_control']);
export type ViolenceForm = z.infer<typeof ViolenceForm>;

/** What a service's courses concentrate on (Interventionscenter: afklaring and brobygning). */
export const CourseFocus = z.enum(['clarification', 'bridging', 'safety_planning', 'counselling', 'treatment', 'legal_counselling', 'social_counselling']);
export type CourseFocus = z.infer<typeof CourseFocus>;

/** Where an onward referral (brobygning) goes, by kind of help. */
export const OnwardCategory = z.enum([
  'shelter',
  'outpatient_counselling',
  'legal_counselling',
  'municipality',
  'psychiatry',
  'substance_abuse_treatment',
  'specialised_service',
  'perpetrator_programme',
  'other',
]);
export type OnwardCategory = z.infer<typeof OnwardCategory>;

/** A shelter stay's legal basis: crisis centre (§ 109) or hostel (§ 110). Rights differ, so it is data. */
export const ShelterLegalBasis = z.enum(['sel_109', 'sel_110']);
export type ShelterLegalBasis = z.infer<typeof ShelterLegalBasis>;

/** Outcome ratings are taken at the first and at the last session. */
export const OutcomePhase = z.enum(['first', 'last']);
export type OutcomePhase = z.infer<typeof OutcomePhase>;

export const TriageDecision = z.enum(['accept', 'refer_onward']);
export type TriageDecision = z.infer<typeof TriageDecision>;

/** Text a service shows in both UI languages. */
/** Configuration text in both languages (a title, a label, a help text); may span lines. */
export const LocalisedText = z.strictObject({ da: text({ max: 1000, multiline: true }).min(1), en: text({ max: 1000, multiline: true }).min(1) });
export type LocalisedText = z.infer<typeof LocalisedText>;

/** Identifiers inside versioned data (rule ids, checklist items, judgement factors): stable, readable, no spaces. */
export const DataId = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, { message: 'id_format' });
