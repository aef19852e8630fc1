import {
  compareRiskLevels,
  explainChecklistLevel,
  RiskLevel,
  type ChecklistInstrument,
  type FactorPresence,
  type FactorRelevance,
  type RecordRiskAssessmentRequest,
  type StructuredJudgementForm,
  type YesNoUnknown,
} from '@bro/domain';
import type { TFunction } from 'i18next';
import type { FieldMessages } from '../../forms/schema';
import { localised } from './rule-text';

// ---------------------------------------------------------------------------------------------------------------
// Checklist: yes / no / don't know per item; professional judgement may raise the band (with a reason), never lower it.

export type ChecklistValues = { answers: Record<string, YesNoUnknown | undefined>; judgedLevel: RiskLevel | 'keep'; judgementReason: string };

export const initialChecklist = (): ChecklistValues => ({ answers: {}, judgedLevel: 'keep', judgementReason: '' });

/** What the answers so far say: counts, the band, the higher levels on offer, and the level a raise would give. */
export function checklistStanding(instrument: ChecklistInstrument, values: ChecklistValues) {
  const answerOf = (id: string) => values.answers[id];
  const yesCount = instrument.items.filter((item) => answerOf(item.id) === 'yes').length;
  const unknownCount = instrument.items.filter((item) => answerOf(item.id) === 'unknown').length;
  const unanswered = instrument.items.filter((item) => answerOf(item.id) === undefined);
  const explained = explainChecklistLevel(instrument, values.answers);
  const computed = explained.level;
  const higher = RiskLevel.options.filter((level) => compareRiskLevels(level, computed) > 0);
  const { judgedLevel } = values;
  const raisedTo = judgedLevel !== 'keep' && compareRiskLevels(judgedLevel, computed) > 0 ? judgedLevel : undefined;
  return { yesCount, unknownCount, unanswered, computed, explained, higher, raisedTo, level: raisedTo ?? computed };
}

/**
 * Why the checklist gives its level, in one sentence: the red flags that set it ("Middel: kvælningsforsøg er et
 * rødt flag"), or else the count ("Standard: 3 af 24 svar er ja").
 */
export function describeChecklistLevel(instrument: ChecklistInstrument, answers: Readonly<Record<string, YesNoUnknown | undefined>>, t: TFunction, language: string | undefined): string {
  const explained = explainChecklistLevel(instrument, answers);
  const level: string = t(`riskLevel.${explained.level}`);
  if (explained.decidingRedFlags.length > 0) {
    const labels = explained.decidingRedFlags.map((item) => (item.redFlag ? localised(item.redFlag.label, language) : item.id));
    const flags = new Intl.ListFormat(language === 'en' ? 'en' : 'da', { type: 'conjunction' }).format(labels);
    return t('courses.risk.becauseRedFlag', { level, flags, count: labels.length });
  }
  return t('courses.risk.becauseScore', { level, yes: explained.yesCount, total: instrument.items.length });
}

export function validateChecklist(instrument: ChecklistInstrument, values: ChecklistValues, t: TFunction): FieldMessages {
  const { unanswered, raisedTo } = checklistStanding(instrument, values);
  const errors: FieldMessages = {};
  for (const item of unanswered) errors[`answers.${item.id}`] = t('courses.risk.answerRequired', { number: instrument.items.indexOf(item) + 1 });
  if (raisedTo && !values.judgementReason.trim()) errors.judgementReason = t('courses.serverMessages.judgement_reason_required');
  return errors;
}

export function toChecklistRequest(instrument: ChecklistInstrument, values: ChecklistValues): RecordRiskAssessmentRequest {
  const { raisedTo } = checklistStanding(instrument, values);
  const answers = Object.fromEntries(instrument.items.map((item) => [item.id, values.answers[item.id] ?? 'unknown']));
  return { kind: 'checklist', instrumentKey: instrument.key, instrumentVersion: instrument.version, answers, judgedLevel: raisedTo, judgementReason: raisedTo ? values.judgementReason.trim() : undefined };
}

// ---------------------------------------------------------------------------------------------------------------
// Structured professional judgement (SARA style): each factor rated, scenarios, strategies, an overall judgement.

export type JudgementValues = {
  answers: {
    factors: Record<string, { presence: FactorPresence | undefined; relevance: FactorRelevance | '' }>;
    scenarios: { description: string }[];
    strategies: { category: string; description: string }[];
    overall: { level: RiskLevel | undefined; isImminent: boolean; rationale: string };
  };
};

const factorIdsOf = (form: StructuredJudgementForm) => form.factorGroups.flatMap((group) => group.factors.map((factor) => factor.id));

export const emptyStrategy = () => ({ category: '', description: '' });

export function initialJudgement(form: StructuredJudgementForm): JudgementValues {
  return {
    answers: {
      factors: Object.fromEntries(factorIdsOf(form).map((id) => [id, { presence: undefined, relevance: '' as const }])),
      scenarios: [{ description: '' }],
      strategies: [emptyStrategy()],
      overall: { level: undefined, isImminent: false, rationale: '' },
    },
  };
}

export function validateJudgement(form: StructuredJudgementForm, { answers }: JudgementValues, t: TFunction): FieldMessages {
  const errors: FieldMessages = {};
  for (const id of factorIdsOf(form)) if (!answers.factors[id]?.presence) errors[`answers.factors.${id}`] = t('courses.risk.factorRequired');
  answers.strategies.forEach((strategy, index) => {
    if (strategy.description.trim() && !strategy.category) errors[`answers.strategies.${index}.category`] = t('courses.risk.strategyCategoryRequired');
  });
  if (!answers.overall.level) errors['answers.overall.level'] = t('courses.risk.overallLevelRequired');
  if (!answers.overall.rationale.trim()) errors['answers.overall.rationale'] = t('courses.risk.rationaleRequired');
  return errors;
}

/** Empty scenarios and strategies are left out; the overall judgement is required (checked before). */
export function toJudgementRequest(form: StructuredJudgementForm, { answers }: JudgementValues): RecordRiskAssessmentRequest {
  const factors = Object.fromEntries(
    factorIdsOf(form).map((id) => {
      const factor = answers.factors[id];
      return [id, { presence: factor?.presence ?? 'unknown', relevance: factor?.relevance || undefined }];
    }),
  );
  return {
    kind: 'structured_judgement',
    instrumentKey: form.key,
    instrumentVersion: form.version,
    answers: {
      factors,
      scenarios: answers.scenarios.map((scenario) => scenario.description.trim()).filter(Boolean).map((description) => ({ description })),
      strategies: answers.strategies.filter((strategy) => strategy.category && strategy.description.trim()).map((strategy) => ({ category: strategy.category, description: strategy.description.trim() })),
      overall: { level: answers.overall.level as RiskLevel, isImminent: answers.overall.isImminent, rationale: answers.overall.rationale.trim() },
    },
  };
}
