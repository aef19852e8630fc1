import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database, Db } from '../db/tables.ts';
import { computeAccessHash, type AccessAction, type AccessPurpose } from './access-log.ts';
import { createAccessLogPartitions } from './access-log.queries.ts';
import { computeAuditHash, GENESIS_HASH } from './audit-log.ts';
import { signCheckpoint, type AuditSigningKey, type Checkpoint, type CheckpointStore, type SealedLog } from './audit-checkpoints.ts';
import type { MetricsCollector } from './metrics.ts';
import {
  findSealedHead,
  holdOrTakeSealerLeadership,
  insertSeals,
  listEntriesToSeal,
  readHighestIdsHandedOut,
  readNextTransactionId,
  readOldestRunningTransactionId,
  readSealLatency,
  readUnsealedEntries,
  releaseSealerLeadership,
  tryLockSealRound,
  type StoredEntry,
} from './audit-sealer.queries.ts';

/*
 * The sealer hashes committed log entries into each log's chain, in id order (ADR 0011).
 *
 * Why not simply "seal every committed entry below the oldest running transaction": an id is handed out at INSERT,
 * not at commit, and a running transaction's entry is invisible. Transaction A (xid 100) inserts id 10 and stays
 * open; B, which got xid 99 earlier, inserts id 11 and commits. xmin is 100, B's xid 99 is below it, id 11 is
 * visible: sealing it would leave id 10 to commit behind the sealed head. So the bound is on ids, not xids:
 *
 *   1. observe: H = the highest id handed out so far (the sequence, which counts uncommitted ids too), then
 *      X = the first transaction id not yet handed out. Appends take their transaction id before their entry ids
 *      (audit-log.queries.ts), so every id ≤ H belongs to a transaction with an id < X.
 *   2. later, once xmin ≥ X (every transaction below X has ended), every id ≤ H is committed or rolled back for
 *      good: the committed ones are visible and none can appear later. Seal the unsealed entries with id ≤ H.
 *
 * On top, each sealed entry's own transaction id must be below xmin (the rule as the issue states it); with the
 * bound above it always is. Usually the observation of one round is usable in the same round (no transaction was
 * open across it) or the next, so an entry is sealed within one or two rounds of its commit.
 */

const LOGS: readonly SealedLog[] = ['audit', 'access'];
const DEFAULT_BATCH_SIZE = 5_000;
/** How long an entry may wait unsealed before it is an alarm (a warning in the log; readSealLag for /metrics). */
export const SEAL_ALARM_SECONDS = 5;

/** What a sealer remembers between rounds: horizon observations and when each log was last checkpointed. */
export type SealerState = {
  observations: { highestIds: Record<SealedLog, bigint>; nextTransactionId: bigint }[];
  lastCheckpointAt: Partial<Record<SealedLog, number>>;
  /** A head sealed but not yet checkpointed (the interval had not passed): checkpointed at the next chance. */
  uncheckpointedHeads: Partial<Record<SealedLog, { entryId: string; hash: string }>>;
};

export function createSealerState(): SealerState {
  return { observations: [], lastCheckpointAt: {}, uncheckpointedHeads: {} };
}

/** Where checkpoints go and the key that signs them. */
type CheckpointSigner = { store: CheckpointStore; key: AuditSigningKey };

export type SealOptions = {
  /** The running sealer passes its own, so an observation from one round can serve the next. */
  state?: SealerState;
  /** Export a signed checkpoint of a head sealed since the last one (at most every `checkpointIntervalMs`). */
  checkpoints?: CheckpointSigner;
  /** Default 0: a checkpoint after every round that sealed something. A head that waits is checkpointed by a later round. */
  checkpointIntervalMs?: number;
  batchSize?: number;
  now?: () => Date;
};

export type SealRound = {
  log: SealedLog;
  /** Entries sealed this round; 0 when another round of this log was running (or nothing could be sealed). */
  sealed: number;
  /** True when the batch was full: more may be waiting. */
  isBatchFull: boolean;
  head: { entryId: string; hash: string } | undefined;
  checkpoint: Checkpoint | undefined;
};

/**
 * One sealing round over both logs: observe the horizon, seal what it allows, checkpoint. Safe to call from several
 * places at once (a transaction lock per log keeps rounds apart); tests call it to seal on demand.
 */
export async function sealPendingEntries(db: Db, options: SealOptions = {}): Promise<SealRound[]> {
  const state = options.state ?? createSealerState();
  await observeHorizon(db, state);

  const rounds: SealRound[] = [];
  for (const log of LOGS) {
    const round = await sealLog(db, log, state, options.batchSize ?? DEFAULT_BATCH_SIZE);
    rounds.push({ ...round, checkpoint: await exportCheckpoint(round, state, options) });
  }
  return rounds;
}

/** Step 1 of the comment at the top: two statements, in this order: the ids first, then the transaction horizon. */
async function observeHorizon(db: Db, state: SealerState): Promise<void> {
  const highestIds = await readHighestIdsHandedOut(db);
  const nextTransactionId = await readNextTransactionId(db);
  state.observations.push({ highestIds, nextTransactionId });
  if (state.observations.length > 100) state.observations.shift();
}

async function sealLog(db: Db, log: SealedLog, state: SealerState, batchSize: number): Promise<Omit<SealRound, 'checkpoint'>> {
  return db.transaction().execute(async (trx) => {
    const nothing = { log, sealed: 0, isBatchFull: false, head: undefined };
    if (!(await tryLockSealRound(trx, log))) return nothing;
    const oldestRunning = await readOldestRunningTransactionId(trx);
    const bound = findSealableBound(state, log, oldestRunning);
    const head = await findSealedHead(trx, log);
    if (bound === undefined) return { ...nothing, head };
    const entries = await listEntriesToSeal(trx, log, head?.entryId ?? '0', bound, batchSize);
    const seals: { entryId: string; hash: string }[] = [];
    let previousHash = head?.hash ?? GENESIS_HASH;
    for (const entry of entries) {
      // Never true given the bound; kept so the rule holds even if an append ever skipped the CTE order.
      if (BigInt(entry.xact_id) >= oldestRunning) break;
      previousHash = hashEntry(log, previousHash, entry);
      seals.push({ entryId: entry.id, hash: previousHash });
    }
    await insertSeals(trx, log, seals);
    const last = seals.at(-1);
    return { log, sealed: seals.length, isBatchFull: entries.length === batchSize, head: last ?? head };
  });
}

/** The newest observation whose transactions have all ended: ids up to its H are final. Older ones are dropped. */
function findSealableBound(state: SealerState, log: SealedLog, oldestRunning: bigint): bigint | undefined {
  let usable = -1;
  state.observations.forEach((observation, index) => {
    if (observation.nextTransactionId <= oldestRunning) usable = index;
  });
  if (usable < 0) return undefined;
  const bound = state.observations[usable]?.highestIds[log];
  // The other log may still use this observation in the same round; drop only what is strictly older.
  state.observations.splice(0, usable);
  return bound;
}

/** The hash of a stored entry of either log (the same canonical form the verifier recomputes). */
export function hashEntry(log: SealedLog, previousHash: string, entry: StoredEntry): string {
  if (log === 'audit') {
    return computeAuditHash(previousHash, {
      occurredAt: entry.occurred_at as Date,
      actorUserId: entry.actor_user_id as string | null,
      actorOrganisationId: entry.actor_organisation_id as string | null,
      action: entry.action as string,
      objectType: entry.object_type as string,
      objectId: entry.object_id as string,
      details: entry.details as Record<string, unknown>,
    });
  }
  return computeAccessHash(previousHash, {
    occurredAt: entry.occurred_at as Date,
    userId: entry.user_id as string,
    organisationId: entry.organisation_id as string | null,
    action: entry.action as AccessAction,
    objectType: entry.object_type as string,
    objectId: entry.object_id as string,
    personId: entry.person_id as string | null,
    purpose: entry.purpose as AccessPurpose,
  });
}

async function exportCheckpoint(round: Omit<SealRound, 'checkpoint'>, state: SealerState, options: SealOptions): Promise<Checkpoint | undefined> {
  if (!options.checkpoints) return undefined;
  if (round.sealed > 0 && round.head) state.uncheckpointedHeads[round.log] = round.head;
  const head = state.uncheckpointedHeads[round.log];
  if (!head) return undefined;
  const now = options.now?.() ?? new Date();
  const last = state.lastCheckpointAt[round.log];
  if (last !== undefined && now.getTime() - last < (options.checkpointIntervalMs ?? 0)) return undefined;
  const checkpoint = signCheckpoint(options.checkpoints.key, { log: round.log, sequence: head.entryId, headHash: head.hash, time: now });
  await options.checkpoints.store.append(checkpoint);
  state.lastCheckpointAt[round.log] = now.getTime();
  delete state.uncheckpointedHeads[round.log];
  return checkpoint;
}

export type SealLag = { log: SealedLog; unsealedEntries: number; oldestUnsealedSeconds: number };

/** Per log: entries not yet sealed and how long the oldest has waited (for /metrics; an alarm past SEAL_ALARM_SECONDS). */
export async function readSealLag(db: Db): Promise<SealLag[]> {
  const lags: SealLag[] = [];
  for (const log of LOGS) lags.push({ log, ...(await readUnsealedEntries(db, log)) });
  return lags;
}

/** The sealer's lag for /metrics, per log: read from the database, so every node reports the cluster's one sealer. */
export function createSealLagMetricsCollectors(db: Db): MetricsCollector[] {
  return [
    {
      name: 'bro_audit_unsealed_entries',
      help: 'Log entries committed or in flight but not yet sealed into the hash chain, per log (audit, access)',
      labelNames: ['log'],
      collect: async () => (await readSealLag(db)).map((lag) => ({ labels: { log: lag.log }, value: lag.unsealedEntries })),
    },
    {
      name: 'bro_audit_oldest_unsealed_seconds',
      help: 'Age of the oldest entry not yet sealed, per log (0 when none); above 5 s the sealer alarms',
      labelNames: ['log'],
      collect: async () => (await readSealLag(db)).map((lag) => ({ labels: { log: lag.log }, value: lag.oldestUnsealedSeconds })),
    },
  ];
}

export type SealLatency = { log: SealedLog; entries: number; p50Ms: number; p99Ms: number; unsealed: number };

/** Per log: insert-to-seal time of the entries inserted since `since` (sealed ones), and how many are still unsealed. */
export async function measureSealLatency(db: Db, since: Date): Promise<SealLatency[]> {
  const latencies: SealLatency[] = [];
  for (const log of LOGS) latencies.push({ log, ...(await readSealLatency(db, log, since)) });
  return latencies;
}

export type AuditSealer = {
  /** True while this node holds the sealer leadership. */
  isLeader: () => boolean;
  /** Stops the rounds; a leader seals what is left, checkpoints it and gives up leadership. */
  stop: () => Promise<void>;
};

/** Where the sealer says what it does: leadership changes, failures and the alarm. Never given entry contents. */
export type SealerLog = (level: 'info' | 'warn', message: string) => void;

export type AuditSealerOptions = {
  connectionString: string;
  checkpoints: CheckpointSigner | undefined;
  log: SealerLog;
  /** Default 250 ms between rounds (the target is commit-to-sealed ≤ 2 s p99). */
  roundIntervalMs?: number;
  /** How often a node that is not the leader tries to become it. Default 2 s. */
  leadershipRetryMs?: number;
  /** Default 5 s: checkpoints at most this often per log (each one is an fsync). */
  checkpointIntervalMs?: number;
};

const PARTITION_CHECK_INTERVAL_MS = 60 * 60 * 1000;
const ALARM_CHECK_INTERVAL_MS = 5_000;
const OBSERVATION_SETTLE_MS = 25;

/**
 * Starts this node's sealer. Every node runs one; exactly one of them, the leader, seals. Leadership is a
 * session-level advisory lock on the sealer's own connection (a pool of one that never idles out): while that
 * connection lives the lock is held, and when the node or its connection dies PostgreSQL releases it and another
 * node takes over within `leadershipRetryMs`. Chosen over a pg-boss singleton job: rounds every 250 ms are too
 * frequent for a job queue (pg-boss polls at best every 0.5 s, each run is several statements of bookkeeping), and
 * a job's lease outlives a dead node by its expiry time, a lock does not.
 * The leader also creates the access log's monthly partitions ahead of time (now and the next two months).
 */
export function startAuditSealer(options: AuditSealerOptions): AuditSealer {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 1, idleTimeoutMillis: 0, application_name: 'bro-audit-sealer' });
  pool.on('error', (error) => options.log('warn', `audit sealer: connection lost (${error.message})`));
  pool.on('connect', (client) => client.on('error', () => undefined));
  const node: SealerNode = {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    options,
    sealOptions: { state: createSealerState(), checkpoints: options.checkpoints, checkpointIntervalMs: options.checkpointIntervalMs ?? 5_000 },
    isLeader: false,
    partitionsCheckedAt: 0,
    alarmCheckedAt: 0,
  };
  const leadershipRetryMs = options.leadershipRetryMs ?? 2_000;
  let isStopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const schedule = (delayMs: number) => {
    if (isStopping) return;
    timer = setTimeout(() => {
      running = runTick(node).then(schedule, (error: unknown) => {
        // The message only: a driver error may quote row contents. The connection may be gone: ask again next time.
        options.log('warn', `audit sealer: round failed (${error instanceof Error ? error.message : String(error)})`);
        node.isLeader = false;
        schedule(leadershipRetryMs);
      });
    }, delayMs);
  };
  schedule(0);

  return {
    isLeader: () => node.isLeader,
    stop: async () => {
      isStopping = true;
      clearTimeout(timer);
      await running;
      await stopNode(node);
    },
  };
}

type SealerNode = {
  db: Db;
  options: AuditSealerOptions;
  sealOptions: SealOptions;
  isLeader: boolean;
  partitionsCheckedAt: number;
  alarmCheckedAt: number;
};

/** One tick: hold or seek leadership; as the leader, a round (and the hourly partitions, the alarm). Returns the delay to the next. */
async function runTick(node: SealerNode): Promise<number> {
  const { db, options } = node;
  const wasLeader = node.isLeader;
  node.isLeader = await holdOrTakeSealerLeadership(db);
  if (node.isLeader !== wasLeader) {
    options.log('info', node.isLeader ? 'audit sealer: this node seals the audit and access logs' : 'audit sealer: leadership lost');
    if (node.isLeader && options.checkpoints) await options.checkpoints.store.publishPublicKey(options.checkpoints.key.keyId, options.checkpoints.key.publicKeyPem);
  }
  if (!node.isLeader) return options.leadershipRetryMs ?? 2_000;
  const now = Date.now();
  if (now - node.partitionsCheckedAt >= PARTITION_CHECK_INTERVAL_MS) {
    await createAccessLogPartitions(db, new Date(now), 2);
    node.partitionsCheckedAt = now;
  }
  // An observation a moment old is usually usable (the transactions open when it was taken, a few ms each, have
  // ended): observing, pausing briefly, then sealing seals most entries in this round instead of the next.
  await observeHorizon(db, node.sealOptions.state ?? createSealerState());
  await new Promise((resolve) => setTimeout(resolve, OBSERVATION_SETTLE_MS));
  const rounds = await sealPendingEntries(db, node.sealOptions);
  if (now - node.alarmCheckedAt >= ALARM_CHECK_INTERVAL_MS) {
    node.alarmCheckedAt = now;
    for (const lag of await readSealLag(db)) {
      if (lag.oldestUnsealedSeconds <= SEAL_ALARM_SECONDS) continue;
      // Counts and seconds only: never an entry's content.
      options.log(
        'warn',
        `audit sealer ALARM: ${lag.log} log has ${lag.unsealedEntries} unsealed entries, the oldest for ${lag.oldestUnsealedSeconds.toFixed(1)} s (a long-running transaction holds the horizon back, or sealing fails)`,
      );
    }
  }
  return rounds.some((round) => round.isBatchFull) ? 0 : (options.roundIntervalMs ?? 250);
}

/** A leader seals what committed before the stop and checkpoints it, so the next start begins from a checkpoint. */
async function stopNode(node: SealerNode): Promise<void> {
  try {
    if (node.isLeader && (await holdOrTakeSealerLeadership(node.db))) {
      for (let rounds = 0; rounds < 20; rounds += 1) {
        const sealed = await sealPendingEntries(node.db, { ...node.sealOptions, checkpointIntervalMs: 0 });
        if (!sealed.some((round) => round.isBatchFull)) break;
      }
      await releaseSealerLeadership(node.db);
    }
  } catch (error) {
    node.options.log('warn', `audit sealer: final round failed (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    node.isLeader = false;
    await node.db.destroy();
  }
}
