import { sql, type Kysely } from 'kysely';

/**
 * Identity, organisations, programmes, persons, consents, referrals, and the audit and access logs.
 * Columns ending in `_enc` hold AES-256-GCM ciphertext (see platform/field-encryption.ts), never plain text.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE organisations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('police_district','municipality','national_hotline','counselling_service','shelter','perpetrator_programme','ngo','platform_operator')),
      municipality_code text CHECK (municipality_code ~ '^[0-9]{3}$'),
      police_district_code text,
      is_active boolean NOT NULL DEFAULT true,
      is_local_login_enabled boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE units (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, name)
    );

    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL UNIQUE CHECK (email = lower(email)),
      display_name text NOT NULL,
      password_hash text,
      totp_secret_enc text,
      totp_enrolled_at timestamptz,
      totp_last_time_step bigint,
      failed_login_count integer NOT NULL DEFAULT 0,
      last_failed_login_at timestamptz,
      locked_at timestamptz,
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    COMMENT ON COLUMN users.totp_secret_enc IS 'TOTP shared secret, AES-256-GCM encrypted.';
    COMMENT ON COLUMN users.totp_last_time_step IS 'Time step of the last accepted TOTP code: a code is accepted once only.';

    CREATE TABLE memberships (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      unit_id uuid REFERENCES units(id),
      role text NOT NULL CHECK (role IN ('referrer','intake_coordinator','counsellor','organisation_admin','platform_admin')),
      service_line text CHECK (service_line IN ('victim','perpetrator')),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, organisation_id, role)
    );
    CREATE INDEX memberships_organisation_idx ON memberships (organisation_id);
    COMMENT ON COLUMN memberships.service_line IS 'NULL: every service line of the organisation. Otherwise victim-side or perpetrator-side only.';

    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      membership_id uuid REFERENCES memberships(id),
      stage text NOT NULL CHECK (stage IN ('mfa_required','mfa_enrolment','authenticated')),
      auth_method text NOT NULL CHECK (auth_method IN ('password','oidc')),
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ended_at timestamptz
    );
    COMMENT ON COLUMN sessions.id IS 'SHA-256 of the opaque session token; the token itself is never stored.';
    CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE ended_at IS NULL;

    CREATE TABLE oidc_providers (
      organisation_id uuid PRIMARY KEY REFERENCES organisations(id),
      issuer text NOT NULL,
      client_id text NOT NULL,
      client_secret_enc text NOT NULL,
      display_name text NOT NULL,
      is_enabled boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE oidc_identities (
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      subject text NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organisation_id, subject)
    );

    CREATE TABLE oidc_login_attempts (
      state text PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      code_verifier text NOT NULL,
      nonce text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE services (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      slug text NOT NULL UNIQUE,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      service_line text CHECK (service_line IN ('victim','perpetrator')),
      phone text,
      first_contact_deadline_hours integer NOT NULL DEFAULT 48 CHECK (first_contact_deadline_hours BETWEEN 1 AND 720),
      high_risk_deadline_hours integer NOT NULL DEFAULT 24 CHECK (high_risk_deadline_hours BETWEEN 1 AND 720),
      max_contact_attempts integer NOT NULL DEFAULT 3 CHECK (max_contact_attempts BETWEEN 1 AND 20),
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    COMMENT ON COLUMN services.service_line IS 'NULL: serves both sides (e.g. the hotline); staff limited to one line see only that side.';

    CREATE TABLE programmes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE programme_referrers (
      programme_id uuid NOT NULL REFERENCES programmes(id),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      PRIMARY KEY (programme_id, organisation_id)
    );

    CREATE TABLE programme_services (
      programme_id uuid NOT NULL REFERENCES programmes(id),
      service_id uuid NOT NULL REFERENCES services(id),
      routing_role text CHECK (routing_role IN ('exposed','uses_violence','both')),
      routing_gender text CHECK (routing_gender IN ('woman','man','other','unknown')),
      routing_priority integer NOT NULL DEFAULT 100,
      is_fallback boolean NOT NULL DEFAULT false,
      PRIMARY KEY (programme_id, service_id)
    );

    CREATE TABLE persons (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      created_by_organisation_id uuid NOT NULL REFERENCES organisations(id),
      full_name_enc text NOT NULL,
      cpr_enc text,
      cpr_hmac text,
      gender text NOT NULL CHECK (gender IN ('woman','man','other','unknown')),
      birth_year integer,
      address_protection text NOT NULL DEFAULT 'unknown' CHECK (address_protection IN ('none','name_and_address','special','shelter','unknown')),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    COMMENT ON COLUMN persons.full_name_enc IS 'Personal data, AES-256-GCM encrypted.';
    COMMENT ON COLUMN persons.cpr_enc IS 'CPR number (optional), AES-256-GCM encrypted. Never a key.';
    COMMENT ON COLUMN persons.cpr_hmac IS 'Keyed HMAC of the CPR number, for exact-match lookup only.';
    CREATE INDEX persons_cpr_hmac_idx ON persons (cpr_hmac) WHERE cpr_hmac IS NOT NULL;

    CREATE TABLE consents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL REFERENCES persons(id),
      recipient_organisation_id uuid NOT NULL REFERENCES organisations(id),
      data_categories text[] NOT NULL CHECK (cardinality(data_categories) > 0),
      purpose text NOT NULL,
      method text NOT NULL CHECK (method IN ('oral_at_scene','written')),
      obtained_by_user_id uuid NOT NULL REFERENCES users(id),
      obtained_by_organisation_id uuid NOT NULL REFERENCES organisations(id),
      obtained_at timestamptz NOT NULL,
      withdrawn_at timestamptz,
      withdrawn_by_user_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX consents_person_idx ON consents (person_id);

    CREATE SEQUENCE referral_reference_seq START 1001;

    CREATE TABLE referrals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reference text NOT NULL UNIQUE,
      incident_id uuid NOT NULL,
      person_id uuid NOT NULL REFERENCES persons(id),
      person_role text NOT NULL CHECK (person_role IN ('exposed','uses_violence','both')),
      source text NOT NULL CHECK (source IN ('police','municipality','self','other')),
      referring_organisation_id uuid NOT NULL REFERENCES organisations(id),
      referring_unit_id uuid REFERENCES units(id),
      created_by_user_id uuid REFERENCES users(id),
      programme_id uuid REFERENCES programmes(id),
      service_id uuid NOT NULL REFERENCES services(id),
      receiving_organisation_id uuid NOT NULL REFERENCES organisations(id),
      consent_id uuid REFERENCES consents(id),
      status text NOT NULL CHECK (status IN ('draft','sent','received','accepted','declined','withdrawn','expired','not_reached','handed_over')),
      risk_level text NOT NULL CHECK (risk_level IN ('standard','medium','high')),
      situation_enc text,
      phone_enc text,
      is_safe_to_call text NOT NULL CHECK (is_safe_to_call IN ('yes','no','unknown')),
      safe_times_enc text,
      voicemail_allowed text NOT NULL CHECK (voicemail_allowed IN ('yes','no','unknown')),
      sms_allowed text NOT NULL CHECK (sms_allowed IN ('yes','no','unknown')),
      language text NOT NULL DEFAULT 'da',
      interpreter_needed boolean NOT NULL DEFAULT false,
      children_in_home text NOT NULL CHECK (children_in_home IN ('yes','no','unknown')),
      underretning text CHECK (underretning IN ('sent','will_send','not_needed')),
      unsuccessful_contact_attempts integer NOT NULL DEFAULT 0,
      contact_attempt_count integer NOT NULL DEFAULT 0,
      first_contact_at timestamptz,
      due_at timestamptz,
      escalated_at timestamptz,
      sent_at timestamptz,
      received_at timestamptz,
      closed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    COMMENT ON COLUMN referrals.situation_enc IS 'Free text from the referrer, AES-256-GCM encrypted.';
    COMMENT ON COLUMN referrals.phone_enc IS 'Contact phone, AES-256-GCM encrypted.';
    COMMENT ON COLUMN referrals.incident_id IS 'Links referrals from one call-out. Never shown to a receiving service.';
    CREATE INDEX referrals_inbox_idx ON referrals (service_id, status, due_at);
    CREATE INDEX referrals_receiving_idx ON referrals (receiving_organisation_id, status);
    CREATE INDEX referrals_referring_idx ON referrals (referring_organisation_id, created_at DESC);
    CREATE INDEX referrals_incident_idx ON referrals (incident_id);
    CREATE INDEX referrals_overdue_idx ON referrals (due_at) WHERE first_contact_at IS NULL AND escalated_at IS NULL AND status IN ('sent','received','accepted');

    CREATE TABLE referral_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      referral_id uuid NOT NULL REFERENCES referrals(id),
      action text NOT NULL,
      from_status text,
      to_status text,
      actor_user_id uuid REFERENCES users(id),
      actor_organisation_id uuid REFERENCES organisations(id),
      occurred_at timestamptz NOT NULL DEFAULT now(),
      decline_reason text,
      declined_by text,
      contact_outcome text,
      from_service_id uuid REFERENCES services(id),
      to_service_id uuid REFERENCES services(id),
      note_enc text
    );
    COMMENT ON COLUMN referral_events.note_enc IS 'Receiver''s note, AES-256-GCM encrypted; never shown to the referrer.';
    CREATE INDEX referral_events_referral_idx ON referral_events (referral_id, id);

    CREATE TABLE idempotency_keys (
      user_id uuid NOT NULL REFERENCES users(id),
      key text NOT NULL,
      request_hash text NOT NULL,
      state text NOT NULL CHECK (state IN ('in_flight','completed')),
      response_status integer,
      response_body jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      PRIMARY KEY (user_id, key)
    );

    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id),
      kind text NOT NULL,
      referral_id uuid REFERENCES referrals(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    );
    CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);

    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      occurred_at timestamptz NOT NULL,
      actor_user_id uuid,
      actor_organisation_id uuid,
      action text NOT NULL,
      object_type text NOT NULL,
      object_id text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      previous_hash text NOT NULL UNIQUE,
      hash text NOT NULL UNIQUE
    );
    COMMENT ON TABLE audit_log IS 'Append-only, hash-chained: hash = sha256(previous_hash || canonical(entry)). Appends are serialised by an advisory lock; UNIQUE(previous_hash) makes any fork fail instead of silently branching. details never holds personal data.';

    CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END;
    $$;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

    CREATE TABLE access_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      occurred_at timestamptz NOT NULL,
      user_id uuid NOT NULL,
      organisation_id uuid,
      action text NOT NULL CHECK (action IN ('read','list','search','export','print')),
      object_type text NOT NULL,
      object_id text NOT NULL,
      person_id uuid,
      purpose text NOT NULL
    );
    COMMENT ON TABLE access_log IS 'Every read of personal data: who, when, which person, why. Append-only.';
    CREATE INDEX access_log_person_idx ON access_log (person_id, occurred_at);
    CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
  `.execute(db);
}
