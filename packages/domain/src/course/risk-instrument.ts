import { z } from 'zod';
import { text } from '../common/text.ts';
import { RiskLevel, YesNoUnknown } from '../referral/Referral.ts';
import { DataId, LocalisedText } from './course-terms.ts';

/**
 * Risk instruments are versioned data, not code: a service can move to a new version (or a new instrument) without
 * a release, and every assessment keeps the key and version it was made with. Two kinds:
 *
 * - a **checklist**: yes / no / don't-know items, banded by the number of "yes". An item may be a **red flag**: a
 *   "yes" to it sets a minimum level whatever the count (strangulation, threats to kill, a weapon). Professional
 *   judgement may RAISE the level, with a reason, but never lower it (the SafeLives rule for visible high risk,
 *   ANCHORS.md B1).
 * - a **structured professional judgement** form in the style of SARA: factors, scenarios, management strategies
 *   and an overall judgement. It has no numeric score, by design (DOMAIN.md §4.8).
 */

const riskOrder: Record<RiskLevel, number> = { standard: 0, medium: 1, high: 2 };

export function compareRiskLevels(a: RiskLevel, b: RiskLevel): number {
  return riskOrder[a] - riskOrder[b];
}

export function higherRiskLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return compareRiskLevels(a, b) >= 0 ? a : b;
}

export const InstrumentKey = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, { message: 'key_format' });
export const InstrumentVersion = z.number().int().min(1).max(10_000);

export const ChecklistBand = z.strictObject({ level: RiskLevel, minYes: z.number().int().min(0).max(100) });
export type ChecklistBand = z.infer<typeof ChecklistBand>;

/**
 * A "yes" to the item sets the level to at least `atLeast`, whatever the count. `label` names it in the explanation
 * ("Middel: kvælningsforsøg er et rødt flag"). Part of the instrument version: a later version's flags never
 * change an assessment made with an earlier one.
 */
export const RedFlag = z.strictObject({ atLeast: RiskLevel, label: LocalisedText });
export type RedFlag = z.infer<typeof RedFlag>;

export const ChecklistItem = z.strictObject({ id: DataId, text: LocalisedText, redFlag: RedFlag.optional() });
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const ChecklistInstrument = z.strictObject({
  kind: z.literal('checklist'),
  key: InstrumentKey,
  version: InstrumentVersion,
  title: LocalisedText,
  description: LocalisedText.optional(),
  items: z.array(ChecklistItem).min(1).max(100),
  /** From the lowest level up: a level applies from its `minYes` until the next band's. */
  bands: z.array(ChecklistBand).min(1).max(3),
});
export type ChecklistInstrument = z.infer<typeof ChecklistInstrument>;

export const JudgementFactor = z.strictObject({ id: DataId, label: LocalisedText, help: LocalisedText.optional() });

export const StructuredJudgementForm = z.strictObject({
  kind: z.literal('structured_judgement'),
  key: InstrumentKey,
  version: InstrumentVersion,
  title: LocalisedText,
  description: LocalisedText.optional(),
  factorGroups: z.array(z.strictObject({ id: DataId, title: LocalisedText, factors: z.array(JudgementFactor).min(1).max(30) })).min(1).max(10),
  strategyCategories: z.array(z.strictObject({ id: DataId, label: LocalisedText })).min(1).max(10),
  maxScenarios: z.number().int().min(1).max(10),
});
export type StructuredJudgementForm = z.infer<typeof StructuredJudgementForm>;

export const RiskInstrument = z.discriminatedUnion('kind', [ChecklistInstrument, StructuredJudgementForm]);
export type RiskInstrument = z.infer<typeof RiskInstrument>;

export type InstrumentProblem = { path: string; message: string };

/**
 * Checks an instrument definition beyond its shape: unique ids, and bands that together give every possible score
 * exactly one level — at least two of them (one band cannot tell risks apart), the first from 0, each above the last
 * in level and count, none beyond the number of items.
 */
export function findInstrumentProblems(instrument: RiskInstrument): InstrumentProblem[] {
  const problems: InstrumentProblem[] = [];
  const duplicates = (ids: readonly string[], path: (index: number) => string) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) problems.push({ path: path(index), message: 'instrument_invalid:duplicate_id' });
      seen.add(id);
    });
  };
  if (instrument.kind === 'checklist') {
    duplicates(instrument.items.map((item) => item.id), (index) => `items.${index}.id`);
    if (instrument.bands.length < 2) problems.push({ path: 'bands', message: 'instrument_invalid:at_least_two_bands' });
    instrument.bands.forEach((band, index) => {
      const previous = instrument.bands[index - 1];
      if (index === 0 && band.minYes !== 0) problems.push({ path: 'bands.0.minYes', message: 'instrument_invalid:first_band_must_start_at_0' });
      if (previous && (compareRiskLevels(band.level, previous.level) <= 0 || band.minYes <= previous.minYes)) {
        problems.push({ path: `bands.${index}`, message: 'instrument_invalid:bands_must_rise' });
      }
      if (band.minYes > instrument.items.length) problems.push({ path: `bands.${index}.minYes`, message: 'instrument_invalid:band_unreachable' });
    });
    instrument.items.forEach((item, index) => {
      // A flag that sets "at least standard" sets nothing: surely a mistake in the definition.
      if (item.redFlag?.atLeast === 'standard') problems.push({ path: `items.${index}.redFlag.atLeast`, message: 'instrument_invalid:red_flag_must_raise' });
    });
  } else {
    duplicates(instrument.factorGroups.map((group) => group.id), (index) => `factorGroups.${index}.id`);
    const factorIds = instrument.factorGroups.flatMap((group, groupIndex) => group.factors.map((factor, index) => ({ id: factor.id, path: `factorGroups.${groupIndex}.factors.${index}.id` })));
    duplicates(factorIds.map((factor) => factor.id), (index) => factorIds[index]?.path ?? '');
    duplicates(instrument.strategyCategories.map((category) => category.id), (index) => `strategyCategories.${index}.id`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Checklist

export const ChecklistAnswers = z.record(DataId, YesNoUnknown);
export type ChecklistAnswers = z.infer<typeof ChecklistAnswers>;

/** The band's level for a number of "yes" answers: the highest band reached. */
export function checklistLevelFor(instrument: ChecklistInstrument, yesCount: number): RiskLevel {
  let level: RiskLevel = 'standard';
  for (const band of instrument.bands) if (yesCount >= band.minYes) level = band.level;
  return level;
}

/** Why a checklist gives its level: the band the count reaches, and the red flags answered "yes" that lift it. */
export type ChecklistLevelExplanation = {
  level: RiskLevel;
  yesCount: number;
  bandLevel: RiskLevel;
  /** The red-flag items answered "yes" whose minimum is the level, when that is above the band: the reason for it. */
  decidingRedFlags: ChecklistItem[];
};

/**
 * The level a checklist's answers give: the band of the "yes" count, raised to the highest minimum of any red flag
 * answered "yes". Only "yes" counts — "don't know" to a red flag raises nothing (the counsellor may raise the level
 * by judgement). Works on partial answers too, so a form can show the level as the answers come in.
 */
export function explainChecklistLevel(instrument: ChecklistInstrument, answers: Readonly<Record<string, YesNoUnknown | undefined>>): ChecklistLevelExplanation {
  const yesItems = instrument.items.filter((item) => answers[item.id] === 'yes');
  const bandLevel = checklistLevelFor(instrument, yesItems.length);
  const level = yesItems.reduce((current, item) => (item.redFlag ? higherRiskLevel(current, item.redFlag.atLeast) : current), bandLevel);
  const decidingRedFlags = level === bandLevel ? [] : yesItems.filter((item) => item.redFlag?.atLeast === level);
  return { level, yesCount: yesItems.length, bandLevel, decidingRedFlags };
}

export type ChecklistScore =
  | { ok: true; yesCount: number; noCount: number; unknownCount: number; bandLevel: RiskLevel; redFlagItemIds: string[]; computedLevel: RiskLevel }
  | { ok: false; problems: InstrumentProblem[] };

/** Every item answered once, nothing else: a half-filled checklist would understate the risk. */
export function scoreChecklist(instrument: ChecklistInstrument, answers: ChecklistAnswers): ChecklistScore {
  const itemIds = new Set(instrument.items.map((item) => item.id));
  const problems: InstrumentProblem[] = [
    ...instrument.items.filter((item) => answers[item.id] === undefined).map((item) => ({ path: `answers.${item.id}`, message: 'missing_answer' })),
    ...Object.keys(answers)
      .filter((id) => !itemIds.has(id))
      .map((id) => ({ path: `answers.${id}`, message: 'unknown_item' })),
  ];
  if (problems.length > 0) return { ok: false, problems };
  const values = instrument.items.map((item) => answers[item.id]);
  const explained = explainChecklistLevel(instrument, answers);
  return {
    ok: true,
    yesCount: explained.yesCount,
    noCount: values.filter((value) => value === 'no').length,
    unknownCount: values.filter((value) => value === 'unknown').length,
    bandLevel: explained.bandLevel,
    redFlagItemIds: explained.decidingRedFlags.map((item) => item.id),
    computedLevel: explained.level,
  };
}

export type JudgementOutcome =
  | { ok: true; finalLevel: RiskLevel; isRaisedByJudgement: boolean }
  | { ok: false; problem: 'judgement_cannot_lower' | 'judgement_reason_required' };

/**
 * Professional judgement on top of a computed band. It may raise the level, and must then say why; it may never
 * lower it. A judgement equal to the band changes nothing and needs no reason.
 */
export function applyProfessionalJudgement(input: { computedLevel: RiskLevel; judgedLevel?: RiskLevel | undefined; reason?: string | undefined }): JudgementOutcome {
  const { computedLevel, judgedLevel } = input;
  if (judgedLevel === undefined || judgedLevel === computedLevel) return { ok: true, finalLevel: computedLevel, isRaisedByJudgement: false };
  if (compareRiskLevels(judgedLevel, computedLevel) < 0) return { ok: false, problem: 'judgement_cannot_lower' };
  if (!input.reason || input.reason.trim() === '') return { ok: false, problem: 'judgement_reason_required' };
  return { ok: true, finalLevel: judgedLevel, isRaisedByJudgement: true };
}

// ---------------------------------------------------------------------------------------------------------------
// Structured professional judgement

export const FactorPresence = z.enum(['present', 'partially_present', 'absent', 'unknown']);
export type FactorPresence = z.infer<typeof FactorPresence>;

export const FactorRelevance = z.enum(['low', 'moderate', 'high']);
export type FactorRelevance = z.infer<typeof FactorRelevance>;

const NarrativeText = text({ max: 4000, multiline: true }).min(1);

export const StructuredJudgementAnswers = z.strictObject({
  factors: z.record(DataId, z.strictObject({ presence: FactorPresence, relevance: FactorRelevance.optional(), note: text({ max: 2000, multiline: true }).optional() })),
  scenarios: z.array(z.strictObject({ description: NarrativeText })).max(10),
  strategies: z.array(z.strictObject({ category: DataId, description: NarrativeText })).max(30),
  /** The overall judgement: the priority of the case, whether harm may be imminent, and why. No score. */
  overall: z.strictObject({ level: RiskLevel, isImminent: z.boolean(), rationale: NarrativeText }),
});
export type StructuredJudgementAnswers = z.infer<typeof StructuredJudgementAnswers>;

/** Every factor rated, no strangers, scenarios within the form's limit, strategies in the form's categories. */
export function findJudgementAnswerProblems(form: StructuredJudgementForm, answers: StructuredJudgementAnswers): InstrumentProblem[] {
  const factorIds = new Set(form.factorGroups.flatMap((group) => group.factors.map((factor) => factor.id)));
  const categories = new Set(form.strategyCategories.map((category) => category.id));
  return [
    ...[...factorIds].filter((id) => answers.factors[id] === undefined).map((id) => ({ path: `factors.${id}`, message: 'missing_answer' })),
    ...Object.keys(answers.factors)
      .filter((id) => !factorIds.has(id))
      .map((id) => ({ path: `factors.${id}`, message: 'unknown_item' })),
    ...(answers.scenarios.length > form.maxScenarios ? [{ path: 'scenarios', message: 'too_many_scenarios' }] : []),
    ...answers.strategies.flatMap((strategy, index) => (categories.has(strategy.category) ? [] : [{ path: `strategies.${index}.category`, message: 'unknown_category' }])),
  ];
}
