import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the peer-support tables (migration 2026-12-10T1300). Part of `Database` in tables.ts. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A calendar date, read as text (YYYY-MM-DD) so no time zone can shift it. */
type LocalDate = ColumnType<string, string, string>;

type PeerSupportersTable = {
  id: Generated<string>;
  organisation_id: string;
  service_id: string;
  membership_id: string;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  areas_enc: string | null;
  availability_enc: string | null;
  note_enc: string | null;
  status: Generated<string>;
  max_pairings: number;
  created_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

type PeerPairingsTable = {
  id: Generated<string>;
  organisation_id: string;
  service_id: string;
  side: string;
  peer_supporter_id: string;
  course_id: string;
  course_reference: string;
  person_id: string;
  display_name_enc: string;
  consent_given_on: LocalDate;
  consent_recorded_by_user_id: string;
  consent_recorded_at: Timestamp;
  status: Generated<string>;
  started_at: Timestamp;
  ended_at: NullableTimestamp;
  ended_by_user_id: string | null;
  end_reason: string | null;
  end_note_enc: string | null;
};

type PeerContactsTable = {
  id: Generated<string>;
  pairing_id: string;
  contacted_on: LocalDate;
  form: string;
  note_enc: string | null;
  logged_by_user_id: string;
  created_at: Timestamp;
};

export type PeerSupportTables = { peer_supporters: PeerSupportersTable; peer_pairings: PeerPairingsTable; peer_contacts: PeerContactsTable };
