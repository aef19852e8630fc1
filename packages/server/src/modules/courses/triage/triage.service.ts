import {
  CoursePersonRole,
  EligibilityEvaluation,
  EligibilityRules,
  evaluateEligibility,
  isTriageReasonRequired,
  OnwardCategory,
  statusAfterTriage,
  TriageDecision,
  TriageFacts,
  type DecideTriageRequest,
  type TriageEvaluationView,
  type TriageView,
} from '@bro/domain';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { updateCourse } from '../core/course.queries.ts';
import { auditCourse, getVisibleCourse, logCourseReads, withCourseForChange, type CourseDeps } from '../core/course.service.ts';
import { courseProblem } from '../core/course-views.ts';
import { findCurrentRuleSet, insertTriageDecision, listTriageDecisions, type TriageRow } from './triage.queries.ts';

/**
 * Triage: evaluate the service's eligibility rules (current version) against what the counsellor knows, show which
 * rule applies and why, propose accept or onward referral — and record the counsellor's decision and reason.
 */

function rulesOf(rule: { rules: unknown } | undefined): EligibilityRules | null {
  // Stored rules were validated when saved; parsing again guards against a hand-edited row.
  return rule ? EligibilityRules.parse(rule.rules) : null;
}

/** A dry run for the triage page: nothing is stored, nothing personal is read from the database. */
export async function evaluateTriage(input: CourseDeps & { actor: Actor; courseId: string; facts: TriageFacts }): Promise<TriageEvaluationView> {
  const { row } = await getVisibleCourse(input.db, input.actor, input.courseId, input.clock.now());
  const ruleSet = await findCurrentRuleSet(input.db, row.service_id);
  return { ruleSetVersion: ruleSet?.version ?? null, evaluation: evaluateEligibility(rulesOf(ruleSet), { ...input.facts, role: CoursePersonRole.parse(row.person_role) }) };
}

/**
 * Records the decision. The rules are evaluated again here (never trusted from the client), and the decision moves
 * the course on: accept → active, onward referral → bridging. Going against the proposal needs a reason.
 */
export async function decideTriage(input: CourseDeps & { actor: Actor; courseId: string; request: DecideTriageRequest }): Promise<TriageView> {
  return withCourseForChange(input, input.actor, input.courseId, 'triage', async (trx, row) => {
    const now = input.clock.now();
    const { request } = input;
    const ruleSet = await findCurrentRuleSet(trx, row.service_id);
    const evaluation = evaluateEligibility(rulesOf(ruleSet), { ...request.facts, role: CoursePersonRole.parse(row.person_role) });
    if (isTriageReasonRequired(evaluation.proposal, request.decision) && !request.reason) throw courseProblem.invalid('body.reason', 'required_when_deciding_against_the_proposal');
    const onwardCategory = request.decision === 'refer_onward' ? (request.onwardCategory ?? evaluation.onward?.category ?? null) : null;
    if (request.decision === 'refer_onward' && onwardCategory === null) throw courseProblem.invalid('body.onwardCategory', 'required_for_onward_referral');

    const triageId = await insertTriageDecision(trx, {
      course_id: row.id,
      rule_set_id: ruleSet?.id ?? null,
      facts_enc: input.cipher.encrypt(JSON.stringify(request.facts)),
      evaluation_enc: input.cipher.encrypt(JSON.stringify(evaluation)),
      outcome: evaluation.outcome,
      proposal: evaluation.proposal,
      decision: request.decision,
      onward_category: onwardCategory,
      reason_enc: input.cipher.encryptOptional(request.reason),
      decided_by_user_id: input.actor.userId,
      decided_at: now,
    });
    await updateCourse(trx, row.id, { status: statusAfterTriage(request.decision), updated_at: now });
    await auditCourse(trx, {
      actor: input.actor,
      now,
      action: 'course.triage',
      courseId: row.id,
      details: {
        triageId,
        ruleSetVersion: ruleSet?.version ?? null,
        outcome: evaluation.outcome,
        proposal: evaluation.proposal,
        decision: request.decision,
        onwardCategory,
        isAgainstProposal: evaluation.proposal !== request.decision,
      },
    });
    const [decision] = await listTriageDecisions(trx, row.id);
    if (!decision) throw new Error('triage decision not found after insert');
    await logCourseReads(trx, { actor: input.actor, now, entries: [{ objectType: 'course_triage', objectId: triageId, personId: row.person_id }] });
    return toTriageView(decision, input.cipher);
  });
}

export async function listTriage(input: CourseDeps & { actor: Actor; courseId: string }): Promise<TriageView[]> {
  const now = input.clock.now();
  const { row } = await getVisibleCourse(input.db, input.actor, input.courseId, now);
  const decisions = await listTriageDecisions(input.db, row.id);
  await logCourseReads(input.db, { actor: input.actor, now, entries: decisions.map((decision) => ({ objectType: 'course_triage', objectId: decision.id, personId: row.person_id })) });
  return decisions.map((decision) => toTriageView(decision, input.cipher));
}

function toTriageView(row: TriageRow, cipher: FieldCipher): TriageView {
  return {
    id: row.id,
    decidedAt: row.decided_at.toISOString(),
    decidedBy: { userId: row.decided_by_user_id, displayName: row.decided_by_display_name },
    ruleSetVersion: row.rule_set_version,
    facts: TriageFacts.parse(JSON.parse(cipher.decrypt(row.facts_enc))),
    evaluation: EligibilityEvaluation.parse(JSON.parse(cipher.decrypt(row.evaluation_enc))),
    decision: TriageDecision.parse(row.decision),
    reason: cipher.decryptOptional(row.reason_enc),
    onwardCategory: row.onward_category === null ? null : OnwardCategory.parse(row.onward_category),
  };
}
