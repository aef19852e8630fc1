import {
  findRiskReductionProblem,
  RiskLevel,
  RiskReductionStatus,
  type DecideRiskReductionRequest,
  type RequestRiskReductionRequest,
  type RiskReductionView,
} from '@bro/domain';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { updateCourse } from '../core/course.queries.ts';
import { auditCourse, courseVisibilityOf, getVisibleCourse, logCourseReads, withCourseForChange, type CourseDeps } from '../core/course.service.ts';
import { courseProblem } from '../core/course-views.ts';
import {
  decideRiskReduction as updateRiskReductionDecision,
  findRiskReduction,
  insertRiskReduction,
  listPendingRiskReductions,
  listRiskReductionsOfCourse,
  type RiskReductionRow,
} from './risk-reduction.queries.ts';

/**
 * Lowering a course's risk level on purpose (issue 12 §3). An assessment never lowers the level; a counsellor who
 * finds the risk lower now records a reassessment with the level and the reason, and it waits, pending, until a
 * supervisor other than the counsellor confirms it (four eyes). Each step is audited in its own transaction.
 */

const PENDING_LIST_LIMIT = 200;

export async function requestRiskReduction(input: CourseDeps & { actor: Actor; courseId: string; request: RequestRiskReductionRequest }): Promise<RiskReductionView> {
  return withCourseForChange(input, input.actor, input.courseId, 'assess_risk', async (trx, row) => {
    const now = input.clock.now();
    const current = row.risk_level === null ? null : RiskLevel.parse(row.risk_level);
    const problem = findRiskReductionProblem(current, input.request.toLevel);
    if (problem || current === null) throw courseProblem.invalid('body.toLevel', problem ?? 'risk_level_not_set');
    const reductionId = await insertRiskReduction(trx, {
      courseId: row.id,
      fromLevel: current,
      toLevel: input.request.toLevel,
      reasonEnc: input.cipher.encrypt(input.request.reason),
      requestedByUserId: input.actor.userId,
      now,
    });
    if (!reductionId) throw new AppError('conflict', [{ path: 'course.riskReduction', message: 'risk_reduction_pending' }]);
    await auditCourse(trx, { actor: input.actor, now, action: 'course.request_risk_reduction', courseId: row.id, details: { reductionId, fromLevel: current, toLevel: input.request.toLevel } });
    const saved = await findRiskReduction(trx, { courseId: row.id, reductionId });
    if (!saved) throw new Error('risk reduction not found after insert');
    await logCourseReads(trx, { actor: input.actor, now, entries: [{ objectType: 'risk_reduction', objectId: reductionId, personId: row.person_id }] });
    return toReductionView(saved, input.cipher);
  });
}

/**
 * The supervisor's decision. Never the requester's own (`approval_by_proposer`); a confirmation lowers the level only
 * from the level the request was made at: a level raised meanwhile by a new assessment is not lowered by an older
 * reasoning (409 `risk_level_changed`; the supervisor rejects it and the counsellor asks again).
 */
export async function decideRiskReduction(
  input: CourseDeps & { actor: Actor; courseId: string; reductionId: string; request: DecideRiskReductionRequest },
): Promise<RiskReductionView> {
  return withCourseForChange(input, input.actor, input.courseId, 'assess_risk', async (trx, row) => {
    const now = input.clock.now();
    const reduction = await findRiskReduction(trx, { courseId: row.id, reductionId: input.reductionId });
    if (!reduction) throw new AppError('not_found');
    if (reduction.status !== 'pending') throw new AppError('conflict', [{ path: 'reduction.status', message: 'risk_reduction_decided' }]);
    if (reduction.requested_by_user_id === input.actor.userId) throw new AppError('approval_by_proposer');
    const isConfirmed = input.request.decision === 'confirm';
    if (isConfirmed && row.risk_level !== reduction.from_level) throw new AppError('conflict', [{ path: 'course.riskLevel', message: 'risk_level_changed' }]);
    const status = isConfirmed ? 'confirmed' : 'rejected';
    const noteEnc = input.cipher.encryptOptional(input.request.note);
    if (!(await updateRiskReductionDecision(trx, { reductionId: reduction.id, status, decidedByUserId: input.actor.userId, noteEnc, now }))) {
      throw new AppError('conflict', [{ path: 'reduction.status', message: 'risk_reduction_decided' }]);
    }
    if (isConfirmed) await updateCourse(trx, row.id, { risk_level: reduction.to_level, updated_at: now });
    await auditCourse(trx, {
      actor: input.actor,
      now,
      action: isConfirmed ? 'course.confirm_risk_reduction' : 'course.reject_risk_reduction',
      courseId: row.id,
      details: { reductionId: reduction.id, fromLevel: reduction.from_level, toLevel: reduction.to_level, requestedByUserId: reduction.requested_by_user_id },
    });
    const decided = await findRiskReduction(trx, { courseId: row.id, reductionId: reduction.id });
    if (!decided) throw new Error('risk reduction not found after decision');
    await logCourseReads(trx, { actor: input.actor, now, entries: [{ objectType: 'risk_reduction', objectId: reduction.id, personId: row.person_id }] });
    return toReductionView(decided, input.cipher);
  });
}

/** A course's reductions, newest first, with their reasons: access-logged. */
export async function listRiskReductionsOfCourseFor(input: CourseDeps & { actor: Actor; courseId: string }): Promise<RiskReductionView[]> {
  const now = input.clock.now();
  const { row } = await getVisibleCourse(input.db, input.actor, input.courseId, now);
  const rows = await listRiskReductionsOfCourse(input.db, row.id);
  await logCourseReads(input.db, { actor: input.actor, now, entries: rows.map((reduction) => ({ objectType: 'risk_reduction', objectId: reduction.id, personId: row.person_id })) });
  return rows.map((reduction) => toReductionView(reduction, input.cipher));
}

/** What waits for a supervisor: the pending reductions on the courses of their services, the longest wait first. */
export async function listPendingRiskReductionsFor(input: CourseDeps & { actor: Actor }): Promise<RiskReductionView[]> {
  const now = input.clock.now();
  const visibility = await courseVisibilityOf(input.db, input.actor);
  const rows = await listPendingRiskReductions(input.db, { visibility, limit: PENDING_LIST_LIMIT });
  await logCourseReads(input.db, { actor: input.actor, now, action: 'list', entries: rows.map((reduction) => ({ objectType: 'risk_reduction', objectId: reduction.id, personId: reduction.person_id })) });
  return rows.map((reduction) => toReductionView(reduction, input.cipher));
}

function toReductionView(row: RiskReductionRow, cipher: FieldCipher): RiskReductionView {
  return {
    id: row.id,
    courseId: row.course_id,
    fromLevel: RiskLevel.parse(row.from_level),
    toLevel: RiskLevel.parse(row.to_level),
    reason: cipher.decrypt(row.reason_enc),
    status: RiskReductionStatus.parse(row.status),
    requestedAt: row.requested_at.toISOString(),
    requestedBy: { userId: row.requested_by_user_id, displayName: row.requested_by_display_name },
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedBy: row.decided_by_user_id === null ? null : { userId: row.decided_by_user_id, displayName: row.decided_by_display_name ?? '' },
    decisionNote: cipher.decryptOptional(row.decision_note_enc),
  };
}
