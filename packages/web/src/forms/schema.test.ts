import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { byField, checkedBy, formLevelKey, requestSchema } from './schema';

describe('checkedBy', () => {
  const schema = checkedBy<{ name: string }>((values) => (values.name.trim() ? {} : { name: 'Write a name' }));

  it('turns each named problem into an issue on that field', () => {
    const result = schema.safeParse({ name: ' ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['name', 'Write a name']]);
  });

  it('passes valid values on unchanged', () => {
    expect(schema.parse({ name: 'Ada' })).toEqual({ name: 'Ada' });
  });
});

describe('requestSchema', () => {
  const Request = z.strictObject({ email: z.email(), unitId: z.uuid().optional() });
  const schema = requestSchema({
    schema: Request,
    toRequest: (values: { email: string; unitId: string }) => ({ email: values.email.trim(), unitId: values.unitId || undefined }),
    messageOf: byField({ email: 'Write an e-mail address' }, 'Check the field'),
  });

  it('checks the request with the domain schema and gives the form’s sentence per field', () => {
    const result = schema.safeParse({ email: 'not an address', unitId: 'x' });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['email', 'Write an e-mail address'],
      ['unitId', 'Check the field'],
    ]);
  });

  it('outputs the parsed request', () => {
    expect(schema.parse({ email: ' ada@example.org ', unitId: '' })).toEqual({ email: 'ada@example.org' });
  });

  it('keeps an issue about the request as a whole on the form', () => {
    const whole = requestSchema({ schema: z.object({ a: z.string() }).refine(() => false, 'never'), toRequest: (values: { a: string }) => values, messageOf: (issue) => issue.message });
    expect(whole.safeParse({ a: 'x' }).error?.issues[0]?.path).toEqual([formLevelKey]);
  });
});
