import {
  applyProfessionalJudgement,
  ChecklistAnswers,
  compareRiskLevels,
  courseRiskLevelAfterAssessment,
  findInstrumentProblems,
  findJudgementAnswerProblems,
  RiskInstrument,
  RiskLevel,
  scoreChecklist,
  StructuredJudgementAnswers,
  type RecordRiskAssessmentRequest,
  type RiskAssessmentView,
  type RiskInstrumentView,
} from '@bro/domain';
import type { Db } from '../../../db/tables.ts';
import { appendAuditEntryBy } from '../../../platform/audit-log.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { updateCourse } from '../core/course.queries.ts';
import { auditCourse, getVisibleCourse, logCourseReads, withCourseForChange, type CourseDeps } from '../core/course.service.ts';
import { courseProblem } from '../core/course-views.ts';
import {
  findInstrument,
  findLatestInstrumentVersion,
  findLatestRiskAssessment,
  findRiskAssessment,
  insertInstrument,
  insertRiskAssessment,
  listInstruments,
  listRiskAssessments,
  type InstrumentRow,
  type RiskAssessmentRow,
} from './risk-assessment.queries.ts';

/**
 * Risk assessment with versioned instruments: a checklist banded by its "yes" answers (judgement may raise the band,
 * with a reason, never lower it), or a structured professional judgement (no score). Every assessment is kept —
 * who, when, answers, level, reasoning — so the course's risk history stays visible. An assessment raises the course's
 * level, never lowers it (a checklist with no "yes" must not undo a high level): only a reassessment a supervisor
 * confirms lowers it (risk-reduction.service.ts). A high level flags the course, shortens its contact interval and
 * prompts a safety plan.
 */

function toInstrumentView(row: InstrumentRow): RiskInstrumentView {
  return { id: row.id, publishedAt: row.published_at.toISOString(), definition: RiskInstrument.parse(row.definition) };
}

export async function listRiskInstruments(input: { db: Db }): Promise<RiskInstrumentView[]> {
  return (await listInstruments(input.db)).map(toInstrumentView);
}

/** A new version of an instrument (or the first of a new one). Versions only go up: an old version is never replaced. */
export async function publishRiskInstrument(input: { db: Db; clock: Clock; actor: Actor; definition: RiskInstrument }): Promise<RiskInstrumentView> {
  const { definition } = input;
  const problems = findInstrumentProblems(definition);
  if (problems.length > 0) throw courseProblem.many(problems);
  return input.db.transaction().execute(async (trx) => {
    const latest = await findLatestInstrumentVersion(trx, definition.key);
    if (latest !== undefined && definition.version <= latest) throw new AppError('conflict', [{ path: 'body.version', message: `must_be_above_${latest}` }]);
    const now = input.clock.now();
    const row = await insertInstrument(trx, { key: definition.key, version: definition.version, kind: definition.kind, definition, publishedByUserId: input.actor.userId, now });
    await appendAuditEntryBy(trx, input.actor, {
      occurredAt: now,
      action: 'risk_instrument.publish',
      objectType: 'risk_instrument',
      objectId: row.id,
      details: { key: definition.key, version: definition.version, kind: definition.kind },
    });
    return toInstrumentView(row);
  });
}

type Scored = {
  computedLevel: RiskLevel | null;
  finalLevel: RiskLevel;
  isRaisedByJudgement: boolean;
  yesCount: number | null;
  unknownCount: number | null;
  answers: unknown;
  judgementReason: string | null;
};

export async function recordRiskAssessment(input: CourseDeps & { actor: Actor; courseId: string; request: RecordRiskAssessmentRequest }): Promise<RiskAssessmentView> {
  return withCourseForChange(input, input.actor, input.courseId, 'assess_risk', async (trx, row) => {
    const now = input.clock.now();
    const { request } = input;
    const instrumentRow = await findInstrument(trx, { key: request.instrumentKey, version: request.instrumentVersion });
    if (!instrumentRow) throw courseProblem.invalid('body.instrumentVersion', 'instrument_version_unknown');
    const instrument = RiskInstrument.parse(instrumentRow.definition);
    const scored = await scoreAssessment(trx, row.id, instrument, request);
    const assessmentId = await insertRiskAssessment(trx, {
      course_id: row.id,
      instrument_id: instrumentRow.id,
      kind: instrument.kind,
      computed_level: scored.computedLevel,
      final_level: scored.finalLevel,
      is_raised_by_judgement: scored.isRaisedByJudgement,
      yes_count: scored.yesCount,
      unknown_count: scored.unknownCount,
      answers_enc: input.cipher.encrypt(JSON.stringify(scored.answers)),
      judgement_reason_enc: input.cipher.encryptOptional(scored.judgementReason),
      assessed_by_user_id: input.actor.userId,
      assessed_at: now,
    });
    const fromLevel = row.risk_level === null ? null : RiskLevel.parse(row.risk_level);
    const courseLevel = courseRiskLevelAfterAssessment(fromLevel, scored.finalLevel);
    await updateCourse(trx, row.id, { risk_level: courseLevel, updated_at: now });
    await auditCourse(trx, {
      actor: input.actor,
      now,
      action: 'course.assess_risk',
      courseId: row.id,
      details: {
        assessmentId,
        instrumentKey: instrument.key,
        instrumentVersion: instrument.version,
        computedLevel: scored.computedLevel,
        finalLevel: scored.finalLevel,
        isRaisedByJudgement: scored.isRaisedByJudgement,
        fromLevel: row.risk_level,
        courseLevel,
      },
    });
    const saved = await findRiskAssessment(trx, { courseId: row.id, assessmentId });
    if (!saved) throw new Error('risk assessment not found after insert');
    await logCourseReads(trx, { actor: input.actor, now, entries: [{ objectType: 'risk_assessment', objectId: assessmentId, personId: row.person_id }] });
    return toAssessmentView(saved, input.cipher);
  });
}

/**
 * Scores the answers with the instrument they were given for: a checklist by its bands (professional judgement may
 * raise the band, with a reason, never lower it); a structured judgement not at all, but its overall level may not
 * come in below the latest checklist's band either.
 */
async function scoreAssessment(db: Db, courseId: string, instrument: RiskInstrument, request: RecordRiskAssessmentRequest): Promise<Scored> {
  if (instrument.kind !== request.kind) throw courseProblem.invalid('body.kind', 'instrument_kind_mismatch');
  if (request.kind === 'checklist' && instrument.kind === 'checklist') {
    const score = scoreChecklist(instrument, request.answers);
    if (!score.ok) throw courseProblem.many(score.problems);
    const judgement = applyProfessionalJudgement({ computedLevel: score.computedLevel, judgedLevel: request.judgedLevel, reason: request.judgementReason });
    if (!judgement.ok) throw courseProblem.invalid(judgement.problem === 'judgement_cannot_lower' ? 'body.judgedLevel' : 'body.judgementReason', judgement.problem);
    return {
      computedLevel: score.computedLevel,
      finalLevel: judgement.finalLevel,
      isRaisedByJudgement: judgement.isRaisedByJudgement,
      yesCount: score.yesCount,
      unknownCount: score.unknownCount,
      answers: request.answers,
      judgementReason: judgement.isRaisedByJudgement ? (request.judgementReason ?? null) : null,
    };
  }
  if (request.kind === 'structured_judgement' && instrument.kind === 'structured_judgement') {
    const problems = findJudgementAnswerProblems(instrument, request.answers);
    if (problems.length > 0) throw courseProblem.many(problems, 'body.answers');
    const latestChecklist = await findLatestRiskAssessment(db, { courseId, kind: 'checklist' });
    const band = latestChecklist?.computed_level ? RiskLevel.parse(latestChecklist.computed_level) : null;
    if (band && compareRiskLevels(request.answers.overall.level, band) < 0) throw courseProblem.invalid('body.answers.overall.level', 'judgement_cannot_lower');
    return { computedLevel: null, finalLevel: request.answers.overall.level, isRaisedByJudgement: false, yesCount: null, unknownCount: null, answers: request.answers, judgementReason: null };
  }
  throw courseProblem.invalid('body.kind', 'instrument_kind_mismatch');
}

/** The course's risk history, newest first: who, when, answers, level and reasoning. */
export async function listRiskAssessmentsOfCourse(input: CourseDeps & { actor: Actor; courseId: string }): Promise<RiskAssessmentView[]> {
  const now = input.clock.now();
  const { row } = await getVisibleCourse(input.db, input.actor, input.courseId, now);
  const rows = await listRiskAssessments(input.db, row.id);
  await logCourseReads(input.db, { actor: input.actor, now, entries: rows.map((assessment) => ({ objectType: 'risk_assessment', objectId: assessment.id, personId: row.person_id })) });
  return rows.map((assessment) => toAssessmentView(assessment, input.cipher));
}

function toAssessmentView(row: RiskAssessmentRow, cipher: FieldCipher): RiskAssessmentView {
  const answers: unknown = JSON.parse(cipher.decrypt(row.answers_enc));
  const isChecklist = row.kind === 'checklist';
  return {
    id: row.id,
    kind: isChecklist ? 'checklist' : 'structured_judgement',
    instrumentKey: row.instrument_key,
    instrumentVersion: row.instrument_version,
    assessedAt: row.assessed_at.toISOString(),
    assessedBy: { userId: row.assessed_by_user_id, displayName: row.assessed_by_display_name },
    computedLevel: row.computed_level === null ? null : RiskLevel.parse(row.computed_level),
    finalLevel: RiskLevel.parse(row.final_level),
    isRaisedByJudgement: row.is_raised_by_judgement,
    judgementReason: cipher.decryptOptional(row.judgement_reason_enc),
    yesCount: row.yes_count,
    unknownCount: row.unknown_count,
    checklistAnswers: isChecklist ? ChecklistAnswers.parse(answers) : null,
    judgementAnswers: isChecklist ? null : StructuredJudgementAnswers.parse(answers),
  };
}
