import type { Db } from '../../db/tables.ts';

/** The signed-in member's feed token row (never the token: only its hash is stored). */
export async function findFeedTokenOfMembership(db: Db, membershipId: string) {
  return db.selectFrom('calendar_feed_tokens').select(['id', 'created_at', 'last_used_at']).where('membership_id', '=', membershipId).executeTakeFirst();
}

/**
 * One token per membership: a new one replaces the old in place, so the old address stops working in the same
 * statement. `replaced` tells the audit entry whether there was one.
 */
export async function upsertFeedToken(db: Db, input: { membershipId: string; userId: string; tokenHash: string; now: Date }) {
  const previous = await findFeedTokenOfMembership(db, input.membershipId);
  const row = await db
    .insertInto('calendar_feed_tokens')
    .values({ membership_id: input.membershipId, user_id: input.userId, token_hash: input.tokenHash, created_at: input.now, last_used_at: null })
    .onConflict((conflict) => conflict.column('membership_id').doUpdateSet({ token_hash: input.tokenHash, created_at: input.now, last_used_at: null }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, isReplacement: previous !== undefined };
}

/** `undefined` when the member had no feed. */
export async function deleteFeedTokenOfMembership(db: Db, membershipId: string) {
  return db.deleteFrom('calendar_feed_tokens').where('membership_id', '=', membershipId).returning('id').executeTakeFirst();
}

/**
 * Whom a feed token belongs to, as they are NOW: their current membership's role, line and organisation, and only
 * while the user and the organisation are active. `undefined` for an unknown, replaced or revoked token too.
 */
export async function findFeedOwner(db: Db, tokenHash: string) {
  return db
    .selectFrom('calendar_feed_tokens as t')
    .innerJoin('memberships as m', 'm.id', 't.membership_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['t.id as tokenId', 't.last_used_at as lastUsedAt', 'm.id as membershipId', 'm.user_id as userId', 'm.organisation_id as organisationId', 'm.role', 'm.service_line as serviceLine'])
    .where('t.token_hash', '=', tokenHash)
    .whereRef('t.user_id', '=', 'm.user_id')
    .where('u.is_active', '=', true)
    .where('o.is_active', '=', true)
    .executeTakeFirst();
}

export async function markFeedTokenUsed(db: Db, input: { tokenId: string; now: Date }): Promise<void> {
  await db.updateTable('calendar_feed_tokens').set({ last_used_at: input.now }).where('id', '=', input.tokenId).execute();
}
