import { sql, type Kysely } from 'kysely';

/**
 * Peer support (issue 14 §4): a service's register of peer supporters (volunteers who sign in with the restricted
 * `peer_supporter` role), pairings of a person of one of the service's courses with a peer supporter — only with the
 * person's recorded consent — and the contacts a peer supporter logs. A peer supporter's own data is protected like
 * any person's: areas, availability and the coordinator's note are encrypted; so are the person's first name or
 * pseudonym and every free-text note.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE peer_supporters (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      service_id uuid NOT NULL REFERENCES services (id),
      membership_id uuid NOT NULL REFERENCES memberships (id),
      languages text[] NOT NULL DEFAULT '{}',
      areas_enc text,
      availability_enc text,
      note_enc text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','paused')),
      max_pairings integer NOT NULL CHECK (max_pairings BETWEEN 1 AND 20),
      created_by_user_id uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (service_id, membership_id)
    )
  `.execute(db);
  await sql`CREATE INDEX peer_supporters_membership_idx ON peer_supporters (membership_id)`.execute(db);
  await sql`
    CREATE TABLE peer_pairings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      service_id uuid NOT NULL REFERENCES services (id),
      side text NOT NULL CHECK (side IN ('victim','perpetrator')),
      peer_supporter_id uuid NOT NULL REFERENCES peer_supporters (id),
      course_id uuid NOT NULL REFERENCES courses (id),
      course_reference text NOT NULL,
      person_id uuid NOT NULL REFERENCES persons (id),
      display_name_enc text NOT NULL,
      consent_given_on date NOT NULL,
      consent_recorded_by_user_id uuid NOT NULL REFERENCES users (id),
      consent_recorded_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','ended')),
      started_at timestamptz NOT NULL,
      ended_at timestamptz,
      ended_by_user_id uuid REFERENCES users (id),
      end_reason text CHECK (end_reason IN ('consent_withdrawn','completed','supporter_unavailable','other')),
      end_note_enc text,
      CHECK ((status = 'ended') = (ended_at IS NOT NULL AND end_reason IS NOT NULL))
    )
  `.execute(db);
  // One active pairing per course: a second supporter for the same person is a change, not an addition.
  await sql`CREATE UNIQUE INDEX peer_pairings_one_active_idx ON peer_pairings (course_id) WHERE status = 'active'`.execute(db);
  await sql`CREATE INDEX peer_pairings_service_idx ON peer_pairings (service_id, status, started_at)`.execute(db);
  await sql`CREATE INDEX peer_pairings_supporter_idx ON peer_pairings (peer_supporter_id, status)`.execute(db);
  await sql`
    CREATE TABLE peer_contacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      pairing_id uuid NOT NULL REFERENCES peer_pairings (id),
      contacted_on date NOT NULL,
      form text NOT NULL CHECK (form IN ('phone','meeting','text','video')),
      note_enc text,
      logged_by_user_id uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL
    )
  `.execute(db);
  await sql`CREATE INDEX peer_contacts_pairing_idx ON peer_contacts (pairing_id, contacted_on)`.execute(db);
  await sql`COMMENT ON COLUMN peer_supporters.areas_enc IS 'Encrypted: the areas a peer supporter covers. Personal data of the supporter.'`.execute(db);
  await sql`COMMENT ON COLUMN peer_supporters.availability_enc IS 'Encrypted: when the peer supporter is available. Personal data of the supporter.'`.execute(db);
  await sql`COMMENT ON COLUMN peer_supporters.note_enc IS 'Encrypted: the coordinating counsellor''s note. Personal data.'`.execute(db);
  await sql`COMMENT ON COLUMN peer_pairings.display_name_enc IS 'Encrypted: the first name or pseudonym the person consented to share with the peer supporter.'`.execute(db);
  await sql`COMMENT ON COLUMN peer_pairings.end_note_enc IS 'Encrypted: the counsellor''s note on ending the pairing.'`.execute(db);
  await sql`COMMENT ON COLUMN peer_contacts.note_enc IS 'Encrypted: the peer supporter''s short note, for the coordinating counsellor only.'`.execute(db);
}
