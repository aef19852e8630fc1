import { sql, type Kysely } from 'kysely';

/**
 * Self-referral ("Bliv kontaktet" on the public pages) and campaign pages.
 *
 * A self-referral has no referring organisation: rather than pretend one (e.g. the platform operator), the column
 * becomes nullable, and a CHECK ties "no referring organisation" to the source `self` and nothing else. Referrer
 * views select by referring organisation, so a self-referral never shows up on any referrer's side.
 *
 * The person's own submission is their consent: a consent row with method `written`, given by the person, so no
 * staff member obtained it — `is_given_by_person` with a CHECK instead of a made-up user.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE referrals ALTER COLUMN referring_organisation_id DROP NOT NULL;
    ALTER TABLE referrals ADD CONSTRAINT referrals_self_has_no_referrer CHECK ((source = 'self') = (referring_organisation_id IS NULL));
    ALTER TABLE referrals ADD COLUMN heard_about text
      CHECK (heard_about IN ('from_campaign','from_friend','from_police','from_municipality','from_professional','searched_online','other','not_said'));
    ALTER TABLE referrals ADD COLUMN receipt_code_hash text;
    ALTER TABLE referrals ADD CONSTRAINT referrals_self_only_fields CHECK (source = 'self' OR (heard_about IS NULL AND receipt_code_hash IS NULL));
    CREATE UNIQUE INDEX referrals_receipt_code_hash_idx ON referrals (receipt_code_hash) WHERE receipt_code_hash IS NOT NULL;
    CREATE INDEX referrals_self_heard_about_idx ON referrals (receiving_organisation_id, heard_about) WHERE source = 'self';
    COMMENT ON COLUMN referrals.referring_organisation_id IS 'NULL exactly for a self-referral (source = self): nobody referred the person.';
    COMMENT ON COLUMN referrals.heard_about IS 'Self-referral: how the person heard about the service. Only ever published as counts per value, cells below 5 suppressed.';
    COMMENT ON COLUMN referrals.receipt_code_hash IS 'Self-referral: keyed HMAC of the receipt code the person was given. The code itself is never stored.';

    ALTER TABLE consents ALTER COLUMN obtained_by_user_id DROP NOT NULL;
    ALTER TABLE consents ALTER COLUMN obtained_by_organisation_id DROP NOT NULL;
    ALTER TABLE consents ADD COLUMN is_given_by_person boolean NOT NULL DEFAULT false;
    ALTER TABLE consents ADD CONSTRAINT consents_obtained_by CHECK (
      (is_given_by_person AND method = 'written' AND obtained_by_user_id IS NULL AND obtained_by_organisation_id IS NULL)
      OR (NOT is_given_by_person AND obtained_by_user_id IS NOT NULL AND obtained_by_organisation_id IS NOT NULL)
    );
    COMMENT ON COLUMN consents.is_given_by_person IS 'The person gave it themselves (the public contact form): written, and no staff member obtained it.';

    -- One row per contact-form challenge that made a request. A challenge is single-use: a double click or a
    -- resubmitted form finds its row and answers with the same receipt instead of making a second request.
    CREATE TABLE self_referral_challenges (
      challenge_hash text PRIMARY KEY,
      referral_id uuid REFERENCES referrals(id),
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    COMMENT ON TABLE self_referral_challenges IS 'Used proof-of-work challenges of the contact form (keyed hash only). Deleted a day after they expire.';
    CREATE INDEX self_referral_challenges_expires_idx ON self_referral_challenges (expires_at);

    CREATE TABLE campaigns (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published')),
      title_da text NOT NULL,
      title_en text NOT NULL,
      title_ar text,
      summary_da text NOT NULL,
      summary_en text NOT NULL,
      summary_ar text,
      body_da text NOT NULL,
      body_en text NOT NULL,
      body_ar text,
      testimonials jsonb NOT NULL DEFAULT '[]'::jsonb,
      videos jsonb NOT NULL DEFAULT '[]'::jsonb,
      published_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'published') = (published_at IS NOT NULL))
    );
    COMMENT ON TABLE campaigns IS 'Public campaign pages (plain text, no HTML). Shown at /<lang>/kampagner/<slug> while published.';
    CREATE INDEX campaigns_organisation_idx ON campaigns (organisation_id);

    CREATE TABLE campaign_services (
      campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
      directory_service_id uuid NOT NULL REFERENCES directory_services(id),
      position integer NOT NULL,
      PRIMARY KEY (campaign_id, directory_service_id),
      UNIQUE (campaign_id, position)
    );
    COMMENT ON TABLE campaign_services IS 'The directory services a campaign points to, in order. Any organisation''s service may be linked.';
  `.execute(db);
}
