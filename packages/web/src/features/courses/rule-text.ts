import type { BasicCondition, ConditionExplanation, LocalisedText } from '@bro/domain';
import type { TFunction } from 'i18next';

/** Eligibility rules in words: what a condition asks, and what the facts said. */

export function localised(text: LocalisedText, language: string | undefined): string {
  return language === 'en' ? text.en : text.da;
}

function range(t: TFunction, condition: { min?: number | undefined; max?: number | undefined }): string {
  if (condition.min !== undefined && condition.max !== undefined) return t('courses.rule.between', { min: condition.min, max: condition.max });
  if (condition.min !== undefined) return t('courses.rule.atLeast', { value: condition.min });
  return t('courses.rule.atMost', { value: condition.max ?? 0 });
}

export function describeCondition(t: TFunction, condition: BasicCondition): string {
  const fact = t(`courses.fact.${condition.fact}`);
  switch (condition.fact) {
    case 'role':
      return t('courses.rule.oneOf', { fact, values: condition.in.map((value) => t(`courses.personRole.${value}`)).join(', ') });
    case 'gender':
      return t('courses.rule.oneOf', { fact, values: condition.in.map((value) => t(`gender.${value}`)).join(', ') });
    case 'age':
    case 'monthsSinceLeftPartner':
      return t('courses.rule.range', { fact, range: range(t, condition) });
    case 'threatLevel':
      return t('courses.rule.threatAtLeast', { fact, level: t(`riskLevel.${condition.atLeast}`) });
    default:
      return t('courses.rule.is', { fact, value: condition.is ? t('yesNoUnknown.yes') : t('yesNoUnknown.no') });
  }
}

export function describeActual(t: TFunction, explanation: ConditionExplanation): string {
  const { actual, condition } = explanation;
  if (actual === null) return t('courses.rule.actualUnknown');
  if (actual === 'not_left') return t('courses.rule.notLeft');
  if (typeof actual === 'boolean') return actual ? t('yesNoUnknown.yes') : t('yesNoUnknown.no');
  if (typeof actual === 'number') return String(actual);
  switch (condition.fact) {
    case 'role':
      return isKnown(actual, ['exposed', 'uses_violence', 'relative']) ? t(`courses.personRole.${actual}`) : actual;
    case 'gender':
      return isKnown(actual, ['woman', 'man', 'other', 'unknown']) ? t(`gender.${actual}`) : actual;
    case 'threatLevel':
      return isKnown(actual, ['standard', 'medium', 'high']) ? t(`riskLevel.${actual}`) : actual;
    default:
      return actual;
  }
}

function isKnown<T extends string>(value: string, known: readonly T[]): value is T {
  return (known as readonly string[]).includes(value);
}
