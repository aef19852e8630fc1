import type { Translation } from '../../i18n/translation';
import type { messagesDa } from './messages.da';

/** Same keys as the Danish texts, any text (see i18n/translation.ts). */
export const messagesEn: Translation<typeof messagesDa> = {
  messages: {
    heading: 'Messages that did not get through',
    intro: 'E-mails and text messages that failed at every attempt. The recipient and the text are never shown here. A reminder is checked against the person’s safe contact again before it is sent.',
    caption: 'Messages given up on',
    empty: 'Every message got through.',
    template: 'Template',
    channel: 'Channel',
    attempts: 'Attempts',
    lastError: 'Last error',
    createdAt: 'Created',
    lastAttemptAt: 'Last attempt',
    actions: 'Actions',
    retry: 'Retry',
    retriedMessage: 'The message is queued again.',
    templates: { referral_escalation: 'Referral waiting (to coordinator)', referral_unseen: 'Referral nobody can see (to admin)', session_reminder: 'Appointment reminder', admin_change_requested: 'Change awaiting approval (to admins)', account_locked: 'Account locked (to the holder)', open_event_link: 'Online event link (to the person who asked)', community_meeting_address: 'Community meeting address (to the participant)', community_meeting_cancelled: 'Community meeting cancelled (to participants)', group_invitation: 'Place in a conversation group', group_meeting_reminder: 'Group meeting reminder', group_reconfirmation: 'Waiting-list reconfirmation' },
    channels: { email: 'E-mail', sms: 'Text message' },
    development: {
      heading: 'Development outbox',
      intro: 'Outside production only: every message with its recipient and text, to see what would have been sent. Without an e-mail or SMS connection configured, messages stay here as not sent, and they are not sent later. Recipient and text are erased after 7 days.',
      run: 'Send reminders and messages now',
      runHint: 'Runs the reminders and delivery at once instead of waiting for the next scheduled run. Safe contact is checked as always.',
      ran: 'Reminders and delivery have run.',
      caption: 'Messages in the outbox',
      empty: 'There are no messages yet.',
      status: 'Status',
      subject: 'Subject',
      recipient: 'Recipient',
      text: 'Text',
      erased: 'Recipient and text have been erased.',
      statuses: {
        queued: 'Queued',
        sent: 'Sent',
        failed: 'Failed, will retry',
        dead: 'Given up',
        cancelled: 'Cancelled (safe contact or appointment changed)',
        not_sent_no_transport: 'Not sent: no transport configured',
      },
    },
  },
};
