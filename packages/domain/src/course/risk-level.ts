import { z } from 'zod';
import { text } from '../common/text.ts';
import { RiskLevel } from '../referral/Referral.ts';
import { compareRiskLevels, higherRiskLevel } from './risk-instrument.ts';

/**
 * A course's current risk level only goes down on purpose. An assessment can raise it, never lower it: the level is
 * the highest of the course's assessments (and of the referral it came from). A counsellor who finds the risk lower
 * now records a reassessment that lowers it, with a reason; it takes effect only when a supervisor (faglig leder)
 * other than the counsellor confirms it — four eyes on the one change that can get someone killed if it is wrong.
 */

/** The course's level after an assessment: the higher of the two, so a checklist with no "yes" lowers nothing. */
export function courseRiskLevelAfterAssessment(current: RiskLevel | null, assessed: RiskLevel): RiskLevel {
  return current === null ? assessed : higherRiskLevel(current, assessed);
}

export type RiskReductionProblem = 'risk_level_not_set' | 'reduction_must_lower';

/** Why a reduction from the current level to `toLevel` cannot be asked for, if it cannot. */
export function findRiskReductionProblem(current: RiskLevel | null, toLevel: RiskLevel): RiskReductionProblem | undefined {
  if (current === null) return 'risk_level_not_set';
  if (compareRiskLevels(toLevel, current) >= 0) return 'reduction_must_lower';
  return undefined;
}

export const RiskReductionStatus = z.enum(['pending', 'confirmed', 'rejected']);
export type RiskReductionStatus = z.infer<typeof RiskReductionStatus>;

/** A documented reassessment: the level it lowers to and why (what has changed). */
export const RequestRiskReductionRequest = z.strictObject({
  toLevel: RiskLevel,
  reason: text({ max: 4000, multiline: true }).min(10, { message: 'reason_too_short' }),
});
export type RequestRiskReductionRequest = z.infer<typeof RequestRiskReductionRequest>;

/** The supervisor's answer: confirm, or reject with a note to the counsellor. */
export const DecideRiskReductionRequest = z.strictObject({
  decision: z.enum(['confirm', 'reject']),
  note: text({ max: 2000, multiline: true }).optional(),
});
export type DecideRiskReductionRequest = z.infer<typeof DecideRiskReductionRequest>;

const DateTime = z.iso.datetime({ offset: true });
const Person = z.object({ userId: z.string(), displayName: z.string() });

export const RiskReductionView = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  fromLevel: RiskLevel,
  toLevel: RiskLevel,
  reason: z.string(),
  status: RiskReductionStatus,
  requestedAt: DateTime,
  requestedBy: Person,
  decidedAt: DateTime.nullable(),
  decidedBy: Person.nullable(),
  decisionNote: z.string().nullable(),
});
export type RiskReductionView = z.infer<typeof RiskReductionView>;
