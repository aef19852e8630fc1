import { describe, expect, it } from 'vitest';
import { courseRiskLevelAfterAssessment, findRiskReductionProblem } from './risk-level.ts';

describe('a course risk level only goes down on purpose', () => {
  it('takes the higher of the current level and a new assessment', () => {
    expect(courseRiskLevelAfterAssessment(null, 'standard')).toBe('standard');
    expect(courseRiskLevelAfterAssessment('high', 'standard')).toBe('high');
    expect(courseRiskLevelAfterAssessment('medium', 'high')).toBe('high');
  });

  it('lets a reduction only lower a level that is set', () => {
    expect(findRiskReductionProblem(null, 'standard')).toBe('risk_level_not_set');
    expect(findRiskReductionProblem('medium', 'medium')).toBe('reduction_must_lower');
    expect(findRiskReductionProblem('medium', 'high')).toBe('reduction_must_lower');
    expect(findRiskReductionProblem('high', 'standard')).toBeUndefined();
  });
});
