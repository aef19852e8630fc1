import { describe, expect, it } from 'vitest';
import { LanguageCode } from '../directory/taxonomy.ts';
import { commonLanguageCodes } from './languages.ts';

describe('the common languages', () => {
  it('are valid, distinct language codes that have a Danish name, Danish first', () => {
    const names = new Intl.DisplayNames(['da'], { type: 'language' });
    expect(commonLanguageCodes[0]).toBe('da');
    expect(new Set(commonLanguageCodes).size).toBe(commonLanguageCodes.length);
    for (const code of commonLanguageCodes) {
      expect(LanguageCode.parse(code)).toBe(code);
      expect(names.of(code), code).not.toBe(code);
    }
  });
});
