import { describe, expect, it } from 'vitest';
import { isOneOf, labelOfField, type DraftLabels } from './draft-errors';

const labels: DraftLabels = {
  field: (key) => ({ nameDa: 'Navn på dansk', 'schedule.noteDa': 'Bemærkning' })[key],
  lists: {
    phones: { item: (number) => `Telefon ${number}`, field: (name) => ({ number: 'Nummer' })[name] },
    'schedule.rules': { item: (number) => `Åbningstid ${number}`, field: () => undefined },
  },
  itemField: (item, field) => `${item}: ${field}`,
};

describe('labelOfField', () => {
  it('names a field by its own label', () => {
    expect(labelOfField('nameDa', labels)).toBe('Navn på dansk');
    expect(labelOfField('schedule.noteDa', labels)).toBe('Bemærkning');
  });

  it('names a field of a numbered row by the row and the field, counting from 1', () => {
    expect(labelOfField('phones.1.number', labels)).toBe('Telefon 2: Nummer');
    expect(labelOfField('schedule.rules.0.opensAt', labels)).toBe('Åbningstid 1');
  });

  it('falls back to the key when nothing names it', () => {
    expect(labelOfField('unknown.path', labels)).toBe('unknown.path');
  });
});

describe('isOneOf', () => {
  it('knows the feature’s codes', () => {
    expect(isOneOf(['slug_format', 'slug_taken'] as const, 'slug_taken')).toBe(true);
    expect(isOneOf(['slug_format'] as const, 'Too small')).toBe(false);
  });
});
