import type { Db } from '../db/tables.ts';

/**
 * The tables of one-time links e-mailed to a person (the token's SHA-256 only; single use; expiring): an enrolment
 * link, and the unlock link of a locked account. Spending and explaining a link is the same for both.
 */
type OneTimeLinkTable = 'enrolment_links' | 'account_unlock_links';

/**
 * Spends the link: one conditional UPDATE, so two requests with the same token cannot both win. The user it is
 * for, or undefined when the token is unknown, already used or expired.
 */
export async function takeOneTimeLink(db: Db, table: OneTimeLinkTable, input: { tokenHash: string; now: Date }): Promise<string | undefined> {
  const row = await db
    .updateTable(table)
    .set({ used_at: input.now })
    .where('token_hash', '=', input.tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', input.now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

/** Why a token did not work, for the audit log only. */
export async function findOneTimeLink(db: Db, table: OneTimeLinkTable, tokenHash: string) {
  return db.selectFrom(table).select(['user_id', 'used_at', 'expires_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
}
