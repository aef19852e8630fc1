import { sql, type Transaction } from 'kysely';
import type { Database, Db, NewRow } from '../../../db/tables.ts';
import { whereCourseVisible, type CourseVisibility } from '../core/course-access.ts';

/** SQL of opening a course: the new course row, and a returning person's latest course. */

/** The human-readable reference comes from a sequence: short, unique, and says nothing about the person. */
export async function insertCourse(trx: Transaction<Database>, values: Omit<NewRow<'courses'>, 'reference'>): Promise<string> {
  const row = await trx
    .insertInto('courses')
    .values({ ...values, reference: sql<string>`'FL-' || nextval('course_reference_seq')::text` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The person's latest course the caller may see (a returning person keeps their label and protection). */
export async function findLatestCourseOfPerson(db: Db, input: { personId: string; visibility: CourseVisibility }) {
  return db
    .selectFrom('courses')
    .select(['id', 'client_label_enc', 'is_anonymous', 'address_protection'])
    .where('person_id', '=', input.personId)
    .where(whereCourseVisible(input.visibility))
    .orderBy('opened_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}
