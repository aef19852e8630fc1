import type { KeyObject } from 'node:crypto';
import type { Db } from '../db/tables.ts';
import { GENESIS_HASH } from './audit-log.ts';
import { isCheckpointSignatureValid, type Checkpoint, type SealedLog } from './audit-checkpoints.ts';
import { hashEntry } from './audit-sealer.ts';
import { findOldestRetainedId, listChainRows, type ChainRow } from './audit-sealer.queries.ts';

export type LogVerdict = {
  log: SealedLog;
  isIntact: boolean;
  /** Sealed entries whose hash was recomputed (from the oldest retained checkpoint, or the genesis hash). */
  sealedEntries: number;
  /** Entries after the sealed head, not yet sealed (not a failure: see isSealingLate). */
  unsealedEntries: number;
  oldestUnsealedSeconds: number;
  /** True when the oldest unsealed entry has waited longer than the alarm threshold given. */
  isSealingLate: boolean;
  checkpointsChecked: number;
  /** Where verification started: 'genesis', or the sequence of the checkpoint retention has cut at. */
  startedFrom: string;
  /** The first entry (by id) that is modified, inserted, reordered or missing, when not intact. */
  firstBrokenId?: string;
  problem?: string;
};

export type VerifyLogOptions = {
  log: SealedLog;
  /** Every checkpoint of the store (all logs; the others are ignored). */
  checkpoints: readonly Checkpoint[];
  publicKeys: ReadonlyMap<string, KeyObject>;
  /** Unsealed entries older than this make isSealingLate true. Default: never. */
  unsealedAlarmSeconds?: number;
  batchSize?: number;
  now?: () => Date;
};

/**
 * Checks one log against its checkpoints:
 * - every checkpoint's signature, with the public key it names;
 * - from the oldest retained checkpoint (the newest one retention has cut at, or else the genesis hash) onwards,
 *   every sealed entry's hash recomputed from its content and its predecessor; an entry without its seal inside the
 *   sealed chain, or a seal without its entry, is a break;
 * - the chain passes through every later checkpoint's head (a chain re-hashed with a forged head does not);
 * - the newest checkpoint's entry is there (deleting the newest entries — a truncated tail — is caught).
 */
export async function verifyLog(db: Db, options: VerifyLogOptions): Promise<LogVerdict> {
  const { log } = options;
  const checkpoints = options.checkpoints.filter((checkpoint) => checkpoint.log === log).sort((a, b) => compareIds(a.sequence, b.sequence));
  const verdict: LogVerdict = {
    log,
    isIntact: true,
    sealedEntries: 0,
    unsealedEntries: 0,
    oldestUnsealedSeconds: 0,
    isSealingLate: false,
    checkpointsChecked: 0,
    startedFrom: 'genesis',
  };
  const broken = (firstBrokenId: string, problem: string): LogVerdict => ({ ...verdict, isIntact: false, firstBrokenId, problem });

  const badSignature = findBadSignature(checkpoints, options.publicKeys);
  if (badSignature) return broken(badSignature.sequence, badSignature.problem);

  // Retention removes the oldest entries up to a checkpoint's head: start from the newest checkpoint below what is left.
  const oldestRetained = await findOldestRetainedId(db, log);
  let anchor: Checkpoint | undefined;
  for (const checkpoint of checkpoints) if (oldestRetained === undefined || BigInt(checkpoint.sequence) < oldestRetained) anchor = checkpoint;
  const previousHash = anchor?.headHash ?? GENESIS_HASH;
  let afterId = anchor?.sequence ?? '0';
  if (anchor) verdict.startedFrom = anchor.sequence;
  const newest = checkpoints.at(-1);
  if (anchor && anchor === newest) {
    return broken(newest.sequence, `entry ${newest.sequence}, sealed by the newest checkpoint (${newest.time}), is missing with every entry before it: the log was emptied or cut past its newest checkpoint`);
  }
  const pending = checkpoints.filter((checkpoint) => compareIds(checkpoint.sequence, afterId) > 0);
  const batchSize = options.batchSize ?? 5_000;

  const walk: Walk = { log, previousHash, pending, firstUnsealed: undefined, verdict };
  for (;;) {
    const rows = await listChainRows(db, log, afterId, batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      afterId = row.id;
      const problem = checkNextRow(walk, row);
      if (problem) return broken(problem.id, problem.problem);
    }
  }
  const { firstUnsealed } = walk;

  const missedCheckpoint = pending[0];
  if (missedCheckpoint) {
    return broken(
      missedCheckpoint.sequence,
      `the chain ends before entry ${missedCheckpoint.sequence}, which the checkpoint of ${missedCheckpoint.time} sealed: the newest entries were deleted (truncated tail)`,
    );
  }
  if (firstUnsealed) {
    const now = options.now?.() ?? new Date();
    verdict.oldestUnsealedSeconds = Math.max(0, (now.getTime() - firstUnsealed.insertedAt.getTime()) / 1000);
    verdict.isSealingLate = verdict.oldestUnsealedSeconds > (options.unsealedAlarmSeconds ?? Number.POSITIVE_INFINITY);
  }
  return verdict;
}

type Walk = {
  log: SealedLog;
  previousHash: string;
  /** Checkpoints not yet passed, oldest first. */
  pending: Checkpoint[];
  firstUnsealed: { id: string; insertedAt: Date } | undefined;
  verdict: LogVerdict;
};

/** The next row in id order (an entry, its seal, or both): the break it shows, if any. Advances the walk. */
function checkNextRow(walk: Walk, row: ChainRow): { id: string; problem: string } | undefined {
  const next = walk.pending[0];
  if (next && compareIds(next.sequence, row.id) < 0) return { id: next.sequence, problem: `entry ${next.sequence} is missing: the checkpoint of ${next.time} sealed it` };
  const hasEntry = row.xact_id !== null;
  if (!hasEntry) return { id: row.id, problem: `entry ${row.id} is missing (deleted): its seal is still there` };
  if (row.sealed_hash === null) {
    if (next && compareIds(next.sequence, row.id) === 0) return { id: row.id, problem: `entry ${row.id} has lost its seal: the checkpoint of ${next.time} sealed it` };
    walk.firstUnsealed ??= { id: row.id, insertedAt: row.inserted_at };
    walk.verdict.unsealedEntries += 1;
    return undefined;
  }
  if (walk.firstUnsealed) {
    const { id } = walk.firstUnsealed;
    return { id, problem: `entry ${id} has no seal but entries after it are sealed: it was inserted into the sealed chain` };
  }
  const expected = hashEntry(walk.log, walk.previousHash, row);
  if (expected !== row.sealed_hash) {
    return { id: row.id, problem: `entry ${row.id} does not match its seal: it was modified, or an entry before it was deleted, inserted or reordered` };
  }
  walk.previousHash = expected;
  walk.verdict.sealedEntries += 1;
  if (next && compareIds(next.sequence, row.id) === 0) {
    walk.pending.shift();
    walk.verdict.checkpointsChecked += 1;
    if (next.headHash !== expected) {
      return { id: row.id, problem: `the chain does not pass through the checkpoint of ${next.time} at entry ${row.id}: entries up to it were modified and the chain re-hashed (a forged head)` };
    }
  }
  return undefined;
}

function findBadSignature(checkpoints: readonly Checkpoint[], publicKeys: ReadonlyMap<string, KeyObject>): { sequence: string; problem: string } | undefined {
  for (const checkpoint of checkpoints) {
    const publicKey = publicKeys.get(checkpoint.keyId);
    if (!publicKey) return { sequence: checkpoint.sequence, problem: `the checkpoint of ${checkpoint.time} is signed with an unknown key ${checkpoint.keyId}` };
    if (!isCheckpointSignatureValid(checkpoint, publicKey)) return { sequence: checkpoint.sequence, problem: `the checkpoint of ${checkpoint.time} has an invalid signature (forged or altered)` };
  }
  return undefined;
}

/**
 * The audit log's chain as the database alone can show it (no checkpoints): every sealed hash recomputed from the
 * genesis hash. Integration tests use it after their changes; `npm run audit:verify` checks the checkpoints too.
 */
export async function verifyAuditChain(db: Db, batchSize = 5_000): Promise<LogVerdict> {
  return verifyLog(db, { log: 'audit', checkpoints: [], publicKeys: new Map(), batchSize });
}

function compareIds(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}
