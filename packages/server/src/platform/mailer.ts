/**
 * The outside world's e-mail. Messages carry no personal data and never say what the service is about: only
 * that there is something to look at in Bro. Tests use the recording mailer.
 */
export type OutgoingMail = { to: string; subject: string; text: string };
export type Mailer = { send: (mail: OutgoingMail) => Promise<void> };

/** Development and demo: writes a one-line notice to the log instead of sending. */
export function createLogMailer(log: (line: string) => void): Mailer {
  return { send: async (mail) => log(`mail to ${mail.to}: ${mail.subject}`) };
}

export function createRecordingMailer(): Mailer & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return { sent, send: async (mail) => void sent.push(mail) };
}
