/**
 * Did every bare request create its own rows? The bare route replays the full route's statements; if it reused a
 * captured id it would write into one row (or one incident) over and over and look faster than the app can be.
 * Counted with exact counts per table, before and after a bare run, against what one captured request wrote.
 */
import pg from 'pg';

export type TableCounts = Map<string, number>;

/** Exact row counts of every table of the public schema. */
export async function countTableRows(connectionString: string): Promise<TableCounts> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1",
    );
    const counts: TableCounts = new Map();
    for (const table of tables) {
      const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM "${table.name}"`);
      counts.set(table.name, Number(rows[0]?.count ?? 0));
    }
    return counts;
  } finally {
    await client.end();
  }
}

/** Tables that grew, and by how much. */
function diffCounts(after: TableCounts, before: TableCounts): TableCounts {
  const grown: TableCounts = new Map();
  for (const [table, count] of after) if (count > (before.get(table) ?? 0)) grown.set(table, count - (before.get(table) ?? 0));
  return grown;
}

/**
 * Every table one request wrote must have grown by (rows per request × 2xx answers) at least (the app's job worker
 * may add more), and the referrals made since the run began must each have their own id, person and incident.
 */
export async function checkIndependentRows(input: { connectionString: string; before: TableCounts; perRequest: TableCounts; answered: number; since: Date }) {
  const after = await countTableRows(input.connectionString);
  const grown = diffCounts(after, input.before);
  const short = [...input.perRequest].filter(([table, rows]) => (grown.get(table) ?? 0) < rows * input.answered);
  const client = new pg.Client({ connectionString: input.connectionString });
  await client.connect();
  let distinct = { referrals: 0, ids: 0, persons: 0, incidents: 0 };
  try {
    const { rows } = await client.query<{ referrals: string; ids: string; persons: string; incidents: string }>(
      'SELECT count(*) AS referrals, count(DISTINCT id) AS ids, count(DISTINCT person_id) AS persons, count(DISTINCT incident_id) AS incidents FROM referrals WHERE created_at >= $1',
      [input.since],
    );
    const row = rows[0];
    if (row) distinct = { referrals: Number(row.referrals), ids: Number(row.ids), persons: Number(row.persons), incidents: Number(row.incidents) };
  } finally {
    await client.end();
  }
  const isDistinct = distinct.referrals >= input.answered && distinct.ids === distinct.referrals && distinct.persons === distinct.referrals && distinct.incidents === distinct.referrals;
  const explanation = [
    ...short.map(([table, rows]) => `${table} grew by ${grown.get(table) ?? 0}, expected ≥ ${rows * input.answered}`),
    ...(isDistinct ? [] : [`referrals since the run began: ${JSON.stringify(distinct)} for ${input.answered} answers`]),
  ].join('; ');
  return {
    isIndependent: short.length === 0 && isDistinct,
    explanation,
    details: { answered_2xx: input.answered, ...distinct, tables_per_request: Object.fromEntries(input.perRequest) },
  };
}
