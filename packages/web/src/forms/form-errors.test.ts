import { describe, expect, it } from 'vitest';
import { groupErrorLines } from './form-errors';

describe('groupErrorLines', () => {
  const lines = [
    { message: 'Formen fejler' },
    { fieldKey: 'checklist.answers.q3', message: 'Svar på spørgsmål 3' },
    { fieldKey: 'checklist.judgementReason', message: 'Skriv en begrundelse' },
    { fieldKey: 'checklist.answers.q7', message: 'Svar på spørgsmål 7' },
  ];
  const domKey = (key: string) => `checklist.${key}`;

  it('makes the lines under a prefix one line where the first stood, linking to it', () => {
    expect(groupErrorLines(lines, [{ fieldPrefix: 'answers', message: (count) => `${count} spørgsmål mangler svar` }], domKey)).toEqual([
      { message: 'Formen fejler' },
      { fieldKey: 'checklist.answers.q3', message: '2 spørgsmål mangler svar' },
      { fieldKey: 'checklist.judgementReason', message: 'Skriv en begrundelse' },
    ]);
  });

  it('leaves the lines as they are without groups, or when none match', () => {
    expect(groupErrorLines(lines, [])).toEqual(lines);
    expect(groupErrorLines(lines, [{ fieldPrefix: 'answers', message: () => 'x' }])).toEqual(lines);
  });
});
