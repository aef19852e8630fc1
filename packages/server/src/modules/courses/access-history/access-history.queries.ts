import type { Transaction } from 'kysely';
import type { Database, Db, NewRow } from '../../../db/tables.ts';

/** The only file that reads the access log for a person's extract, and writes the extract records. */

export type AccessEntryRow = Awaited<ReturnType<typeof listAccessEntriesOfPerson>>[number];

/** Every read of the person's data up to a moment, newest first. One row more than `limit` tells the caller it was cut. */
export async function listAccessEntriesOfPerson(db: Db, input: { personId: string; until: Date; limit: number }) {
  return db
    .selectFrom('access_log as a')
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.occurred_at', 'o.name as organisation_name', 'a.purpose', 'a.action', 'u.display_name as user_display_name'])
    .where('a.person_id', '=', input.personId)
    .where('a.occurred_at', '<=', input.until)
    .orderBy('a.occurred_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(input.limit + 1)
    .execute();
}

export async function insertAccessHistoryExtract(trx: Transaction<Database>, values: NewRow<'access_history_extracts'>): Promise<string> {
  const row = await trx
    .insertInto('access_history_extracts')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findAccessHistoryExtract(db: Db, input: { extractId: string; courseId: string; organisationId: string }) {
  return db
    .selectFrom('access_history_extracts as e')
    .innerJoin('users as u', 'u.id', 'e.produced_by_user_id')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .select(['e.id', 'e.person_id', 'e.course_id', 'e.produced_at', 'e.includes_staff_names', 'e.produced_by_user_id', 'u.display_name as produced_by_display_name', 'o.name as organisation_name'])
    .where('e.id', '=', input.extractId)
    .where('e.course_id', '=', input.courseId)
    .where('e.organisation_id', '=', input.organisationId)
    .executeTakeFirst();
}
