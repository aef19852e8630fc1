import type { Db, NewRow } from '../../../db/tables.ts';

/** The only SQL on `referral_drafts`: one row per author, replaced on each save. */

export async function upsertReferralDraft(db: Db, draft: NewRow<'referral_drafts'>): Promise<void> {
  await db
    .insertInto('referral_drafts')
    .values(draft)
    .onConflict((conflict) => conflict.column('author_user_id').doUpdateSet({ values_enc: draft.values_enc, updated_at: draft.updated_at, expires_at: draft.expires_at }))
    .execute();
}

/** The author's draft, if it has not expired. Only ever looked up by its author: there is no id to ask for another's. */
export async function findReferralDraft(db: Db, input: { authorUserId: string; now: Date }) {
  return db
    .selectFrom('referral_drafts')
    .select(['values_enc', 'updated_at', 'expires_at'])
    .where('author_user_id', '=', input.authorUserId)
    .where('expires_at', '>', input.now)
    .executeTakeFirst();
}

export async function deleteReferralDraft(db: Db, authorUserId: string): Promise<boolean> {
  const result = await deleteReferralDraftQuery(db, authorUserId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The delete, not yet run: the referral create runs it inside its one statement. */
export function deleteReferralDraftQuery(db: Db, authorUserId: string) {
  return db.deleteFrom('referral_drafts').where('author_user_id', '=', authorUserId);
}

export async function deleteExpiredReferralDrafts(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('referral_drafts').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
