import { sql, type Kysely } from 'kysely';

/**
 * A course's risk level goes down only by a documented reassessment that a supervisor confirms (four eyes). The
 * counsellor's request waits here, pending, until a supervisor other than the counsellor confirms or rejects it.
 * At most one is pending per course.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE risk_level_reductions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL REFERENCES courses (id),
      from_level text NOT NULL CHECK (from_level IN ('standard','medium','high')),
      to_level text NOT NULL CHECK (to_level IN ('standard','medium','high')),
      reason_enc text NOT NULL,
      requested_by_user_id uuid NOT NULL REFERENCES users (id),
      requested_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','confirmed','rejected')),
      decided_by_user_id uuid REFERENCES users (id),
      decided_at timestamptz,
      decision_note_enc text,
      CHECK (to_level <> from_level),
      CHECK ((status = 'pending') = (decided_at IS NULL)),
      CHECK (decided_by_user_id IS NULL OR decided_by_user_id <> requested_by_user_id)
    )
  `.execute(db);
  await sql`CREATE UNIQUE INDEX risk_level_reductions_one_pending_idx ON risk_level_reductions (course_id) WHERE status = 'pending'`.execute(db);
  await sql`CREATE INDEX risk_level_reductions_course_idx ON risk_level_reductions (course_id, requested_at)`.execute(db);
  await sql`COMMENT ON COLUMN risk_level_reductions.reason_enc IS 'Encrypted: why the counsellor finds the risk lower now. Personal data.'`.execute(db);
  await sql`COMMENT ON COLUMN risk_level_reductions.decision_note_enc IS 'Encrypted: the supervisor''s note with the decision. Personal data.'`.execute(db);
}
