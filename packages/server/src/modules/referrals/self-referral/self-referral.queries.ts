import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';

/**
 * SQL for self-referrals: which directory listings take requests, the contact form's used challenges, receipt
 * lookups and the "heard about" counts. The referral rows themselves are written through core/referral-record.queries.ts.
 */

/**
 * Directory listings a person can ask to be contacted by: public (approved), active, describing an active referral
 * service of an active organisation. A temporarily closed listing takes no requests (nobody would answer them in time).
 * The live columns are the approved version: a proposed change waits in publication_requests.
 */
export async function listSelfReferralTargets(db: Db) {
  return db
    .selectFrom('directory_services as ds')
    .innerJoin('services as s', 's.id', 'ds.referral_service_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select([
      'ds.slug',
      'ds.name_da',
      'ds.name_en',
      'ds.name_ar',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      's.organisation_id',
      's.id as service_id',
      's.service_line',
      's.first_contact_deadline_hours',
      's.high_risk_deadline_hours',
    ])
    .where('ds.status', '=', 'active')
    .where('ds.published_at', 'is not', null)
    .where('s.is_active', '=', true)
    .where('o.is_active', '=', true)
    .orderBy('ds.name_da')
    .orderBy('ds.slug')
    .execute();
}

export type SelfReferralTargetRow = Awaited<ReturnType<typeof listSelfReferralTargets>>[number];

/**
 * Claims a challenge for one request. Inside the request's transaction: a concurrent duplicate waits on the primary
 * key until this transaction ends, then finds the row (and answers with its receipt) or, after a rollback, claims it.
 */
export async function claimSelfReferralChallenge(trx: Transaction<Database>, input: { challengeHash: string; expiresAt: Date; now: Date }): Promise<boolean> {
  const row = await trx
    .insertInto('self_referral_challenges')
    .values({ challenge_hash: input.challengeHash, referral_id: null, expires_at: input.expiresAt, created_at: input.now })
    .onConflict((conflict) => conflict.column('challenge_hash').doNothing())
    .returning('challenge_hash')
    .executeTakeFirst();
  return row !== undefined;
}

export async function attachReferralToChallenge(trx: Transaction<Database>, input: { challengeHash: string; referralId: string }): Promise<void> {
  await trx.updateTable('self_referral_challenges').set({ referral_id: input.referralId }).where('challenge_hash', '=', input.challengeHash).execute();
}

/** Expired challenges can no longer be replayed, so their rows have done their job. */
export async function deleteChallengesExpiredBefore(trx: Transaction<Database>, before: Date): Promise<void> {
  await trx.deleteFrom('self_referral_challenges').where('expires_at', '<', before).execute();
}

/** The request a used challenge made, with its receipt hash. */
export async function findReferralOfChallenge(db: Db, challengeHash: string) {
  const row = await db
    .selectFrom('self_referral_challenges as c')
    .innerJoin('referrals as r', 'r.id', 'c.referral_id')
    .select(['r.id as referral_id', 'r.receipt_code_hash'])
    .where('c.challenge_hash', '=', challengeHash)
    .executeTakeFirst();
  return row && row.receipt_code_hash !== null ? { referral_id: row.referral_id, receipt_code_hash: row.receipt_code_hash } : undefined;
}

export async function isReceiptCodeHashTaken(db: Db, receiptCodeHash: string): Promise<boolean> {
  const row = await db.selectFrom('referrals').select('id').where('receipt_code_hash', '=', receiptCodeHash).executeTakeFirst();
  return row !== undefined;
}

/** Only what the receipt page may show: the status and whether anyone has called. */
export async function findReceiptState(db: Db, receiptCodeHash: string) {
  return db
    .selectFrom('referrals')
    .select(['status', 'contact_attempt_count', 'first_contact_at'])
    .where('receipt_code_hash', '=', receiptCodeHash)
    .where('source', '=', 'self')
    .executeTakeFirst();
}

/** Self-referrals the organisation holds now (a reroute moves one), counted by "heard about". */
export async function countSelfReferralsByHeardAbout(db: Db, organisationId: string) {
  const rows = await db
    .selectFrom('referrals')
    .select((eb) => ['heard_about', eb.fn.countAll<string>().as('count')])
    .where('source', '=', 'self')
    .where('receiving_organisation_id', '=', organisationId)
    .groupBy('heard_about')
    .execute();
  return rows.map((row) => ({ heard_about: row.heard_about, count: Number(row.count) }));
}
