import { sql, type Kysely } from 'kysely';

/**
 * Ending a service (or programme) hands its open work over or closes it with a reason, so nothing is left hanging:
 * a referral can end as `closed`, its event records why (`closing_reason`), and a course can close because its
 * service ended.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE referrals DROP CONSTRAINT referrals_status_check;
    ALTER TABLE referrals ADD CONSTRAINT referrals_status_check
      CHECK (status IN ('draft','sent','received','accepted','declined','withdrawn','expired','not_reached','handed_over','closed'));

    ALTER TABLE referral_events ADD COLUMN closing_reason text CHECK (closing_reason IN ('service_closed','programme_ended','other'));
    COMMENT ON COLUMN referral_events.closing_reason IS 'Why a referral was closed when its service or programme ended (action close). A code, never free text.';

    ALTER TABLE courses DROP CONSTRAINT courses_closing_reason_check;
    ALTER TABLE courses ADD CONSTRAINT courses_closing_reason_check
      CHECK (closing_reason IN ('completed','bridged_onward','dropped_out','not_reached','moved_away','other','service_ended'));
  `.execute(db);
}
