import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the hot reads (issue 13 §3), so their cost stays flat as the years of referrals pile up:
 * - the intake inbox reads only OPEN referrals of one receiving organisation: a partial index holds just those, so
 *   it grows with the open workload, not with the closed history (statuses as `openStatuses` in @bro/domain);
 * - the possible-duplicate check (inbox and detail) looks for other referrals at the same service, from the same
 *   referring organisation and programme, within 30 days: the index ends in created_at, so only that window is read;
 * - "my referrals" of a referring unit, newest first, reads the unit's newest 200 from the index in order;
 * - a counsellor's caseload reads their open courses from one partial index that holds every column it filters on
 *   (the old one held only the counsellor, so the planner ANDed it with the organisation's whole course history).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX referrals_open_at_receiver_idx ON referrals (receiving_organisation_id, service_id) WHERE status IN ('sent', 'received', 'accepted')`.execute(db);
  await sql`CREATE INDEX referrals_duplicate_window_idx ON referrals (service_id, referring_organisation_id, programme_id, created_at)`.execute(db);
  await sql`CREATE INDEX referrals_referring_unit_idx ON referrals (referring_unit_id, created_at DESC, id DESC) WHERE referring_unit_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX courses_open_by_counsellor_idx ON courses (counsellor_user_id, organisation_id, service_id) WHERE status <> 'closed'`.execute(db);
  await sql`DROP INDEX courses_counsellor_idx`.execute(db);
}

