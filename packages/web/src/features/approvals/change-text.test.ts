import { describe, expect, it } from 'vitest';
import { i18next } from '../../i18n';
import { valueText } from './change-text';

const t = i18next.getFixedT('da');

describe('a proposed change in words', () => {
  it('names municipalities and languages, never their codes', () => {
    expect(valueText(t, 'serviceArea.municipalityCodes', ['101', '147'])).toBe('Københavns Kommune, Frederiksberg Kommune');
    expect(valueText(t, 'locations.0.municipalityCode', '185')).toBe('Tårnby Kommune');
    expect(valueText(t, 'languages', ['da', 'ar'])).toBe('Dansk, Arabisk');
    expect(valueText(t, 'languages', ['da'], 'en-GB')).toBe('Danish');
  });

  it('keeps other values as they are', () => {
    expect(valueText(t, 'nameDa', '101 ting')).toBe('101 ting');
  });
});
