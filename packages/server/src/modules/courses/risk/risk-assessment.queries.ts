import type { Transaction } from 'kysely';
import type { Database, Db, NewRow, Row } from '../../../db/tables.ts';

/** The only file that writes SQL for risk instruments and risk assessments. */

const instrumentColumns = ['id', 'key', 'version', 'kind', 'definition', 'published_at'] as const;

export type InstrumentRow = Pick<Row<'risk_instruments'>, (typeof instrumentColumns)[number]>;

export async function listInstruments(db: Db): Promise<InstrumentRow[]> {
  return db.selectFrom('risk_instruments').select(instrumentColumns).orderBy('key').orderBy('version', 'desc').execute();
}

export async function findInstrument(db: Db, input: { key: string; version: number }): Promise<InstrumentRow | undefined> {
  return db.selectFrom('risk_instruments').select(instrumentColumns).where('key', '=', input.key).where('version', '=', input.version).executeTakeFirst();
}

export async function findLatestInstrumentVersion(db: Db, key: string): Promise<number | undefined> {
  const row = await db.selectFrom('risk_instruments').select((eb) => eb.fn.max('version').as('version')).where('key', '=', key).executeTakeFirst();
  return row?.version === null || row?.version === undefined ? undefined : Number(row.version);
}

/** Publishes a version. The unique (key, version) refuses a second publication of the same version. */
export async function insertInstrument(
  trx: Transaction<Database>,
  input: { key: string; version: number; kind: string; definition: unknown; publishedByUserId: string | null; now: Date },
): Promise<InstrumentRow> {
  return trx
    .insertInto('risk_instruments')
    .values({ key: input.key, version: input.version, kind: input.kind, definition: JSON.stringify(input.definition), published_by_user_id: input.publishedByUserId, published_at: input.now })
    .onConflict((conflict) => conflict.columns(['key', 'version']).doNothing())
    .returning(instrumentColumns)
    .executeTakeFirstOrThrow();
}

export async function insertRiskAssessment(trx: Transaction<Database>, values: NewRow<'risk_assessments'>): Promise<string> {
  const row = await trx.insertInto('risk_assessments').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

function selectAssessments(db: Db) {
  return db
    .selectFrom('risk_assessments as a')
    .innerJoin('risk_instruments as i', 'i.id', 'a.instrument_id')
    .innerJoin('users as u', 'u.id', 'a.assessed_by_user_id')
    .select([
      'a.id',
      'a.kind',
      'i.key as instrument_key',
      'i.version as instrument_version',
      'a.computed_level',
      'a.final_level',
      'a.is_raised_by_judgement',
      'a.yes_count',
      'a.unknown_count',
      'a.answers_enc',
      'a.judgement_reason_enc',
      'a.assessed_by_user_id',
      'u.display_name as assessed_by_display_name',
      'a.assessed_at',
    ]);
}

export type RiskAssessmentRow = Awaited<ReturnType<typeof listRiskAssessments>>[number];

/** The course's risk history, newest first. */
export async function listRiskAssessments(db: Db, courseId: string) {
  return selectAssessments(db).where('a.course_id', '=', courseId).orderBy('a.seq', 'desc').execute();
}

export async function findRiskAssessment(db: Db, input: { courseId: string; assessmentId: string }) {
  return selectAssessments(db).where('a.course_id', '=', input.courseId).where('a.id', '=', input.assessmentId).executeTakeFirst();
}

export async function findLatestRiskAssessment(db: Db, input: { courseId: string; kind?: 'checklist' | 'structured_judgement' }) {
  let query = db
    .selectFrom('risk_assessments as a')
    .innerJoin('risk_instruments as i', 'i.id', 'a.instrument_id')
    .select(['a.id', 'i.key as instrument_key', 'a.final_level', 'a.computed_level', 'a.assessed_at'])
    .where('a.course_id', '=', input.courseId);
  if (input.kind) query = query.where('a.kind', '=', input.kind);
  return query.orderBy('a.seq', 'desc').limit(1).executeTakeFirst();
}
