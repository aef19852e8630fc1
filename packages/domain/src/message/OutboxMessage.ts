import { z } from 'zod';

/**
 * Messages that leave the machine (e-mail, SMS) pass through the outbox. What the platform admin sees of them is
 * deliberately thin: which template, which channel, how delivery went. Never the recipient, the subject or the text.
 */
export const MessageChannel = z.enum(['email', 'sms']);
export type MessageChannel = z.infer<typeof MessageChannel>;

/**
 * queued → sent; a failed attempt → failed (retried later, with backoff) → dead after too many failures;
 * cancelled when a send-time check (safe contact) says no; not_sent_no_transport when no transport is configured.
 */
export const MessageStatus = z.enum(['queued', 'sent', 'failed', 'dead', 'cancelled', 'not_sent_no_transport']);
export type MessageStatus = z.infer<typeof MessageStatus>;

/** The templates the platform sends. Their texts never name violence or the service unless the person chose that. */
export const MessageTemplate = z.enum([
  'referral_escalation',
  'referral_unseen',
  'session_reminder',
  'admin_change_requested',
  'account_locked',
  'open_event_link',
  'community_meeting_address',
  'community_meeting_cancelled',
  'group_invitation',
  'group_meeting_reminder',
  'group_reconfirmation',
]);
export type MessageTemplate = z.infer<typeof MessageTemplate>;

export const OutboxMessageSummary = z.object({
  id: z.uuid(),
  template: MessageTemplate,
  channel: MessageChannel,
  status: MessageStatus,
  attempts: z.number().int().nonnegative(),
  /** A short code from the transport (e.g. `smtp_550`, `http_503`, `network`): never the transport's own words. */
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastAttemptAt: z.iso.datetime().nullable(),
  nextAttemptAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type OutboxMessageSummary = z.infer<typeof OutboxMessageSummary>;

export const OutboxMessageList = z.object({ messages: z.array(OutboxMessageSummary) });
export type OutboxMessageList = z.infer<typeof OutboxMessageList>;

export const MessageIdParams = z.strictObject({ messageId: z.uuid() });
export type MessageIdParams = z.infer<typeof MessageIdParams>;

/** Development only (refused in production): the message as it would have left, for checking texts by hand. */
export const DevelopmentOutboxMessage = OutboxMessageSummary.extend({ recipient: z.string().nullable(), subject: z.string().nullable(), body: z.string().nullable() });
export type DevelopmentOutboxMessage = z.infer<typeof DevelopmentOutboxMessage>;

export const DevelopmentOutboxList = z.object({ messages: z.array(DevelopmentOutboxMessage) });
export type DevelopmentOutboxList = z.infer<typeof DevelopmentOutboxList>;
