import { sql } from 'kysely';
import type { Db } from '../db/tables.ts';

/** One audit entry as a use case states it (audit-log.ts re-exports it). */
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

/** An entry as appended: its details always present (an empty object when the use case gave none). */
type NewAuditEntry = Omit<AuditEntry, 'details'> & { details: Record<string, unknown> };

/**
 * One multi-row INSERT. The writing transaction's id is taken in a materialised CTE before any row is produced, so
 * the transaction has its id before the sequence hands out the entries' ids: the sealer relies on that order (an id
 * it has seen handed out belongs to a transaction that already had a transaction id then; ADR 0011). ORDER BY the
 * position keeps the ids in the caller's order.
 */
export async function insertAuditEntries(db: Db, entries: readonly NewAuditEntry[]): Promise<void> {
  const rows = entries.map(
    (entry, position) => sql`(
      ${position}::integer, ${entry.occurredAt}::timestamptz, ${entry.actorUserId}::uuid, ${entry.actorOrganisationId}::uuid,
      ${entry.action}::text, ${entry.objectType}::text, ${entry.objectId}::text, ${JSON.stringify(entry.details)}::jsonb
    )`,
  );
  await sql`
    WITH writer AS MATERIALIZED (SELECT pg_current_xact_id() AS xact_id)
    INSERT INTO audit_log (occurred_at, actor_user_id, actor_organisation_id, action, object_type, object_id, details, xact_id)
    SELECT entry.occurred_at, entry.actor_user_id, entry.actor_organisation_id, entry.action, entry.object_type, entry.object_id, entry.details, writer.xact_id
    FROM writer CROSS JOIN (VALUES ${sql.join(rows)}) AS entry (position, occurred_at, actor_user_id, actor_organisation_id, action, object_type, object_id, details)
    ORDER BY entry.position
  `.execute(db);
}
