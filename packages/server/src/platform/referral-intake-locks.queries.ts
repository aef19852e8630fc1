import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/tables.ts';

/**
 * Creating a referral at a service (in a programme) and ending that service (or programme) must not overlap: a
 * referral committed after the ending handed over the service's open referrals would be left at an ended service.
 *
 * A row lock on the service would do it, but every creation shares that one hot row, and concurrent share locks on a
 * row turn into MultiXacts (a tuple write and a growing member list per creation; creations at c=50 fell from ~76/s
 * to ~28/s, docs/performance.md). These transaction-level advisory locks live in memory only: creations hold the
 * SHARED lock of their service and programme (they never wait for each other), an ending takes the EXCLUSIVE lock
 * (it waits for creations in flight; creations after it wait for its commit and then find the service ended).
 *
 * The two-key form (class, object) keeps these apart from every single-key advisory lock.
 */
const SERVICE_LOCK_CLASS = 727_274_101;
const PROGRAMME_LOCK_CLASS = 727_274_102;

/** For a creation's own statement: share-locks the service and the programme; true (void as SQL). */
export function holdReferralIntakeOpen(input: { serviceId: string; programmeId: string }): RawBuilder<boolean> {
  return sql<boolean>`(pg_advisory_xact_lock_shared(${SERVICE_LOCK_CLASS}, hashtext(${input.serviceId})) IS NOT NULL AND pg_advisory_xact_lock_shared(${PROGRAMME_LOCK_CLASS}, hashtext(${input.programmeId})) IS NOT NULL)`;
}

/**
 * For an ending, in its transaction, BEFORE it locks the service or programme row (a creation's foreign-key checks
 * key-share-lock those rows, so the other order could deadlock): waits for the creations in flight to commit, and
 * holds new ones until this transaction ends.
 */
export async function closeReferralIntake(db: Db, input: { serviceId: string } | { programmeId: string }): Promise<void> {
  const key = 'serviceId' in input ? sql`${SERVICE_LOCK_CLASS}, hashtext(${input.serviceId})` : sql`${PROGRAMME_LOCK_CLASS}, hashtext(${input.programmeId})`;
  await sql`SELECT pg_advisory_xact_lock(${key})`.execute(db);
}
