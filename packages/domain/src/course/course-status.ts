import { z } from 'zod';
import type { ServiceLine } from '../identity/access.ts';
import type { PersonRole, RiskLevel } from '../referral/Referral.ts';
import type { Attendance, CoursePersonRole, CourseStatus, TriageDecision } from './course-terms.ts';
import type { TriageProposal } from './eligibility.ts';

/**
 * The course (forløb) life cycle, as pure rules used by server and web alike:
 *
 *   opened → triage ─ accept ──────→ active ───┐
 *                  └ refer onward → bridging ─┴→ closed (with a reason)
 *
 * Everything that records work (sessions, assessments, the safety plan, onward referrals, outcomes) needs an open
 * course: once closed, the record is history, and changing it answers 409.
 */

export const CourseAction = z.enum([
  'triage',
  'assign_counsellor',
  'update_safe_contact',
  'plan_session',
  'record_attendance',
  'write_session_note',
  'assess_risk',
  'update_safety_plan',
  'refer_onward',
  'record_shelter_stay',
  'record_underretning',
  'record_outcome',
  'close',
]);
export type CourseAction = z.infer<typeof CourseAction>;

export function isCourseOpen(status: CourseStatus): boolean {
  return status !== 'closed';
}

/** What can be done to a course in this status (permissions aside: the server filters by role). */
export function allowedCourseActions(status: CourseStatus): CourseAction[] {
  if (status === 'closed') return [];
  return CourseAction.options.filter((action) => action !== 'triage' || status === 'triage');
}

export function statusAfterTriage(decision: TriageDecision): CourseStatus {
  return decision === 'accept' ? 'active' : 'bridging';
}

/** A decision that goes against the rules' proposal, or one made while the rules could not decide, needs a reason. */
export function isTriageReasonRequired(proposal: TriageProposal, decision: TriageDecision): boolean {
  return proposal === 'clarify' || proposal !== decision;
}

/** Victim-side and perpetrator-side courses are separate service lines; a relative is supported on the victim side. */
export function sideOfCourseRole(role: CoursePersonRole): ServiceLine {
  return role === 'uses_violence' ? 'perpetrator' : 'victim';
}

/** A service limited to one line holds only that side's courses; a service without a line (the hotline) holds both. */
export function canServiceHoldSide(serviceLine: ServiceLine | null, side: ServiceLine): boolean {
  return serviceLine === null || serviceLine === side;
}

/** From a referral's role; a person referred as both must be split at intake, so the counsellor chooses. */
export function courseRoleFromReferralRole(role: PersonRole): CoursePersonRole | null {
  return role === 'both' ? null : role;
}

/** The role an onward referral carries. A relative is not referred on their own behalf from a course. */
export function referralRoleFromCourseRole(role: CoursePersonRole): PersonRole | null {
  return role === 'relative' ? null : role;
}

export type SessionCounts = { planned: number; used: number; remaining: number; scheduled: number; cancelled: number; noShows: number };

/** "Used" means attended: a cancellation or a no-show does not use up one of the course's sessions. */
export function countSessions(sessions: readonly { attendance: Attendance; plannedAt: Date }[], plannedSessions: number, now: Date): SessionCounts {
  const used = sessions.filter((session) => session.attendance === 'attended').length;
  return {
    planned: plannedSessions,
    used,
    remaining: Math.max(plannedSessions - used, 0),
    scheduled: sessions.filter((session) => session.attendance === 'planned' && session.plannedAt.getTime() > now.getTime()).length,
    cancelled: sessions.filter((session) => session.attendance === 'cancelled_by_person' || session.attendance === 'cancelled_by_service').length,
    noShows: sessions.filter((session) => session.attendance === 'no_show').length,
  };
}

export type ContactPolicy = { contactIntervalDays: number; highRiskContactIntervalDays: number };

/** High risk shortens the time a course may go without contact. */
export function contactIntervalDays(policy: ContactPolicy, riskLevel: RiskLevel | null): number {
  return riskLevel === 'high' ? Math.min(policy.highRiskContactIntervalDays, policy.contactIntervalDays) : policy.contactIntervalDays;
}

export function nextContactDueAt(lastContactAt: Date, policy: ContactPolicy, riskLevel: RiskLevel | null): Date {
  return new Date(lastContactAt.getTime() + contactIntervalDays(policy, riskLevel) * 86_400_000);
}

/** A high level prompts a safety plan, and — where the service offers one — a multi-agency case conference. */
export function riskPrompts(input: { riskLevel: RiskLevel | null; hasSafetyPlan: boolean; offersCaseConference: boolean; isOpen: boolean }): { safetyPlan: boolean; caseConference: boolean } {
  const isHigh = input.isOpen && input.riskLevel === 'high';
  return { safetyPlan: isHigh && !input.hasSafetyPlan, caseConference: isHigh && input.offersCaseConference };
}
