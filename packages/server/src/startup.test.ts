import { describe, expect, it } from 'vitest';
import { ConfigError } from './env.ts';
import { StartupError } from './startup-error.ts';
import { describeStartupError } from './startup.ts';

/** The one line an operator reads when Bro cannot start: a cause and a way out, never "undefined". */
describe('describeStartupError', () => {
  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

  it('names a cause for what carries none: nothing thrown, an error without a message, a thrown object', () => {
    for (const thrown of [undefined, null, new Error(), new TypeError(''), { reason: 'x' }, 'text', 42]) {
      const line = describeStartupError(thrown);
      expect(line).not.toMatch(/^undefined|: undefined$|^$/);
      expect(line.length).toBeGreaterThan(20);
    }
    expect(describeStartupError(undefined)).toMatch(/^an unknown error \(undefined was thrown, with no details\)\. Fix the cause/);
    expect(describeStartupError(new TypeError(''))).toMatch(/^TypeError without a message\. /);
    expect(describeStartupError({ reason: 'x' })).toMatch(/^a thrown \{"reason":"x"\}\. /);
  });

  it('spells out an AggregateError (a connect to every address of a name failing) and gives the way out by its code', () => {
    const refused = new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED'), withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')], '');
    expect(describeStartupError(refused)).toBe(
      'AggregateError ECONNREFUSED without a message (connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432). Is the PostgreSQL server at DATABASE_URL running and reachable from here? (Without DATABASE_URL Bro starts its own.)',
    );
  });

  it('follows the cause chain and knows the usual codes', () => {
    expect(describeStartupError(new Error('migration failed', { cause: withCode('password authentication failed for user "bro"', '28P01') }))).toBe(
      'migration failed (cause: password authentication failed for user "bro"). Check the user name and password in DATABASE_URL',
    );
    expect(describeStartupError(new Error('the schema could not be read'))).toBe('the schema could not be read. Fix the cause above and start again (LOG_LEVEL=debug logs more); if the cause is unclear, report this line');
    expect(describeStartupError(withCode('listen EADDRINUSE: address already in use 127.0.0.1:3000', 'EADDRINUSE'))).toMatch(/Another program uses HOST:PORT/);
    expect(describeStartupError(withCode("EACCES: permission denied, mkdir '/data'", 'EACCES'))).toMatch(/may write to DATA_DIR$/);
  });

  it('leaves our own errors as they are: they name their way out already', () => {
    expect(describeStartupError(new ConfigError('ENCRYPTION_KEY must be 32 bytes, base64-encoded.'))).toBe('ENCRYPTION_KEY must be 32 bytes, base64-encoded.');
    expect(describeStartupError(new StartupError('the folder is in use', 'Stop that Bro first'))).toBe('the folder is in use. Stop that Bro first');
  });
});
