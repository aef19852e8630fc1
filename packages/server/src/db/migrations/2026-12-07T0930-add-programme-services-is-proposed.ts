import { sql, type Kysely } from 'kysely';

/**
 * A programme may offer a service that routing never proposes (Mødrehjælpen in the Interventionscenter: a referrer
 * may choose it, but a woman exposed to violence is proposed LOKK). Until now that hung on rule order; a flag says
 * it. A fallback is always proposed when nothing else matches, so it cannot be unproposed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE programme_services ADD COLUMN is_proposed boolean NOT NULL DEFAULT true;
    ALTER TABLE programme_services ADD CONSTRAINT programme_services_fallback_is_proposed CHECK (is_proposed OR NOT is_fallback);
  `.execute(db);
}
