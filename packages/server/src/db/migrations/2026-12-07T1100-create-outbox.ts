import { sql, type Kysely } from 'kysely';

/**
 * The transactional outbox: every e-mail and SMS is first a row here, written in the same transaction as the change
 * that causes it, and delivered afterwards by a job with retries. Recipient, subject and text are field-encrypted;
 * they are erased once the message is sent or cancelled. Errors are stored as short codes only: a transport's own
 * words can echo the address.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE outbox_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      template text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email', 'sms')),
      recipient_enc text,
      subject_enc text,
      body_enc text,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'dead', 'cancelled', 'not_sent_no_transport')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      next_attempt_at timestamptz NOT NULL,
      last_error text CHECK (last_error ~ '^[a-z0-9_]{1,40}$'),
      reference_type text,
      reference_id uuid,
      created_at timestamptz NOT NULL,
      last_attempt_at timestamptz,
      sent_at timestamptz,
      CHECK ((reference_type IS NULL) = (reference_id IS NULL)),
      CHECK (status IN ('sent', 'cancelled') OR (recipient_enc IS NOT NULL AND body_enc IS NOT NULL))
    );
    CREATE INDEX outbox_messages_due ON outbox_messages (next_attempt_at) WHERE status IN ('queued', 'failed');
    CREATE INDEX outbox_messages_status ON outbox_messages (status, created_at);
    COMMENT ON TABLE outbox_messages IS 'Outgoing e-mail and SMS, written with the change that causes them and delivered by the deliver-outbox-messages job.';
    COMMENT ON COLUMN outbox_messages.recipient_enc IS 'E-mail address or phone number, AES-256-GCM field-encrypted. Erased when sent or cancelled. Never logged.';
    COMMENT ON COLUMN outbox_messages.subject_enc IS 'E-mail subject (may name the service if the person chose that), field-encrypted. Erased when sent or cancelled.';
    COMMENT ON COLUMN outbox_messages.body_enc IS 'Message text, field-encrypted. Erased when sent or cancelled. Never logged.';
    COMMENT ON COLUMN outbox_messages.last_error IS 'A short code (smtp_550, http_503, network …) only: never the transport''s message, which can echo the address.';
    COMMENT ON COLUMN outbox_messages.reference_id IS 'What a send-time check re-reads (a course session for a reminder: is contact still safe?).';
  `.execute(db);
}
