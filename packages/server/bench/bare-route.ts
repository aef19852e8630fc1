import { randomBytes, randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import type { CapturedStatement } from './statement-capture.ts';

/**
 * How one captured parameter is filled in on replay.
 * - `idempotency_key`: the request's own Idempotency-Key header (the captured request's key, swapped).
 * - `fresh_hex`: new random hex of the same length. Used for audit_log.hash (UNIQUE) and previous_hash: the bare
 *   route does not compute the SHA-256 chain (that is application work the full stack pays for), it only writes
 *   rows of the same shape, so the chain it leaves behind is deliberately not valid.
 * - `fresh_unique`: a new value of the same shape for any other column under a UNIQUE index that is not a
 *   foreign key (e.g. a referral's reference, a client-generated primary key), so the constraint holds.
 * - `same`: the captured value, after swapping any value an earlier statement changed (ids returned by
 *   INSERT … RETURNING, fresh unique values) and with timestamps set to now.
 */
type ParameterSlot = 'idempotency_key' | 'fresh_hex' | 'fresh_unique' | 'same';

type PlannedStatement = CapturedStatement & { slots: ParameterSlot[] };

export type ReplayPlan = { statements: PlannedStatement[]; responseStatus: number; responseBody: string };

/** `table` → its columns that sit in a UNIQUE index (primary keys included) and are not foreign keys. */
export type UniqueColumns = Map<string, Set<string>>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hexPattern = /^[0-9a-f]+$/i;
const auditHashColumns = new Set(['hash', 'previous_hash']);

export function planReplay(input: {
  statements: CapturedStatement[];
  idempotencyKey: string;
  uniqueColumns: UniqueColumns;
  responseStatus: number;
  responseBody: string;
}): ReplayPlan {
  const statements = input.statements.map((statement): PlannedStatement => {
    const columnsByParameter = insertColumnsByParameter(statement.sql);
    const table = insertTable(statement.sql);
    const slots = statement.parameters.map((value, index): ParameterSlot => {
      if (value === input.idempotencyKey) return 'idempotency_key';
      const column = columnsByParameter.get(index + 1);
      if (!table || !column) return 'same';
      if (table === 'audit_log' && auditHashColumns.has(column)) return 'fresh_hex';
      if (input.uniqueColumns.get(table)?.has(column) && typeof value === 'string') return 'fresh_unique';
      return 'same';
    });
    return { ...statement, slots };
  });
  return { statements, responseStatus: input.responseStatus, responseBody: input.responseBody };
}

/** Reads the unique, non-foreign-key columns of the public schema from the catalogue. */
export async function findUniqueColumns(connectionString: string): Promise<UniqueColumns> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string; column_name: string }>(`
      SELECT c.relname AS table_name, a.attname AS column_name
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
      WHERE i.indisunique
        AND NOT EXISTS (
          SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conrelid = c.oid AND a.attnum = ANY (f.conkey)
        )`);
    const columns: UniqueColumns = new Map();
    for (const row of rows) {
      const set = columns.get(row.table_name) ?? new Set<string>();
      set.add(row.column_name);
      columns.set(row.table_name, set);
    }
    return columns;
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
  const swapped = new Map<string, string>();
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

function fillParameter(value: unknown, slot: ParameterSlot, idempotencyKey: string, swapped: Map<string, string>): unknown {
  if (slot === 'idempotency_key') return idempotencyKey;
  if (slot === 'fresh_hex' && typeof value === 'string') return randomBytes(Math.ceil(value.length / 2)).toString('hex').slice(0, value.length);
  if (slot === 'fresh_unique' && typeof value === 'string') {
    const fresh = swapped.get(value) ?? freshValueLike(value);
    swapped.set(value, fresh);
    return fresh;
  }
  if (value instanceof Date) return new Date();
  if (typeof value !== 'string') return value;
  const exact = swapped.get(value);
  if (exact !== undefined) return exact;
  // JSON documents (e.g. the stored idempotent response) may mention an id that was swapped.
  let text = value;
  if (text.length > 36) for (const [from, to] of swapped) if (from.length >= 8) text = text.replaceAll(from, to);
  return text;
}

function freshValueLike(value: string): string {
  if (uuidPattern.test(value)) return randomUUID();
  if (hexPattern.test(value) && value.length >= 16) return randomBytes(Math.ceil(value.length / 2)).toString('hex').slice(0, value.length);
  return `${value}-${randomBytes(5).toString('hex')}`;
}

/** Ids made by the database (INSERT … RETURNING, sequences) differ on replay: later statements use the new ones. */
function learnReturnedValues(captured: Record<string, unknown>[], replayed: Record<string, unknown>[], swapped: Map<string, string>): void {
  captured.forEach((row, index) => {
    const replayedRow = replayed[index];
    if (!replayedRow) return;
    for (const [column, value] of Object.entries(row)) {
      const now = replayedRow[column];
      if (typeof value === 'string' && value.length >= 8 && typeof now === 'string' && now !== value) swapped.set(value, now);
    }
  });
}

function insertTable(sql: string): string | undefined {
  return /^\s*insert\s+into\s+"?([a-z_][a-z0-9_]*)"?/i.exec(sql)?.[1]?.toLowerCase();
}

/** For `insert into "t" ("a", "b") values ($1, $2), ($3, $4) …`: parameter number → column name. */
function insertColumnsByParameter(sql: string): Map<number, string> {
  const columnsByParameter = new Map<number, string>();
  const match = /^\s*insert\s+into\s+"?[a-z_][a-z0-9_]*"?\s*\(([^)]*)\)\s*values\s*/i.exec(sql);
  if (!match?.[1]) return columnsByParameter;
  const columns = match[1].split(',').map((column) => column.trim().replace(/^"|"$/g, ''));
  for (const group of topLevelGroups(sql.slice(match[0].length))) {
    splitTopLevel(group).forEach((item, position) => {
      const parameter = /^\$(\d+)(::[a-z0-9_\[\]]+)?$/i.exec(item.trim());
      const column = columns[position];
      if (parameter?.[1] && column) columnsByParameter.set(Number(parameter[1]), column);
    });
  }
  return columnsByParameter;
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
