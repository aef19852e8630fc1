import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../../db/tables.ts';

/** The only SQL of sign-in throttling and the account holder's unlock link. */

export async function findLoginThrottle(db: Db, addressHash: string) {
  return db.selectFrom('login_throttles').select(['failure_count', 'first_failed_at', 'blocked_until']).where('address_hash', '=', addressHash).executeTakeFirst();
}

/**
 * Counts a failure for an address in one statement (concurrent attempts cannot both count as the first): a count whose
 * window began before `windowStart` starts again at 1. Answers the count within the window.
 */
export async function countLoginThrottleFailure(trx: Transaction<Database>, input: { addressHash: string; now: Date; windowStart: Date }): Promise<number> {
  const row = await trx
    .insertInto('login_throttles')
    .values({ address_hash: input.addressHash, failure_count: 1, first_failed_at: input.now, blocked_until: input.now })
    .onConflict((conflict) =>
      conflict.column('address_hash').doUpdateSet({
        failure_count: sql<number>`CASE WHEN login_throttles.first_failed_at < ${input.windowStart} THEN 1 ELSE login_throttles.failure_count + 1 END`,
        first_failed_at: sql<Date>`CASE WHEN login_throttles.first_failed_at < ${input.windowStart} THEN ${input.now}::timestamptz ELSE login_throttles.first_failed_at END`,
      }),
    )
    .returning('failure_count')
    .executeTakeFirstOrThrow();
  return row.failure_count;
}

export async function setLoginThrottleBlockedUntil(trx: Transaction<Database>, input: { addressHash: string; blockedUntil: Date }): Promise<void> {
  await trx.updateTable('login_throttles').set({ blocked_until: input.blockedUntil }).where('address_hash', '=', input.addressHash).execute();
}

/** A completed login, or the holder's own unlock: the address starts afresh. */
export async function clearLoginThrottle(db: Db, addressHash: string): Promise<void> {
  await db.deleteFrom('login_throttles').where('address_hash', '=', addressHash).execute();
}

export async function insertUnlockLink(trx: Transaction<Database>, input: { userId: string; tokenHash: string; now: Date; expiresAt: Date }): Promise<void> {
  await trx.insertInto('account_unlock_links').values({ user_id: input.userId, token_hash: input.tokenHash, created_at: input.now, expires_at: input.expiresAt }).execute();
}



/** Lifts the lock and starts the failure count afresh; the user's e-mail and first organisation for the audit entry. */
export async function unlockAccount(trx: Transaction<Database>, input: { userId: string; now: Date }) {
  await trx
    .updateTable('users')
    .set({ locked_at: null, failed_login_count: 0, failed_login_window_started_at: null, updated_at: input.now })
    .where('id', '=', input.userId)
    .execute();
  // Other links of the same lock are spent with it: one unlock, one link.
  await trx.updateTable('account_unlock_links').set({ used_at: input.now }).where('user_id', '=', input.userId).where('used_at', 'is', null).execute();
  return trx
    .selectFrom('users as u')
    .leftJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.email', 'm.organisation_id'])
    .where('u.id', '=', input.userId)
    .orderBy('m.created_at')
    .limit(1)
    .executeTakeFirstOrThrow();
}
