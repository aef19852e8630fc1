import { sql, type Kysely } from 'kysely';

/**
 * Audit and access logs without a global lock (issue 13, ADR 0011).
 *
 * - Appends no longer hash: each entry records the transaction that wrote it (`xact_id`) and when it was inserted
 *   (`inserted_at`, the commit-time proxy for seal latency). One sealer hashes committed entries into the chain and
 *   keeps the hashes in insert-only seal tables; the entries themselves are never updated.
 * - The audit log's existing chain is carried over as the first stretch of the sealed chain: every old row's `hash`
 *   was computed with the same formula the sealer uses (sha256(previous hash || canonical entry), from the genesis
 *   hash), so copying it into `audit_log_seals` continues the history unchanged and `npm run audit:verify`
 *   recomputes it from the genesis hash like any other stretch. `previous_hash`/`hash` then go.
 * - The access log becomes partitioned by month (`PARTITION BY RANGE (occurred_at)`), so retention can drop old
 *   months whole. Ids come from a plain sequence (identity columns on partitioned tables need PostgreSQL 17). Its old
 *   rows are moved with their ids and are sealed by the sealer's first rounds.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION refuse_change_to_append_only_table() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
    END;
    $$
  `.execute(db);

  // The audit log: entries stay as they are; the hashes move to the seal table.
  await sql`ALTER TABLE audit_log ADD COLUMN xact_id xid8 NOT NULL DEFAULT pg_current_xact_id()`.execute(db);
  await sql`ALTER TABLE audit_log ADD COLUMN inserted_at timestamptz NOT NULL DEFAULT clock_timestamp()`.execute(db);
  await createSealTable(db, 'audit_log_seals');
  await sql`COMMENT ON TABLE audit_log_seals IS 'The hash chain over audit_log, written only by the sealer, in id order. Insert-only.'`.execute(db);
  await sql`INSERT INTO audit_log_seals (entry_id, hash, sealed_at) SELECT id, hash, clock_timestamp() FROM audit_log ORDER BY id`.execute(db);
  await sql`ALTER TABLE audit_log DROP COLUMN previous_hash, DROP COLUMN hash`.execute(db);
  await sql`
    COMMENT ON TABLE audit_log IS 'Append-only. Entries are inserted without a hash in the transaction of the change; the sealer hashes committed entries into the chain (audit_log_seals). details never holds personal data.'
  `.execute(db);
  await sql`COMMENT ON COLUMN audit_log.xact_id IS 'The writing transaction: the sealer seals an entry only once no transaction that could hold a smaller id is still running.'`.execute(db);
  await sql`COMMENT ON COLUMN audit_log.inserted_at IS 'Database time of the insert (not of the event: that is occurred_at); the commit-time proxy for seal latency.'`.execute(db);

  // The access log: rebuilt as a partitioned table, its rows moved with their ids.
  await sql`ALTER TABLE access_log RENAME TO access_log_unpartitioned`.execute(db);
  await sql`ALTER INDEX access_log_person_idx RENAME TO access_log_unpartitioned_person_idx`.execute(db);
  await sql`ALTER TABLE access_log_unpartitioned ALTER COLUMN id DROP IDENTITY`.execute(db);
  // CACHE 1 (the default) matters: the sealer reads last_value as the highest id handed out so far (ADR 0011).
  await sql`CREATE SEQUENCE access_log_id_seq AS bigint CACHE 1`.execute(db);
  await sql`
    CREATE TABLE access_log (
      id bigint NOT NULL DEFAULT nextval('access_log_id_seq'),
      occurred_at timestamptz NOT NULL,
      user_id uuid NOT NULL,
      organisation_id uuid,
      action text NOT NULL CHECK (action IN ('read','list','search','export','print')),
      object_type text NOT NULL,
      object_id text NOT NULL,
      person_id uuid,
      purpose text NOT NULL,
      xact_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      inserted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY (id, occurred_at)
    ) PARTITION BY RANGE (occurred_at)
  `.execute(db);
  await sql`ALTER SEQUENCE access_log_id_seq OWNED BY access_log.id`.execute(db);
  await sql`
    COMMENT ON TABLE access_log IS 'Every read of personal data: who, when, which person, why. Append-only, partitioned by month of occurred_at (retention drops whole months), sealed into a hash chain by the sealer (access_log_seals).'
  `.execute(db);
  await sql`CREATE INDEX access_log_person_idx ON access_log (person_id, occurred_at)`.execute(db);
  // Rows outside every monthly partition (a clock far off, a month not yet created) land here rather than fail the read they log.
  await sql`CREATE TABLE access_log_default PARTITION OF access_log DEFAULT`.execute(db);
  await sql`
    CREATE FUNCTION create_access_log_partition(month date) RETURNS boolean LANGUAGE plpgsql AS $$
    DECLARE
      first_day date := date_trunc('month', month)::date;
      partition_name text := format('access_log_y%sm%s', to_char(first_day, 'YYYY'), to_char(first_day, 'MM'));
    BEGIN
      IF to_regclass(partition_name) IS NOT NULL THEN
        RETURN false;
      END IF;
      EXECUTE format(
        'CREATE TABLE %I PARTITION OF access_log FOR VALUES FROM (%L) TO (%L)',
        partition_name, first_day::timestamp AT TIME ZONE 'UTC', (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC'
      );
      RETURN true;
    EXCEPTION WHEN check_violation THEN
      -- The default partition already holds rows of that month: they stay there (and stay sealed and readable).
      RAISE WARNING 'access_log: month % not partitioned, the default partition holds rows of it', first_day;
      RETURN false;
    END;
    $$
  `.execute(db);
  await sql`COMMENT ON FUNCTION create_access_log_partition(date) IS 'Creates the access_log partition of the month of the given day (UTC) unless it exists. Called ahead of time by the sealer leader.'`.execute(db);
  // Months of the existing rows (at most two years back) and the next two, so the move and the next weeks' reads route to months.
  await sql`
    SELECT create_access_log_partition(month::date)
    FROM generate_series(
      date_trunc('month', GREATEST(LEAST((SELECT min(occurred_at) FROM access_log_unpartitioned), now()), now() - interval '24 months') AT TIME ZONE 'UTC'),
      date_trunc('month', now() AT TIME ZONE 'UTC') + interval '2 months',
      interval '1 month'
    ) AS month
  `.execute(db);
  await sql`
    INSERT INTO access_log (id, occurred_at, user_id, organisation_id, action, object_type, object_id, person_id, purpose)
    SELECT id, occurred_at, user_id, organisation_id, action, object_type, object_id, person_id, purpose FROM access_log_unpartitioned ORDER BY id
  `.execute(db);
  await sql`SELECT setval('access_log_id_seq', COALESCE(max(id), 1), max(id) IS NOT NULL) FROM access_log`.execute(db);
  await sql`DROP TABLE access_log_unpartitioned`.execute(db);
  // Row triggers on the partitioned table are cloned to every partition, present and future.
  await sql`CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table()`.execute(db);
  await sql`CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table()`.execute(db);
  await sql`COMMENT ON COLUMN access_log.xact_id IS 'The writing transaction (see audit_log.xact_id).'`.execute(db);
  await sql`COMMENT ON COLUMN access_log.inserted_at IS 'Database time of the insert; the commit-time proxy for seal latency.'`.execute(db);
  await createSealTable(db, 'access_log_seals');
  await sql`COMMENT ON TABLE access_log_seals IS 'The hash chain over access_log, written only by the sealer, in id order. Insert-only.'`.execute(db);
}

/**
 * One row per sealed entry: hash = sha256(hash of the entry sealed before it || canonical entry). Insert-only.
 * Retention (the data-protection issue) will need to remove seals below the oldest retained checkpoint together with
 * the entries they seal: that will be a migration of its own (a partitioned seal table to drop, or a function owned
 * by the migration role that lifts this trigger for that one statement), not an exception here.
 */
async function createSealTable(db: Kysely<any>, table: string): Promise<void> {
  await sql`
    CREATE TABLE ${sql.table(table)} (
      entry_id bigint PRIMARY KEY,
      hash text NOT NULL,
      sealed_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )
  `.execute(db);
  await sql`
    CREATE TRIGGER ${sql.id(`${table}_no_update`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table()
  `.execute(db);
  await sql`
    CREATE TRIGGER ${sql.id(`${table}_no_truncate`)} BEFORE TRUNCATE ON ${sql.table(table)}
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table()
  `.execute(db);
}
