import type { Db } from '../../../db/tables.ts';

/** SQL of onward referrals from a course: where a course may refer to, and which referrals it made. */

/** Active services of the lines given (null: a service of both lines), with their organisation, for onward referral. */
export async function listOnwardTargets(db: Db, input: { serviceLines: readonly string[] }) {
  return db
    .selectFrom('services as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.name', 's.organisation_id', 's.service_line', 's.receives_genders', 's.minimum_age', 's.maximum_age', 'o.name as organisation_name', 'o.kind as organisation_kind'])
    .where('s.is_active', '=', true)
    .where('o.is_active', '=', true)
    .where((eb) => eb.or([eb('s.service_line', 'is', null), eb('s.service_line', 'in', [...input.serviceLines])]))
    .orderBy('o.name')
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
}

/** The onward referrals made from a course, oldest first. */
export async function listReferralIdsOfCourse(db: Db, input: { courseId: string; referringOrganisationId: string }): Promise<string[]> {
  const rows = await db
    .selectFrom('referrals')
    .select('id')
    .where('origin_course_id', '=', input.courseId)
    .where('referring_organisation_id', '=', input.referringOrganisationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Is the referral an onward referral made from this course? */
export async function isReferralMadeFromCourse(db: Db, input: { referralId: string; courseId: string }): Promise<boolean> {
  const row = await db.selectFrom('referrals').select('id').where('id', '=', input.referralId).where('origin_course_id', '=', input.courseId).executeTakeFirst();
  return row !== undefined;
}
