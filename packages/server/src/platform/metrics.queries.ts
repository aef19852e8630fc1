import { sql } from 'kysely';
import type { Db } from '../db/tables.ts';

/**
 * Per pg-boss queue: jobs due but not started, and how long the oldest has waited. Read at scrape time only. The
 * pgboss schema is created by pg-boss when the worker starts: before that (or in tests without a worker) the
 * answer is an empty list rather than an error.
 */
export async function readJobQueueLag(db: Db): Promise<{ queue: string; dueJobs: number; oldestDueSeconds: number }[]> {
  const { rows: schema } = await sql<{ exists: boolean }>`SELECT to_regclass('pgboss.job') IS NOT NULL AS exists`.execute(db);
  if (!schema[0]?.exists) return [];
  const { rows } = await sql<{ name: string; due: string; oldest_seconds: number }>`
    SELECT name, count(*) AS due, extract(epoch FROM now() - min(start_after))::float8 AS oldest_seconds
    FROM pgboss.job
    WHERE state IN ('created', 'retry') AND start_after <= now()
    GROUP BY name
  `.execute(db);
  return rows.map((row) => ({ queue: row.name, dueJobs: Number(row.due), oldestDueSeconds: Math.max(0, row.oldest_seconds) }));
}
