import type { CourseFromReferral, DecideTriageRequest, Gender, OnwardCategory, RiskLevel, TriageDecision, TriageFacts, TriageProposal, YesNoUnknown } from '@bro/domain';
import { isTriageReasonRequired } from '@bro/domain';
import type { TFunction } from 'i18next';
import type { FieldMessages } from '../../forms/schema';
import { parseWholeNumber } from './course-ui';

export type YesNoFact = 'substanceAbuse' | 'psychiatricDiagnosis' | 'massiveStalking' | 'honourRelatedConflict' | 'livesWithPartner' | 'childrenInHome' | 'currentShelterStay';
export const yesNoFacts: readonly YesNoFact[] = ['substanceAbuse', 'psychiatricDiagnosis', 'massiveStalking', 'honourRelatedConflict', 'livesWithPartner', 'childrenInHome', 'currentShelterStay'];

/** What the counsellor states about the person, under the request's paths (`facts.age`); numbers as typed. */
export type FactsValues = {
  facts: Record<YesNoFact, YesNoUnknown> & { gender: Gender; hasLeftPartner: YesNoUnknown; threatLevel: RiskLevel | 'unknown'; age: string; monthsSinceLeftPartner: string };
};

const unknownFacts: FactsValues['facts'] = {
  gender: 'unknown',
  age: '',
  hasLeftPartner: 'unknown',
  monthsSinceLeftPartner: '',
  threatLevel: 'unknown',
  substanceAbuse: 'unknown',
  psychiatricDiagnosis: 'unknown',
  massiveStalking: 'unknown',
  honourRelatedConflict: 'unknown',
  livesWithPartner: 'unknown',
  childrenInHome: 'unknown',
  currentShelterStay: 'unknown',
};

/**
 * The facts to start from: what the referral already said (gender, age from the birth year, children in the home,
 * its risk level as the threat level), else unknown — so nobody asks the person again what the referrer asked.
 */
export const initialFacts = (fromReferral: CourseFromReferral | null = null, year: number = new Date().getFullYear()): FactsValues => ({
  facts: {
    ...unknownFacts,
    ...(fromReferral && {
      gender: fromReferral.gender,
      age: fromReferral.birthYear === null ? '' : String(year - fromReferral.birthYear),
      childrenInHome: fromReferral.childrenInHome ?? 'unknown',
      threatLevel: fromReferral.riskLevel,
    }),
  },
});

/** The facts the form marks "from the referral": those the referral actually knew. */
export function factsFromReferral(fromReferral: CourseFromReferral | null): ReadonlySet<'gender' | 'age' | 'childrenInHome' | 'threatLevel'> {
  if (!fromReferral) return new Set();
  return new Set([
    ...(fromReferral.gender !== 'unknown' ? (['gender'] as const) : []),
    ...(fromReferral.birthYear !== null ? (['age'] as const) : []),
    ...(fromReferral.childrenInHome !== null && fromReferral.childrenInHome !== 'unknown' ? (['childrenInHome'] as const) : []),
    'threatLevel' as const,
  ]);
}


export function validateFacts({ facts }: FactsValues, t: TFunction): FieldMessages {
  const errors: FieldMessages = {};
  const age = parseWholeNumber(facts.age);
  const months = parseWholeNumber(facts.monthsSinceLeftPartner);
  if (facts.age.trim() && (age === undefined || age > 120)) errors['facts.age'] = t('courses.triage.ageFormat');
  if (facts.hasLeftPartner === 'yes' && facts.monthsSinceLeftPartner.trim() && (months === undefined || months > 600)) errors['facts.monthsSinceLeftPartner'] = t('courses.triage.monthsFormat');
  return errors;
}

/** The facts as the rules take them: an empty number is unknown; months count only once the partner is left. */
export function toTriageFacts({ facts }: FactsValues): TriageFacts {
  const { age, monthsSinceLeftPartner, ...known } = facts;
  return {
    ...known,
    age: age.trim() ? parseWholeNumber(age) : undefined,
    monthsSinceLeftPartner: facts.hasLeftPartner === 'yes' && monthsSinceLeftPartner.trim() ? parseWholeNumber(monthsSinceLeftPartner) : undefined,
  };
}

export type DecisionValues = { decision: TriageDecision | undefined; reason: string; onwardCategory: OnwardCategory | '' };

/** The rules' proposal is the starting point; "clarify" leaves the decision to the counsellor. */
export const initialDecision = (proposal: TriageProposal, category: OnwardCategory | undefined): DecisionValues => ({
  decision: proposal === 'clarify' ? undefined : proposal,
  reason: '',
  onwardCategory: category ?? '',
});

/** A decision against the proposal needs a reason; an onward one needs the kind of help. */
export function validateDecision(values: DecisionValues, proposal: TriageProposal, t: TFunction): FieldMessages {
  const errors: FieldMessages = {};
  if (!values.decision) errors.decision = t('courses.triage.decisionRequired');
  if (values.decision && isTriageReasonRequired(proposal, values.decision) && !values.reason.trim()) errors.reason = t('courses.serverMessages.required_when_deciding_against_the_proposal');
  if (values.decision === 'refer_onward' && !values.onwardCategory) errors.onwardCategory = t('courses.serverMessages.required_for_onward_referral');
  return errors;
}

export function toDecisionRequest(values: DecisionValues, facts: TriageFacts): DecideTriageRequest {
  const decision = values.decision as TriageDecision;
  return { facts, decision, reason: values.reason.trim() || undefined, onwardCategory: decision === 'refer_onward' && values.onwardCategory ? values.onwardCategory : undefined };
}
