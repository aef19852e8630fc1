import { sql, type Kysely } from 'kysely';

/**
 * The public help directory (HSDS 3 modelled): services with their locations (a location row is HSDS location and
 * service_at_location in one), the directory's version counter, and the reminder ledger of the "not checked for six
 * months" job.
 * A confidential location (crisis shelter) can never hold a public street address, postcode or coordinates: a
 * CHECK constraint refuses it. Its address, if stored, is AES-256-GCM ciphertext in confidential_address_enc.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE directory_services (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      referral_service_id uuid UNIQUE REFERENCES services(id),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','inactive','defunct','temporarily closed')),
      name_da text NOT NULL CHECK (length(name_da) BETWEEN 1 AND 200),
      name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
      name_ar text,
      description_da text NOT NULL,
      description_en text NOT NULL,
      description_ar text,
      how_to_contact_da text NOT NULL,
      how_to_contact_en text NOT NULL,
      how_to_contact_ar text,
      eligibility_da text,
      eligibility_en text,
      minimum_age integer CHECK (minimum_age BETWEEN 0 AND 120),
      maximum_age integer CHECK (maximum_age BETWEEN 0 AND 120),
      target_groups text[] NOT NULL CHECK (cardinality(target_groups) > 0 AND target_groups <@ ARRAY['women','men','lgbt','uses_violence','relatives','professionals','children_young']),
      channels text[] NOT NULL CHECK (cardinality(channels) > 0 AND channels <@ ARRAY['phone','chat','in_person','email','sms']),
      languages text[] NOT NULL CHECK (cardinality(languages) > 0),
      is_anonymous_contact_offered boolean NOT NULL DEFAULT false,
      is_free_of_charge boolean NOT NULL DEFAULT false,
      is_open_24_hours boolean NOT NULL DEFAULT false,
      schedule_rules jsonb NOT NULL DEFAULT '[]'::jsonb,
      schedule_note_da text,
      schedule_note_en text,
      is_national boolean NOT NULL DEFAULT false,
      municipality_codes text[] NOT NULL DEFAULT '{}',
      phones jsonb NOT NULL DEFAULT '[]'::jsonb,
      email text,
      website_url text CHECK (website_url ~ '^https://'),
      capacity_available integer CHECK (capacity_available >= 0),
      capacity_maximum integer CHECK (capacity_maximum >= 1),
      capacity_unit text,
      capacity_updated_at timestamptz,
      last_checked_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (is_national OR cardinality(municipality_codes) > 0),
      CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age),
      CHECK ((capacity_available IS NULL) = (capacity_unit IS NULL))
    );
    COMMENT ON TABLE directory_services IS 'Public help directory (HSDS service). Everything here is published except where a column comment says otherwise.';
    COMMENT ON COLUMN directory_services.last_checked_at IS 'When the organisation last confirmed the listing (HSDS assured_date). The reminder job asks after six months.';
    CREATE INDEX directory_services_organisation_idx ON directory_services (organisation_id);
    CREATE INDEX directory_services_check_due_idx ON directory_services (last_checked_at) WHERE status IN ('active','temporarily closed');

    CREATE TABLE directory_locations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      directory_service_id uuid NOT NULL REFERENCES directory_services(id) ON DELETE CASCADE,
      position integer NOT NULL,
      name_da text NOT NULL,
      name_en text NOT NULL,
      name_ar text,
      location_type text NOT NULL CHECK (location_type IN ('physical','virtual')),
      is_confidential boolean NOT NULL DEFAULT false,
      address_line text,
      postal_code text CHECK (postal_code ~ '^[0-9]{4}$'),
      city text,
      municipality_code text CHECK (municipality_code ~ '^[0-9]{3}$'),
      latitude double precision,
      longitude double precision,
      confidential_address_enc text,
      UNIQUE (directory_service_id, position),
      CHECK (NOT is_confidential OR (address_line IS NULL AND postal_code IS NULL AND latitude IS NULL AND longitude IS NULL)),
      CHECK (is_confidential OR confidential_address_enc IS NULL)
    );
    COMMENT ON COLUMN directory_locations.is_confidential IS 'Secret address (e.g. a crisis shelter): never published. Public columns must then be empty (CHECK).';
    COMMENT ON COLUMN directory_locations.confidential_address_enc IS 'Secret address of a confidential location, AES-256-GCM encrypted. Staff admin API of the owning organisation only.';

    -- Public reads are served from an in-memory copy on each app node (see public-directory.service.ts); every
    -- transaction that changes what the public sees bumps this one-row counter, and each request compares it.
    CREATE TABLE directory_state (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      version bigint NOT NULL DEFAULT 0
    );
    INSERT INTO directory_state (id, version) VALUES (true, 0);

    -- One row per service per calendar month in which its admins were reminded: makes the daily job idempotent.
    CREATE TABLE directory_check_reminders (
      directory_service_id uuid NOT NULL REFERENCES directory_services(id) ON DELETE CASCADE,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
      notified_users integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (directory_service_id, period)
    );
  `.execute(db);
}
