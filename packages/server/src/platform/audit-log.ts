import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import { insertAuditEntries, type AuditEntry } from './audit-log.queries.ts';

export type { AuditEntry };

/** The hash the first sealed entry chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Appends one entry to the audit log, inside the transaction that makes the change, so the entry exists if and only
 * if the change committed. No lock and no hash: the sealer (audit-sealer.ts) hashes committed entries into the
 * chain shortly after the commit, so appends never wait for each other.
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
 * Appends several entries in order, in one multi-row INSERT (one round trip). A use case that makes several audited
 * changes collects them (see {@link AuditTrail}) and appends them together.
 */
export async function appendAuditEntries(trx: Transaction<Database>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await insertAuditEntries(trx, entries.map((entry) => ({ ...entry, details: entry.details ?? {} })));
}

/** Entries a use case has decided on but not yet appended: appended together, last, with appendAuditEntries. */
export type AuditTrail = AuditEntry[];

/** Appends now, or, when the caller collects a trail, adds the entry to it. */
export async function recordAuditEntry(trx: Transaction<Database>, entry: AuditEntry, trail: AuditTrail | undefined): Promise<void> {
  if (trail) trail.push(entry);
  else await appendAuditEntry(trx, entry);
}

/** hash = sha256(previous hash || canonical entry), both as text; the first entry chains from {@link GENESIS_HASH}. */
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
