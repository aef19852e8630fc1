import { describe, expect, it } from 'vitest';
import { EligibilityRules, evaluateEligibility, findEligibilityRuleProblems, onwardServiceIdsOf, TriageFacts, type EvaluationFacts } from './eligibility.ts';

const label = (da: string) => ({ da, en: da });

/**
 * Vores Vej Ud (seed 003; DOMAIN.md §4.5): an individual course for women exposed to violence; conversation groups
 * for women who left the partner six months ago or more; substance abuse → treatment, psychiatric diagnosis →
 * psychiatry, massive stalking or an honour-related conflict with a high threat level → a specialised service.
 */
const voresVejUd = EligibilityRules.parse({
  targetGroups: [
    {
      id: 'individual_course',
      label: label('Individuelt rådgivningsforløb'),
      conditions: [
        { fact: 'role', in: ['exposed'] },
        { fact: 'gender', in: ['woman'] },
        { fact: 'age', min: 18 },
      ],
    },
    {
      id: 'conversation_group',
      label: label('Samtalegruppe'),
      conditions: [
        { fact: 'role', in: ['exposed'] },
        { fact: 'gender', in: ['woman'] },
        { fact: 'monthsSinceLeftPartner', min: 6 },
      ],
    },
  ],
  exclusions: [
    { id: 'substance_abuse', label: label('Misbrug'), conditions: [{ fact: 'substanceAbuse', is: true }], onward: { category: 'substance_abuse_treatment' } },
    { id: 'psychiatric_diagnosis', label: label('Psykiatrisk diagnose'), conditions: [{ fact: 'psychiatricDiagnosis', is: true }], onward: { category: 'psychiatry' } },
    {
      id: 'high_threat',
      label: label('Massiv stalking eller æresrelateret konflikt med højt trusselsniveau'),
      conditions: [
        { anyOf: [{ fact: 'massiveStalking', is: true }, { fact: 'honourRelatedConflict', is: true }] },
        { fact: 'threatLevel', atLeast: 'high' },
      ],
      onward: { category: 'specialised_service', serviceId: '6b1f2c1e-4b5d-4c47-9a4b-1f6f5d2d8e11' },
    },
  ],
  notInTargetGroupOnward: { category: 'outpatient_counselling' },
});

/** A woman of 34, no exclusion criteria, every fact known. */
const clearCase = (overrides: Partial<EvaluationFacts> = {}): EvaluationFacts => ({
  ...TriageFacts.parse({
    gender: 'woman',
    age: 34,
    hasLeftPartner: 'no',
    threatLevel: 'medium',
    substanceAbuse: 'no',
    psychiatricDiagnosis: 'no',
    massiveStalking: 'no',
    honourRelatedConflict: 'no',
  }),
  role: 'exposed',
  ...overrides,
});

describe('evaluateEligibility: Vores Vej Ud', () => {
  it('accepts a woman exposed to violence with no exclusion', () => {
    const evaluation = evaluateEligibility(voresVejUd, clearCase());
    expect(evaluation).toMatchObject({ outcome: 'eligible', proposal: 'accept', matchedTargetGroupIds: ['individual_course'], appliedExclusionId: null, onward: null });
  });

  it('also finds the conversation groups for a woman who left six months ago or more', () => {
    expect(evaluateEligibility(voresVejUd, clearCase({ hasLeftPartner: 'yes', monthsSinceLeftPartner: 6 })).matchedTargetGroupIds).toEqual(['individual_course', 'conversation_group']);
    expect(evaluateEligibility(voresVejUd, clearCase({ hasLeftPartner: 'yes', monthsSinceLeftPartner: 5 })).matchedTargetGroupIds).toEqual(['individual_course']);
  });

  it.each([
    { name: 'substance abuse → treatment', facts: { substanceAbuse: 'yes' }, exclusion: 'substance_abuse', category: 'substance_abuse_treatment' },
    { name: 'psychiatric diagnosis → psychiatry', facts: { psychiatricDiagnosis: 'yes' }, exclusion: 'psychiatric_diagnosis', category: 'psychiatry' },
    { name: 'massive stalking with a high threat level → specialised service', facts: { massiveStalking: 'yes', threatLevel: 'high' }, exclusion: 'high_threat', category: 'specialised_service' },
    { name: 'honour-related conflict with a high threat level → specialised service', facts: { honourRelatedConflict: 'yes', threatLevel: 'high' }, exclusion: 'high_threat', category: 'specialised_service' },
  ] as const)('routes $name', ({ facts, exclusion, category }) => {
    const evaluation = evaluateEligibility(voresVejUd, clearCase(facts));
    expect(evaluation).toMatchObject({ outcome: 'excluded', proposal: 'refer_onward', appliedExclusionId: exclusion, onward: { category } });
  });

  it('does not exclude stalking below a high threat level', () => {
    expect(evaluateEligibility(voresVejUd, clearCase({ massiveStalking: 'yes', threatLevel: 'medium' })).outcome).toBe('eligible');
  });

  it('names the applied exclusion first when several apply', () => {
    expect(evaluateEligibility(voresVejUd, clearCase({ substanceAbuse: 'yes', psychiatricDiagnosis: 'yes' })).appliedExclusionId).toBe('substance_abuse');
  });

  it('excludes even when the target group is not yet clear (an applying exclusion needs no more facts)', () => {
    const facts = clearCase({ age: undefined, substanceAbuse: 'yes' });
    expect(evaluateEligibility(voresVejUd, facts).outcome).toBe('excluded');
  });

  it('leaves the outcome open, naming what to ask, when an exclusion fact is unknown', () => {
    const evaluation = evaluateEligibility(voresVejUd, clearCase({ psychiatricDiagnosis: 'unknown', threatLevel: 'unknown', massiveStalking: 'yes' }));
    expect(evaluation).toMatchObject({ outcome: 'undetermined', proposal: 'clarify', matchedTargetGroupIds: ['individual_course'] });
    expect(evaluation.missingFacts).toEqual(['psychiatricDiagnosis', 'threatLevel']);
  });

  it('does not ask about a fact that cannot change the outcome', () => {
    // Stalking unknown, but the threat level is known to be below high: the exclusion is false either way.
    expect(evaluateEligibility(voresVejUd, clearCase({ massiveStalking: 'unknown', honourRelatedConflict: 'unknown', threatLevel: 'standard' })).outcome).toBe('eligible');
  });

  it('proposes the general onward route outside the target groups', () => {
    for (const facts of [clearCase({ gender: 'man' }), clearCase({ role: 'uses_violence' }), clearCase({ age: 16 })]) {
      expect(evaluateEligibility(voresVejUd, facts)).toMatchObject({ outcome: 'not_in_target_group', proposal: 'refer_onward', onward: { category: 'outpatient_counselling' } });
    }
  });

  it('asks for the missing fact when the target group depends on it', () => {
    expect(evaluateEligibility(voresVejUd, clearCase({ gender: 'unknown' }))).toMatchObject({ outcome: 'undetermined', missingFacts: ['gender'] });
  });

  it('explains every rule, condition by condition, with the actual values', () => {
    const evaluation = evaluateEligibility(voresVejUd, clearCase({ massiveStalking: 'yes', threatLevel: 'high' }));
    const highThreat = evaluation.rules.find((rule) => rule.ruleId === 'high_threat');
    expect(highThreat).toMatchObject({ kind: 'exclusion', result: 'true' });
    expect(highThreat?.conditions[0]?.alternatives.map((alternative) => [alternative.condition.fact, alternative.actual, alternative.result])).toEqual([
      ['massiveStalking', true, 'true'],
      ['honourRelatedConflict', false, 'false'],
    ]);
    expect(highThreat?.conditions[1]?.alternatives[0]).toMatchObject({ actual: 'high', result: 'true' });
    expect(evaluation.rules.map((rule) => rule.ruleId)).toEqual(['individual_course', 'conversation_group', 'substance_abuse', 'psychiatric_diagnosis', 'high_threat']);
  });

  it('treats someone who has not left the partner as outside "left N months ago", not as unknown', () => {
    const group = evaluateEligibility(voresVejUd, clearCase({ hasLeftPartner: 'no' })).rules.find((rule) => rule.ruleId === 'conversation_group');
    expect(group?.result).toBe('false');
  });
});

describe('evaluateEligibility without rules', () => {
  it('proposes to accept', () => {
    expect(evaluateEligibility(null, clearCase())).toMatchObject({ outcome: 'no_rules', proposal: 'accept', rules: [] });
  });
});

describe('findEligibilityRuleProblems', () => {
  const rule = (conditions: unknown[], id = 'a') => ({ id, label: label('Regel'), conditions });
  const problemsOf = (rules: unknown) => findEligibilityRuleProblems(EligibilityRules.parse(rules));

  it('finds nothing wrong with sound rules', () => {
    expect(findEligibilityRuleProblems(voresVejUd)).toEqual([]);
  });

  it('rejects a range whose minimum is above its maximum, naming where', () => {
    expect(problemsOf({ targetGroups: [rule([{ fact: 'age', min: 65, max: 18 }])], exclusions: [] })).toEqual([
      { path: 'targetGroups.0.conditions.0', message: 'rule_invalid:min_greater_than_max' },
    ]);
  });

  it('rejects a range without bounds, also inside anyOf', () => {
    expect(problemsOf({ targetGroups: [rule([{ anyOf: [{ fact: 'gender', in: ['woman'] }, { fact: 'monthsSinceLeftPartner' }] }])], exclusions: [] })).toEqual([
      { path: 'targetGroups.0.conditions.0.anyOf.1', message: 'rule_invalid:range_without_bounds' },
    ]);
  });

  it('rejects duplicate rule ids across target groups and exclusions', () => {
    const rules = { targetGroups: [rule([{ fact: 'role', in: ['exposed'] }], 'same')], exclusions: [{ ...rule([{ fact: 'substanceAbuse', is: true }], 'same'), onward: { category: 'other' } }] };
    expect(problemsOf(rules)).toEqual([{ path: 'exclusions.0.id', message: 'rule_invalid:duplicate_rule_id' }]);
  });

  it('rejects a rule that can never apply because two of its conditions contradict', () => {
    expect(
      problemsOf({
        targetGroups: [rule([{ fact: 'gender', in: ['woman'] }, { fact: 'gender', in: ['man'] }, { fact: 'substanceAbuse', is: true }, { fact: 'substanceAbuse', is: false }, { fact: 'age', max: 17 }, { fact: 'age', min: 18 }])],
        exclusions: [],
      }),
    ).toEqual([
      { path: 'targetGroups.0.conditions.1', message: 'rule_invalid:contradicts_earlier_condition' },
      { path: 'targetGroups.0.conditions.3', message: 'rule_invalid:contradicts_earlier_condition' },
      { path: 'targetGroups.0.conditions.5', message: 'rule_invalid:contradicts_earlier_condition' },
    ]);
  });

  it('lets the schema refuse what cannot be evaluated at all: an unknown fact, an empty list, a missing onward route', () => {
    expect(EligibilityRules.safeParse({ targetGroups: [rule([{ fact: 'favouriteColour', is: true }])], exclusions: [] }).success).toBe(false);
    expect(EligibilityRules.safeParse({ targetGroups: [rule([{ fact: 'role', in: [] }])], exclusions: [] }).success).toBe(false);
    expect(EligibilityRules.safeParse({ targetGroups: [], exclusions: [] }).success).toBe(false);
    expect(EligibilityRules.safeParse({ targetGroups: [rule([{ fact: 'role', in: ['exposed'] }])], exclusions: [rule([{ fact: 'substanceAbuse', is: true }], 'b')] }).success).toBe(false);
    expect(EligibilityRules.safeParse({ targetGroups: [rule([{ anyOf: [{ fact: 'role', in: ['exposed'] }] }])], exclusions: [] }).success).toBe(false);
  });

  it('lists the proposed services once each', () => {
    expect(onwardServiceIdsOf(voresVejUd)).toEqual(['6b1f2c1e-4b5d-4c47-9a4b-1f6f5d2d8e11']);
  });
});
