import pg from 'pg';

type QueryFunction = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * Records the text of every statement any pg client in this process sends while `run` runs, in order: the session
 * lookup, Kysely's queries and the BEGIN/COMMIT of its transactions. It patches `pg.Client.prototype.query`, below
 * Kysely, so nothing is missed. Only for tests that have exactly one request in flight.
 */
export async function recordStatements<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const original = pg.Client.prototype.query as unknown as QueryFunction;
  const recording: QueryFunction = function (this: pg.Client, ...args: unknown[]) {
    const [first] = args;
    statements.push(typeof first === 'string' ? first : ((first as { text?: string }).text ?? ''));
    return original.apply(this, args);
  };
  (pg.Client.prototype as unknown as { query: QueryFunction }).query = recording;
  try {
    return { result: await run(), statements };
  } finally {
    (pg.Client.prototype as unknown as { query: QueryFunction }).query = original;
  }
}
