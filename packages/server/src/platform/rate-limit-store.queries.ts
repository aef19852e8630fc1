import { sql } from 'kysely';
import type { Db } from '../db/tables.ts';

export type RateLimitCount = { hits: number; ttlMs: number };

/**
 * Counts one hit in a fixed window, atomically on the database's clock, so every node counts into the same window:
 * the first hit (or the first after the window ended) starts a new window of `windowMs`; later hits add one.
 */
export async function countRateLimitHit(db: Db, input: { bucket: string; windowMs: number }): Promise<RateLimitCount> {
  const { rows } = await sql<{ hits: number; ttl_ms: number }>`
    INSERT INTO rate_limit_counters AS counter (bucket, hits, expires_at)
    VALUES (${input.bucket}, 1, clock_timestamp() + make_interval(secs => ${input.windowMs / 1000}))
    ON CONFLICT (bucket) DO UPDATE SET
      hits = CASE WHEN counter.expires_at <= clock_timestamp() THEN 1 ELSE counter.hits + 1 END,
      expires_at = CASE WHEN counter.expires_at <= clock_timestamp() THEN excluded.expires_at ELSE counter.expires_at END
    RETURNING hits, greatest(0, ceil(extract(epoch FROM expires_at - clock_timestamp()) * 1000))::integer AS ttl_ms
  `.execute(db);
  const row = rows[0];
  if (!row) throw new Error('the rate-limit upsert returned no row');
  return { hits: row.hits, ttlMs: row.ttl_ms };
}

/**
 * Like countRateLimitHit, unless the request is a retry of one already claimed with the same Idempotency-Key and the
 * same body: a retry creates nothing and is not counted (answers 0 hits). One statement, so the retry check costs
 * the create path no round trip of its own.
 */
export async function countRateLimitHitUnlessRetry(
  db: Db,
  input: { bucket: string; windowMs: number; retry: { userId: string; idempotencyKey: string; requestHash: string } },
): Promise<RateLimitCount> {
  const { rows } = await sql<{ hits: number; ttl_ms: number }>`
    WITH retry AS (
      SELECT FROM idempotency_keys
      WHERE user_id = ${input.retry.userId} AND key = ${input.retry.idempotencyKey} AND request_hash = ${input.retry.requestHash}
    ), hit AS (
      INSERT INTO rate_limit_counters AS counter (bucket, hits, expires_at)
      SELECT ${input.bucket}, 1, clock_timestamp() + make_interval(secs => ${input.windowMs / 1000})
      WHERE NOT EXISTS (SELECT FROM retry)
      ON CONFLICT (bucket) DO UPDATE SET
        hits = CASE WHEN counter.expires_at <= clock_timestamp() THEN 1 ELSE counter.hits + 1 END,
        expires_at = CASE WHEN counter.expires_at <= clock_timestamp() THEN excluded.expires_at ELSE counter.expires_at END
      RETURNING hits, greatest(0, ceil(extract(epoch FROM expires_at - clock_timestamp()) * 1000))::integer AS ttl_ms
    )
    SELECT hits, ttl_ms FROM hit
    UNION ALL
    SELECT 0, ${input.windowMs}::integer WHERE EXISTS (SELECT FROM retry)
  `.execute(db);
  const row = rows[0];
  if (!row) throw new Error('the rate-limit upsert returned no row');
  return { hits: row.hits, ttlMs: row.ttl_ms };
}

/** The window's count without counting: 0 when there is none or it has ended. */
export async function readRateLimitCount(db: Db, bucket: string): Promise<RateLimitCount> {
  const { rows } = await sql<{ hits: number; ttl_ms: number }>`
    SELECT hits, greatest(0, ceil(extract(epoch FROM expires_at - clock_timestamp()) * 1000))::integer AS ttl_ms
    FROM rate_limit_counters WHERE bucket = ${bucket} AND expires_at > clock_timestamp()
  `.execute(db);
  const row = rows[0];
  return row ? { hits: row.hits, ttlMs: row.ttl_ms } : { hits: 0, ttlMs: 0 };
}

/** Deletes ended windows; answers how many. */
export async function deleteExpiredRateLimitCounters(db: Db): Promise<number> {
  const result = await sql`DELETE FROM rate_limit_counters WHERE expires_at <= clock_timestamp()`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
