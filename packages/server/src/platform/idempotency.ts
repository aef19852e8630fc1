import { createHash } from 'node:crypto';
import type { OperationNodeSource, Transaction } from 'kysely';
import type { Database, Db } from '../db/tables.ts';
import type { Clock } from './clock.ts';
import { AppError } from './errors.ts';
import type { FieldCipher } from './field-encryption.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  completeIdempotencyKeyQuery,
  deleteIdempotencyKeysCreatedBefore,
  findIdempotencyKey,
  releaseIdempotencyClaim,
  deleteStaleClaim,
} from './idempotency.queries.ts';

/**
 * Idempotent record creation (QUALITY.md #24, IETF draft "The Idempotency-Key HTTP Header Field").
 *
 * @idempotent
 * A client that may retry (a patrol car on a bad connection) sends `Idempotency-Key` with every creating POST.
 * Keys are scoped per user: the primary key is (user_id, key), so one user's key can never replay another's.
 *   1. Claim: `INSERT … ON CONFLICT DO NOTHING` in its own short statement, state `in_flight`, with the SHA-256 of
 *      the canonical request body. Exactly one of any number of concurrent requests wins the claim.
 *   2. If the key exists already:
 *        - a different request hash            → 422 `idempotency_mismatch` (the key was reused for other data);
 *        - `in_flight`, claimed < 60 s ago      → 409 `idempotency_in_flight` (the first request is still running);
 *        - `in_flight`, older (its process died) → taken over by compare-and-set, then as step 3;
 *        - `completed`                          → the stored status and body, byte for byte, without running again.
 *   3. Run the creation in a transaction that ALSO stores the response in the key row (state `completed`), so the
 *      record and its replayable response commit together or not at all.
 *   4. If the creation throws, the claim is deleted so the client may retry the same key.
 * The stored body is encrypted (it can hold personal data) and kept for {@link IDEMPOTENCY_RETENTION_MS}.
 */
const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;
export const IN_FLIGHT_TIMEOUT_MS = 60_000;
/** At least 24 hours (QUALITY.md #24); two days so a retry after a night's outage still replays. */
export const IDEMPOTENCY_RETENTION_MS = 48 * 3_600_000;

export function parseIdempotencyKey(header: string | string[] | undefined): string {
  if (typeof header !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(header)) throw new AppError('idempotency_key_invalid');
  return header;
}

/** SHA-256 of the body in a canonical form (object keys sorted), so formatting and key order do not matter. */
export function hashIdempotentRequest(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, entry]) => [key, sortKeys(entry)]),
    );
  }
  return value;
}

export type IdempotentOutcome<T> =
  /** This request ran the creation: `result` is what `execute` returned. */
  | { isReplay: false; statusCode: number; body: string; result: T }
  /** An earlier request with the same key and body ran it: its stored response. */
  | { isReplay: true; statusCode: number; body: string };

/** One user's key, the hash of the request that came with it, and what reading and writing the key takes. */
type KeyedRequest = { db: Db; clock: Clock; cipher: FieldCipher; userId: string; key: string; requestHash: string };

/**
 * Handed to `execute`: the statement that stores `body` as the key's response, for the use case to run inside its
 * own last write (one round trip less). If `execute` takes it, the statement MUST run in that transaction and the
 * body must be what `serialize` would give; if it does not, the response is stored after `execute` returns.
 */
export type IdempotentResponseStore = { storeResponse: (body: string) => OperationNodeSource };

export async function runIdempotently<T>(
  input: KeyedRequest & {
    statusCode: number;
    execute: (trx: Transaction<Database>, store: IdempotentResponseStore) => Promise<T>;
    /** The exact response body text. Stored, and sent, so a replay is byte-identical. */
    serialize: (result: T) => string;
  },
): Promise<IdempotentOutcome<T>> {
  const scope = { userId: input.userId, key: input.key };
  const isClaimed = await claimIdempotencyKey(input.db, { ...scope, requestHash: input.requestHash, now: input.clock.now() });
  if (!isClaimed) {
    const replay = await answerExistingKey(input);
    if (replay) return replay;
  }

  try {
    return await input.db.transaction().execute(async (trx) => {
      let storedBody: string | undefined;
      const completion = (body: string) => ({ ...scope, responseStatus: input.statusCode, sealedResponseBody: input.cipher.encrypt(body), now: input.clock.now() });
      const store: IdempotentResponseStore = {
        storeResponse: (body) => {
          storedBody = body;
          return completeIdempotencyKeyQuery(trx, completion(body));
        },
      };
      const result = await input.execute(trx, store);
      const body = storedBody ?? input.serialize(result);
      if (storedBody === undefined) await completeIdempotencyKey(trx, completion(body));
      return { isReplay: false as const, statusCode: input.statusCode, body, result };
    });
  } catch (error) {
    await releaseIdempotencyClaim(input.db, scope);
    throw error;
  }
}

/** A replay, or undefined if this request took over a stale claim and should run the creation itself. */
async function answerExistingKey(input: KeyedRequest): Promise<{ isReplay: true; statusCode: number; body: string } | undefined> {
  const scope = { userId: input.userId, key: input.key };
  const existing = await findIdempotencyKey(input.db, scope);
  // Deleted between our claim and this read (the first request failed): the client may simply retry.
  if (!existing) throw new AppError('idempotency_in_flight');
  if (existing.request_hash !== input.requestHash) throw new AppError('idempotency_mismatch');
  if (existing.state === 'completed' && existing.response_status !== null && typeof existing.response_body === 'string') {
    return { isReplay: true, statusCode: existing.response_status, body: input.cipher.decrypt(existing.response_body) };
  }
  const now = input.clock.now();
  const isStale = now.getTime() - existing.created_at.getTime() >= IN_FLIGHT_TIMEOUT_MS;
  if (isStale && (await deleteStaleClaim(input.db, { ...scope, claimedAt: existing.created_at })) && (await claimIdempotencyKey(input.db, { ...scope, requestHash: input.requestHash, now }))) {
    return undefined;
  }
  throw new AppError('idempotency_in_flight');
}

/** Deletes keys past their retention (a job runs this). */
export async function purgeExpiredIdempotencyKeys(input: { db: Db; clock: Clock }): Promise<number> {
  return deleteIdempotencyKeysCreatedBefore(input.db, new Date(input.clock.now().getTime() - IDEMPOTENCY_RETENTION_MS));
}
