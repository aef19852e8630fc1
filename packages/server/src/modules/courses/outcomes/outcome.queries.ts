import type { Transaction } from 'kysely';
import type { Database, Db, NewRow } from '../../../db/tables.ts';

/** The only file that writes SQL for course outcomes (the person's ratings at the first and last session). */

export async function listOutcomes(db: Db, courseId: string) {
  return db
    .selectFrom('course_outcomes as o')
    .innerJoin('users as u', 'u.id', 'o.recorded_by_user_id')
    .select(['o.phase', 'o.safety_rating', 'o.options_rating', 'o.violence_forms', 'o.session_id', 'o.recorded_at', 'o.recorded_by_user_id', 'u.display_name as recorded_by_display_name'])
    .where('o.course_id', '=', courseId)
    .orderBy('o.phase')
    .execute();
}

export type OutcomeRow = Awaited<ReturnType<typeof listOutcomes>>[number];

/** One rating per phase: recording it again corrects it (the audit log keeps that it changed). */
export async function upsertOutcome(trx: Transaction<Database>, values: NewRow<'course_outcomes'>): Promise<boolean> {
  const existing = await trx.selectFrom('course_outcomes').select('phase').where('course_id', '=', values.course_id).where('phase', '=', values.phase).executeTakeFirst();
  const { course_id: _courseId, phase: _phase, ...changes } = values;
  await trx
    .insertInto('course_outcomes')
    .values(values)
    .onConflict((conflict) => conflict.columns(['course_id', 'phase']).doUpdateSet(changes))
    .execute();
  return existing !== undefined;
}
