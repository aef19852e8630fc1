import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the recurring open events of issue 14 (migration 2026-12-10T1100). Part of `Database` in tables.ts. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A date column, read as `YYYY-MM-DD` text (the queries cast it): a calendar date has no time zone. */
type LocalDate = ColumnType<string, string, string>;

type OpenEventsTable = {
  id: Generated<string>;
  organisation_id: string;
  service_id: string;
  title: string;
  description: string;
  recurrence_rule: string;
  start_date: LocalDate;
  start_time: string;
  duration_minutes: number;
  is_online: boolean;
  place_name: string | null;
  address_line: string | null;
  postal_code: string | null;
  city: string | null;
  online_link_enc: string | null;
  is_registration_required: boolean;
  capacity: number | null;
  is_published: boolean;
  materialised_until: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

type OpenEventExceptionsTable = { event_id: string; occurs_on: LocalDate; note: string; created_at: CreatedAt };

type OpenEventOccurrencesTable = {
  id: Generated<string>;
  event_id: string;
  occurs_on: LocalDate;
  starts_at: ColumnType<Date, Date | string, Date | string>;
  ends_at: ColumnType<Date, Date | string, Date | string>;
  is_public: boolean;
  is_online: boolean;
  city_key: string | null;
  is_cancelled: Generated<boolean>;
  cancel_note: string | null;
  head_count: number | null;
  first_time_count: number | null;
  with_children_count: number | null;
  head_count_note_enc: string | null;
  head_count_recorded_at: NullableTimestamp;
  head_count_recorded_by: string | null;
};

type OpenEventLinkRequestsTable = { challenge_hash: string; event_id: string; created_at: Date };

export type OpenEventTables = {
  open_events: OpenEventsTable;
  open_event_exceptions: OpenEventExceptionsTable;
  open_event_occurrences: OpenEventOccurrencesTable;
  open_event_link_requests: OpenEventLinkRequestsTable;
};
