import type { Transaction } from 'kysely';
import type { Database, Db, NewRow } from '../../../db/tables.ts';

/** The only file that writes SQL for safety plans. Versions are only ever inserted. */

export async function findLatestSafetyPlanVersionNumber(db: Db, courseId: string): Promise<number | null> {
  const row = await db.selectFrom('safety_plan_versions').select((eb) => eb.fn.max('version').as('version')).where('course_id', '=', courseId).executeTakeFirst();
  return row?.version === null || row?.version === undefined ? null : Number(row.version);
}

/** One version, or the latest when `version` is omitted. */
export async function findSafetyPlanVersion(db: Db, input: { courseId: string; version?: number }) {
  let query = db
    .selectFrom('safety_plan_versions as p')
    .innerJoin('users as u', 'u.id', 'p.created_by_user_id')
    .select(['p.version', 'p.content_enc', 'p.created_at', 'p.created_by_user_id', 'u.display_name as created_by_display_name'])
    .where('p.course_id', '=', input.courseId);
  if (input.version !== undefined) query = query.where('p.version', '=', input.version);
  return query.orderBy('p.version', 'desc').limit(1).executeTakeFirst();
}

export type SafetyPlanVersionRow = NonNullable<Awaited<ReturnType<typeof findSafetyPlanVersion>>>;

export async function listSafetyPlanVersions(db: Db, courseId: string) {
  return db
    .selectFrom('safety_plan_versions as p')
    .innerJoin('users as u', 'u.id', 'p.created_by_user_id')
    .select(['p.version', 'p.created_at', 'p.created_by_user_id', 'u.display_name as created_by_display_name'])
    .where('p.course_id', '=', courseId)
    .orderBy('p.version', 'desc')
    .execute();
}

/** The primary key (course, version) refuses a second save of the same version: the loser of a race gets a 409. */
export async function insertSafetyPlanVersion(trx: Transaction<Database>, values: NewRow<'safety_plan_versions'>): Promise<boolean> {
  const row = await trx
    .insertInto('safety_plan_versions')
    .values(values)
    .onConflict((conflict) => conflict.columns(['course_id', 'version']).doNothing())
    .returning('version')
    .executeTakeFirst();
  return row !== undefined;
}
