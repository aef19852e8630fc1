import { sql, type Transaction } from 'kysely';
import type { Database, Db, NewRow, RowChanges } from '../../../db/tables.ts';

/** The only file that writes SQL for shelter stays and underretninger (notifications about children). */

export async function findShelterOrganisation(db: Db, organisationId: string) {
  return db.selectFrom('organisations').select(['id', 'name']).where('id', '=', organisationId).where('kind', '=', 'shelter').where('is_active', '=', true).executeTakeFirst();
}

export async function findMunicipalityByCode(db: Db, municipalityCode: string) {
  return db.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'municipality').where('municipality_code', '=', municipalityCode).executeTakeFirst();
}

export async function insertShelterStay(trx: Transaction<Database>, values: NewRow<'shelter_stays'>): Promise<string> {
  const row = await trx.insertInto('shelter_stays').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateShelterStay(trx: Transaction<Database>, stayId: string, changes: RowChanges<'shelter_stays'>): Promise<void> {
  await trx.updateTable('shelter_stays').set(changes).where('id', '=', stayId).execute();
}

/** Dates come back as 'YYYY-MM-DD' text: a `date` has no time zone, and a JavaScript Date would invent one. */
function selectStays(db: Db) {
  return db
    .selectFrom('shelter_stays as s')
    .leftJoin('organisations as o', 'o.id', 's.shelter_organisation_id')
    .innerJoin('users as u', 'u.id', 's.recorded_by_user_id')
    .select([
      's.id',
      's.shelter_organisation_id',
      sql<string>`coalesce(o.name, s.shelter_name)`.as('shelter_name'),
      's.legal_basis',
      sql<string>`to_char(s.admitted_on, 'YYYY-MM-DD')`.as('admitted_on'),
      sql<string | null>`to_char(s.discharged_on, 'YYYY-MM-DD')`.as('discharged_on'),
      's.onward_referral_id',
      's.recorded_at',
      's.recorded_by_user_id',
      'u.display_name as recorded_by_display_name',
    ]);
}

export async function listShelterStays(db: Db, courseId: string) {
  return selectStays(db).where('s.course_id', '=', courseId).orderBy('s.admitted_on', 'desc').orderBy('s.id').execute();
}

export type ShelterStayRow = Awaited<ReturnType<typeof listShelterStays>>[number];

export async function findShelterStay(db: Db, input: { courseId: string; stayId: string }) {
  return selectStays(db).where('s.course_id', '=', input.courseId).where('s.id', '=', input.stayId).executeTakeFirst();
}

export async function insertUnderretning(trx: Transaction<Database>, values: NewRow<'underretninger'>): Promise<string> {
  const row = await trx.insertInto('underretninger').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUnderretning(trx: Transaction<Database>, id: string, changes: RowChanges<'underretninger'>): Promise<void> {
  await trx.updateTable('underretninger').set(changes).where('id', '=', id).execute();
}

function selectUnderretninger(db: Db) {
  return db
    .selectFrom('underretninger as n')
    .innerJoin('users as u', 'u.id', 'n.sent_by_user_id')
    .select((eb) => [
      'n.id',
      'n.municipality_code',
      eb
        .selectFrom('organisations as m')
        .select('m.name')
        .where('m.kind', '=', 'municipality')
        .whereRef('m.municipality_code', '=', 'n.municipality_code')
        .limit(1)
        .as('municipality_name'),
      'n.sent_at',
      'n.sent_by_user_id',
      'u.display_name as sent_by_display_name',
      'n.receipt_received_at',
      'n.note_enc',
      'n.recorded_at',
    ]);
}

export async function listUnderretninger(db: Db, courseId: string) {
  return selectUnderretninger(db).where('n.course_id', '=', courseId).orderBy('n.sent_at', 'desc').orderBy('n.id').execute();
}

export type UnderretningRow = Awaited<ReturnType<typeof listUnderretninger>>[number];

export async function findUnderretning(db: Db, input: { courseId: string; id: string }) {
  return selectUnderretninger(db).where('n.course_id', '=', input.courseId).where('n.id', '=', input.id).executeTakeFirst();
}
