import { sql, type Kysely } from 'kysely';

/**
 * Programmes run by people, not by the demo loader: a period, a funder and a status; managers (a grant of a user on
 * one programme, not an organisation role); per participating service whom it takes in this programme (narrowing
 * what the service itself takes), its deadlines and contact attempts (null: the service's own); a version that
 * every change raises, with a snapshot of each version. A referral records the version it was sent under and the
 * deadlines and attempts it must meet, so a later change of the programme applies to new referrals only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE programmes
      ADD COLUMN period_start date,
      ADD COLUMN period_end date,
      ADD COLUMN funder text NOT NULL DEFAULT '',
      ADD COLUMN status text NOT NULL DEFAULT 'running' CHECK (status IN ('planned', 'running', 'ended')),
      ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
      ADD CONSTRAINT programmes_period_in_order CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end);

    CREATE TABLE programme_managers (
      programme_id uuid NOT NULL REFERENCES programmes(id),
      user_id uuid NOT NULL REFERENCES users(id),
      appointed_by_user_id uuid REFERENCES users(id),
      appointed_at timestamptz NOT NULL,
      PRIMARY KEY (programme_id, user_id)
    );
    CREATE INDEX programme_managers_user_idx ON programme_managers (user_id);

    CREATE TABLE programme_versions (
      programme_id uuid NOT NULL REFERENCES programmes(id),
      version integer NOT NULL,
      configuration jsonb NOT NULL,
      changed_by_user_id uuid REFERENCES users(id),
      changed_at timestamptz NOT NULL,
      PRIMARY KEY (programme_id, version)
    );
    COMMENT ON TABLE programme_versions IS 'Each version of a programme''s configuration (ids, codes and names; no personal data).';

    ALTER TABLE programme_services
      ADD COLUMN receives_roles text[] CHECK (receives_roles IS NULL OR (cardinality(receives_roles) > 0 AND receives_roles <@ ARRAY['exposed','uses_violence','both'])),
      ADD COLUMN receives_genders text[] CHECK (receives_genders IS NULL OR (cardinality(receives_genders) > 0 AND receives_genders <@ ARRAY['woman','man','other','unknown'])),
      ADD COLUMN minimum_age integer CHECK (minimum_age BETWEEN 0 AND 120),
      ADD COLUMN maximum_age integer CHECK (maximum_age BETWEEN 0 AND 120),
      ADD COLUMN first_contact_deadline_hours integer CHECK (first_contact_deadline_hours BETWEEN 1 AND 720),
      ADD COLUMN high_risk_deadline_hours integer CHECK (high_risk_deadline_hours BETWEEN 1 AND 720),
      ADD COLUMN max_contact_attempts integer CHECK (max_contact_attempts BETWEEN 1 AND 20),
      ADD CONSTRAINT programme_services_ages_in_order CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age);

    -- The old single-valued routing rule becomes whom the service takes in the programme.
    UPDATE programme_services SET
      receives_roles = CASE WHEN routing_role IS NULL THEN NULL ELSE ARRAY[routing_role] END,
      receives_genders = CASE WHEN routing_gender IS NULL THEN NULL ELSE ARRAY[routing_gender] END;
    ALTER TABLE programme_services DROP COLUMN routing_role, DROP COLUMN routing_gender;

    INSERT INTO programme_versions (programme_id, version, configuration, changed_by_user_id, changed_at)
      SELECT id, 1, jsonb_build_object('name', name, 'migrated', true), NULL, now() FROM programmes;

    ALTER TABLE referrals
      ADD COLUMN programme_version integer,
      ADD COLUMN first_contact_deadline_hours integer,
      ADD COLUMN high_risk_deadline_hours integer,
      ADD COLUMN max_contact_attempts integer;
    COMMENT ON COLUMN referrals.max_contact_attempts IS 'What the referral must meet, fixed when it was made (null: its service''s current setting).';
  `.execute(db);
}
