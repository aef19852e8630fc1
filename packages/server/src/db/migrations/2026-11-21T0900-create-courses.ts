import { sql, type Kysely } from 'kysely';

/**
 * Counselling courses (forløb): templates, eligibility rules, service staff, risk instruments and assessments,
 * sessions, safety plans, shelter stays, notifications about children, outcomes and access-history extracts.
 * Columns ending in `_enc` hold AES-256-GCM ciphertext (platform/field-encryption.ts), never plain text.
 * Also: the `supervisor` role, and the link from an onward referral to the course it came from.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE memberships DROP CONSTRAINT memberships_role_check;
    ALTER TABLE memberships ADD CONSTRAINT memberships_role_check
      CHECK (role IN ('referrer','intake_coordinator','counsellor','supervisor','organisation_admin','platform_admin'));

    CREATE TABLE course_templates (
      service_id uuid PRIMARY KEY REFERENCES services(id),
      planned_sessions integer NOT NULL CHECK (planned_sessions BETWEEN 1 AND 50),
      session_modes text[] NOT NULL CHECK (cardinality(session_modes) > 0 AND session_modes <@ ARRAY['in_person','phone','video']),
      focus text[] NOT NULL CHECK (cardinality(focus) > 0),
      contact_interval_days integer NOT NULL CHECK (contact_interval_days BETWEEN 1 AND 90),
      high_risk_contact_interval_days integer NOT NULL CHECK (high_risk_contact_interval_days BETWEEN 1 AND 30),
      offers_case_conference boolean NOT NULL DEFAULT false,
      updated_by_user_id uuid REFERENCES users(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE service_staff (
      service_id uuid NOT NULL REFERENCES services(id),
      membership_id uuid NOT NULL REFERENCES memberships(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (service_id, membership_id)
    );
    CREATE INDEX service_staff_membership_idx ON service_staff (membership_id);
    COMMENT ON TABLE service_staff IS 'Who works at a service. Course access needs an assignment here: a counsellor sees only the courses of their own services.';

    CREATE TABLE eligibility_rule_sets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      service_id uuid NOT NULL REFERENCES services(id),
      version integer NOT NULL CHECK (version >= 1),
      rules jsonb NOT NULL,
      created_by_user_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (service_id, version)
    );
    COMMENT ON TABLE eligibility_rule_sets IS 'Versioned eligibility rules per service; never updated: a change is a new version.';

    CREATE TABLE risk_instruments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      key text NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      kind text NOT NULL CHECK (kind IN ('checklist','structured_judgement')),
      definition jsonb NOT NULL,
      published_by_user_id uuid REFERENCES users(id),
      published_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (key, version)
    );

    CREATE SEQUENCE course_reference_seq START 1001;

    CREATE TABLE courses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reference text NOT NULL UNIQUE,
      person_id uuid NOT NULL REFERENCES persons(id),
      service_id uuid NOT NULL REFERENCES services(id),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      side text NOT NULL CHECK (side IN ('victim','perpetrator')),
      person_role text NOT NULL CHECK (person_role IN ('exposed','uses_violence','relative')),
      origin text NOT NULL CHECK (origin IN ('referral','self_referral','walk_in','phone')),
      referral_id uuid UNIQUE REFERENCES referrals(id),
      is_anonymous boolean NOT NULL,
      client_label_enc text NOT NULL,
      address_protection text NOT NULL CHECK (address_protection IN ('none','name_and_address','special','shelter','unknown')),
      safe_contact_enc text NOT NULL,
      status text NOT NULL CHECK (status IN ('triage','active','bridging','closed')),
      counsellor_user_id uuid REFERENCES users(id),
      planned_sessions integer NOT NULL CHECK (planned_sessions BETWEEN 1 AND 50),
      session_modes text[] NOT NULL,
      focus text[] NOT NULL,
      contact_interval_days integer NOT NULL,
      high_risk_contact_interval_days integer NOT NULL,
      offers_case_conference boolean NOT NULL,
      risk_level text CHECK (risk_level IN ('standard','medium','high')),
      opened_by_user_id uuid NOT NULL REFERENCES users(id),
      opened_at timestamptz NOT NULL,
      closing_reason text CHECK (closing_reason IN ('completed','bridged_onward','dropped_out','not_reached','moved_away','other')),
      closing_summary_enc text,
      closed_at timestamptz,
      closed_by_user_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'closed') = (closed_at IS NOT NULL AND closing_reason IS NOT NULL))
    );
    COMMENT ON TABLE courses IS 'A counselling course at one service, on one side (victim/perpetrator). Holds no address of any kind.';
    COMMENT ON COLUMN courses.client_label_enc IS 'The person''s name, or a pseudonym for anonymous contacts; AES-256-GCM encrypted.';
    COMMENT ON COLUMN courses.safe_contact_enc IS 'Phone, e-mail and safe-contact preferences (JSON), AES-256-GCM encrypted.';
    COMMENT ON COLUMN courses.closing_summary_enc IS 'Free-text closing summary, AES-256-GCM encrypted.';
    COMMENT ON COLUMN courses.session_modes IS 'Copied from the service template at opening: a course keeps the terms it started on.';
    CREATE INDEX courses_organisation_idx ON courses (organisation_id, service_id, status);
    CREATE INDEX courses_person_idx ON courses (person_id);
    CREATE INDEX courses_counsellor_idx ON courses (counsellor_user_id) WHERE status <> 'closed';

    ALTER TABLE referrals ADD COLUMN origin_course_id uuid REFERENCES courses(id);
    COMMENT ON COLUMN referrals.origin_course_id IS 'An onward referral (brobygning) made from this course: the course''s staff follow its closed loop.';
    CREATE INDEX referrals_origin_course_idx ON referrals (origin_course_id) WHERE origin_course_id IS NOT NULL;

    CREATE TABLE course_triage_decisions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL REFERENCES courses(id),
      rule_set_id uuid REFERENCES eligibility_rule_sets(id),
      facts_enc text NOT NULL,
      evaluation_enc text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('eligible','excluded','not_in_target_group','undetermined','no_rules')),
      proposal text NOT NULL CHECK (proposal IN ('accept','refer_onward','clarify')),
      decision text NOT NULL CHECK (decision IN ('accept','refer_onward')),
      onward_category text,
      reason_enc text,
      decided_by_user_id uuid NOT NULL REFERENCES users(id),
      decided_at timestamptz NOT NULL
    );
    COMMENT ON COLUMN course_triage_decisions.facts_enc IS 'Triage facts (incl. health data: substance use, psychiatric diagnosis), AES-256-GCM encrypted.';
    COMMENT ON COLUMN course_triage_decisions.evaluation_enc IS 'The rule evaluation with the fact values it explains, AES-256-GCM encrypted.';
    CREATE INDEX course_triage_course_idx ON course_triage_decisions (course_id, decided_at);

    CREATE TABLE risk_assessments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY,
      course_id uuid NOT NULL REFERENCES courses(id),
      instrument_id uuid NOT NULL REFERENCES risk_instruments(id),
      kind text NOT NULL CHECK (kind IN ('checklist','structured_judgement')),
      computed_level text CHECK (computed_level IN ('standard','medium','high')),
      final_level text NOT NULL CHECK (final_level IN ('standard','medium','high')),
      is_raised_by_judgement boolean NOT NULL,
      yes_count integer,
      unknown_count integer,
      answers_enc text NOT NULL,
      judgement_reason_enc text,
      assessed_by_user_id uuid NOT NULL REFERENCES users(id),
      assessed_at timestamptz NOT NULL
    );
    COMMENT ON COLUMN risk_assessments.seq IS 'Insertion order: the latest assessment is the last recorded, even within one clock tick.';
    COMMENT ON COLUMN risk_assessments.answers_enc IS 'Checklist answers or the structured judgement (factors, scenarios, strategies, rationale), AES-256-GCM encrypted.';
    CREATE INDEX risk_assessments_course_idx ON risk_assessments (course_id, seq);

    CREATE TABLE course_sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL REFERENCES courses(id),
      planned_at timestamptz NOT NULL,
      duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 480),
      mode text NOT NULL CHECK (mode IN ('in_person','phone','video')),
      location_enc text,
      attendance text NOT NULL DEFAULT 'planned' CHECK (attendance IN ('planned','attended','cancelled_by_person','cancelled_by_service','no_show')),
      attendance_recorded_at timestamptz,
      note_enc text,
      reminder_sent_at timestamptz,
      reminder_channel text CHECK (reminder_channel IN ('sms','email')),
      reminder_skip_reason text,
      created_by_user_id uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    COMMENT ON COLUMN course_sessions.note_enc IS 'Session note, AES-256-GCM encrypted.';
    COMMENT ON COLUMN course_sessions.location_enc IS 'Place, phone arrangement or video link, AES-256-GCM encrypted.';
    CREATE INDEX course_sessions_course_idx ON course_sessions (course_id, planned_at);
    CREATE INDEX course_sessions_reminder_idx ON course_sessions (planned_at) WHERE attendance = 'planned' AND reminder_sent_at IS NULL;

    CREATE TABLE safety_plan_versions (
      course_id uuid NOT NULL REFERENCES courses(id),
      version integer NOT NULL CHECK (version >= 1),
      content_enc text NOT NULL,
      created_by_user_id uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      PRIMARY KEY (course_id, version)
    );
    COMMENT ON COLUMN safety_plan_versions.content_enc IS 'The whole safety plan (people, places, code words …), AES-256-GCM encrypted. Versions are never updated.';

    CREATE TABLE shelter_stays (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL REFERENCES courses(id),
      shelter_organisation_id uuid REFERENCES organisations(id),
      shelter_name text,
      legal_basis text NOT NULL CHECK (legal_basis IN ('sel_109','sel_110')),
      admitted_on date NOT NULL,
      discharged_on date,
      onward_referral_id uuid REFERENCES referrals(id),
      recorded_by_user_id uuid NOT NULL REFERENCES users(id),
      recorded_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK ((shelter_organisation_id IS NULL) <> (shelter_name IS NULL)),
      CHECK (discharged_on IS NULL OR discharged_on >= admitted_on)
    );
    COMMENT ON TABLE shelter_stays IS 'A stay at a shelter (§ 109/§ 110): which shelter and when. Never the shelter''s address.';

    CREATE TABLE underretninger (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL REFERENCES courses(id),
      municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
      sent_at timestamptz NOT NULL,
      sent_by_user_id uuid NOT NULL REFERENCES users(id),
      receipt_received_at timestamptz,
      note_enc text,
      recorded_at timestamptz NOT NULL
    );
    COMMENT ON TABLE underretninger IS 'Notifications about children to the municipality (Barnets Lov § 133): that one was sent, to whom, and the receipt. Never the child-welfare case itself.';

    CREATE TABLE course_outcomes (
      course_id uuid NOT NULL REFERENCES courses(id),
      phase text NOT NULL CHECK (phase IN ('first','last')),
      safety_rating integer NOT NULL CHECK (safety_rating BETWEEN 0 AND 10),
      options_rating integer NOT NULL CHECK (options_rating BETWEEN 0 AND 10),
      violence_forms text[] NOT NULL,
      session_id uuid REFERENCES course_sessions(id),
      recorded_by_user_id uuid NOT NULL REFERENCES users(id),
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (course_id, phase)
    );
    COMMENT ON TABLE course_outcomes IS 'The person''s own ratings of safety (tryghed) and options for action (handlemuligheder), 0-10, and forms of violence present: structured for statistics.';

    CREATE TABLE access_history_extracts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL REFERENCES persons(id),
      course_id uuid NOT NULL REFERENCES courses(id),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      produced_by_user_id uuid NOT NULL REFERENCES users(id),
      produced_at timestamptz NOT NULL,
      includes_staff_names boolean NOT NULL,
      justification_enc text,
      CHECK (NOT includes_staff_names OR justification_enc IS NOT NULL)
    );
    COMMENT ON TABLE access_history_extracts IS 'Each "who looked at my data" extract produced (GDPR Art. 15): by whom, when, and whether staff names were shown (then with a justification).';
  `.execute(db);
}
