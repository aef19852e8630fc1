import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely's view of the tables behind the safeguards of issue 12 — four eyes on platform changes, sign-in throttling
 * and unlock links, supervised risk reductions — and the rate-limit counters every app node shares (issue 13), kept apart so tables.ts stays readable. Part of `Database` there.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** A platform admin's change to an organisation that waits for one of the organisation's own admins. */
export type AdminChangeRequestsTable = { id: Generated<string>; organisation_id: string; kind: string; status: Generated<string>; payload_enc: string } & {
  requested_by_user_id: string;
  requested_at: Date;
  decided_by_user_id: string | null;
  decided_at: NullableTimestamp;
};

/** One-time links, e-mailed to a locked account's holder, that lift the lock: the token's SHA-256 only; single use, expires. */
export type AccountUnlockLinksTable = { id: Generated<string>; user_id: string; token_hash: string; created_at: Date; expires_at: Date; used_at: NullableTimestamp };

/** Failed sign-ins per e-mail address (a keyed hash of it, whether or not an account has it) and the wait they impose. */
export type LoginThrottlesTable = { address_hash: string; failure_count: number; first_failed_at: Timestamp; blocked_until: Timestamp };

/** Rate-limit counters shared by all app nodes (platform/rate-limit-store.ts); the key is a keyed hash. */
export type RateLimitCountersTable = { bucket: string; hits: number; expires_at: Date };

export type RiskLevelReductionsTable = { id: Generated<string>; course_id: string; from_level: string; to_level: string; reason_enc: string; requested_by_user_id: string };
export type RiskLevelReductionDecision = { requested_at: ColumnType<Date, Date | string, never>; status: Generated<string>; decided_by_user_id: string | null; decided_at: NullableTimestamp; decision_note_enc: string | null };
