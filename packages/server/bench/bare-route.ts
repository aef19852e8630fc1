import { randomBytes, randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import type { CapturedStatement } from './statement-capture.ts';

/**
 * How one captured parameter is filled in on replay. The planner knows nothing about referrals: it works from
 * whatever statements were captured, so it keeps working when the create path changes.
 * - `idempotency_key`: the request's own Idempotency-Key header (the captured request's key, swapped).
 * - `fresh`: a value the request CREATED, made anew on every replay (the same new value wherever the captured value
 *   recurs in that replay, also inside JSON documents). A value counts as created when it is written to a column
 *   under a UNIQUE index that is not a foreign key (a primary key, a reference, a chain hash), or when it is a uuid
 *   written to a column that is not a foreign key and had not been read from the database before (an incident id,
 *   a client-generated primary key). So every bare request makes its own incident, person and referral, and no two
 *   requests touch one row.
 * - `same`: the captured value, after swapping any value an earlier statement of the same replay changed (ids the
 *   database made, learned from INSERT … RETURNING; created values) and with timestamps set to now.
 */
export type ParameterSlot = 'idempotency_key' | 'fresh' | 'same';

type PlannedStatement = CapturedStatement & { slots: ParameterSlot[] };

/** Why a parameter is replaced on replay: printed by the bench, so a reader can check the comparison is fair. */
type Substitution = { statement: number; parameter: number; slot: Exclude<ParameterSlot, 'same'>; why: string };

export type ReplayPlan = { statements: PlannedStatement[]; substitutions: Substitution[]; responseStatus: number; responseBody: string };

/** What the planner needs from the catalogue: per table, its unique non-FK columns and its foreign-key columns. */
export type SchemaFacts = { uniqueColumns: Map<string, Set<string>>; foreignKeyColumns: Map<string, Set<string>> };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hexPattern = /^[0-9a-f]+$/i;

export function planReplay(input: { statements: CapturedStatement[]; idempotencyKey: string; schema: SchemaFacts; responseStatus: number; responseBody: string }): ReplayPlan {
  const created = findCreatedValues(input.statements, input.schema);
  const substitutions: Substitution[] = [];
  const statements = input.statements.map((statement, statementIndex): PlannedStatement => {
    const slots = statement.parameters.map((value, parameterIndex): ParameterSlot => {
      if (value === input.idempotencyKey) {
        substitutions.push({ statement: statementIndex + 1, parameter: parameterIndex + 1, slot: 'idempotency_key', why: 'the request\'s Idempotency-Key' });
        return 'idempotency_key';
      }
      const why = typeof value === 'string' ? created.get(value) : undefined;
      if (why === undefined) return 'same';
      substitutions.push({ statement: statementIndex + 1, parameter: parameterIndex + 1, slot: 'fresh', why });
      return 'fresh';
    });
    return { ...statement, slots };
  });
  return { statements, substitutions, responseStatus: input.responseStatus, responseBody: input.responseBody };
}

/** Captured value → why it counts as created by the request (see ParameterSlot). */
function findCreatedValues(statements: CapturedStatement[], schema: SchemaFacts): Map<string, string> {
  const created = new Map<string, string>();
  const seenInResults = new Set<string>();
  for (const statement of statements) {
    for (const [parameter, { table, column }] of insertedColumnsByParameter(statement.sql)) {
      const value = statement.parameters[parameter - 1];
      if (typeof value !== 'string' || created.has(value)) continue;
      const isForeignKey = schema.foreignKeyColumns.get(table)?.has(column) ?? false;
      if (schema.uniqueColumns.get(table)?.has(column) && !isForeignKey) created.set(value, `unique ${table}.${column}`);
      else if (uuidPattern.test(value) && !isForeignKey && !seenInResults.has(value)) created.set(value, `new id ${table}.${column}`);
    }
    for (const row of statement.rows) for (const value of Object.values(row)) if (typeof value === 'string') seenInResults.add(value);
  }
  return created;
}

/** Reads, for the public schema, the unique non-foreign-key columns and the foreign-key columns of every table. */
export async function readSchemaFacts(connectionString: string): Promise<SchemaFacts> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string; column_name: string; kind: 'unique' | 'foreign_key' }>(`
      SELECT c.relname AS table_name, a.attname AS column_name, 'unique' AS kind
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
      WHERE i.indisunique
      UNION ALL
      SELECT c.relname, a.attname, 'foreign_key'
      FROM pg_constraint f
      JOIN pg_class c ON c.oid = f.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (f.conkey)
      WHERE f.contype = 'f'`);
    const facts: SchemaFacts = { uniqueColumns: new Map(), foreignKeyColumns: new Map() };
    for (const row of rows) {
      const byTable = row.kind === 'unique' ? facts.uniqueColumns : facts.foreignKeyColumns;
      const set = byTable.get(row.table_name) ?? new Set<string>();
      set.add(row.column_name);
      byTable.set(row.table_name, set);
    }
    return facts;
  } finally {
    await client.end();
  }
}

/**
 * The bare comparison: plain Fastify and a pg.Pool of the same size as the app's, one POST /bare route that runs
 * the captured statement list in order on one client (BEGIN/COMMIT where the app had them) and answers the
 * captured status and body. No session, authorization, validation, encryption, hashing or serialisation.
 */
export async function startBareServer(input: { connectionString: string; plan: ReplayPlan; poolSize: number }): Promise<{ url: string; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: input.connectionString, max: input.poolSize });
  pool.on('error', (error) => console.error('[bare] idle client error:', error.message));
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 64 * 1024 });

  // A failing replay makes the comparison void: say why once (the bench counts the 500s as errors).
  let hasReportedFailure = false;
  app.setErrorHandler((error, _request, reply) => {
    if (!hasReportedFailure) console.error(`[bare] a replay failed: ${error instanceof Error ? error.message : String(error)}`);
    hasReportedFailure = true;
    return reply.code(500).send({ error: 'replay failed' });
  });

  app.post('/bare', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    const idempotencyKey = typeof header === 'string' ? header : randomBytes(12).toString('hex');
    await replayStatements(pool, input.plan, idempotencyKey);
    return reply.code(input.plan.responseStatus).type('application/json; charset=utf-8').send(input.plan.responseBody);
  });

  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('bare server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

async function replayStatements(pool: pg.Pool, plan: ReplayPlan, idempotencyKey: string): Promise<void> {
  const client = await pool.connect();
  const swapped = newReplayValues();
  let isInTransaction = false;
  try {
    for (const statement of plan.statements) {
      const parameters = statement.parameters.map((value, index) => fillParameter(value, statement.slots[index] ?? 'same', idempotencyKey, swapped));
      const result = await client.query(statement.sql, parameters);
      const command = statement.sql.trim().toLowerCase();
      if (command === 'begin' || command.startsWith('begin ')) isInTransaction = true;
      if (command === 'commit' || command === 'rollback') isInTransaction = false;
      learnReturnedValues(statement.rows, result.rows as Record<string, unknown>[], swapped);
    }
    client.release();
  } catch (error) {
    if (isInTransaction) await client.query('ROLLBACK').catch(() => undefined);
    client.release(error as Error);
    throw error;
  }
}

/**
 * Captured value → its value in one replay: `created` values made fresh as they are first met, and values `learned`
 * from what the database answered (ids from RETURNING). A created value never takes a learned one.
 */
export type ReplayValues = { created: Map<string, string>; learned: Map<string, string> };

export function newReplayValues(): ReplayValues {
  return { created: new Map(), learned: new Map() };
}

/** The value one parameter takes in one replay (exported for the planner's unit test). */
export function fillParameter(value: unknown, slot: ParameterSlot, idempotencyKey: string, values: ReplayValues): unknown {
  if (slot === 'idempotency_key') return idempotencyKey;
  if (slot === 'fresh' && typeof value === 'string') {
    const fresh = values.created.get(value) ?? freshValueLike(value);
    values.created.set(value, fresh);
    return fresh;
  }
  if (value instanceof Date) return new Date();
  if (Array.isArray(value)) return value.map((item) => fillParameter(item, 'same', idempotencyKey, values));
  if (typeof value !== 'string') return value;
  const exact = values.created.get(value) ?? values.learned.get(value);
  if (exact !== undefined) return exact;
  // JSON documents (e.g. the stored idempotent response, audit details) may mention a swapped value.
  let text = value;
  if (text.length > 36) for (const [from, to] of [...values.created, ...values.learned]) if (from.length >= 8) text = text.replaceAll(from, to);
  return text;
}

/**
 * Ids made by the database (INSERT … RETURNING, ids a SELECT reserves from a sequence) differ on replay: later
 * statements use the new ones.
 */
export function learnReturnedValues(captured: Record<string, unknown>[], replayed: Record<string, unknown>[], values: ReplayValues): void {
  captured.forEach((row, index) => {
    const replayedRow = replayed[index];
    if (!replayedRow) return;
    for (const [column, value] of Object.entries(row)) {
      const now = replayedRow[column];
      // An array of ids reserved from a sequence pairs element by element; such ids may be short (bigint as text):
      // they are learned whatever their length, as a single short value is not (it could be anything).
      const isArray = Array.isArray(value) && Array.isArray(now);
      const pairs: [unknown, unknown][] = isArray ? value.map((item, position): [unknown, unknown] => [item, now[position]]) : [[value, now]];
      for (const [was, is] of pairs) {
        const isLongEnough = isArray || (typeof was === 'string' && was.length >= 8);
        if (typeof was === 'string' && isLongEnough && typeof is === 'string' && is !== was && !values.created.has(was)) values.learned.set(was, is);
      }
    }
  });
}

function freshValueLike(value: string): string {
  if (uuidPattern.test(value)) return randomUUID();
  if (hexPattern.test(value) && value.length >= 16) return randomBytes(Math.ceil(value.length / 2)).toString('hex').slice(0, value.length);
  return `${value}-${randomBytes(5).toString('hex')}`;
}

/**
 * Every `insert into "t" ("a", "b") values ($1, $2), ($3, $4) …` in a statement — also inside data-modifying CTEs —
 * as parameter number → table and column.
 */
function insertedColumnsByParameter(sql: string): Map<number, { table: string; column: string }> {
  const columnsByParameter = new Map<number, { table: string; column: string }>();
  for (const match of sql.matchAll(/insert\s+into\s+"?([a-z_][a-z0-9_]*)"?\s*\(([^)]*)\)\s*values\s*/gi)) {
    const table = (match[1] ?? '').toLowerCase();
    const columns = (match[2] ?? '').split(',').map((column) => column.trim().replace(/^"|"$/g, ''));
    for (const group of topLevelGroups(sql.slice((match.index ?? 0) + match[0].length))) {
      splitTopLevel(group).forEach((item, position) => {
        const parameter = /^\$(\d+)(::[a-z0-9_\[\]]+)?$/i.exec(item.trim());
        const column = columns[position];
        if (parameter?.[1] && column) columnsByParameter.set(Number(parameter[1]), { table, column });
      });
    }
  }
  return columnsByParameter;
}

/**
 * Rows one captured request inserted, per table, counted from its `insert … values` statements (also inside CTEs).
 * An `insert … select` cannot be counted this way: its table is left out (the per-referral check still holds).
 */
export function rowsInsertedPerTable(statements: readonly CapturedStatement[]): Map<string, number> {
  const rows = new Map<string, number>();
  for (const statement of statements) {
    for (const match of statement.sql.matchAll(/insert\s+into\s+"?([a-z_][a-z0-9_]*)"?\s*\(([^)]*)\)\s*values\s*/gi)) {
      const table = (match[1] ?? '').toLowerCase();
      rows.set(table, (rows.get(table) ?? 0) + topLevelGroups(statement.sql.slice((match.index ?? 0) + match[0].length)).length);
    }
  }
  return rows;
}

/** The parenthesised row groups at the start of a VALUES list, up to whatever follows (ON CONFLICT, RETURNING). */
function topLevelGroups(text: string): string[] {
  const groups: string[] = [];
  let depth = 0;
  let start = -1;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '(') {
      if (depth === 0) start = index + 1;
      depth += 1;
    } else if (char === ')') {
      depth -= 1;
      if (depth === 0) groups.push(text.slice(start, index));
    } else if (depth === 0 && char !== ',' && char !== ' ' && char !== '\n') {
      break;
    }
  }
  return groups;
}

function splitTopLevel(group: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of group) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      items.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  items.push(current);
  return items;
}
