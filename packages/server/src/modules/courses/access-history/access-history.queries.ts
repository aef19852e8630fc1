import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';

/** The only file that reads the access log for a person's extract, and writes the extract records. */

export type AccessEntryRow = { occurred_at: Date; organisation_name: string | null; purpose: string; action: string; user_display_name: string | null };

/** Every read of the person's data up to a moment, newest first. One row more than `limit` tells the caller it was cut. */
export async function listAccessEntriesOfPerson(db: Db, input: { personId: string; until: Date; limit: number }): Promise<AccessEntryRow[]> {
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

export async function insertAccessHistoryExtract(
  trx: Transaction<Database>,
  values: { personId: string; courseId: string; organisationId: string; producedByUserId: string; producedAt: Date; includesStaffNames: boolean; justificationEnc: string | null },
): Promise<string> {
  const row = await trx
    .insertInto('access_history_extracts')
    .values({
      person_id: values.personId,
      course_id: values.courseId,
      organisation_id: values.organisationId,
      produced_by_user_id: values.producedByUserId,
      produced_at: values.producedAt,
      includes_staff_names: values.includesStaffNames,
      justification_enc: values.justificationEnc,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type ExtractRow = {
  id: string;
  person_id: string;
  course_id: string;
  produced_at: Date;
  includes_staff_names: boolean;
  produced_by_user_id: string;
  produced_by_display_name: string;
  organisation_name: string;
};

export async function findAccessHistoryExtract(db: Db, input: { extractId: string; courseId: string; organisationId: string }): Promise<ExtractRow | undefined> {
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
