import type { Insertable, Transaction } from 'kysely';
import type { Database, Db, RiskAssessmentsTable } from '../../../db/tables.ts';

/** The only file that writes SQL for risk instruments and risk assessments. */

export type InstrumentRow = { id: string; key: string; version: number; kind: string; definition: unknown; published_at: Date };

const instrumentColumns = ['id', 'key', 'version', 'kind', 'definition', 'published_at'] as const;

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

export async function insertRiskAssessment(trx: Transaction<Database>, values: Insertable<RiskAssessmentsTable>): Promise<string> {
  const row = await trx.insertInto('risk_assessments').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export type RiskAssessmentRow = {
  id: string;
  kind: string;
  instrument_key: string;
  instrument_version: number;
  computed_level: string | null;
  final_level: string;
  is_raised_by_judgement: boolean;
  yes_count: number | null;
  unknown_count: number | null;
  answers_enc: string;
  judgement_reason_enc: string | null;
  assessed_by_user_id: string;
  assessed_by_display_name: string;
  assessed_at: Date;
};

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

/** The course's risk history, newest first. */
export async function listRiskAssessments(db: Db, courseId: string): Promise<RiskAssessmentRow[]> {
  return selectAssessments(db).where('a.course_id', '=', courseId).orderBy('a.seq', 'desc').execute();
}

export async function findRiskAssessment(db: Db, input: { courseId: string; assessmentId: string }): Promise<RiskAssessmentRow | undefined> {
  return selectAssessments(db).where('a.course_id', '=', input.courseId).where('a.id', '=', input.assessmentId).executeTakeFirst();
}

export async function findLatestRiskAssessment(
  db: Db,
  input: { courseId: string; kind?: 'checklist' | 'structured_judgement' },
): Promise<{ id: string; instrument_key: string; final_level: string; computed_level: string | null; assessed_at: Date } | undefined> {
  let query = db
    .selectFrom('risk_assessments as a')
    .innerJoin('risk_instruments as i', 'i.id', 'a.instrument_id')
    .select(['a.id', 'i.key as instrument_key', 'a.final_level', 'a.computed_level', 'a.assessed_at'])
    .where('a.course_id', '=', input.courseId);
  if (input.kind) query = query.where('a.kind', '=', input.kind);
  return query.orderBy('a.seq', 'desc').limit(1).executeTakeFirst();
}
