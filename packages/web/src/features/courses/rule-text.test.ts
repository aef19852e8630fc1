import { describe, expect, it } from 'vitest';
import { i18next } from '../../i18n';
import { describeActual, describeCondition, localised } from './rule-text';

const t = i18next.getFixedT('da');

describe('rules in words', () => {
  it('picks the text of the language, Danish by default', () => {
    expect(localised({ da: 'Målgruppe', en: 'Target group' }, 'en')).toBe('Target group');
    expect(localised({ da: 'Målgruppe', en: 'Target group' }, undefined)).toBe('Målgruppe');
  });

  it('says what a condition asks', () => {
    expect(describeCondition(t, { fact: 'age', min: 18 })).toBe(t('courses.rule.range', { fact: t('courses.fact.age'), range: t('courses.rule.atLeast', { value: 18 }) }));
    expect(describeCondition(t, { fact: 'age', min: 18, max: 65 })).toContain('65');
    expect(describeCondition(t, { fact: 'gender', in: ['woman'] })).toContain(t('gender.woman'));
    expect(describeCondition(t, { fact: 'threatLevel', atLeast: 'high' })).toContain(t('riskLevel.high'));
    expect(describeCondition(t, { fact: 'massiveStalking', is: true })).toContain(t('yesNoUnknown.yes'));
  });

  it('says what the facts were', () => {
    const condition = { fact: 'age' as const, min: 18 };
    expect(describeActual(t, { condition, actual: null, result: 'unknown' })).toBe(t('courses.rule.actualUnknown'));
    expect(describeActual(t, { condition, actual: 34, result: 'true' })).toBe('34');
    expect(describeActual(t, { condition: { fact: 'gender', in: ['woman'] }, actual: 'woman', result: 'true' })).toBe(t('gender.woman'));
    expect(describeActual(t, { condition: { fact: 'gender', in: ['woman'] }, actual: 'robot', result: 'false' })).toBe('robot');
    expect(describeActual(t, { condition: { fact: 'massiveStalking', is: true }, actual: false, result: 'false' })).toBe(t('yesNoUnknown.no'));
  });
});
