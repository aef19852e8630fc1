import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';

/** The only file that writes SQL for safety plans. Versions are only ever inserted. */

export type SafetyPlanVersionRow = { version: number; content_enc: string; created_at: Date; created_by_user_id: string; created_by_display_name: string };

export async function findLatestSafetyPlanVersionNumber(db: Db, courseId: string): Promise<number | null> {
  const row = await db.selectFrom('safety_plan_versions').select((eb) => eb.fn.max('version').as('version')).where('course_id', '=', courseId).executeTakeFirst();
  return row?.version === null || row?.version === undefined ? null : Number(row.version);
}

/** One version, or the latest when `version` is omitted. */
export async function findSafetyPlanVersion(db: Db, input: { courseId: string; version?: number }): Promise<SafetyPlanVersionRow | undefined> {
  let query = db
    .selectFrom('safety_plan_versions as p')
    .innerJoin('users as u', 'u.id', 'p.created_by_user_id')
    .select(['p.version', 'p.content_enc', 'p.created_at', 'p.created_by_user_id', 'u.display_name as created_by_display_name'])
    .where('p.course_id', '=', input.courseId);
  if (input.version !== undefined) query = query.where('p.version', '=', input.version);
  return query.orderBy('p.version', 'desc').limit(1).executeTakeFirst();
}

export async function listSafetyPlanVersions(db: Db, courseId: string): Promise<Omit<SafetyPlanVersionRow, 'content_enc'>[]> {
  return db
    .selectFrom('safety_plan_versions as p')
    .innerJoin('users as u', 'u.id', 'p.created_by_user_id')
    .select(['p.version', 'p.created_at', 'p.created_by_user_id', 'u.display_name as created_by_display_name'])
    .where('p.course_id', '=', courseId)
    .orderBy('p.version', 'desc')
    .execute();
}

/** The primary key (course, version) refuses a second save of the same version: the loser of a race gets a 409. */
export async function insertSafetyPlanVersion(
  trx: Transaction<Database>,
  input: { courseId: string; version: number; contentEnc: string; createdByUserId: string; now: Date },
): Promise<boolean> {
  const row = await trx
    .insertInto('safety_plan_versions')
    .values({ course_id: input.courseId, version: input.version, content_enc: input.contentEnc, created_by_user_id: input.createdByUserId, created_at: input.now })
    .onConflict((conflict) => conflict.columns(['course_id', 'version']).doNothing())
    .returning('version')
    .executeTakeFirst();
  return row !== undefined;
}
