import { describe, expect, it } from 'vitest';
import { daDictionary, dictionaryPairs, enDictionary } from './dictionaries';

/** Every key path of a dictionary, `a.b.c`, sorted. */
function keysOf(texts: object, prefix = ''): string[] {
  return Object.entries(texts)
    .flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`)))
    .sort();
}

describe('the Danish and English texts', () => {
  it.each(Object.entries(dictionaryPairs))('of %s have exactly the same keys', (_name, [danish, english]) => {
    expect(keysOf(english)).toEqual(keysOf(danish));
  });

  it('have the same keys once composed for the whole app', () => {
    expect(keysOf(enDictionary)).toEqual(keysOf(daDictionary));
  });

  it('leave no text empty', () => {
    const isEmpty = (texts: object): boolean => Object.values(texts).some((value) => (typeof value === 'string' ? value.trim() === '' : isEmpty(value as object)));
    expect(isEmpty(daDictionary)).toBe(false);
    expect(isEmpty(enDictionary)).toBe(false);
  });
});
