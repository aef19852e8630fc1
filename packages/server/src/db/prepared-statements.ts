import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Statements with parameters are sent as named prepared statements, one per distinct SQL text and connection, so
 * PostgreSQL parses and plans each once per connection instead of at every call. Measured on the create path
 * (docs/performance.md): planning was about a third of the database time of a referral creation — the session
 * lookup and the create's preparing read are joins planned anew every time, 0.6–0.95 ms each.
 *
 * Bounded: at most MAX_PREPARED_PER_CONNECTION texts per connection are prepared (the app's repeated statements are
 * far fewer); anything beyond is sent unnamed as before. Names are a hash of the text, so one name never stands for
 * two texts. Statements without parameters (BEGIN, COMMIT, DDL) are left as they are.
 */
const MAX_PREPARED_PER_CONNECTION = 300;

type QueryArguments = Parameters<pg.PoolClient['query']>;

export function prepareRepeatedStatements(client: pg.PoolClient): void {
  const prepared = new Set<string>();
  // Looked up at every call, not captured once: tools that wrap pg.Client.prototype.query (the bench's statement
  // capture, the tests' statement recorder) must still see every statement.
  const prototypeQuery = (...args: unknown[]) => (Object.getPrototypeOf(client) as { query: (...args: unknown[]) => unknown }).query.apply(client, args);
  client.query = ((...args: QueryArguments) => {
    const [text, values, callback] = args as unknown[];
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
      const name = statementName(text);
      if (prepared.has(name) || prepared.size < MAX_PREPARED_PER_CONNECTION) {
        prepared.add(name);
        return prototypeQuery({ name, text, values });
      }
    }
    return prototypeQuery(...args);
  }) as pg.PoolClient['query'];
}

const names = new Map<string, string>();

/** A name PostgreSQL accepts (≤ 63 bytes) that only this text has; remembered for the texts the app repeats. */
function statementName(text: string): string {
  const known = names.get(text);
  if (known) return known;
  const name = `bro_${createHash('sha256').update(text).digest('hex').slice(0, 40)}`;
  if (names.size < 5_000) names.set(text, name);
  return name;
}
