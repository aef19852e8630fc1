import { sql, type Kysely } from 'kysely';

/**
 * A message left unsent for want of a transport (`not_sent_no_transport`) is never sent later; its recipient and
 * text are kept for the development outbox for a week, then erased like a sent message's. The content check
 * allowed that only for sent and cancelled messages.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_check1;
    ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_content_kept_until_done
      CHECK (status IN ('sent', 'cancelled', 'not_sent_no_transport') OR (recipient_enc IS NOT NULL AND body_enc IS NOT NULL));
    COMMENT ON COLUMN outbox_messages.recipient_enc IS 'E-mail address or phone number, AES-256-GCM field-encrypted. Erased when sent or cancelled, and 7 days after "not sent: no transport". Never logged.';
    COMMENT ON COLUMN outbox_messages.subject_enc IS 'E-mail subject (may name the service if the person chose that), field-encrypted. Erased when sent or cancelled, and 7 days after "not sent: no transport".';
    COMMENT ON COLUMN outbox_messages.body_enc IS 'Message text, field-encrypted. Erased when sent or cancelled, and 7 days after "not sent: no transport". Never logged.';
  `.execute(db);
}
