import { sql, type Kysely } from 'kysely';

/** What the referral already said (gender, birth year, children, risk level, safe times), kept with the course. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE courses ADD COLUMN referral_facts_enc text`.execute(db);
  await sql`COMMENT ON COLUMN courses.referral_facts_enc IS 'Encrypted JSON: the referral''s facts under its consent (gender, birth year, children in the home, risk level, safe times), taken over when the course was opened from it. Personal data.'`.execute(db);
}
