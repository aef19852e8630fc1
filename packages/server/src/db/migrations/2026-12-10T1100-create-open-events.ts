import { sql, type Kysely } from 'kysely';

/**
 * Recurring open events of a service (issue 14 §2): drop-in coffee, the weekly lunch. No names anywhere: the host
 * records an anonymous head count per occurrence. Occurrences are materialised for a rolling horizon (on save and by
 * a daily job), so the public "what's on" list is one indexed range scan; `city` and `is_online` are copied onto
 * each occurrence for the same reason. A cancelled date keeps its occurrence, with the note.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE open_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      service_id uuid NOT NULL REFERENCES services(id),
      title text NOT NULL,
      description text NOT NULL,
      recurrence_rule text NOT NULL,
      start_date date NOT NULL,
      start_time text NOT NULL CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 720),
      is_online boolean NOT NULL,
      place_name text,
      address_line text,
      postal_code text,
      city text,
      online_link_enc text,
      is_registration_required boolean NOT NULL DEFAULT false,
      capacity integer CHECK (capacity IS NULL OR capacity > 0),
      is_published boolean NOT NULL DEFAULT true,
      materialised_until date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (is_online = (online_link_enc IS NOT NULL)),
      CHECK (is_online OR (address_line IS NOT NULL AND city IS NOT NULL))
    );
    CREATE INDEX open_events_service_idx ON open_events (service_id);
    COMMENT ON COLUMN open_events.online_link_enc IS 'The online meeting link, encrypted: given only to a person who asks for it (outbox), never on a public page';
    COMMENT ON COLUMN open_events.address_line IS 'A public meeting place. Never a shelter''s confidential address';

    CREATE TABLE open_event_exceptions (
      event_id uuid NOT NULL REFERENCES open_events(id) ON DELETE CASCADE,
      occurs_on date NOT NULL,
      note text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (event_id, occurs_on)
    );

    CREATE TABLE open_event_occurrences (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL REFERENCES open_events(id) ON DELETE CASCADE,
      occurs_on date NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      is_public boolean NOT NULL,
      is_online boolean NOT NULL,
      city_key text,
      is_cancelled boolean NOT NULL DEFAULT false,
      cancel_note text,
      head_count integer CHECK (head_count >= 0),
      first_time_count integer CHECK (first_time_count >= 0),
      with_children_count integer CHECK (with_children_count >= 0),
      head_count_note_enc text,
      head_count_recorded_at timestamptz,
      head_count_recorded_by uuid REFERENCES users(id),
      UNIQUE (event_id, occurs_on)
    );
    CREATE INDEX open_event_occurrences_public_idx ON open_event_occurrences (starts_at, id) WHERE is_public;
    CREATE INDEX open_event_occurrences_public_city_idx ON open_event_occurrences (city_key, starts_at, id) WHERE is_public;
    CREATE INDEX open_event_occurrences_public_online_idx ON open_event_occurrences (starts_at, id) WHERE is_public AND is_online;
    COMMENT ON COLUMN open_event_occurrences.head_count_note_enc IS 'The host''s short note, encrypted; refused when it holds a CPR number, phone number or e-mail address';
    COMMENT ON COLUMN open_event_occurrences.city_key IS 'The event''s city, lower-cased: the public list''s city filter';

    CREATE TABLE open_event_link_requests (
      challenge_hash text PRIMARY KEY,
      event_id uuid NOT NULL REFERENCES open_events(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL
    );
    COMMENT ON TABLE open_event_link_requests IS 'One row per answered link request form (its single-use challenge): never the address the link went to';
  `.execute(db);
}
