import { describe, expect, it } from 'vitest';
import { identifier, name, text } from './text.ts';

const problemOf = (schema: ReturnType<typeof text>, value: string) => {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues.map((issue) => issue.message);
};

describe('text, names and identifiers', () => {
  const note = text({ max: 100, multiline: true });
  const line = text({ max: 100 });
  const personName = name({ max: 100 });
  const reference = identifier({ max: 100 });

  it('stores text in Unicode NFC', () => {
    const decomposed = 'Søren A\u030Arø'; // "Å" typed as A + combining ring
    expect(personName.parse(decomposed)).toBe('Søren Årø');
    expect(note.parse(decomposed)).toBe('Søren Årø');
  });

  it('refuses NUL, other control characters, bidirectional controls and lone surrogates in every kind of text', () => {
    for (const schema of [note, line, personName, reference]) {
      for (const bad of ['a\u0000b', 'bell\u0007', 'c1\u0085x', 'esc\u001b[31m', 'a\u202eb', 'a\u2066b', 'lone \ud800', 'lone \udc00x', 'del\u007f']) {
        expect(problemOf(schema, bad), JSON.stringify(bad)).toEqual(['unsafe_character']);
      }
    }
  });

  it('allows tab and line breaks only in a multi-line field', () => {
    expect(note.parse('Linje 1\nLinje 2\r\n\tindrykket')).toBe('Linje 1\nLinje 2\r\n\tindrykket');
    for (const schema of [line, personName, reference]) {
      for (const bad of ['Linje 1\nLinje 2', 'a\tb', 'a\rb', 'a\u2028b']) expect(problemOf(schema, bad), JSON.stringify(bad)).toEqual(['single_line']);
    }
  });

  it('refuses zero-width characters in names and identifiers, and keeps them as given in free text', () => {
    for (const invisible of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      expect(problemOf(personName, `Ali${invisible}ce`)).toEqual(['zero_width_character']);
      expect(problemOf(reference, `sag-1${invisible}2`)).toEqual(['zero_width_character']);
    }
    expect(line.parse('می‌خواهم')).toBe('می‌خواهم');
    expect(note.parse('Familie 👩‍👧')).toBe('Familie 👩‍👧');
  });

  it('trims, keeps names people type, and bounds the length', () => {
    expect(personName.parse('  Amal أمل  ')).toBe('Amal أمل');
    expect(personName.parse('mark\u200f')).toBe('mark\u200f');
    expect(text({ max: 5, trim: false }).parse(' ab ')).toBe(' ab ');
    expect(personName.safeParse('x'.repeat(101)).success).toBe(false);
    expect(personName.min(1).safeParse('   ').success).toBe(false);
  });
});
