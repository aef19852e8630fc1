import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the community-meeting tables (migration 2026-12-10T1200). Part of `Database` in tables.ts. */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

type CommunityMeetingsTable = {
  id: Generated<string>;
  organisation_id: string;
  service_line: string | null;
  theme: string;
  city: string;
  starts_at: Date;
  ends_at: Date;
  place_name: string;
  address_enc: string;
  is_address_public: boolean;
  capacity: number;
  description: string;
  status: Generated<string>;
  head_count: number | null;
  referral_count: number | null;
  themes_raised_enc: string | null;
  report_note_enc: string | null;
  reported_at: NullableTimestamp;
  evaluation_code_hash: string | null;
  evaluation_code_enc: string | null;
  evaluation_code_expires_at: NullableTimestamp;
  created_at: Date;
  updated_at: Date;
};

type CommunityMeetingFacilitatorsTable = { meeting_id: string; membership_id: string };

type CommunityMeetingSignUpsTable = {
  id: Generated<string>;
  meeting_id: string;
  first_name_enc: string | null;
  contact_enc: string | null;
  may_message: boolean;
  may_leave_message: boolean;
  language: string;
  receipt_code_hash: string;
  challenge_hash: string;
  status: Generated<string>;
  signed_up_at: Date;
  cancelled_at: NullableTimestamp;
  erased_at: NullableTimestamp;
};

type CommunityMeetingEvaluationsTable = {
  id: Generated<string>;
  meeting_id: string;
  felt_safe: number;
  learned_where_to_get_help: number;
  intends_to_seek_help: string;
};

export type CommunityMeetingTables = {
  community_meetings: CommunityMeetingsTable;
  community_meeting_facilitators: CommunityMeetingFacilitatorsTable;
  community_meeting_sign_ups: CommunityMeetingSignUpsTable;
  community_meeting_evaluations: CommunityMeetingEvaluationsTable;
};
