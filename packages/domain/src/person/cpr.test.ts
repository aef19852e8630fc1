import { describe, expect, it } from 'vitest';
import { fullYearFromCpr, genderHintFromCpr, isPlausibleCpr, normaliseCpr } from './cpr.ts';

/** The old modulus-11 check, only to prove that numbers failing it are still accepted. */
function passesModulus11(cpr: string): boolean {
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  const digits = normaliseCpr(cpr).split('').map(Number);
  return digits.reduce((sum, digit, index) => sum + digit * (weights[index] ?? 0), 0) % 11 === 0;
}

describe('isPlausibleCpr', () => {
  it.each(['010190-1234', '0101901234', ' 010190-1234 ', '311299-0000', '290200-4000', '010158-5000'])('accepts %j', (cpr) => {
    expect(isPlausibleCpr(cpr)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['01019-01234', 'hyphen in the wrong place'],
    ['010190-123', 'too short'],
    ['010190-12345', 'too long'],
    ['010190 1234', 'space instead of hyphen'],
    ['01-01-90-1234', 'extra separators'],
    ['O10190-1234', 'a letter'],
    ['010190--1234', 'two hyphens'],
  ])('rejects %j (%s)', (cpr) => {
    expect(isPlausibleCpr(cpr)).toBe(false);
  });

  it.each([
    ['310299-1234', '31 February'],
    ['300201-4000', '30 February'],
    ['290201-4000', '29 February 2001 (not a leap year)'],
    ['290200-0000', '29 February 1900 (digit 7 = 0 → 1900, not a leap year)'],
    ['290258-5000', '29 February 1858 (not a leap year)'],
    ['000190-1234', 'day 0'],
    ['320190-1234', 'day 32'],
    ['310490-1234', '31 April'],
    ['010090-1234', 'month 0'],
    ['011390-1234', 'month 13'],
  ])('rejects the impossible date in %j (%s)', (cpr) => {
    expect(isPlausibleCpr(cpr)).toBe(false);
  });

  it('accepts 29 February where the century makes it a leap year', () => {
    expect(isPlausibleCpr('290200-4000')).toBe(true); // 2000
    expect(isPlausibleCpr('290260-5000')).toBe(true); // 1860
    expect(isPlausibleCpr('290296-0000')).toBe(true); // 1996
  });

  it('accepts a plausible number that fails modulus 11 (issued since 2007; CPR says never reject)', () => {
    expect(passesModulus11('010190-1234')).toBe(false);
    expect(isPlausibleCpr('010190-1234')).toBe(true);
    expect(passesModulus11('010107-4000')).toBe(false);
    expect(isPlausibleCpr('010107-4000')).toBe(true);
  });
});

describe('fullYearFromCpr (the century table, DOMAIN.md §6.3)', () => {
  const table: [number, number, number][] = [];
  // [seventh digit, two-digit year, expected full year] at the edges of every band.
  for (const digit of [0, 1, 2, 3]) for (const yy of [0, 36, 37, 57, 58, 99]) table.push([digit, yy, 1900 + yy]);
  for (const digit of [4, 9]) {
    for (const yy of [0, 36]) table.push([digit, yy, 2000 + yy]);
    for (const yy of [37, 57, 58, 99]) table.push([digit, yy, 1900 + yy]);
  }
  for (const digit of [5, 6, 7, 8]) {
    for (const yy of [0, 36, 37, 57]) table.push([digit, yy, 2000 + yy]);
    for (const yy of [58, 99]) table.push([digit, yy, 1800 + yy]);
  }

  it.each(table)('digit 7 = %i, year %i → %i', (digit, yy, expected) => {
    expect(fullYearFromCpr(yy, digit)).toBe(expected);
  });

  it('covers every seventh digit', () => {
    expect(new Set(table.map(([digit]) => digit)).size).toBe(10);
  });
});

describe('normaliseCpr', () => {
  it('keeps the 10 digits only, so the lookup hash is the same with or without a hyphen', () => {
    expect(normaliseCpr('010190-1234')).toBe('0101901234');
    expect(normaliseCpr(' 0101901234 ')).toBe('0101901234');
  });
});

describe('genderHintFromCpr', () => {
  it('reads the last digit: odd a man, even a woman, nothing from an implausible number', () => {
    expect(genderHintFromCpr('010185-1233')).toBe('man');
    expect(genderHintFromCpr('0101851234')).toBe('woman');
    expect(genderHintFromCpr('320185-1234')).toBeUndefined();
  });
});
