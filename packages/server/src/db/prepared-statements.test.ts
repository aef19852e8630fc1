import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { createKysely } from './database.ts';
import type { Db } from './tables.ts';

/**
 * Statements are prepared once per connection (prepared-statements.ts). After five runs PostgreSQL may switch a
 * prepared statement to a generic plan, which knows no parameter values: these tests run a statement more often
 * than that on ONE connection, so what only a generic plan gets wrong shows here and not only under load.
 */
describe('prepared statements', () => {
  let database: TestDatabase;
  let oneConnection: Db;
  beforeAll(async () => {
    database = await createTestDatabase();
    oneConnection = createKysely(database.connectionString, 1);
    await sql`CREATE TABLE prepared_probe (id serial PRIMARY KEY, owner text NOT NULL, status text NOT NULL)`.execute(oneConnection);
    await sql`CREATE UNIQUE INDEX prepared_probe_one_open ON prepared_probe (owner) WHERE status = 'open'`.execute(oneConnection);
  });
  afterAll(async () => {
    await oneConnection?.destroy();
    await database?.drop();
  });

  const insertOpen = (db: Db, owner: string, predicate: 'literal' | 'parameter') =>
    sql<{ id: number }>`
      INSERT INTO prepared_probe (owner, status) VALUES (${owner}, 'open')
      ON CONFLICT (owner) WHERE status = ${predicate === 'literal' ? sql`'open'` : 'open'} DO NOTHING RETURNING id
    `.execute(db);

  it('prepares what it runs with parameters: a repeated statement is parsed once on the connection', async () => {
    for (let run = 0; run < 8; run += 1) await sql`SELECT ${run}::integer AS run`.execute(oneConnection);
    const { rows } = await sql<{ count: number }>`SELECT count(*)::integer AS count FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::integer AS run%'`.execute(oneConnection);
    expect(rows[0]?.count).toBe(1);
  });

  it('keeps a partial-index ON CONFLICT working past the generic plan when its predicate is a literal', async () => {
    for (let run = 0; run < 8; run += 1) expect((await insertOpen(oneConnection, `owner-${run % 2}`, 'literal')).rows.length).toBeLessThanOrEqual(1);
    const { rows } = await sql<{ count: number }>`SELECT count(*)::integer AS count FROM prepared_probe`.execute(oneConnection);
    expect(rows[0]?.count).toBe(2);
  });

  it('(why the literal) a parameter in that predicate fails once the plan turns generic', async () => {
    await sql`SET plan_cache_mode = force_generic_plan`.execute(oneConnection);
    try {
      await expect(insertOpen(oneConnection, 'owner-x', 'parameter')).rejects.toThrow(/no unique or exclusion constraint/);
    } finally {
      await sql`SET plan_cache_mode = auto`.execute(oneConnection);
    }
  });
});
