import { sql, type Kysely } from 'kysely';

/**
 * Two restricted roles for groups and events (issue 14): `facilitator` (hosts community meetings and open events) and
 * `peer_supporter` (a volunteer who sees only their own pairings). Neither can read a referral or a course.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE memberships DROP CONSTRAINT memberships_role_check;
    ALTER TABLE memberships ADD CONSTRAINT memberships_role_check
      CHECK (role IN ('referrer','intake_coordinator','counsellor','supervisor','organisation_admin','platform_admin','facilitator','peer_supporter'));
  `.execute(db);
}
