import { describe, expect, it } from 'vitest';
import { expandMatrix, fromCsv, toCsv } from './authorization-matrix.ts';
import type { OperationPolicy } from './authorization-policy.ts';

/** The expansion alone, without an app: what the generator and the matrix test both rely on. */
describe('expandMatrix', () => {
  const getCourse = { operationId: 'getCourse', method: 'GET', path: '/api/courses/{courseId}' };
  const policy: Record<string, OperationPolicy> = { getCourse: { who: ['counsellor'], object: 'course', scope: 'own', states: { open: 'allowed', closed: 'allowed' } } };

  it('fails, naming it, on an operation without a decision and on a decision without an operation', () => {
    const listCourses = { operationId: 'listCourses', method: 'GET', path: '/api/courses' };
    expect(() => expandMatrix([getCourse, listCourses], policy)).toThrow('GET /api/courses (listCourses)');
    expect(() => expandMatrix([], policy)).toThrow('getCourse is no operation');
  });

  it('expands every role and relation on both sides and in every state, from the policy alone', () => {
    const cases = expandMatrix([getCourse], policy);
    // anonymous 1 + referrer 2 + three line roles × 3 + admin 2 + platform 2 + facilitator 2 + peer supporter 2
    // relations = 20, × 2 sides × 2 states
    expect(cases).toHaveLength(80);
    const answer = (role: string, relation: string) => [...new Set(cases.filter((c) => c.role === role && c.relation === relation).map((c) => c.expected))];
    expect(answer('anonymous', 'none')).toEqual(['unauthenticated']);
    expect(answer('counsellor', 'own')).toEqual(['allowed']);
    expect(answer('counsellor', 'other_org')).toEqual(['not_found']);
    expect(answer('counsellor', 'other_line')).toEqual(['not_found']);
    expect(answer('supervisor', 'own')).toEqual(['forbidden']);
    expect(answer('platform_admin', 'own')).toEqual(['forbidden']);
  });

  it('gives a grant to its holders only, and writes and reads the table unchanged', () => {
    const getProgramme = { operationId: 'getProgramme', method: 'GET', path: '/api/programmes/{programmeId}' };
    const cases = expandMatrix([getProgramme], { getProgramme: { who: 'signed_in', object: 'programme_grant', grant: { withoutGrant: 'not_found' } } });
    expect(cases.filter((c) => c.expected === 'allowed').map((c) => `${c.role}/${c.relation}`)).toEqual(['organisation_admin/own', 'organisation_admin/own']);
    expect(fromCsv(toCsv(cases))).toEqual(cases);
  });
});
