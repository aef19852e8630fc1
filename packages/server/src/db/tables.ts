import type { ColumnType, Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { PeerSupportTables } from './tables.peer-support.ts';
import type { AccountUnlockLinksTable, AdminChangeRequestsTable, LoginThrottlesTable, RateLimitCountersTable, RiskLevelReductionDecision, RiskLevelReductionsTable } from './tables.safeguards.ts';

/**
 * Kysely's view of the schema. Keep in step with migrations/. Modules name rows through `Row<'table'>`,
 * `NewRow<'table'>` and `RowChanges<'table'>` (at the end), or the type a query infers, rather than the table types.
 */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

type OrganisationsTable = {
  id: Generated<string>;
  slug: string;
  name: string;
  kind: string;
  municipality_code: string | null;
  police_district_code: string | null;
  is_active: Generated<boolean>;
  is_local_login_enabled: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

type UnitsTable = { id: Generated<string>; organisation_id: string; name: string; created_at: CreatedAt };

type UsersTable = {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  totp_secret_enc: string | null;
  totp_enrolled_at: NullableTimestamp;
  totp_last_time_step: ColumnType<string | null, number | null | undefined, number | null>;
  failed_login_count: Generated<number>;
  last_failed_login_at: NullableTimestamp;
  failed_login_window_started_at: NullableTimestamp;
  locked_at: NullableTimestamp;
  last_signed_in_at: NullableTimestamp;
  is_active: Generated<boolean>;
  /** Made by the demo loader: refused at sign-in in production. */
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

type MembershipsTable = {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  unit_id: string | null;
  role: string;
  service_line: string | null;
  created_at: CreatedAt;
};

type SessionsTable = {
  id: string;
  user_id: string;
  membership_id: string | null;
  stage: string;
  auth_method: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: NullableTimestamp;
  authenticated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

type OidcProvidersTable = {
  organisation_id: string;
  issuer: string;
  client_id: string;
  client_secret_enc: string;
  display_name: string;
  is_enabled: Generated<boolean>;
  created_at: CreatedAt;
};

/** `issuer`: the provider the link was made with (another issuer's identical subject is another person). */
type OidcIdentitiesTable = { organisation_id: string; subject: string; user_id: string; created_at: CreatedAt; issuer: string; confirmed_at: NullableTimestamp };

/** One-time links to link an identity-provider account to a user: the token's SHA-256 only; single use, expires. */
type OidcInvitationsTable = EnrolmentLinksTable & { organisation_id: string; created_by_user_id: string };


type EnrolmentLinksTable = { id: Generated<string>; user_id: string; token_hash: string; created_at: CreatedAt; expires_at: Date; used_at: NullableTimestamp };

type OidcLoginAttemptsTable = { state: string; organisation_id: string; code_verifier: string; nonce: string; created_at: CreatedAt; invitation_token_hash: string | null };

type ServicesTable = {
  id: Generated<string>;
  organisation_id: string;
  slug: string;
  name: string;
  description: Generated<string>;
  service_line: string | null;
  phone: string | null;
  first_contact_deadline_hours: Generated<number>;
  high_risk_deadline_hours: Generated<number>;
  max_contact_attempts: Generated<number>;
  intake_hours: Generated<string>;
  is_active: Generated<boolean>;
  receives_genders: string[] | null;
  minimum_age: number | null;
  maximum_age: number | null;
  created_at: CreatedAt;
};

type ProgrammesTable = {
  id: Generated<string>;
  slug: string;
  name: string;
  description: Generated<string>;
  /** Read as `YYYY-MM-DD` with to_char (see programme.queries.ts): a date has no time zone. */
  period_start: ColumnType<Date | null, string | null, string | null>;
  period_end: ColumnType<Date | null, string | null, string | null>;
  funder: Generated<string>;
  status: Generated<string>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

type ProgrammeManagersTable = { programme_id: string; user_id: string; appointed_by_user_id: string | null; appointed_at: Date };

type ProgrammeVersionsTable = { programme_id: string; version: number; configuration: ColumnType<Record<string, unknown>, string, never>; changed_by_user_id: string | null; changed_at: Date };

type ProgrammeReferrersTable = { programme_id: string; organisation_id: string };

type ProgrammeServicesTable = {
  programme_id: string;
  service_id: string;
  routing_priority: Generated<number>;
  is_fallback: Generated<boolean>;
  is_proposed: Generated<boolean>;
  receives_roles: string[] | null;
  receives_genders: string[] | null;
  minimum_age: number | null;
  maximum_age: number | null;
  first_contact_deadline_hours: number | null;
  high_risk_deadline_hours: number | null;
  max_contact_attempts: number | null;
};

type PersonsTable = {
  id: Generated<string>;
  created_by_organisation_id: string;
  full_name_enc: string;
  cpr_enc: string | null;
  cpr_hmac: string | null;
  gender: string;
  birth_year: number | null;
  address_protection: Generated<string>;
  created_at: CreatedAt;
};

type ConsentsTable = {
  id: Generated<string>;
  person_id: string;
  recipient_organisation_id: string;
  data_categories: string[];
  purpose: string;
  method: string;
  /** NULL exactly when the person gave the consent themselves (migration 2026-11-21T1000). */
  obtained_by_user_id: string | null;
  obtained_by_organisation_id: string | null;
  obtained_at: Timestamp;
  withdrawn_at: NullableTimestamp;
  withdrawn_by_user_id: string | null;
  created_at: CreatedAt;
  is_given_by_person: Generated<boolean>;
};

type ReferralsTable = {
  id: Generated<string>;
  reference: string;
  incident_id: string;
  person_id: string;
  person_role: string;
  source: string;
  /** NULL exactly for a self-referral (source `self`; migration 2026-11-21T1000). */
  referring_organisation_id: string | null;
  referring_unit_id: string | null;
  created_by_user_id: string | null;
  programme_id: string | null;
  service_id: string;
  receiving_organisation_id: string;
  consent_id: string | null;
  status: string;
  risk_level: string;
  situation_enc: string | null;
  phone_enc: string | null;
  is_safe_to_call: string;
  safe_times_enc: string | null;
  /** How to reach a person without a phone (migration 2026-12-07T1600). */
  other_way_to_reach_enc: string | null;
  voicemail_allowed: string;
  sms_allowed: string;
  language: Generated<string>;
  interpreter_needed: Generated<boolean>;
  children_in_home: string;
  underretning: string | null;
  unsuccessful_contact_attempts: Generated<number>;
  contact_attempt_count: Generated<number>;
  first_contact_at: NullableTimestamp;
  due_at: NullableTimestamp;
  escalated_at: NullableTimestamp;
  sent_at: NullableTimestamp;
  received_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** An onward referral made from a course (migration 2026-11-21T0900). */
  origin_course_id: string | null;
  /** The programme version it was sent under, and what it must meet (null: its service's current setting). */
  programme_version: number | null;
  first_contact_deadline_hours: number | null;
  high_risk_deadline_hours: number | null;
  max_contact_attempts: number | null;
  /** Self-referral only (migration 2026-11-21T1000): published as suppressed counts only. */
  heard_about: string | null;
  /** Self-referral only: keyed HMAC of the receipt code. */
  receipt_code_hash: string | null;
};

type ReferralEventsTable = {
  id: Generated<string>;
  referral_id: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  occurred_at: ColumnType<Date, Date | string | undefined, never>;
  decline_reason: string | null;
  declined_by: string | null;
  contact_outcome: string | null;
  closing_reason: string | null;
  from_service_id: string | null;
  to_service_id: string | null;
  note_enc: string | null;
};

type IdempotencyKeysTable = {
  user_id: string;
  key: string;
  request_hash: string;
  state: string;
  response_status: number | null;
  response_body: unknown;
  created_at: CreatedAt;
  completed_at: NullableTimestamp;
};

type NotificationsTable = {
  id: Generated<string>;
  user_id: string;
  kind: string;
  referral_id: string | null;
  created_at: CreatedAt;
  read_at: NullableTimestamp;
};

type AuditLogTable = {
  id: Generated<string>;
  occurred_at: ColumnType<Date, Date | string, never>;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  object_type: string;
  object_id: string;
  details: ColumnType<Record<string, unknown>, string, never>;
  xact_id: ColumnType<string, never, never>; // xid8 as text, set by the database
  inserted_at: ColumnType<Date, never, never>;
};

/** audit_log_seals and access_log_seals: the hash chain, one row per sealed entry, written only by the sealer. */
type LogSealsTable = { entry_id: string; hash: string; sealed_at: ColumnType<Date, never, never> };

type AccessLogTable = {
  id: Generated<string>;
  occurred_at: ColumnType<Date, Date | string, never>;
  user_id: string;
  organisation_id: string | null;
  action: string;
  object_type: string;
  object_id: string;
  person_id: string | null;
  purpose: string;
  xact_id: ColumnType<string, never, never>;
  inserted_at: ColumnType<Date, never, never>;
};

export type Database = PeerSupportTables &
  import('./tables.events.ts').OpenEventTables &
  import('./tables.community-meetings.ts').CommunityMeetingTables &
  import('./tables.groups.ts').GroupTables & {
  organisations: OrganisationsTable;
  units: UnitsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  oidc_providers: OidcProvidersTable;
  oidc_identities: OidcIdentitiesTable;
  oidc_login_attempts: OidcLoginAttemptsTable;
  oidc_invitations: OidcInvitationsTable;
  admin_change_requests: AdminChangeRequestsTable;
  enrolment_links: EnrolmentLinksTable;
  services: ServicesTable;
  programmes: ProgrammesTable;
  programme_referrers: ProgrammeReferrersTable;
  programme_services: ProgrammeServicesTable;
  programme_managers: ProgrammeManagersTable;
  programme_versions: ProgrammeVersionsTable;
  persons: PersonsTable;
  consents: ConsentsTable;
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limit_counters: RateLimitCountersTable;
  notifications: NotificationsTable;
  audit_log: AuditLogTable;
  access_log: AccessLogTable;
  audit_log_seals: LogSealsTable;
  access_log_seals: LogSealsTable;
  course_templates: CourseTemplatesTable;
  service_staff: ServiceStaffTable;
  eligibility_rule_sets: EligibilityRuleSetsTable;
  risk_instruments: RiskInstrumentsTable;
  courses: CoursesTable;
  course_triage_decisions: CourseTriageDecisionsTable;
  risk_assessments: RiskAssessmentsTable;
  course_sessions: CourseSessionsTable;
  safety_plan_versions: SafetyPlanVersionsTable;
  shelter_stays: ShelterStaysTable;
  underretninger: UnderretningerTable;
  course_outcomes: CourseOutcomesTable;
  access_history_extracts: AccessHistoryExtractsTable;
  directory_services: DirectoryServicesTable;
  directory_locations: DirectoryLocationsTable;
  directory_check_reminders: DirectoryCheckRemindersTable;
  directory_state: DirectoryStateTable;
  self_referral_challenges: SelfReferralChallengesTable;
  campaigns: CampaignsTable;
  campaign_services: CampaignServicesTable;
  outbox_messages: OutboxMessagesTable;
  publication_requests: PublicationRequestsTable;
  referral_drafts: ReferralDraftsTable;
  risk_level_reductions: RiskLevelReductionsTable & RiskLevelReductionDecision;
  login_throttles: LoginThrottlesTable;
  account_unlock_links: AccountUnlockLinksTable;
} & import('./tables.calendars.ts').CalendarTables;

/** Public help directory (migration 2026-11-21T0800). jsonb columns are written as JSON text and read parsed. */
type DirectoryServicesTable = {
  id: Generated<string>;
  organisation_id: string;
  referral_service_id: string | null;
  slug: string;
  status: string;
  name_da: string;
  name_en: string;
  name_ar: string | null;
  description_da: string;
  description_en: string;
  description_ar: string | null;
  how_to_contact_da: string;
  how_to_contact_en: string;
  how_to_contact_ar: string | null;
  eligibility_da: string | null;
  eligibility_en: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  target_groups: string[];
  channels: string[];
  languages: string[];
  is_anonymous_contact_offered: boolean;
  is_free_of_charge: boolean;
  is_open_24_hours: boolean;
  schedule_rules: ColumnType<unknown, string, string>;
  schedule_note_da: string | null;
  schedule_note_en: string | null;
  is_national: boolean;
  municipality_codes: string[];
  phones: ColumnType<unknown, string, string>;
  email: string | null;
  website_url: string | null;
  capacity_available: number | null;
  capacity_maximum: number | null;
  capacity_unit: string | null;
  capacity_updated_at: NullableTimestamp;
  last_checked_at: Timestamp;
  /** Migration 2026-12-07T1300: when the listing first went live; null until its first proposal is approved. */
  published_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

type DirectoryLocationsTable = {
  id: Generated<string>;
  directory_service_id: string;
  position: number;
  name_da: string;
  name_en: string;
  name_ar: string | null;
  location_type: string;
  is_confidential: boolean;
  address_line: string | null;
  postal_code: string | null;
  city: string | null;
  municipality_code: string | null;
  latitude: number | null;
  longitude: number | null;
  confidential_address_enc: string | null;
};

type DirectoryCheckRemindersTable = {
  directory_service_id: string;
  period: string;
  notified_users: number;
  created_at: CreatedAt;
};

type DirectoryStateTable = { id: Generated<boolean>; version: ColumnType<string, never, never> };

/** Counselling courses (migration 2026-11-21T0900). jsonb columns are written as JSON text and read parsed. */
type CourseTemplatesTable = {
  service_id: string;
  planned_sessions: number;
  session_modes: string[];
  focus: string[];
  contact_interval_days: number;
  high_risk_contact_interval_days: number;
  offers_case_conference: Generated<boolean>;
  updated_by_user_id: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

type ServiceStaffTable = { service_id: string; membership_id: string; created_at: CreatedAt };

type EligibilityRuleSetsTable = {
  id: Generated<string>;
  service_id: string;
  version: number;
  rules: ColumnType<unknown, string, never>;
  created_by_user_id: string | null;
  created_at: CreatedAt;
};

type RiskInstrumentsTable = {
  id: Generated<string>;
  key: string;
  version: number;
  kind: string;
  definition: ColumnType<unknown, string, never>;
  published_by_user_id: string | null;
  published_at: CreatedAt;
};

type CoursesTable = {
  id: Generated<string>;
  reference: string;
  person_id: string;
  service_id: string;
  organisation_id: string;
  side: string;
  person_role: string;
  origin: string;
  referral_id: string | null;
  is_anonymous: boolean;
  client_label_enc: string;
  address_protection: string;
  safe_contact_enc: string;
  /** Encrypted JSON (CourseFromReferral); null for a course not opened from a referral. */
  referral_facts_enc: string | null;
  status: string;
  counsellor_user_id: string | null;
  planned_sessions: number;
  session_modes: string[];
  focus: string[];
  contact_interval_days: number;
  high_risk_contact_interval_days: number;
  offers_case_conference: boolean;
  risk_level: string | null;
  opened_by_user_id: string;
  opened_at: Timestamp;
  closing_reason: string | null;
  closing_summary_enc: string | null;
  closed_at: NullableTimestamp;
  closed_by_user_id: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

type CourseTriageDecisionsTable = {
  id: Generated<string>;
  course_id: string;
  rule_set_id: string | null;
  facts_enc: string;
  evaluation_enc: string;
  outcome: string;
  proposal: string;
  decision: string;
  onward_category: string | null;
  reason_enc: string | null;
  decided_by_user_id: string;
  decided_at: ColumnType<Date, Date | string, never>;
};

type RiskAssessmentsTable = {
  id: Generated<string>;
  seq: Generated<string>;
  course_id: string;
  instrument_id: string;
  kind: string;
  computed_level: string | null;
  final_level: string;
  is_raised_by_judgement: boolean;
  yes_count: number | null;
  unknown_count: number | null;
  answers_enc: string;
  judgement_reason_enc: string | null;
  assessed_by_user_id: string;
  assessed_at: ColumnType<Date, Date | string, never>;
};

type CourseSessionsTable = {
  id: Generated<string>;
  course_id: string;
  planned_at: Timestamp;
  duration_minutes: number;
  mode: string;
  location_enc: string | null;
  attendance: Generated<string>;
  attendance_recorded_at: NullableTimestamp;
  note_enc: string | null;
  reminder_sent_at: NullableTimestamp;
  reminder_channel: string | null;
  reminder_skip_reason: string | null;
  created_by_user_id: string;
  created_at: ColumnType<Date, Date | string, never>;
  updated_at: Timestamp;
};

type SafetyPlanVersionsTable = {
  course_id: string;
  version: number;
  content_enc: string;
  created_by_user_id: string;
  created_at: ColumnType<Date, Date | string, never>;
};

/** `date` columns: written as 'YYYY-MM-DD'; the queries read them back as text (`to_char`), never as a shifted Date. */
type ShelterStaysTable = {
  id: Generated<string>;
  course_id: string;
  shelter_organisation_id: string | null;
  shelter_name: string | null;
  legal_basis: string;
  admitted_on: ColumnType<Date, string, string>;
  discharged_on: ColumnType<Date | null, string | null | undefined, string | null>;
  onward_referral_id: string | null;
  recorded_by_user_id: string;
  recorded_at: ColumnType<Date, Date | string, never>;
  updated_at: Timestamp;
};

type UnderretningerTable = {
  id: Generated<string>;
  course_id: string;
  municipality_code: string;
  sent_at: Timestamp;
  sent_by_user_id: string;
  receipt_received_at: NullableTimestamp;
  note_enc: string | null;
  recorded_at: ColumnType<Date, Date | string, never>;
};

type CourseOutcomesTable = {
  course_id: string;
  phase: string;
  safety_rating: number;
  options_rating: number;
  violence_forms: string[];
  session_id: string | null;
  recorded_by_user_id: string;
  recorded_at: Timestamp;
};

type AccessHistoryExtractsTable = {
  id: Generated<string>;
  person_id: string;
  course_id: string;
  organisation_id: string;
  produced_by_user_id: string;
  produced_at: ColumnType<Date, Date | string, never>;
  includes_staff_names: boolean;
  justification_enc: string | null;
};

/** Self-referral and campaigns (migration 2026-11-21T1000). jsonb columns are written as JSON text and read parsed. */
type SelfReferralChallengesTable = { challenge_hash: string; referral_id: string | null; expires_at: Timestamp; created_at: CreatedAt };

type CampaignsTable = {
  id: Generated<string>;
  organisation_id: string;
  slug: string;
  status: string;
  title_da: string;
  title_en: string;
  title_ar: string | null;
  summary_da: string;
  summary_en: string;
  summary_ar: string | null;
  body_da: string;
  body_en: string;
  body_ar: string | null;
  testimonials: ColumnType<unknown, string, string>;
  videos: ColumnType<unknown, string, string>;
  published_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

/** The transactional outbox (migration 2026-12-07T1100). Recipient, subject and body are field-encrypted. */
type OutboxMessagesTable = {
  id: Generated<string>;
  template: string;
  channel: string;
  recipient_enc: string | null;
  subject_enc: string | null;
  body_enc: string | null;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  reference_type: string | null;
  reference_id: string | null;
  created_at: CreatedAt;
  last_attempt_at: NullableTimestamp;
  sent_at: NullableTimestamp;
};

/**
 * Proposed versions of public content, approved or rejected by another person (migration 2026-12-07T1300).
 * `proposed_content` is written as JSON text and read parsed.
 */
type PublicationRequestsTable = {
  id: Generated<string>;
  sequence: ColumnType<string, never, never>;
  content_kind: string;
  content_id: string;
  organisation_id: string;
  proposed_content: ColumnType<unknown, string, string>;
  proposed_by_user_id: string;
  proposed_at: Timestamp;
  status: Generated<string>;
  decided_by_user_id: string | null;
  decided_at: NullableTimestamp;
  rejection_reason: string | null;
};

/** The referral an officer is writing, one per author, sealed as one field; expires (migration 2026-12-07T1600). */
type ReferralDraftsTable = {
  author_user_id: string;
  values_enc: string;
  updated_at: Timestamp;
  expires_at: Timestamp;
};

type CampaignServicesTable = { campaign_id: string; directory_service_id: string; position: number };

/**
 * A connection or a transaction. `Transaction<Database>` extends `Kysely<Database>`, so one type serves both; a
 * function that must run inside a transaction says so by taking `Transaction<Database>` instead.
 */
export type Db = Kysely<Database>;
/** A row as a query returns it (`SELECT *`). Narrower shapes: `Pick<Row<'table'>, …>`. */
export type Row<Table extends keyof Database> = Selectable<Database[Table]>;
/** What an insert into the table accepts. */
export type NewRow<Table extends keyof Database> = Insertable<Database[Table]>;
/** What an update of the table accepts. */
export type RowChanges<Table extends keyof Database> = Updateable<Database[Table]>;
