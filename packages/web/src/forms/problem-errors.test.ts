import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { formProblemOf, keyAndParents, problemKey, type ProblemMapping } from './problem-errors';

const texts = { network: 'No connection', unexpected: 'Unexpected' };
const fields = (...known: string[]): ProblemMapping => ({ fieldOf: (key) => keyAndParents(key).find((candidate) => known.includes(candidate)) });
const refusal = (problem: ConstructorParameters<typeof ApiError>[1], status = 422) => new ApiError(status, problem);

describe('problemKey', () => {
  it('strips the request part from dotted and slashed paths', () => {
    expect(problemKey('body.person.fullName')).toBe('person.fullName');
    expect(problemKey('/body/person/fullName')).toBe('person.fullName');
    expect(problemKey('querystring.status')).toBe('status');
    expect(problemKey('body')).toBe('');
    expect(problemKey('bodyguard.name')).toBe('bodyguard.name');
  });
});

describe('keyAndParents', () => {
  it('lists the key, then each parent', () => {
    expect(keyAndParents('phones.0.number')).toEqual(['phones.0.number', 'phones.0', 'phones']);
    expect(keyAndParents('')).toEqual([]);
  });
});

describe('formProblemOf', () => {
  it('puts each field error on its field and nothing on the form', () => {
    const problem = formProblemOf(refusal({ detail: 'Invalid', errors: [{ path: 'body.person.fullName', message: 'Too long' }] }), fields('person.fullName'), texts);
    expect(problem).toEqual({ fieldErrors: [{ fieldKey: 'person.fullName', message: 'Too long' }], formError: undefined });
  });

  it('places an error on the nearest shown parent field', () => {
    const problem = formProblemOf(refusal({ errors: [{ path: '/body/languages/2', message: 'language_format' }] }), fields('languages'), texts);
    expect(problem.fieldErrors).toEqual([{ fieldKey: 'languages', message: 'language_format' }]);
  });

  it('keeps only the first error of a field', () => {
    const problem = formProblemOf(
      refusal({ errors: [{ path: 'body.email', message: 'first' }, { path: 'body.email', message: 'second' }] }),
      fields('email'),
      texts,
    );
    expect(problem.fieldErrors).toEqual([{ fieldKey: 'email', message: 'first' }]);
  });

  it('says what it cannot place on the form, after the server’s explanation', () => {
    const problem = formProblemOf(
      refusal({ detail: 'Some fields are wrong.', errors: [{ path: 'body.email', message: 'taken' }, { path: 'body.secret', message: 'hidden field' }] }),
      fields('email'),
      texts,
    );
    expect(problem).toEqual({ fieldErrors: [{ fieldKey: 'email', message: 'taken' }], formError: 'Some fields are wrong. hidden field' });
  });

  it('shows a refusal without field errors on the form, with a fallback when the server said nothing', () => {
    expect(formProblemOf(refusal({ detail: 'Not allowed now.' }, 409), fields(), texts)).toEqual({ fieldErrors: [], formError: 'Not allowed now.' });
    expect(formProblemOf(refusal(undefined, 502), fields(), texts)).toEqual({ fieldErrors: [], formError: 'Unexpected' });
  });

  it('puts a code without a path on the field it belongs to', () => {
    const mapping = { ...fields('email'), codeFields: { email_taken: 'email' } };
    expect(formProblemOf(refusal({ code: 'email_taken', detail: 'The e-mail is taken.' }, 409), mapping, texts)).toEqual({
      fieldErrors: [{ fieldKey: 'email', message: 'The e-mail is taken.' }],
      formError: undefined,
    });
  });

  it('can say a code without a path in the form’s own words', () => {
    const mapping = { ...fields('slug'), codeFields: { slug_taken: { fieldKey: 'slug', message: 'Choose another address' } } };
    expect(formProblemOf(refusal({ code: 'slug_taken', detail: 'Taken.' }, 409), mapping, texts).fieldErrors).toEqual([{ fieldKey: 'slug', message: 'Choose another address' }]);
  });

  it('says the server’s codes in words', () => {
    const mapping = { ...fields('person.cpr'), messageOf: (message: string) => (message === 'cpr_format' ? 'Not a CPR number' : message) };
    expect(formProblemOf(refusal({ errors: [{ path: 'body.person.cpr', message: 'cpr_format' }] }), mapping, texts).fieldErrors).toEqual([
      { fieldKey: 'person.cpr', message: 'Not a CPR number' },
    ]);
  });

  it('says "no connection" when the server never answered, and "unexpected" for anything else thrown', () => {
    expect(formProblemOf(new ApiError(0, undefined), fields(), texts)).toEqual({ fieldErrors: [], formError: 'No connection' });
    expect(formProblemOf(new TypeError('bug'), fields(), texts)).toEqual({ fieldErrors: [], formError: 'Unexpected' });
  });
});
