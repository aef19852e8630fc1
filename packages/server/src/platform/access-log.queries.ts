import { sql } from 'kysely';
import type { Db } from '../db/tables.ts';

type NewAccessRecord = {
  occurredAt: Date;
  userId: string;
  organisationId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  personId: string | null;
  purpose: string;
};

/** One multi-row INSERT; the transaction id first, as in insertAuditEntries (audit-log.queries.ts), for the sealer. */
export async function insertAccessRecords(db: Db, records: readonly NewAccessRecord[]): Promise<void> {
  const rows = records.map(
    (record, position) => sql`(
      ${position}::integer, ${record.occurredAt}::timestamptz, ${record.userId}::uuid, ${record.organisationId}::uuid, ${record.action}::text,
      ${record.objectType}::text, ${record.objectId}::text, ${record.personId}::uuid, ${record.purpose}::text
    )`,
  );
  await sql`
    WITH writer AS MATERIALIZED (SELECT pg_current_xact_id() AS xact_id)
    INSERT INTO access_log (occurred_at, user_id, organisation_id, action, object_type, object_id, person_id, purpose, xact_id)
    SELECT record.occurred_at, record.user_id, record.organisation_id, record.action, record.object_type, record.object_id, record.person_id,
           record.purpose, writer.xact_id
    FROM writer CROSS JOIN (VALUES ${sql.join(rows)}) AS record (position, occurred_at, user_id, organisation_id, action, object_type, object_id, person_id, purpose)
    ORDER BY record.position
  `.execute(db);
}

/**
 * Creates the monthly partitions of the access log for the month of `from` and the `monthsAhead` after it, where
 * missing (create_access_log_partition, in the migration). Returns how many it created.
 */
export async function createAccessLogPartitions(db: Db, from: Date, monthsAhead: number): Promise<number> {
  const { rows } = await sql<{ created: number }>`
    SELECT count(*) FILTER (WHERE create_access_log_partition(month::date))::integer AS created
    FROM generate_series(date_trunc('month', ${from}::timestamptz AT TIME ZONE 'UTC'), date_trunc('month', ${from}::timestamptz AT TIME ZONE 'UTC') + make_interval(months => ${monthsAhead}), interval '1 month') AS month
  `.execute(db);
  return rows[0]?.created ?? 0;
}
