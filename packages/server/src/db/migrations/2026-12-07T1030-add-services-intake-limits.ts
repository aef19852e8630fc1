import { sql, type Kysely } from 'kysely';

/**
 * Whom a service takes beyond its line: the genders (null: all) and an age range (null: no limit). A referral
 * outside them is refused, so it never waits at a service that would turn the person away.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE services ADD COLUMN receives_genders text[]
      CHECK (receives_genders IS NULL OR (cardinality(receives_genders) > 0 AND receives_genders <@ ARRAY['woman','man','other','unknown']));
    ALTER TABLE services ADD COLUMN minimum_age integer CHECK (minimum_age BETWEEN 0 AND 120);
    ALTER TABLE services ADD COLUMN maximum_age integer CHECK (maximum_age BETWEEN 0 AND 120);
    ALTER TABLE services ADD CONSTRAINT services_ages_in_order CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age);
  `.execute(db);
}
