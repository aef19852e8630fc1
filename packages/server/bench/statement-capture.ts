import pg from 'pg';

/** One statement exactly as a pg client sent it, with what it returned. */
export type CapturedStatement = { sql: string; parameters: unknown[]; rows: Record<string, unknown>[] };

type QueryFunction = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * Records every statement any pg client in this process sends while `run` is running, in order: the session
 * lookup, Kysely's queries, and the BEGIN/COMMIT its transactions execute. Works below Kysely, at
 * `pg.Client.prototype.query`, so nothing is missed and nothing is invented. Only call it while exactly one
 * request is in flight.
 */
export async function captureStatements<T>(run: () => Promise<T>): Promise<{ result: T; statements: CapturedStatement[] }> {
  const statements: CapturedStatement[] = [];
  const original = pg.Client.prototype.query as unknown as QueryFunction;
  const recording: QueryFunction = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args;
    const sql = typeof first === 'string' ? first : (first as { text?: string }).text ?? '';
    const parameters = Array.isArray(second) ? [...second] : ((first as { values?: unknown[] }).values ?? []);
    const entry: CapturedStatement = { sql, parameters, rows: [] };
    statements.push(entry);
    const outcome = original.apply(this, args);
    if (outcome && typeof (outcome as Promise<unknown>).then === 'function') {
      void (outcome as Promise<{ rows?: Record<string, unknown>[] }>).then(
        (value) => {
          entry.rows = value?.rows ?? [];
        },
        () => {
          // The caller sees the error itself; the capture keeps the statement without rows.
        },
      );
    }
    return outcome;
  };
  (pg.Client.prototype as unknown as { query: QueryFunction }).query = recording;
  try {
    const result = await run();
    return { result, statements };
  } finally {
    (pg.Client.prototype as unknown as { query: QueryFunction }).query = original;
  }
}
