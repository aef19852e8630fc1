import { sql, type Kysely } from 'kysely';

/**
 * Community meetings (issue 14 §3): a host organisation's meetings in several cities, their facilitators, anonymous
 * public sign-ups and anonymous evaluations. Sign-ups hold a first name or pseudonym and one way to reach the person,
 * both field-encrypted; the receipt code and the form's challenge are stored as keyed hashes only. Evaluations hold
 * three answers and the meeting: no time, no address, nothing that ties them to a person or to a sign-up.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE community_meetings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      service_line text CHECK (service_line IN ('victim', 'perpetrator')),
      theme text NOT NULL,
      city text NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
      place_name text NOT NULL,
      address_enc text NOT NULL,
      is_address_public boolean NOT NULL,
      capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 500),
      description text NOT NULL,
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled', 'held')),
      head_count integer CHECK (head_count >= 0),
      referral_count integer CHECK (referral_count >= 0),
      themes_raised_enc text,
      report_note_enc text,
      reported_at timestamptz,
      evaluation_code_hash text UNIQUE,
      evaluation_code_enc text,
      evaluation_code_expires_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX community_meetings_upcoming ON community_meetings (starts_at) WHERE status = 'planned';
    CREATE INDEX community_meetings_organisation ON community_meetings (organisation_id, starts_at);
    COMMENT ON COLUMN community_meetings.service_line IS 'The planner''s line: staff limited to the other line never reach the meeting (NULL: every line).';
    COMMENT ON COLUMN community_meetings.address_enc IS 'The venue, field-encrypted: public only when is_address_public, else sent to registered participants by the outbox.';
    COMMENT ON COLUMN community_meetings.themes_raised_enc IS 'The facilitator''s report: themes raised, no names. Field-encrypted.';
    COMMENT ON COLUMN community_meetings.report_note_enc IS 'The facilitator''s note without personal data. Field-encrypted.';
    COMMENT ON COLUMN community_meetings.evaluation_code_hash IS 'Keyed hash of the code participants evaluate with (the code itself is in evaluation_code_enc for the facilitator).';

    CREATE TABLE community_meeting_facilitators (
      meeting_id uuid NOT NULL REFERENCES community_meetings (id),
      membership_id uuid NOT NULL REFERENCES memberships (id),
      PRIMARY KEY (meeting_id, membership_id)
    );
    CREATE INDEX community_meeting_facilitators_membership ON community_meeting_facilitators (membership_id);

    CREATE TABLE community_meeting_sign_ups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_id uuid NOT NULL REFERENCES community_meetings (id),
      first_name_enc text,
      contact_enc text,
      may_message boolean NOT NULL,
      may_leave_message boolean NOT NULL,
      language text NOT NULL CHECK (language IN ('da', 'en', 'ar')),
      receipt_code_hash text NOT NULL UNIQUE,
      challenge_hash text NOT NULL UNIQUE,
      status text NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'cancelled')),
      signed_up_at timestamptz NOT NULL,
      cancelled_at timestamptz,
      erased_at timestamptz,
      CHECK ((erased_at IS NULL) = (first_name_enc IS NOT NULL AND contact_enc IS NOT NULL))
    );
    CREATE INDEX community_meeting_sign_ups_unerased ON community_meeting_sign_ups (meeting_id) WHERE erased_at IS NULL;
    CREATE INDEX community_meeting_sign_ups_meeting ON community_meeting_sign_ups (meeting_id) WHERE status = 'registered';
    COMMENT ON TABLE community_meeting_sign_ups IS 'Anonymous sign-ups: a first name or pseudonym and one way to be reached, nothing about orientation or identity (GDPR art. 9).';
    COMMENT ON COLUMN community_meeting_sign_ups.first_name_enc IS 'First name or pseudonym, field-encrypted. Read by the meeting''s facilitators (access-logged).';
    COMMENT ON COLUMN community_meeting_sign_ups.contact_enc IS 'JSON {kind, email|phone}, field-encrypted. Used only by the outbox (the address, a cancellation).';
    COMMENT ON COLUMN community_meeting_sign_ups.erased_at IS 'When the name and contact were erased: a week after the meeting ended, or at once on cancelling (the consent text promises it).';
    COMMENT ON COLUMN community_meeting_sign_ups.receipt_code_hash IS 'Keyed hash of the receipt code that cancels the sign-up; the code is shown once and never stored.';

    CREATE TABLE community_meeting_evaluations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_id uuid NOT NULL REFERENCES community_meetings (id),
      felt_safe smallint NOT NULL CHECK (felt_safe BETWEEN 1 AND 5),
      learned_where_to_get_help smallint NOT NULL CHECK (learned_where_to_get_help BETWEEN 1 AND 5),
      intends_to_seek_help text NOT NULL CHECK (intends_to_seek_help IN ('yes', 'no', 'unsure'))
    );
    CREATE INDEX community_meeting_evaluations_meeting ON community_meeting_evaluations (meeting_id);
    COMMENT ON TABLE community_meeting_evaluations IS 'Anonymous answers: no time, no sender, nothing linking them to a sign-up. Shown only as counts (<5 suppressed).';
  `.execute(db);
}
