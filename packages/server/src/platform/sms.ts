/**
 * The outside world's SMS, as a port like the mailer. Only ever called with a text that passed the safe-contact
 * decision (domain `decideReminder`): a number the person marked safe, inside a safe time, in neutral words unless
 * the person chose otherwise. Tests use the recording sender.
 */
export type OutgoingSms = { to: string; text: string };
export type SmsSender = { send: (sms: OutgoingSms) => Promise<void> };

/** Development and demo: one line to the log, without the number or the text (both are personal data). */
export function createLogSmsSender(log: (line: string) => void): SmsSender {
  return { send: async (sms) => log(`sms of ${sms.text.length} characters`) };
}

export function createRecordingSmsSender(): SmsSender & { sent: OutgoingSms[] } {
  const sent: OutgoingSms[] = [];
  return { sent, send: async (sms) => void sent.push(sms) };
}
