import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../db/tables.ts';

/** Lock key that serialises audit appends, so two transactions can never chain onto the same predecessor. */
const AUDIT_APPEND_LOCK = 727_274_001;
export const GENESIS_HASH = '0'.repeat(64);

export type AuditEntry = {
  occurredAt: Date;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  /** Identifiers and codes only: never names, contact details or free text. */
  details?: Record<string, string | number | boolean | null>;
};

/**
 * Appends one entry to the hash chain. Must be called inside the transaction that makes the change, ideally as
 * its last statement: the advisory lock is held until commit, so appends (and only appends) are serialised.
 * Assumes READ COMMITTED (the default): a REPEATABLE READ transaction could read a stale head; the UNIQUE
 * constraint on previous_hash then fails it rather than forking the chain.
 */
export async function appendAuditEntry(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  await appendAuditEntries(trx, [entry]);
}

/**
 * Appends the entry for a change a signed-in staff member made: it names them and the organisation they acted for,
 * so no use case can put one and not the other.
 */
export async function appendAuditEntryBy(
  trx: Transaction<Database>,
  actor: { userId: string; organisationId: string },
  entry: Omit<AuditEntry, 'actorUserId' | 'actorOrganisationId'>,
): Promise<void> {
  await appendAuditEntry(trx, { ...entry, actorUserId: actor.userId, actorOrganisationId: actor.organisationId });
}

/**
 * Appends several entries in order under one lock: one head read and one multi-row insert. A use case that makes
 * several audited changes collects them (see {@link AuditTrail}) and appends them last, so the lock that
 * serialises all appends is held only for the end of its transaction.
 */
export async function appendAuditEntries(trx: Transaction<Database>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  let previousHash = last?.hash ?? GENESIS_HASH;
  const rows = entries.map((entry) => {
    const details = entry.details ?? {};
    const hash = computeAuditHash(previousHash, { ...entry, details });
    const row = {
      occurred_at: entry.occurredAt,
      actor_user_id: entry.actorUserId,
      actor_organisation_id: entry.actorOrganisationId,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId,
      details: JSON.stringify(details),
      previous_hash: previousHash,
      hash,
    };
    previousHash = hash;
    return row;
  });
  // One VALUES list: identity ids are assigned in row order, so the chain order is the id order.
  await trx.insertInto('audit_log').values(rows).execute();
}

/** Entries a use case has decided on but not yet appended: appended together, last, with appendAuditEntries. */
export type AuditTrail = AuditEntry[];

/** Appends now, or, when the caller collects a trail, adds the entry to it. */
export async function recordAuditEntry(trx: Transaction<Database>, entry: AuditEntry, trail: AuditTrail | undefined): Promise<void> {
  if (trail) trail.push(entry);
  else await appendAuditEntry(trx, entry);
}

export function computeAuditHash(previousHash: string, entry: Omit<AuditEntry, 'details'> & { details: Record<string, unknown> }): string {
  return createHash('sha256').update(previousHash).update(canonicalAuditEntry(entry)).digest('hex');
}

/** A stable serialisation: fixed field order, sorted detail keys, UTC milliseconds. */
function canonicalAuditEntry(entry: Omit<AuditEntry, 'details'> & { details: Record<string, unknown> }): string {
  const sortedDetails = Object.fromEntries(Object.entries(entry.details).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify([
    entry.occurredAt.toISOString(),
    entry.actorUserId,
    entry.actorOrganisationId,
    entry.action,
    entry.objectType,
    entry.objectId,
    sortedDetails,
  ]);
}

export type AuditChainVerdict = { isIntact: true; entries: number } | { isIntact: false; entries: number; firstBrokenId: string; problem: string };

/** Walks the whole chain in id order and names the first entry that does not fit. */
export async function verifyAuditChain(db: Db, batchSize = 5_000): Promise<AuditChainVerdict> {
  let previousHash = GENESIS_HASH;
  let lastId = '0';
  let entries = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return { isIntact: true, entries };
    for (const row of rows) {
      entries += 1;
      if (row.previous_hash !== previousHash) {
        return { isIntact: false, entries, firstBrokenId: row.id, problem: 'previous_hash does not match the entry before it (an entry was removed, inserted or reordered)' };
      }
      const expected = computeAuditHash(previousHash, {
        occurredAt: row.occurred_at,
        actorUserId: row.actor_user_id,
        actorOrganisationId: row.actor_organisation_id,
        action: row.action,
        objectType: row.object_type,
        objectId: row.object_id,
        details: row.details,
      });
      if (expected !== row.hash) return { isIntact: false, entries, firstBrokenId: row.id, problem: 'hash does not match the entry content (the entry was altered)' };
      previousHash = row.hash;
      lastId = row.id;
    }
  }
}
