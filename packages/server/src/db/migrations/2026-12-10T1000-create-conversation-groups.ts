import { sql, type Kysely } from 'kysely';

/**
 * Conversation groups (samtalegrupper, issue 14 §1): a service's group offers, their waiting lists, the groups
 * formed from them, their planned meetings with attendance and notes, and the before/after ratings. A person takes
 * part through their course at the service, so the person record stays where it is (persons, via courses).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE group_offers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      service_id uuid NOT NULL REFERENCES services (id),
      name text NOT NULL,
      target_group text NOT NULL,
      eligibility_rules jsonb,
      min_participants integer NOT NULL CHECK (min_participants >= 2),
      max_participants integer NOT NULL CHECK (max_participants >= min_participants AND max_participants <= 30),
      meeting_count integer NOT NULL CHECK (meeting_count BETWEEN 1 AND 52),
      weekday integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
      start_time text NOT NULL CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      interval_weeks integer NOT NULL CHECK (interval_weeks IN (1, 2)),
      duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 30 AND 480),
      mode text NOT NULL CHECK (mode IN ('in_person','online')),
      place text,
      facilitator_user_ids uuid[] NOT NULL CHECK (cardinality(facilitator_user_ids) BETWEEN 1 AND 2),
      reconfirm_after_days integer NOT NULL CHECK (reconfirm_after_days BETWEEN 7 AND 365),
      created_by_user_id uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (mode = 'online' OR place IS NOT NULL)
    );
    CREATE INDEX group_offers_service_idx ON group_offers (service_id);
    CREATE INDEX group_offers_facilitators_idx ON group_offers USING gin (facilitator_user_ids);
    COMMENT ON TABLE group_offers IS 'A service''s conversation-group offer: who it is for, capacity, rhythm, place, facilitators. No personal data.';

    CREATE TABLE group_waiting_entries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      offer_id uuid NOT NULL REFERENCES group_offers (id),
      course_id uuid NOT NULL REFERENCES courses (id),
      status text NOT NULL CHECK (status IN ('waiting','reconfirmation_requested','placed','left','lapsed')),
      added_at timestamptz NOT NULL,
      waiting_since timestamptz NOT NULL,
      preferences jsonb NOT NULL,
      decline_count integer NOT NULL DEFAULT 0,
      reconfirmation_requested_at timestamptz,
      reconfirm_by timestamptz,
      reconfirmation_queued_at timestamptz,
      ended_at timestamptz,
      added_by_user_id uuid NOT NULL REFERENCES users (id),
      -- Breaks ties between entries added in the same instant: the list order never depends on a random id.
      arrival bigint GENERATED ALWAYS AS IDENTITY,
      CHECK ((status = 'reconfirmation_requested') = (reconfirm_by IS NOT NULL))
    );
    CREATE UNIQUE INDEX group_waiting_entries_one_open_idx ON group_waiting_entries (offer_id, course_id) WHERE status IN ('waiting','reconfirmation_requested');
    CREATE INDEX group_waiting_entries_list_idx ON group_waiting_entries (offer_id, added_at, arrival) WHERE status IN ('waiting','reconfirmation_requested');
    COMMENT ON TABLE group_waiting_entries IS 'A person on an offer''s waiting list, through their course. Ordered by added_at; waiting_since restarts when they reconfirm.';
    COMMENT ON COLUMN group_waiting_entries.preferences IS 'Day times, language and in person/online the person prefers. Personal data (no name).';

    CREATE TABLE conversation_groups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      offer_id uuid NOT NULL REFERENCES group_offers (id),
      status text NOT NULL CHECK (status IN ('running','closed')),
      started_at timestamptz NOT NULL,
      started_by_user_id uuid NOT NULL REFERENCES users (id),
      override_reason_enc text,
      closed_at timestamptz,
      closed_by_user_id uuid REFERENCES users (id),
      completed_count integer,
      CHECK ((status = 'closed') = (closed_at IS NOT NULL AND completed_count IS NOT NULL))
    );
    CREATE INDEX conversation_groups_offer_idx ON conversation_groups (offer_id);
    COMMENT ON COLUMN conversation_groups.override_reason_enc IS 'Encrypted: why people were picked out of waiting-list order. May name circumstances.';

    CREATE TABLE group_participants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      group_id uuid NOT NULL REFERENCES conversation_groups (id),
      waiting_entry_id uuid NOT NULL REFERENCES group_waiting_entries (id),
      course_id uuid NOT NULL REFERENCES courses (id),
      status text NOT NULL CHECK (status IN ('active','left')),
      is_replacement boolean NOT NULL,
      joined_at timestamptz NOT NULL,
      left_at timestamptz,
      invitation_queued_at timestamptz,
      UNIQUE (group_id, course_id)
    );
    CREATE INDEX group_participants_course_idx ON group_participants (course_id);

    CREATE TABLE group_meetings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      group_id uuid NOT NULL REFERENCES conversation_groups (id),
      number integer NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      group_note_enc text,
      group_note_written_at timestamptz,
      UNIQUE (group_id, number)
    );
    CREATE INDEX group_meetings_starts_idx ON group_meetings (starts_at);
    COMMENT ON COLUMN group_meetings.group_note_enc IS 'Encrypted: the facilitators'' note about the group at this meeting. Personal data.';

    CREATE TABLE group_attendance (
      meeting_id uuid NOT NULL REFERENCES group_meetings (id),
      participant_id uuid NOT NULL REFERENCES group_participants (id),
      attendance text NOT NULL CHECK (attendance IN ('attended','absent_with_notice','absent')),
      recorded_by_user_id uuid NOT NULL REFERENCES users (id),
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (meeting_id, participant_id)
    );

    CREATE TABLE group_participant_notes (
      meeting_id uuid NOT NULL REFERENCES group_meetings (id),
      participant_id uuid NOT NULL REFERENCES group_participants (id),
      note_enc text NOT NULL,
      written_by_user_id uuid NOT NULL REFERENCES users (id),
      written_at timestamptz NOT NULL,
      PRIMARY KEY (meeting_id, participant_id)
    );
    COMMENT ON TABLE group_participant_notes IS 'A facilitator''s note about one participant at one meeting; shown only on that person''s own course.';
    COMMENT ON COLUMN group_participant_notes.note_enc IS 'Encrypted. Personal data.';

    CREATE TABLE group_outcomes (
      participant_id uuid NOT NULL REFERENCES group_participants (id),
      phase text NOT NULL CHECK (phase IN ('first','last')),
      safety_rating integer NOT NULL CHECK (safety_rating BETWEEN 0 AND 10),
      options_rating integer NOT NULL CHECK (options_rating BETWEEN 0 AND 10),
      recorded_by_user_id uuid NOT NULL REFERENCES users (id),
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (participant_id, phase)
    );
    COMMENT ON TABLE group_outcomes IS 'The participant''s own ratings of safety (tryghed) and options for action (handlemuligheder), 0-10, at the first and last meeting.';

    CREATE TABLE group_meeting_reminders (
      id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
      meeting_id uuid NOT NULL REFERENCES group_meetings (id),
      participant_id uuid NOT NULL REFERENCES group_participants (id),
      channel text NOT NULL,
      queued_at timestamptz NOT NULL,
      PRIMARY KEY (meeting_id, participant_id)
    );
  `.execute(db);
}
