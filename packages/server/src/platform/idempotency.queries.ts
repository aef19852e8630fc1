import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/tables.ts';

/** One short statement, committed on its own: the first request with a key wins; true if this one did. */
export async function claimIdempotencyKey(db: Db, input: { userId: string; key: string; requestHash: string; now: Date }): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ user_id: input.userId, key: input.key, request_hash: input.requestHash, state: 'in_flight', created_at: input.now })
    .onConflict((conflict) => conflict.columns(['user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findIdempotencyKey(db: Db, input: { userId: string; key: string }) {
  return db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'state', 'response_status', 'response_body', 'created_at'])
    .where('user_id', '=', input.userId)
    .where('key', '=', input.key)
    .executeTakeFirst();
}

/**
 * Removes a claim whose request died without finishing (its process crashed), so it can be claimed afresh.
 * Compare-and-delete on the old `created_at`: of several retries only one removes it, and whoever then claims
 * the key first runs the creation.
 */
export async function deleteStaleClaim(db: Db, input: { userId: string; key: string; claimedAt: Date }): Promise<boolean> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('user_id', '=', input.userId)
    .where('key', '=', input.key)
    .where('state', '=', 'in_flight')
    .where('created_at', '=', input.claimedAt)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Stores the response. Runs inside the transaction that creates the record, so both commit or neither does. */
export async function completeIdempotencyKey(
  trx: Transaction<Database>,
  input: { userId: string; key: string; responseStatus: number; sealedResponseBody: string; now: Date },
): Promise<void> {
  await completeIdempotencyKeyQuery(trx, input).execute();
}

/** The same update, not yet run: a use case may run it inside its own last write (one round trip less). */
export function completeIdempotencyKeyQuery(
  trx: Transaction<Database>,
  input: { userId: string; key: string; responseStatus: number; sealedResponseBody: string; now: Date },
) {
  return trx
    .updateTable('idempotency_keys')
    .set({
      state: 'completed',
      response_status: input.responseStatus,
      // A JSON string scalar: the stored body is ciphertext (it may hold personal data), kept verbatim.
      response_body: JSON.stringify(input.sealedResponseBody),
      completed_at: input.now,
    })
    .where('user_id', '=', input.userId)
    .where('key', '=', input.key);
}

export async function releaseIdempotencyClaim(db: Db, input: { userId: string; key: string }): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('user_id', '=', input.userId).where('key', '=', input.key).where('state', '=', 'in_flight').execute();
}

export async function deleteIdempotencyKeysCreatedBefore(db: Db, cutoff: Date): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
