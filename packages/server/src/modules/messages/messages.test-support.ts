import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { TestApp } from '../../test/test-app.ts';
import { enqueueMessage, type NewMessage } from './message.service.ts';

/** Queues a message the way a module does: inside a transaction. Returns its id. */
export async function givenQueuedMessage(t: TestApp, message: Partial<NewMessage> = {}): Promise<string> {
  const full: NewMessage = { template: 'referral_escalation', channel: 'email', to: 'modtager@example.test', subject: 'Besked fra Bro', text: 'Log ind i Bro.', ...message };
  return t.db.transaction().execute((trx) => enqueueMessage(trx, { cipher: t.cipher, now: t.clock.now(), message: full }));
}

export type ReceivedMail = { from: string | undefined; to: string[]; data: string };

/** A real SMTP server on a free local port. Recipients starting with "afvist" are refused with 550 (echoing them). */
export async function startSmtpServer(): Promise<{ url: string; received: ReceivedMail[]; close: () => Promise<void> }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('afvist')) return callback(Object.assign(new Error(`No such user here: ${address.address}`), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        received.push({ from: from ? from.address : undefined, to: session.envelope.rcptTo.map((rcpt) => rcpt.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type GatewayRequest = { method: string | undefined; path: string | undefined; authorization: string | undefined; body: unknown };

/** A stand-in for GatewayAPI's REST endpoint on a free local port; `status` sets what it answers next. */
export async function startSmsGatewayStub(): Promise<{ url: string; requests: GatewayRequest[]; answer: { status: number }; close: () => Promise<void> }> {
  const requests: GatewayRequest[] = [];
  const answer = { status: 200 };
  const server = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    requests.push({ method: request.method, path: request.url, authorization: request.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
    // A gateway's error text may echo the number; the adapter must not read it.
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.status === 200 ? { ids: [1] } : { message: `bad recipient ${JSON.stringify(requests.at(-1)?.body)}` }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, answer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
