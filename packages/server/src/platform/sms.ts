import { TransportFailure } from './mailer.ts';

/**
 * The outside world's SMS, as a port like the mailer. Only the outbox calls it, and only with a text that passed the
 * safe-contact decision (domain `decideReminder`) when queued and again when sent. Tests use the recording sender.
 */
export type OutgoingSms = { to: string; text: string };
export type SmsSender = { send: (sms: OutgoingSms) => Promise<void> };

const GATEWAY_TIMEOUT_MS = 10_000;

/**
 * GatewayAPI (gatewayapi.com, a Danish SMS gateway): `POST <url>/rest/mtsms` with `Authorization: Token <token>` and
 * `{ sender, message, recipients: [{ msisdn }] }`. Danish numbers without a country code get 45. A non-2xx answer
 * becomes `http_<status>`; the answer's body is not read (it can echo the number).
 */
export function createGatewayApiSmsSender(options: { url: string; token: string; sender?: string }): SmsSender {
  const endpoint = `${options.url.replace(/\/+$/, '')}/rest/mtsms`;
  return {
    send: async (sms) => {
      const body = JSON.stringify({ sender: options.sender ?? 'Bro', message: sms.text, recipients: [{ msisdn: toMsisdn(sms.to) }] });
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: { authorization: `Token ${options.token}`, 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
        });
      } catch (error) {
        throw new TransportFailure(error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network');
      }
      await response.body?.cancel();
      if (!response.ok) throw new TransportFailure(`http_${response.status}`);
    },
  };
}

/** "+45 12 34 56 78" → 4512345678; eight digits are taken as Danish. */
function toMsisdn(phone: string): number {
  const digits = phone.replace(/[^0-9]/g, '');
  if (digits.length === 0) throw new TransportFailure('invalid_number');
  return Number(digits.length === 8 ? `45${digits}` : digits);
}

export function createRecordingSmsSender(): SmsSender & { sent: OutgoingSms[] } {
  const sent: OutgoingSms[] = [];
  return { sent, send: async (sms) => void sent.push(sms) };
}
