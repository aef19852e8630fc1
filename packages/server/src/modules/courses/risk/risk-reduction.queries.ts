import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';
import { whereCourseVisible, type CourseVisibility } from '../core/course-access.ts';

/** The only file that writes SQL for risk-level reductions (a reassessment that lowers a course's level). */

export async function insertRiskReduction(
  trx: Transaction<Database>,
  input: { courseId: string; fromLevel: string; toLevel: string; reasonEnc: string; requestedByUserId: string; now: Date },
): Promise<string | undefined> {
  // The partial unique index allows one pending reduction per course: a second answers undefined, not an error.
  // Its predicate is a literal, not a parameter: statements are prepared (db/prepared-statements.ts), and a generic
  // plan cannot match `status = $1` to the index's `status = 'pending'`.
  const row = await trx
    .insertInto('risk_level_reductions')
    .values({
      course_id: input.courseId,
      from_level: input.fromLevel,
      to_level: input.toLevel,
      reason_enc: input.reasonEnc,
      requested_by_user_id: input.requestedByUserId,
      requested_at: input.now,
    })
    .onConflict((conflict) => conflict.column('course_id').where(sql<boolean>`status = 'pending'`).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

function selectReductions(db: Db) {
  return db
    .selectFrom('risk_level_reductions as r')
    .innerJoin('courses', 'courses.id', 'r.course_id')
    .innerJoin('users as requester', 'requester.id', 'r.requested_by_user_id')
    .leftJoin('users as decider', 'decider.id', 'r.decided_by_user_id')
    .select([
      'r.id',
      'r.course_id',
      'courses.person_id',
      'r.from_level',
      'r.to_level',
      'r.reason_enc',
      'r.status',
      'r.requested_at',
      'r.requested_by_user_id',
      'requester.display_name as requested_by_display_name',
      'r.decided_at',
      'r.decided_by_user_id',
      'decider.display_name as decided_by_display_name',
      'r.decision_note_enc',
    ]);
}

export type RiskReductionRow = Awaited<ReturnType<typeof listRiskReductionsOfCourse>>[number];

/** A course's reductions, newest first. */
export async function listRiskReductionsOfCourse(db: Db, courseId: string) {
  return selectReductions(db).where('r.course_id', '=', courseId).orderBy('r.requested_at', 'desc').orderBy('r.id').execute();
}

export async function findRiskReduction(db: Db, input: { courseId: string; reductionId: string }) {
  return selectReductions(db).where('r.course_id', '=', input.courseId).where('r.id', '=', input.reductionId).executeTakeFirst();
}

/** The pending reductions on the courses a supervisor can see, oldest first (the longest wait first). */
export async function listPendingRiskReductions(db: Db, input: { visibility: CourseVisibility; limit: number }) {
  return selectReductions(db)
    .where('r.status', '=', 'pending')
    .where(whereCourseVisible(input.visibility))
    .orderBy('r.requested_at')
    .orderBy('r.id')
    .limit(input.limit)
    .execute();
}

/** Decides a pending reduction; undefined when it was no longer pending (decided meanwhile). */
export async function decideRiskReduction(
  trx: Transaction<Database>,
  input: { reductionId: string; status: 'confirmed' | 'rejected'; decidedByUserId: string; noteEnc: string | null; now: Date },
): Promise<string | undefined> {
  const row = await trx
    .updateTable('risk_level_reductions')
    .set({ status: input.status, decided_by_user_id: input.decidedByUserId, decided_at: input.now, decision_note_enc: input.noteEnc })
    .where('id', '=', input.reductionId)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}
