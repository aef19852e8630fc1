import { describe, expect, it } from 'vitest';
import { danishDateOf, findPairingProblem, isConsentDatePlausible } from './PeerSupport.ts';

describe('pairing rules', () => {
  it('lets an active supporter below capacity take a pairing', () => {
    expect(findPairingProblem({ status: 'active', maxPairings: 2, activePairings: 1 })).toBeUndefined();
  });
  it('refuses a paused supporter and one at capacity', () => {
    expect(findPairingProblem({ status: 'paused', maxPairings: 2, activePairings: 0 })).toBe('supporter_paused');
    expect(findPairingProblem({ status: 'active', maxPairings: 2, activePairings: 2 })).toBe('supporter_at_capacity');
  });
  it('refuses a consent dated in the future', () => {
    expect(isConsentDatePlausible('2026-12-10', '2026-12-10')).toBe(true);
    expect(isConsentDatePlausible('2026-12-11', '2026-12-10')).toBe(false);
  });
  it('takes the date in Danish time', () => {
    expect(danishDateOf(new Date('2026-12-10T23:30:00Z'))).toBe('2026-12-11');
    expect(danishDateOf(new Date('2026-07-10T21:59:00Z'))).toBe('2026-07-10');
  });
});
