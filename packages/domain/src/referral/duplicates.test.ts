import { describe, expect, it } from 'vitest';
import { DuplicateCheckRequest, normalisePersonName } from './duplicates.ts';

describe('normalisePersonName', () => {
  it('ignores case, spacing and the Unicode form of letters', () => {
    expect(normalisePersonName('  Mette   SØRENSEN ')).toBe(normalisePersonName('mette sørensen'));
    expect(normalisePersonName('Zoë Hansen')).toBe(normalisePersonName('Zoe\u0308 Hansen'));
  });

  it('keeps different spellings apart', () => {
    expect(normalisePersonName('Mette Sørensen')).not.toBe(normalisePersonName('Mette Sorensen'));
  });
});

describe('DuplicateCheckRequest', () => {
  const programmeId = '11111111-1111-4111-8111-111111111111';
  it('needs a programme and a name; CPR and birth year are optional', () => {
    expect(DuplicateCheckRequest.safeParse({ programmeId, fullName: 'Mette' }).success).toBe(true);
    expect(DuplicateCheckRequest.safeParse({ programmeId, fullName: ' ' }).success).toBe(false);
    expect(DuplicateCheckRequest.safeParse({ programmeId: 'x', fullName: 'Mette' }).success).toBe(false);
    expect(DuplicateCheckRequest.safeParse({ programmeId, fullName: 'Mette', extra: 1 }).success).toBe(false);
  });
});
