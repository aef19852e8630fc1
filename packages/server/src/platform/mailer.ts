import { createTransport } from 'nodemailer';

/**
 * The outside world's e-mail, as a port. Only the outbox (modules/messages) calls it: every message is first an
 * outbox row. Implementations never log the address, subject or text, and a failure is thrown as a
 * {@link TransportFailure} whose code carries nothing of the message (a transport's own words can echo the address).
 */
export type OutgoingMail = { to: string; subject: string; text: string };
export type Mailer = { send: (mail: OutgoingMail) => Promise<void> };

/** A failed delivery, described by a short code only (`smtp_550`, `http_503`, `network`, `timeout` …). */
export class TransportFailure extends Error {
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.name = 'TransportFailure';
    this.code = code;
  }
}

/** SMTP through nodemailer. `url` is SMTP_URL (smtp:// or smtps://, credentials in the URL); `from` is MAIL_FROM. */
export function createSmtpMailer(options: { url: string; from: string }): Mailer {
  // Short timeouts: the outbox row stays locked while it is sent, and nodemailer waits up to an hour of silence by
  // default. A slow server is a failed attempt, retried later with backoff.
  const transport = createTransport({ url: options.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    send: async (mail) => {
      try {
        await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
      } catch (error) {
        throw new TransportFailure(smtpFailureCode(error));
      }
    },
  };
}

/** The SMTP reply code when the server gave one, else nodemailer's error code; never the error message. */
function smtpFailureCode(error: unknown): string {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number') return `smtp_${responseCode}`;
  if (typeof code === 'string' && /^[A-Z]{1,20}$/.test(code)) return `smtp_${code.toLowerCase()}`;
  return 'smtp_unknown';
}

export function createRecordingMailer(): Mailer & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return { sent, send: async (mail) => void sent.push(mail) };
}
