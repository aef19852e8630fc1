import { sql, type Kysely } from 'kysely';

/**
 * The referral an officer is writing, saved as they go (issue 11 §1): one draft per author, the form's values sealed
 * as one encrypted field, gone after `expires_at` (read refuses it; the purge job deletes it). Also the referral's
 * "other way to reach" a person without a phone (issue 11 §2), encrypted like the phone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE referral_drafts (
      author_user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      values_enc text NOT NULL,
      updated_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX referral_drafts_expires_at ON referral_drafts (expires_at)`.execute(db);
  await sql`COMMENT ON COLUMN referral_drafts.values_enc IS 'AES-256-GCM: the unsent referral form (name, CPR, contact, situation); personal data'`.execute(db);
  await sql`ALTER TABLE referrals ADD COLUMN other_way_to_reach_enc text`.execute(db);
  await sql`COMMENT ON COLUMN referrals.other_way_to_reach_enc IS 'AES-256-GCM: how to reach a person without a phone; personal data'`.execute(db);
}
