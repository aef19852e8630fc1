import type { ColumnType, Generated } from 'kysely';

/** Conversation groups (migration 2026-12-10T1000). jsonb columns are written as JSON text and read parsed. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown, string | null, string | null>;

type GroupOffersTable = {
  id: Generated<string>;
  organisation_id: string;
  service_id: string;
  name: string;
  target_group: string;
  eligibility_rules: NullableJson;
  min_participants: number;
  max_participants: number;
  meeting_count: number;
  weekday: number;
  start_time: string;
  interval_weeks: number;
  duration_minutes: number;
  mode: string;
  place: string | null;
  facilitator_user_ids: string[];
  reconfirm_after_days: number;
  created_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

type GroupWaitingEntriesTable = {
  id: Generated<string>;
  offer_id: string;
  course_id: string;
  status: string;
  added_at: Timestamp;
  waiting_since: Timestamp;
  preferences: Json;
  decline_count: Generated<number>;
  reconfirmation_requested_at: NullableTimestamp;
  reconfirm_by: NullableTimestamp;
  reconfirmation_queued_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  added_by_user_id: string;
  arrival: ColumnType<string, never, never>;
};

type ConversationGroupsTable = {
  id: Generated<string>;
  offer_id: string;
  status: string;
  started_at: Timestamp;
  started_by_user_id: string;
  override_reason_enc: string | null;
  closed_at: NullableTimestamp;
  closed_by_user_id: string | null;
  completed_count: number | null;
};

type GroupParticipantsTable = {
  id: Generated<string>;
  group_id: string;
  waiting_entry_id: string;
  course_id: string;
  status: string;
  is_replacement: boolean;
  joined_at: Timestamp;
  left_at: NullableTimestamp;
  invitation_queued_at: NullableTimestamp;
};

type GroupMeetingsTable = {
  id: Generated<string>;
  group_id: string;
  number: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  group_note_enc: string | null;
  group_note_written_at: NullableTimestamp;
};

type GroupAttendanceTable = { meeting_id: string; participant_id: string; attendance: string; recorded_by_user_id: string; recorded_at: Timestamp };
type GroupParticipantNotesTable = { meeting_id: string; participant_id: string; note_enc: string; written_by_user_id: string; written_at: Timestamp };
type GroupOutcomesTable = { participant_id: string; phase: string; safety_rating: number; options_rating: number; recorded_by_user_id: string; recorded_at: Timestamp };
type GroupMeetingRemindersTable = { id: Generated<string>; meeting_id: string; participant_id: string; channel: string; queued_at: Timestamp };

export type GroupTables = {
  group_offers: GroupOffersTable;
  group_waiting_entries: GroupWaitingEntriesTable;
  conversation_groups: ConversationGroupsTable;
  group_participants: GroupParticipantsTable;
  group_meetings: GroupMeetingsTable;
  group_attendance: GroupAttendanceTable;
  group_participant_notes: GroupParticipantNotesTable;
  group_outcomes: GroupOutcomesTable;
  group_meeting_reminders: GroupMeetingRemindersTable;
};
