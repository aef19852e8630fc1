import { describe, expect, it } from 'vitest';
import {
  applyProfessionalJudgement,
  ChecklistInstrument,
  checklistLevelFor,
  explainChecklistLevel,
  findInstrumentProblems,
  findJudgementAnswerProblems,
  higherRiskLevel,
  RiskInstrument,
  scoreChecklist,
  StructuredJudgementForm,
  type ChecklistAnswers,
} from './risk-instrument.ts';

const text = (value: string) => ({ da: value, en: value });

/** 24 items, banded as the issue asks: up to 9 "yes" standard, 10–13 medium, 14 or more high. */
const checklist = ChecklistInstrument.parse({
  kind: 'checklist',
  key: 'test-checklist',
  version: 1,
  title: text('Tjekliste'),
  items: Array.from({ length: 24 }, (_, index) => ({ id: `item_${index + 1}`, text: text(`Spørgsmål ${index + 1}`) })),
  bands: [
    { level: 'standard', minYes: 0 },
    { level: 'medium', minYes: 10 },
    { level: 'high', minYes: 14 },
  ],
});

function answersWithYes(yes: number, unknown = 0): ChecklistAnswers {
  return Object.fromEntries(checklist.items.map((item, index) => [item.id, index < yes ? 'yes' : index < yes + unknown ? 'unknown' : 'no']));
}

describe('checklist banding', () => {
  it.each([
    [0, 'standard'],
    [9, 'standard'],
    [10, 'medium'],
    [13, 'medium'],
    [14, 'high'],
    [24, 'high'],
  ] as const)('%i × yes → %s', (yes, level) => {
    expect(checklistLevelFor(checklist, yes)).toBe(level);
    expect(scoreChecklist(checklist, answersWithYes(yes))).toMatchObject({ ok: true, yesCount: yes, computedLevel: level });
  });

  it('counts only "yes": don\'t-know answers never raise the band', () => {
    expect(scoreChecklist(checklist, answersWithYes(9, 15))).toMatchObject({ ok: true, yesCount: 9, unknownCount: 15, noCount: 0, computedLevel: 'standard' });
  });

  it('refuses a half-filled checklist and answers to items it does not have', () => {
    const answers = answersWithYes(3);
    delete answers.item_24;
    const score = scoreChecklist(checklist, { ...answers, item_99: 'yes' });
    expect(score).toEqual({
      ok: false,
      problems: [
        { path: 'answers.item_24', message: 'missing_answer' },
        { path: 'answers.item_99', message: 'unknown_item' },
      ],
    });
  });
});

describe('professional judgement on a checklist', () => {
  it('keeps the band when there is no judgement or it agrees', () => {
    expect(applyProfessionalJudgement({ computedLevel: 'medium' })).toEqual({ ok: true, finalLevel: 'medium', isRaisedByJudgement: false });
    expect(applyProfessionalJudgement({ computedLevel: 'medium', judgedLevel: 'medium' })).toEqual({ ok: true, finalLevel: 'medium', isRaisedByJudgement: false });
  });

  it('may raise the level, with a reason', () => {
    expect(applyProfessionalJudgement({ computedLevel: 'standard', judgedLevel: 'high', reason: 'Kvælertag for nylig' })).toEqual({ ok: true, finalLevel: 'high', isRaisedByJudgement: true });
  });

  it('must give a reason to raise it', () => {
    expect(applyProfessionalJudgement({ computedLevel: 'standard', judgedLevel: 'medium' })).toEqual({ ok: false, problem: 'judgement_reason_required' });
    expect(applyProfessionalJudgement({ computedLevel: 'standard', judgedLevel: 'medium', reason: '   ' })).toEqual({ ok: false, problem: 'judgement_reason_required' });
  });

  it('can never lower it, whatever the reason', () => {
    for (const [computedLevel, judgedLevel] of [
      ['high', 'medium'],
      ['high', 'standard'],
      ['medium', 'standard'],
    ] as const) {
      expect(applyProfessionalJudgement({ computedLevel, judgedLevel, reason: 'Vurderes lavere' })).toEqual({ ok: false, problem: 'judgement_cannot_lower' });
    }
  });

  it('orders levels', () => {
    expect(higherRiskLevel('standard', 'high')).toBe('high');
    expect(higherRiskLevel('medium', 'standard')).toBe('medium');
  });
});

describe('instrument definitions', () => {
  it('accepts a sound checklist', () => {
    expect(findInstrumentProblems(checklist)).toEqual([]);
  });

  it('rejects bands that do not start at 0, do not rise, or cannot be reached', () => {
    const instrument = RiskInstrument.parse({
      ...checklist,
      bands: [
        { level: 'medium', minYes: 2 },
        { level: 'standard', minYes: 5 },
        { level: 'high', minYes: 30 },
      ],
    });
    expect(findInstrumentProblems(instrument)).toEqual([
      { path: 'bands.0.minYes', message: 'instrument_invalid:first_band_must_start_at_0' },
      { path: 'bands.1', message: 'instrument_invalid:bands_must_rise' },
      { path: 'bands.2.minYes', message: 'instrument_invalid:band_unreachable' },
    ]);
  });

  it('rejects duplicate item ids', () => {
    const instrument = RiskInstrument.parse({ ...checklist, items: [...checklist.items, { id: 'item_1', text: text('igen') }] });
    expect(findInstrumentProblems(instrument)).toEqual([{ path: 'items.24.id', message: 'instrument_invalid:duplicate_id' }]);
  });
});

describe('structured professional judgement', () => {
  const form = StructuredJudgementForm.parse({
    kind: 'structured_judgement',
    key: 'test-judgement',
    version: 1,
    title: text('Vurdering'),
    factorGroups: [
      { id: 'violence', title: text('Volden'), factors: [{ id: 'physical', label: text('Fysisk vold') }, { id: 'threats', label: text('Trusler') }] },
      { id: 'vulnerability', title: text('Sårbarhed'), factors: [{ id: 'isolation', label: text('Isolation') }] },
    ],
    strategyCategories: [
      { id: 'monitoring', label: text('Opfølgning') },
      { id: 'safety_planning', label: text('Sikkerhedsplan') },
    ],
    maxScenarios: 2,
  });

  it('has no score: the overall level is the counsellor\'s judgement', () => {
    const answers = {
      factors: { physical: { presence: 'absent' as const }, threats: { presence: 'absent' as const }, isolation: { presence: 'absent' as const } },
      scenarios: [],
      strategies: [],
      overall: { level: 'high' as const, isImminent: true, rationale: 'Nylige trusler om drab efter bruddet' },
    };
    expect(findJudgementAnswerProblems(form, answers)).toEqual([]);
  });

  it('needs every factor rated and keeps to the form', () => {
    const problems = findJudgementAnswerProblems(form, {
      factors: { physical: { presence: 'present' }, weapons: { presence: 'present' } },
      scenarios: [{ description: 'a' }, { description: 'b' }, { description: 'c' }],
      strategies: [{ category: 'prayer', description: 'x' }],
      overall: { level: 'medium', isImminent: false, rationale: 'r' },
    });
    expect(problems).toEqual([
      { path: 'factors.threats', message: 'missing_answer' },
      { path: 'factors.isolation', message: 'missing_answer' },
      { path: 'factors.weapons', message: 'unknown_item' },
      { path: 'scenarios', message: 'too_many_scenarios' },
      { path: 'strategies.0.category', message: 'unknown_category' },
    ]);
  });

  it('rejects a factor id used twice in the form', () => {
    const broken = RiskInstrument.parse({ ...form, factorGroups: [...form.factorGroups, { id: 'more', title: text('Mere'), factors: [{ id: 'physical', label: text('igen') }] }] });
    expect(findInstrumentProblems(broken)).toEqual([{ path: 'factorGroups.2.factors.0.id', message: 'instrument_invalid:duplicate_id' }]);
  });
});

describe('red flags', () => {
  const flag = (label: string) => ({ atLeast: 'medium' as const, label: text(label) });
  /** Version 2 of the test checklist: items 1–3 (strangulation, threats to kill, a weapon) are red flags. */
  const flagged = ChecklistInstrument.parse({
    ...checklist,
    version: 2,
    items: checklist.items.map((item, index) => (index === 0 ? { ...item, redFlag: flag('kvælningsforsøg') } : index === 1 ? { ...item, redFlag: flag('trusler om drab') } : index === 2 ? { ...item, redFlag: flag('våben') } : item)),
  });
  const onlyFlagsYes: ChecklistAnswers = answersWithYes(3);

  it('all three answered "yes" gives at least Middel, and says which flags decided it', () => {
    const score = scoreChecklist(flagged, onlyFlagsYes);
    expect(score).toMatchObject({ ok: true, yesCount: 3, bandLevel: 'standard', computedLevel: 'medium', redFlagItemIds: ['item_1', 'item_2', 'item_3'] });
    expect(explainChecklistLevel(flagged, onlyFlagsYes).decidingRedFlags.map((item) => item.redFlag?.label.da)).toEqual(['kvælningsforsøg', 'trusler om drab', 'våben']);
  });

  it('one red flag alone is enough', () => {
    const answers = { ...answersWithYes(0), item_2: 'yes' as const };
    expect(explainChecklistLevel(flagged, answers)).toMatchObject({ level: 'medium', bandLevel: 'standard', yesCount: 1, decidingRedFlags: [expect.objectContaining({ id: 'item_2' })] });
  });

  it('with no flag answered "yes" the score decides', () => {
    const answers = Object.fromEntries(flagged.items.map((item, index) => [item.id, index >= 3 && index < 12 ? 'yes' : 'no'])) as ChecklistAnswers;
    expect(scoreChecklist(flagged, answers)).toMatchObject({ ok: true, yesCount: 9, computedLevel: 'standard', redFlagItemIds: [] });
    const highByCount = Object.fromEntries(flagged.items.map((item, index) => [item.id, index >= 3 && index < 17 ? 'yes' : 'no'])) as ChecklistAnswers;
    expect(scoreChecklist(flagged, highByCount)).toMatchObject({ computedLevel: 'high', redFlagItemIds: [] });
  });

  it('a flag never lowers: above its minimum the band decides, and names no flag', () => {
    expect(explainChecklistLevel(flagged, answersWithYes(14))).toMatchObject({ level: 'high', bandLevel: 'high', decidingRedFlags: [] });
  });

  it('"ved ikke" to a red flag raises nothing', () => {
    expect(explainChecklistLevel(flagged, { ...answersWithYes(0), item_1: 'unknown' })).toMatchObject({ level: 'standard', decidingRedFlags: [] });
  });

  it('a flag on a newer version does not change assessments made with the older one', () => {
    expect(scoreChecklist(checklist, onlyFlagsYes)).toMatchObject({ ok: true, computedLevel: 'standard', redFlagItemIds: [] });
    expect(scoreChecklist(flagged, onlyFlagsYes)).toMatchObject({ ok: true, computedLevel: 'medium' });
  });

  it('rejects a flag that sets only "standard"', () => {
    const useless = { ...flagged, items: flagged.items.map((item, index) => (index === 0 ? { ...item, redFlag: { atLeast: 'standard' as const, label: text('x') } } : item)) };
    expect(findInstrumentProblems(useless)).toEqual([{ path: 'items.0.redFlag.atLeast', message: 'instrument_invalid:red_flag_must_raise' }]);
    expect(findInstrumentProblems(flagged)).toEqual([]);
  });
});

describe('an instrument needs at least two bands', () => {
  it('names a single band as the problem', () => {
    const single = ChecklistInstrument.parse({ ...checklist, bands: [{ level: 'standard', minYes: 0 }] });
    expect(findInstrumentProblems(single)).toEqual([{ path: 'bands', message: 'instrument_invalid:at_least_two_bands' }]);
    expect(findInstrumentProblems(checklist)).toEqual([]);
  });
});
