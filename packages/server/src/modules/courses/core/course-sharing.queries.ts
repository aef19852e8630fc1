import type { Db } from '../../../db/tables.ts';

/** The sealed safe contact of courses, by id: read for what a person consented to share (course-sharing.ts). */
export async function listSealedSafeContacts(db: Db, courseIds: readonly string[]): Promise<{ id: string; safe_contact_enc: string | null }[]> {
  if (courseIds.length === 0) return [];
  return db.selectFrom('courses').select(['id', 'safe_contact_enc']).where('id', 'in', [...courseIds]).execute();
}
