import { sql, type Kysely } from 'kysely';

/**
 * Four-eyes publication of public content: a new or changed item goes live only when another person, holding the
 * content kind's approval permission, approves the proposal. The first kind is the directory listing; later public
 * content (campaigns, events, meetings) adds its kind to the CHECK below.
 * `directory_services.published_at` says whether a listing is public at all: a new listing is not, until its first
 * proposal is approved. Every listing that exists when this runs was public already (they went live at once), so it
 * counts as published from its creation.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE directory_services ADD COLUMN published_at timestamptz;
    UPDATE directory_services SET published_at = created_at;
    COMMENT ON COLUMN directory_services.published_at IS 'When the listing first went live (its first approved proposal); NULL: not public anywhere yet.';

    CREATE TABLE publication_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      sequence bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      content_kind text NOT NULL CHECK (content_kind IN ('directory_listing')),
      content_id uuid NOT NULL,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      proposed_content jsonb NOT NULL,
      proposed_by_user_id uuid NOT NULL REFERENCES users(id),
      proposed_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')),
      decided_by_user_id uuid REFERENCES users(id),
      decided_at timestamptz,
      rejection_reason text CHECK (length(rejection_reason) BETWEEN 1 AND 1000),
      CHECK ((status = 'pending') = (decided_at IS NULL)),
      CHECK ((status IN ('approved', 'rejected')) = (decided_by_user_id IS NOT NULL)),
      CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL)),
      CHECK (status <> 'approved' OR decided_by_user_id <> proposed_by_user_id)
    );
    CREATE UNIQUE INDEX publication_requests_one_pending ON publication_requests (content_kind, content_id) WHERE status = 'pending';
    CREATE INDEX publication_requests_content ON publication_requests (content_kind, content_id, sequence DESC);
    COMMENT ON TABLE publication_requests IS 'Proposed versions of public content, each approved or rejected by another person than its proposer, or superseded by a newer proposal.';
    COMMENT ON COLUMN publication_requests.proposed_content IS 'The whole proposed item as its content kind stores it. Secret values (a confidential location''s address) are AES-256-GCM field-encrypted inside it. No personal data.';
    COMMENT ON COLUMN publication_requests.sequence IS 'Order of proposals, even within one clock tick: the latest proposal of an item is its highest sequence.';
    COMMENT ON COLUMN publication_requests.organisation_id IS 'The organisation that owns the content (whose staff proposed it and see its state).';
    COMMENT ON COLUMN publication_requests.rejection_reason IS 'Why the approver rejected it, in their words, for the proposer; about the content, never about a person.';
  `.execute(db);
}
