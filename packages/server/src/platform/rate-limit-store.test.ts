import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { rateLimitJobs } from './rate-limit-store.ts';

/**
 * The sign-in limit (10 a minute per client address) through the app, counted in PostgreSQL: what two app nodes
 * share. The two-node test (src/test/two-nodes.test.ts) shows the same across processes.
 */
describe('rate limits stored in PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { loginAttemptsPerMinute: 3 } });
  });
  afterAll(async () => t.close());

  // A new address each time: the per-address sign-in throttle (lockout.service.ts) is another limit.
  let attempts = 0;
  const logIn = (remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email: `nobody-${++attempts}@example.dk`, password: 'wrong password here' } });

  it('counts per client address in the shared table, keyed by a keyed hash, never the address', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt++) statuses.push((await logIn('198.51.100.23')).statusCode);
    expect(statuses.slice(0, 3)).not.toContain(429);
    expect(statuses[3]).toBe(429);
    // Another address has its own budget.
    expect((await logIn('198.51.100.24')).statusCode).not.toBe(429);
    const { rows } = await sql<{ bucket: string; hits: number }>`SELECT bucket, hits FROM rate_limit_counters ORDER BY hits DESC`.execute(t.db);
    expect(rows.map((row) => row.hits)).toEqual([4, 1]);
    for (const row of rows) {
      expect(row.bucket).toMatch(/^POST \/api\/auth\/login\|60000\|[0-9a-f]{64}$/);
      expect(row.bucket).not.toContain('198.51');
    }
  });

  it('starts a new window once the old one has ended, and the prune job deletes ended windows', async () => {
    await sql`UPDATE rate_limit_counters SET expires_at = now() - interval '1 second'`.execute(t.db);
    expect((await logIn('198.51.100.23')).statusCode).not.toBe(429);
    const { rows } = await sql<{ hits: number }>`SELECT hits FROM rate_limit_counters WHERE expires_at > now()`.execute(t.db);
    expect(rows).toEqual([{ hits: 1 }]);
    const prune = rateLimitJobs.find((job) => job.name === 'prune-rate-limit-counters');
    expect(await prune?.handler(t.jobContext())).toBe('done');
    const left = await sql<{ count: string }>`SELECT count(*) FROM rate_limit_counters`.execute(t.db);
    expect(left.rows[0]?.count).toBe('1');
  });
});
