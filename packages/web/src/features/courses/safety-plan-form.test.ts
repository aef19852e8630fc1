import { describe, expect, it } from 'vitest';
import { i18next } from '../../i18n';
import { contentOf, draftOf, emptyRecord, validatePlan } from './safety-plan-form';
import { jsonProblem, rulesProblemsOf } from './rules-form';
import { ApiError } from '../../api/client';

const t = i18next.getFixedT('da');

describe('the safety plan draft', () => {
  it('turns a saved plan into strings and back', () => {
    const content = { safePeople: [{ name: 'Lone', howToReach: 'Sms', note: undefined }], safePlaces: [], warningSigns: ['Råber'], emergencySteps: [], children: [], importantDocuments: [], codeWords: [{ word: 'Blå', meaning: 'Ring 112' }], notes: undefined };
    const draft = draftOf(content);
    expect(draft.safePeople[0]).toEqual({ name: 'Lone', howToReach: 'Sms', note: '' });
    expect(draft.warningSigns).toEqual([{ text: 'Råber' }]);
    expect(contentOf(draft)).toEqual(content);
  });

  it('drops records left empty, and asks for what a started record needs', () => {
    const draft = draftOf(undefined);
    draft.safePeople = [{ name: '', howToReach: '', note: '' }];
    draft.codeWords = [{ word: 'Blå', meaning: '' }];
    expect(validatePlan(draft, t)).toEqual({ 'content.codeWords.0.meaning': t('courses.safetyPlan.required') });
    expect(contentOf(draft).safePeople).toEqual([]);
  });

  it('counts a chosen document as filled in, and limits lengths', () => {
    expect(emptyRecord('importantDocuments', 'passport')).toEqual({ document: 'passport', whereKept: '', note: '' });
    const draft = draftOf(undefined);
    draft.notes = 'x'.repeat(4001);
    expect(validatePlan(draft, t)).toEqual({ 'content.notes': t('courses.safetyPlan.tooLong', { max: 4000 }) });
  });
});

describe('the eligibility rules text', () => {
  it('says why text is not JSON', () => {
    expect(jsonProblem('{"a": 1}', t)).toBeUndefined();
    expect(jsonProblem('{a: 1}', t)).toMatch(/JSON/);
  });

  it('lists each of the server’s problems at its place in the rules', () => {
    const refusal = new ApiError(422, { detail: 'Reglerne kan ikke bruges.', errors: [{ path: 'body.exclusions.1', message: 'rule_invalid:min_greater_than_max' }, { path: 'body', message: 'whole' }] });
    expect(rulesProblemsOf(refusal, t)).toEqual({
      general: 'Reglerne kan ikke bruges.',
      list: [
        { path: 'exclusions.1', message: t('courses.serverMessages.rule_min_greater_than_max') },
        { path: t('courses.config.rulesRoot'), message: 'whole' },
      ],
    });
    expect(rulesProblemsOf(new ApiError(0, undefined), t)).toEqual({ general: t('errors.network'), list: [] });
  });
});
