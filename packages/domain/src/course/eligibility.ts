import { z } from 'zod';
import { Gender, RiskLevel, YesNoUnknown } from '../referral/Referral.ts';
import { CoursePersonRole, DataId, LocalisedText, OnwardCategory } from './course-terms.ts';

/**
 * Eligibility as data (target groups, exclusions with their onward route), a small rule language to write it in,
 * and an evaluator that says which rule applies and why.
 *
 * The language is deliberately flat: a rule holds a list of conditions that must all hold; a condition is one
 * test of one fact, or `anyOf` a few such tests. That is enough for every rule in the seed texts (e.g. Vores Vej
 * Ud: "massive stalking or an honour-related conflict, with a high threat level") and keeps a rule readable by the
 * service's admin who writes it.
 *
 * Facts can be unknown. Evaluation is three-valued (true, false, unknown): an unknown fact never silently passes or
 * excludes a person; it makes the outcome `undetermined` and names the facts to clarify.
 */

/** Yes/no facts asked at triage. Health facts (substance use, psychiatric diagnosis) are Art. 9 data: stored encrypted. */
export const BooleanFact = z.enum([
  'substanceAbuse',
  'psychiatricDiagnosis',
  'massiveStalking',
  'honourRelatedConflict',
  'livesWithPartner',
  'childrenInHome',
  'currentShelterStay',
]);
export type BooleanFact = z.infer<typeof BooleanFact>;

export const EligibilityFactName = z.enum(['role', 'gender', 'age', 'monthsSinceLeftPartner', 'threatLevel', ...BooleanFact.options]);
export type EligibilityFactName = z.infer<typeof EligibilityFactName>;

const Bound = (max: number) => z.number().int().min(0).max(max);

export const BasicCondition = z.discriminatedUnion('fact', [
  z.strictObject({ fact: z.literal('role'), in: z.array(CoursePersonRole).min(1).max(3) }),
  z.strictObject({ fact: z.literal('gender'), in: z.array(Gender).min(1).max(4) }),
  z.strictObject({ fact: z.literal('age'), min: Bound(120).optional(), max: Bound(120).optional() }),
  z.strictObject({ fact: z.literal('monthsSinceLeftPartner'), min: Bound(600).optional(), max: Bound(600).optional() }),
  z.strictObject({ fact: z.literal('threatLevel'), atLeast: RiskLevel }),
  z.strictObject({ fact: BooleanFact, is: z.boolean() }),
]);
export type BasicCondition = z.infer<typeof BasicCondition>;

export const Condition = z.union([BasicCondition, z.strictObject({ anyOf: z.array(BasicCondition).min(2).max(10) })]);
export type Condition = z.infer<typeof Condition>;

/** Where to send a person a rule routes away: a kind of help, and optionally a service on Bro to propose. */
export const OnwardRoute = z.strictObject({ category: OnwardCategory, serviceId: z.uuid().optional() });
export type OnwardRoute = z.infer<typeof OnwardRoute>;

export const TargetGroupRule = z.strictObject({ id: DataId, label: LocalisedText, conditions: z.array(Condition).min(1).max(10) });
export type TargetGroupRule = z.infer<typeof TargetGroupRule>;

export const ExclusionRule = z.strictObject({ id: DataId, label: LocalisedText, conditions: z.array(Condition).min(1).max(10), onward: OnwardRoute });
export type ExclusionRule = z.infer<typeof ExclusionRule>;

/** A service's eligibility rules. Saved as a new version each time; triage records the version it used. */
export const EligibilityRules = z.strictObject({
  targetGroups: z.array(TargetGroupRule).min(1).max(20),
  exclusions: z.array(ExclusionRule).max(20),
  /** Proposed when the person is in no target group (e.g. the national hotline). */
  notInTargetGroupOnward: OnwardRoute.nullable().default(null),
});
export type EligibilityRules = z.infer<typeof EligibilityRules>;

/** What the counsellor knows at triage. Omitted or `unknown` means not known. */
export const TriageFacts = z.strictObject({
  gender: Gender.default('unknown'),
  age: z.number().int().min(0).max(120).optional(),
  hasLeftPartner: YesNoUnknown.default('unknown'),
  /** Only meaningful when `hasLeftPartner` is `yes`. */
  monthsSinceLeftPartner: z.number().int().min(0).max(600).optional(),
  threatLevel: z.union([RiskLevel, z.literal('unknown')]).default('unknown'),
  substanceAbuse: YesNoUnknown.default('unknown'),
  psychiatricDiagnosis: YesNoUnknown.default('unknown'),
  massiveStalking: YesNoUnknown.default('unknown'),
  honourRelatedConflict: YesNoUnknown.default('unknown'),
  livesWithPartner: YesNoUnknown.default('unknown'),
  childrenInHome: YesNoUnknown.default('unknown'),
  currentShelterStay: YesNoUnknown.default('unknown'),
});
export type TriageFacts = z.infer<typeof TriageFacts>;

/** The facts plus the person's role in the course (known from the course, never asked again). */
export type EvaluationFacts = TriageFacts & { role: CoursePersonRole };

export const TruthValue = z.enum(['true', 'false', 'unknown']);
export type TruthValue = z.infer<typeof TruthValue>;

export const ConditionExplanation = z.object({
  condition: BasicCondition,
  /** The fact's value as given; null when unknown. */
  actual: z.union([z.string(), z.number(), z.boolean()]).nullable(),
  result: TruthValue,
});
export type ConditionExplanation = z.infer<typeof ConditionExplanation>;

export const RuleExplanation = z.object({
  ruleId: z.string(),
  kind: z.enum(['target_group', 'exclusion']),
  label: LocalisedText,
  result: TruthValue,
  /** One entry per condition; an `anyOf` condition lists each of its alternatives under the same index. */
  conditions: z.array(z.object({ result: TruthValue, alternatives: z.array(ConditionExplanation) })),
});
export type RuleExplanation = z.infer<typeof RuleExplanation>;

export const EligibilityOutcome = z.enum(['eligible', 'excluded', 'not_in_target_group', 'undetermined', 'no_rules']);
export type EligibilityOutcome = z.infer<typeof EligibilityOutcome>;

export const TriageProposal = z.enum(['accept', 'refer_onward', 'clarify']);
export type TriageProposal = z.infer<typeof TriageProposal>;

export const EligibilityEvaluation = z.object({
  outcome: EligibilityOutcome,
  proposal: TriageProposal,
  matchedTargetGroupIds: z.array(z.string()),
  /** The first exclusion that applies. */
  appliedExclusionId: z.string().nullable(),
  onward: OnwardRoute.nullable(),
  /** Facts whose being unknown kept the outcome open. */
  missingFacts: z.array(EligibilityFactName),
  rules: z.array(RuleExplanation),
});
export type EligibilityEvaluation = z.infer<typeof EligibilityEvaluation>;

const riskOrder: Record<RiskLevel, number> = { standard: 0, medium: 1, high: 2 };

function factValue(facts: EvaluationFacts, condition: BasicCondition): string | number | boolean | null {
  switch (condition.fact) {
    case 'role':
      return facts.role;
    case 'gender':
      return facts.gender === 'unknown' ? null : facts.gender;
    case 'age':
      return facts.age ?? null;
    case 'monthsSinceLeftPartner':
      if (facts.hasLeftPartner === 'no') return 'not_left';
      return facts.hasLeftPartner === 'yes' ? (facts.monthsSinceLeftPartner ?? null) : null;
    case 'threatLevel':
      return facts.threatLevel === 'unknown' ? null : facts.threatLevel;
    default: {
      const value = facts[condition.fact];
      return value === 'unknown' ? null : value === 'yes';
    }
  }
}

function inRange(value: number, condition: { min?: number | undefined; max?: number | undefined }): boolean {
  return (condition.min === undefined || value >= condition.min) && (condition.max === undefined || value <= condition.max);
}

/** One basic condition against the facts. */
export function evaluateBasicCondition(condition: BasicCondition, facts: EvaluationFacts): ConditionExplanation {
  const actual = factValue(facts, condition);
  const result = ((): TruthValue => {
    if (actual === null) return 'unknown';
    switch (condition.fact) {
      case 'role':
      case 'gender':
        return (condition.in as readonly string[]).includes(String(actual)) ? 'true' : 'false';
      case 'age':
        return inRange(Number(actual), condition) ? 'true' : 'false';
      case 'monthsSinceLeftPartner':
        // Someone who has not left the partner has not left "at least N months ago", nor "at most N months ago".
        return actual === 'not_left' ? 'false' : inRange(Number(actual), condition) ? 'true' : 'false';
      case 'threatLevel':
        return riskOrder[actual as RiskLevel] >= riskOrder[condition.atLeast] ? 'true' : 'false';
      default:
        return actual === condition.is ? 'true' : 'false';
    }
  })();
  return { condition, actual, result };
}

/** Kleene logic: false wins an `and`, true wins an `or`, otherwise unknown taints. */
function allOf(values: readonly TruthValue[]): TruthValue {
  if (values.includes('false')) return 'false';
  return values.includes('unknown') ? 'unknown' : 'true';
}
function anyOf(values: readonly TruthValue[]): TruthValue {
  if (values.includes('true')) return 'true';
  return values.includes('unknown') ? 'unknown' : 'false';
}

function evaluateRule(rule: TargetGroupRule | ExclusionRule, kind: RuleExplanation['kind'], facts: EvaluationFacts): RuleExplanation {
  const conditions = rule.conditions.map((condition) => {
    const alternatives = 'anyOf' in condition ? condition.anyOf.map((basic) => evaluateBasicCondition(basic, facts)) : [evaluateBasicCondition(condition, facts)];
    return { result: anyOf(alternatives.map((alternative) => alternative.result)), alternatives };
  });
  return { ruleId: rule.id, kind, label: rule.label, result: allOf(conditions.map((condition) => condition.result)), conditions };
}

/** The facts whose unknown value left an undecided rule undecided. */
function unknownFactsOf(rules: readonly RuleExplanation[]): EligibilityFactName[] {
  const names = new Set<EligibilityFactName>();
  for (const rule of rules) {
    if (rule.result !== 'unknown') continue;
    for (const condition of rule.conditions) {
      if (condition.result !== 'unknown') continue;
      for (const alternative of condition.alternatives) if (alternative.result === 'unknown') names.add(alternative.condition.fact);
    }
  }
  return [...names].sort();
}

/**
 * Evaluates a service's rules. Exclusions come first: one that applies excludes, with its onward route, whatever
 * the target groups say. Otherwise the person is eligible when a target group applies and no exclusion is left
 * open; in no target group, the rules' general onward route is proposed.
 */
export function evaluateEligibility(rules: EligibilityRules | null, facts: EvaluationFacts): EligibilityEvaluation {
  if (rules === null) {
    return { outcome: 'no_rules', proposal: 'accept', matchedTargetGroupIds: [], appliedExclusionId: null, onward: null, missingFacts: [], rules: [] };
  }
  const targetGroups = rules.targetGroups.map((rule) => evaluateRule(rule, 'target_group', facts));
  const exclusions = rules.exclusions.map((rule) => evaluateRule(rule, 'exclusion', facts));
  const explained = [...targetGroups, ...exclusions];
  const matchedTargetGroupIds = targetGroups.filter((rule) => rule.result === 'true').map((rule) => rule.ruleId);
  const base = { matchedTargetGroupIds, rules: explained };

  const appliedIndex = exclusions.findIndex((rule) => rule.result === 'true');
  const applied = appliedIndex >= 0 ? rules.exclusions[appliedIndex] : undefined;
  if (applied) {
    return { ...base, outcome: 'excluded', proposal: 'refer_onward', appliedExclusionId: applied.id, onward: applied.onward, missingFacts: [] };
  }
  if (matchedTargetGroupIds.length === 0) {
    if (targetGroups.some((rule) => rule.result === 'unknown')) {
      return { ...base, outcome: 'undetermined', proposal: 'clarify', appliedExclusionId: null, onward: null, missingFacts: unknownFactsOf(targetGroups) };
    }
    const onward = rules.notInTargetGroupOnward ?? null;
    return { ...base, outcome: 'not_in_target_group', proposal: onward ? 'refer_onward' : 'clarify', appliedExclusionId: null, onward, missingFacts: [] };
  }
  if (exclusions.some((rule) => rule.result === 'unknown')) {
    return { ...base, outcome: 'undetermined', proposal: 'clarify', appliedExclusionId: null, onward: null, missingFacts: unknownFactsOf(exclusions) };
  }
  return { ...base, outcome: 'eligible', proposal: 'accept', appliedExclusionId: null, onward: null, missingFacts: [] };
}

export type RuleProblem = { path: string; message: string };

/**
 * What the schema cannot see: rules that parse but cannot be evaluated as meant. Each problem names the place and
 * the reason (`rule_invalid:<reason>`), so the admin's form can point at it. Empty: the rules are sound.
 */
export function findEligibilityRuleProblems(rules: EligibilityRules): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  const checkRule = (rule: TargetGroupRule | ExclusionRule, path: string) => {
    if (seen.has(rule.id)) problems.push({ path: `${path}.id`, message: 'rule_invalid:duplicate_rule_id' });
    seen.add(rule.id);
    rule.conditions.forEach((condition, conditionIndex) => {
      const conditionPath = `${path}.conditions.${conditionIndex}`;
      const basics = 'anyOf' in condition ? condition.anyOf.map((basic, index) => [basic, `${conditionPath}.anyOf.${index}`] as const) : [[condition, conditionPath] as const];
      for (const [basic, basicPath] of basics) {
        if (basic.fact !== 'age' && basic.fact !== 'monthsSinceLeftPartner') continue;
        if (basic.min === undefined && basic.max === undefined) problems.push({ path: basicPath, message: 'rule_invalid:range_without_bounds' });
        else if (basic.min !== undefined && basic.max !== undefined && basic.min > basic.max) problems.push({ path: basicPath, message: 'rule_invalid:min_greater_than_max' });
      }
      if ('anyOf' in condition) return;
      // The same fact twice in one rule, with values that cannot both hold, makes the rule never apply.
      const sameFact = rule.conditions.slice(0, conditionIndex).filter((earlier): earlier is BasicCondition => !('anyOf' in earlier) && earlier.fact === condition.fact);
      if (sameFact.some((earlier) => !canBothHold(earlier, condition))) problems.push({ path: conditionPath, message: 'rule_invalid:contradicts_earlier_condition' });
    });
  };
  rules.targetGroups.forEach((rule, index) => checkRule(rule, `targetGroups.${index}`));
  rules.exclusions.forEach((rule, index) => checkRule(rule, `exclusions.${index}`));
  return problems;
}

function canBothHold(a: BasicCondition, b: BasicCondition): boolean {
  if ('in' in a && 'in' in b) return (a.in as readonly string[]).some((value) => (b.in as readonly string[]).includes(value));
  if ('is' in a && 'is' in b) return a.is === b.is;
  if (a.fact === 'age' || a.fact === 'monthsSinceLeftPartner') {
    const range = a as { min?: number; max?: number };
    const other = b as { min?: number; max?: number };
    return Math.max(range.min ?? 0, other.min ?? 0) <= Math.min(range.max ?? Infinity, other.max ?? Infinity);
  }
  // Two "at least" thresholds on the threat level can always both hold.
  return true;
}

/** The service ids a rule set proposes, for checking that they exist. */
export function onwardServiceIdsOf(rules: EligibilityRules): string[] {
  const routes = [...rules.exclusions.map((rule) => rule.onward), ...(rules.notInTargetGroupOnward ? [rules.notInTargetGroupOnward] : [])];
  return [...new Set(routes.flatMap((route) => (route.serviceId ? [route.serviceId] : [])))];
}
