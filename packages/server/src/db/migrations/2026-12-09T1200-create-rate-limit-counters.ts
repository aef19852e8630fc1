import { sql, type Kysely } from 'kysely';

/**
 * Rate-limit counters shared by every app node (issue 13): behind a load balancer an in-memory counter per process
 * would let a client send N times the limit to N nodes. One row per (limit, client) and fixed window.
 * UNLOGGED: a counter is worth no write-ahead log; after a crash the table comes back empty, which only resets the
 * current windows. Expired rows are deleted by the `prune-rate-limit-counters` job.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE UNLOGGED TABLE rate_limit_counters (
      bucket text PRIMARY KEY,
      hits integer NOT NULL CHECK (hits >= 0),
      expires_at timestamptz NOT NULL
    )
  `.execute(db);
  await sql`CREATE INDEX rate_limit_counters_expires_at_idx ON rate_limit_counters (expires_at)`.execute(db);
  await sql`COMMENT ON COLUMN rate_limit_counters.bucket IS 'The limit''s name and a keyed hash (HMAC) of the client address or user id; never the address itself'`.execute(db);
}
