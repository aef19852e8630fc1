import { describe, expect, it } from 'vitest';
import type { RoutingRule } from './Referral.ts';
import { proposeService } from './routing.ts';

const rule = (serviceId: string, role: RoutingRule['role'], gender: RoutingRule['gender'], isFallback = false): RoutingRule => ({ serviceId, role, gender, isFallback, isProposed: true });

/** The Interventionscenter routing (DOMAIN.md §4.1): women → LOKK, men → Mandecentret, users of violence → Dialog mod Vold. */
const interventionscenter: RoutingRule[] = [
  rule('dialog-mod-vold', 'uses_violence', null),
  rule('lokk', 'exposed', 'woman'),
  rule('mandecentret', 'exposed', 'man'),
  rule('hotline-1888', null, null, true),
];

describe('proposeService', () => {
  it.each([
    { role: 'exposed', gender: 'woman', expected: 'lokk' },
    { role: 'exposed', gender: 'man', expected: 'mandecentret' },
    { role: 'uses_violence', gender: 'woman', expected: 'dialog-mod-vold' },
    { role: 'uses_violence', gender: 'man', expected: 'dialog-mod-vold' },
    { role: 'exposed', gender: 'other', expected: 'hotline-1888' },
    { role: 'both', gender: 'woman', expected: 'hotline-1888' },
  ] as const)('$role $gender → $expected', ({ role, gender, expected }) => {
    expect(proposeService(interventionscenter, { role, gender })).toBe(expected);
  });

  it('never proposes a service that is only selectable, whatever its place in the order', () => {
    const selectableOnly: RoutingRule = { ...rule('moedrehjaelpen', 'exposed', 'woman'), isProposed: false };
    expect(proposeService([selectableOnly, ...interventionscenter], { role: 'exposed', gender: 'woman' })).toBe('lokk');
    expect(proposeService([selectableOnly, rule('hotline-1888', null, null, true)], { role: 'exposed', gender: 'woman' })).toBe('hotline-1888');
  });

  it('takes the first matching rule in order', () => {
    const rules = [rule('first', 'exposed', null), rule('second', 'exposed', 'woman')];
    expect(proposeService(rules, { role: 'exposed', gender: 'woman' })).toBe('first');
    expect(proposeService([...rules].reverse(), { role: 'exposed', gender: 'woman' })).toBe('second');
  });

  it('treats null role and null gender as wildcards', () => {
    expect(proposeService([rule('any-woman', null, 'woman')], { role: 'both', gender: 'woman' })).toBe('any-woman');
    expect(proposeService([rule('any-gender', 'both', null)], { role: 'both', gender: 'unknown' })).toBe('any-gender');
    expect(proposeService([rule('anyone', null, null)], { role: 'uses_violence', gender: 'other' })).toBe('anyone');
  });

  it('never picks the fallback as an ordinary match, even when it comes first', () => {
    const rules = [rule('fallback', null, null, true), rule('lokk', 'exposed', 'woman')];
    expect(proposeService(rules, { role: 'exposed', gender: 'woman' })).toBe('lokk');
    expect(proposeService(rules, { role: 'exposed', gender: 'man' })).toBe('fallback');
  });

  it('proposes nothing when no rule matches and there is no fallback', () => {
    expect(proposeService([rule('lokk', 'exposed', 'woman')], { role: 'exposed', gender: 'man' })).toBeUndefined();
    expect(proposeService([], { role: 'exposed', gender: 'woman' })).toBeUndefined();
  });
});
