import type { EligibilityRules } from '@bro/domain';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { serverMessage } from './course-ui';

/** The rules a service starts from: one target group, no exclusions. */
export const templateRules: EligibilityRules = {
  targetGroups: [{ id: 'maalgruppe', label: { da: 'Målgruppe', en: 'Target group' }, conditions: [{ fact: 'role', in: ['exposed'] }] }],
  exclusions: [],
  notInTargetGroupOnward: null,
};

export const rulesText = (rules: unknown) => JSON.stringify(rules, null, 2);

/** Why the admin's text is not JSON, or undefined when it is. */
export function jsonProblem(text: string, t: TFunction): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return t('courses.config.rulesJsonInvalid', { detail: error instanceof Error ? error.message : '' });
  }
}

export type RulesProblems = { general: string | undefined; list: { path: string; message: string }[] };

/** The server's refusal of the rules: its explanation, and each problem at its place in the rules (`exclusions.1`). */
export function rulesProblemsOf(error: unknown, t: TFunction): RulesProblems {
  if (!(error instanceof ApiError) || error.status === 0) return { general: error instanceof ApiError ? t('errors.network') : t('errors.unexpected'), list: [] };
  return {
    general: error.detail ?? t('errors.unexpected'),
    list: error.fieldErrors.map((problem) => ({ path: problem.path.replace(/^body\.?/, '') || t('courses.config.rulesRoot'), message: serverMessage(t, problem.message) })),
  };
}
