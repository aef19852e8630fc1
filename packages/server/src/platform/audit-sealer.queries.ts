import { sql } from 'kysely';
import type { Db } from '../db/tables.ts';
import type { SealedLog } from './audit-checkpoints.ts';

/** The tables and sequence behind each log. Fixed names, never input. */
const TABLES = {
  audit: { entries: 'audit_log', seals: 'audit_log_seals', sequence: 'audit_log_id_seq' },
  access: { entries: 'access_log', seals: 'access_log_seals', sequence: 'access_log_id_seq' },
} as const satisfies Record<SealedLog, { entries: string; seals: string; sequence: string }>;

/** Session lock held by the one sealer in the cluster (the leader), for as long as its connection lives. */
const SEALER_LEADER_LOCK = 727_274_010;
/** Transaction locks that keep two seal rounds of one log apart, whoever runs them (the leader, a test, a tool). */
const SEAL_ROUND_LOCKS: Record<SealedLog, number> = { audit: 727_274_011, access: 727_274_012 };

/**
 * True when this session is (or has just become) the leader. Checks pg_locks first so a leader asking again does
 * not stack its session lock; the lock goes with the connection, so a node that lost its connection lost leadership.
 */
export async function holdOrTakeSealerLeadership(db: Db): Promise<boolean> {
  const { rows } = await sql<{ isLeader: boolean }>`
    SELECT CASE
      WHEN EXISTS (
        SELECT FROM pg_locks
        WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND classid = 0 AND objid = ${SEALER_LEADER_LOCK} AND objsubid = 1 AND granted
      ) THEN true
      ELSE pg_try_advisory_lock(${SEALER_LEADER_LOCK}::bigint)
    END AS "isLeader"
  `.execute(db);
  return rows[0]?.isLeader === true;
}

export async function releaseSealerLeadership(db: Db): Promise<void> {
  await sql`SELECT pg_advisory_unlock_all()`.execute(db);
}

export async function tryLockSealRound(trx: Db, log: SealedLog): Promise<boolean> {
  const { rows } = await sql<{ isLocked: boolean }>`SELECT pg_try_advisory_xact_lock(${SEAL_ROUND_LOCKS[log]}::bigint) AS "isLocked"`.execute(trx);
  return rows[0]?.isLocked === true;
}

/**
 * The highest id each log's sequence has handed out so far (0 before the first). Sequences are not transactional:
 * this counts ids of transactions still running (and of rolled-back ones) too, which is the point.
 */
export async function readHighestIdsHandedOut(db: Db): Promise<Record<SealedLog, bigint>> {
  const { rows } = await sql<{ audit: string; access: string }>`
    SELECT
      (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM audit_log_id_seq)::text AS audit,
      (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM access_log_id_seq)::text AS access
  `.execute(db);
  const row = rows[0];
  if (!row) throw new Error('the log sequences could not be read');
  return { audit: BigInt(row.audit), access: BigInt(row.access) };
}

/** The first transaction id not yet handed out, in a snapshot taken now (after the previous statement). */
export async function readNextTransactionId(db: Db): Promise<bigint> {
  const { rows } = await sql<{ xmax: string }>`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax`.execute(db);
  return BigInt(rows[0]?.xmax ?? '0');
}

/** The oldest transaction still running anywhere in the cluster: every transaction below it has ended. */
export async function readOldestRunningTransactionId(db: Db): Promise<bigint> {
  const { rows } = await sql<{ xmin: string }>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`.execute(db);
  return BigInt(rows[0]?.xmin ?? '0');
}

export type SealedHead = { entryId: string; hash: string };

export async function findSealedHead(db: Db, log: SealedLog): Promise<SealedHead | undefined> {
  const { rows } = await sql<SealedHead>`
    SELECT entry_id::text AS "entryId", hash FROM ${sql.table(TABLES[log].seals)} ORDER BY entry_id DESC LIMIT 1
  `.execute(db);
  return rows[0];
}

/** A log entry as stored, all columns (per log), plus its id and writing transaction as text. */
export type StoredEntry = Record<string, unknown> & { id: string; xact_id: string; inserted_at: Date };

export async function listEntriesToSeal(db: Db, log: SealedLog, afterId: string, upToId: bigint, limit: number): Promise<StoredEntry[]> {
  const { rows } = await sql<StoredEntry>`
    SELECT entry.*, entry.xact_id::text AS xact_id
    FROM ${sql.table(TABLES[log].entries)} AS entry
    WHERE entry.id > ${afterId}::bigint AND entry.id <= ${upToId.toString()}::bigint
    ORDER BY entry.id
    LIMIT ${limit}
  `.execute(db);
  return rows;
}

export async function insertSeals(db: Db, log: SealedLog, seals: readonly { entryId: string; hash: string }[]): Promise<void> {
  if (seals.length === 0) return;
  await sql`
    INSERT INTO ${sql.table(TABLES[log].seals)} (entry_id, hash)
    VALUES ${sql.join(seals.map((seal) => sql`(${seal.entryId}::bigint, ${seal.hash})`))}
  `.execute(db);
}

export type SealLagRow = { unsealedEntries: number; oldestUnsealedSeconds: number };

/** Entries after the sealed head: their number and the age of the oldest (by database time of insert). */
export async function readUnsealedEntries(db: Db, log: SealedLog): Promise<SealLagRow> {
  const { entries, seals } = TABLES[log];
  const { rows } = await sql<SealLagRow>`
    SELECT count(*)::integer AS "unsealedEntries",
           COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(entry.inserted_at)), 0)::float8 AS "oldestUnsealedSeconds"
    FROM ${sql.table(entries)} AS entry
    WHERE entry.id > (SELECT COALESCE(max(entry_id), 0) FROM ${sql.table(seals)})
  `.execute(db);
  return rows[0] ?? { unsealedEntries: 0, oldestUnsealedSeconds: 0 };
}

export type SealLatencyRow = { entries: number; p50Ms: number; p99Ms: number; unsealed: number };

/**
 * Insert-to-seal times of the entries inserted since `since`. The insert time (clock_timestamp() at the INSERT) is
 * the proxy for the commit: it is at most the rest of the transaction earlier, so the figure errs long, never short.
 * occurred_at >= since prunes the access log to the months concerned.
 */
export async function readSealLatency(db: Db, log: SealedLog, since: Date): Promise<SealLatencyRow> {
  const { entries, seals } = TABLES[log];
  const { rows } = await sql<SealLatencyRow>`
    SELECT count(seal.entry_id)::integer AS entries,
           COALESCE(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM seal.sealed_at - entry.inserted_at) * 1000), 0)::float8 AS "p50Ms",
           COALESCE(percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM seal.sealed_at - entry.inserted_at) * 1000), 0)::float8 AS "p99Ms",
           (count(*) - count(seal.entry_id))::integer AS unsealed
    FROM ${sql.table(entries)} AS entry
    LEFT JOIN ${sql.table(seals)} AS seal ON seal.entry_id = entry.id
    WHERE entry.occurred_at >= ${since}::timestamptz - interval '1 minute' AND entry.inserted_at >= ${since}::timestamptz
  `.execute(db);
  return rows[0] ?? { entries: 0, p50Ms: 0, p99Ms: 0, unsealed: 0 };
}

/** Entries and seals side by side in id order after `afterId` (either side may be missing: that is what verification looks for). */
export type ChainRow = StoredEntry & { sealed_id: string | null; sealed_hash: string | null };

export async function listChainRows(db: Db, log: SealedLog, afterId: string, limit: number): Promise<ChainRow[]> {
  const { entries, seals } = TABLES[log];
  // Both sides are cut at `limit` before the join: the first `limit` ids of the union lie within both cuts.
  const { rows } = await sql<ChainRow>`
    SELECT entry.*, entry.xact_id::text AS xact_id, COALESCE(entry.id, seal.entry_id)::text AS id,
           seal.entry_id::text AS sealed_id, seal.hash AS sealed_hash
    FROM (SELECT * FROM ${sql.table(entries)} WHERE id > ${afterId}::bigint ORDER BY id LIMIT ${limit}) AS entry
    FULL JOIN (SELECT * FROM ${sql.table(seals)} WHERE entry_id > ${afterId}::bigint ORDER BY entry_id LIMIT ${limit}) AS seal ON seal.entry_id = entry.id
    ORDER BY COALESCE(entry.id, seal.entry_id)
    LIMIT ${limit}
  `.execute(db);
  return rows;
}

/** The smallest id still present in the log or its seals (undefined when both are empty): where retention has cut. */
export async function findOldestRetainedId(db: Db, log: SealedLog): Promise<bigint | undefined> {
  const { entries, seals } = TABLES[log];
  const { rows } = await sql<{ oldest: string | null }>`
    SELECT LEAST((SELECT min(id) FROM ${sql.table(entries)}), (SELECT min(entry_id) FROM ${sql.table(seals)}))::text AS oldest
  `.execute(db);
  const oldest = rows[0]?.oldest;
  return oldest === null || oldest === undefined ? undefined : BigInt(oldest);
}
