import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobLog } from '../../platform/jobs.ts';
import { createSmtpMailer } from '../../platform/mailer.ts';
import { createGatewayApiSmsSender } from '../../platform/sms.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { deliverDueMessages, MAX_DELIVERY_ATTEMPTS } from './index.ts';
import { UNSENT_CONTENT_RETENTION_MS } from './message.jobs.ts';
import { givenQueuedMessage, startSmsGatewayStub, startSmtpServer } from './messages.test-support.ts';

const MINUTE = 60_000;

describe('outbox delivery (job)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let gateway: Awaited<ReturnType<typeof startSmsGatewayStub>>;
  const lines: string[] = [];
  const log: JobLog = (level, line) => void lines.push(`${level} ${line}`);
  beforeAll(async () => {
    t = await createTestApp();
    smtp = await startSmtpServer();
    gateway = await startSmsGatewayStub();
  });
  afterAll(async () => {
    await smtp.close();
    await gateway.close();
    await t.close();
  });

  const transports = () => ({ mailer: createSmtpMailer({ url: smtp.url, from: 'Bro <no-reply@bro.test>' }), sms: createGatewayApiSmsSender({ url: gateway.url, token: 'test-token' }) });
  const deliver = () => deliverDueMessages({ ...t.jobContext(), ...transports(), log });
  const messageRow = (id: string) => t.db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('stores recipient, subject and text encrypted until sent', async () => {
    const id = await givenQueuedMessage(t, { to: 'krypteret@example.test', text: 'Hemmelig tekst' });
    const row = await messageRow(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 0, template: 'referral_escalation', channel: 'email' });
    expect(JSON.stringify(row)).not.toMatch(/krypteret@example\.test|Hemmelig tekst|Besked fra Bro/);
    expect(t.cipher.decrypt(row.recipient_enc ?? '')).toBe('krypteret@example.test');
    await t.db.deleteFrom('outbox_messages').where('id', '=', id).execute();
  });

  it('delivers an e-mail through a real SMTP server, then erases recipient and text', async () => {
    const id = await givenQueuedMessage(t, { to: 'koordinator@example.test', subject: 'Besked fra Bro', text: 'Der er en henvisning i Bro.' });
    expect(await deliver()).toBe('done');
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.from).toBe('no-reply@bro.test');
    expect(mail?.to).toEqual(['koordinator@example.test']);
    expect(mail?.data).toContain('Subject: Besked fra Bro');
    expect(mail?.data).toContain('Der er en henvisning i Bro.');
    expect(await messageRow(id)).toMatchObject({ status: 'sent', attempts: 1, sent_at: t.clock.now(), last_error: null, recipient_enc: null, subject_enc: null, body_enc: null });
    expect(lines).toContain(`info outbox message ${id} (referral_escalation): sent`);
    expect(await deliver()).toBe('skipped');
  });

  it('delivers an SMS through the GatewayAPI REST shape with the token', async () => {
    const id = await givenQueuedMessage(t, { template: 'session_reminder', channel: 'sms', to: '+45 20 30 40 50', text: 'Påmindelse: din aftale er i morgen.' });
    await deliver();
    expect(gateway.requests).toEqual([
      { method: 'POST', path: '/rest/mtsms', authorization: 'Token test-token', body: { sender: 'Bro', message: 'Påmindelse: din aftale er i morgen.', recipients: [{ msisdn: 4520304050 }] } },
    ]);
    expect(await messageRow(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('retries a failed SMS with exponential backoff on the clock and gives up (dead) after the last attempt', async () => {
    gateway.answer.status = 503;
    gateway.requests.length = 0;
    const id = await givenQueuedMessage(t, { template: 'session_reminder', channel: 'sms', to: '+45 21 21 21 21', text: 'Påmindelse.' });
    const waits: number[] = [];
    for (let attempt = 1; attempt < MAX_DELIVERY_ATTEMPTS; attempt += 1) {
      await deliver();
      const row = await messageRow(id);
      expect(row).toMatchObject({ status: 'failed', attempts: attempt, last_error: 'http_503' });
      waits.push(row.next_attempt_at.getTime() - t.clock.now().getTime());
      t.clock.advance(waits.at(-1)! - 1);
      expect(await deliver()).toBe('skipped'); // not due yet
      t.clock.advance(1);
    }
    expect(waits).toEqual([1 * MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE]);
    await deliver();
    const dead = await messageRow(id);
    expect(dead).toMatchObject({ status: 'dead', attempts: MAX_DELIVERY_ATTEMPTS, last_error: 'http_503' });
    expect(dead.recipient_enc).not.toBeNull(); // kept, so the platform admin can retry it
    expect(gateway.requests).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    expect(lines).toContain(`error outbox message ${id} (session_reminder): dead`);
    t.clock.advance(24 * 60 * MINUTE);
    expect(await deliver()).toBe('skipped');
    gateway.answer.status = 200;
  });

  it('records a refused recipient by its SMTP code only, never the server\u2019s words (which echo the address)', async () => {
    const id = await givenQueuedMessage(t, { to: 'afvist@example.test' });
    await deliver();
    const row = await messageRow(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, last_error: 'smtp_550' });
    expect(lines.join('\n')).not.toContain('afvist@example.test');
  });

  it('keeps messages in the outbox as "not sent: no transport configured" without SMTP_URL or an SMS gateway', async () => {
    const email = await givenQueuedMessage(t, { to: 'ingen-smtp@example.test' });
    const sms = await givenQueuedMessage(t, { template: 'session_reminder', channel: 'sms', to: '+45 22 22 22 22' });
    const before = smtp.received.length;
    await deliverDueMessages({ ...t.jobContext(), mailer: undefined, sms: undefined, log });
    expect(await messageRow(email)).toMatchObject({ status: 'not_sent_no_transport', attempts: 0 });
    expect(await messageRow(sms)).toMatchObject({ status: 'not_sent_no_transport', attempts: 0 });
    expect(smtp.received).toHaveLength(before);
    // A transport configured later does not send them days late, without a fresh check: they stay as they were.
    expect(await deliver()).toBe('skipped');
    expect(smtp.received).toHaveLength(before);
    expect(gateway.requests.filter((request) => JSON.stringify(request.body).includes('4522222222'))).toEqual([]);
    expect(await messageRow(email)).toMatchObject({ status: 'not_sent_no_transport', attempts: 0 });
  });

  it('erases the recipient and text of a message left unsent for want of a transport after seven days', async () => {
    const id = await givenQueuedMessage(t, { to: 'glemt@example.test' });
    await deliverDueMessages({ ...t.jobContext(), mailer: undefined, sms: undefined, log });
    expect((await messageRow(id)).recipient_enc).not.toBeNull(); // the development outbox shows it meanwhile
    t.clock.advance(UNSENT_CONTENT_RETENTION_MS);
    await deliverDueMessages({ ...t.jobContext(), mailer: undefined, sms: undefined, log });
    expect((await messageRow(id)).recipient_enc).not.toBeNull();
    t.clock.advance(1);
    await deliverDueMessages({ ...t.jobContext(), mailer: undefined, sms: undefined, log });
    expect(await messageRow(id)).toMatchObject({ status: 'not_sent_no_transport', recipient_enc: null, subject_enc: null, body_enc: null });
    t.clock.advance(-UNSENT_CONTENT_RETENTION_MS - 1);
  });

  it('loses no message when the worker dies after the SMTP server took it but before the outbox recorded that (at least once)', async () => {
    const id = await givenQueuedMessage(t, { to: 'to-gange@example.test', text: 'Log ind i Bro.' });
    const smtpMailer = transports().mailer;
    let isFirstAttempt = true;
    const dyingMailer = {
      send: async (mail: { to: string; subject: string; text: string }) => {
        await smtpMailer.send(mail);
        if (!isFirstAttempt) return;
        isFirstAttempt = false;
        // The "crash": the connection that holds the claimed row (and its uncommitted transaction) is cut.
        await sql`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE relation = 'outbox_messages'::regclass AND pid <> pg_backend_pid()`.execute(t.db);
      },
    };
    await expect(deliverDueMessages({ ...t.jobContext(), mailer: dyingMailer, log })).rejects.toThrow();
    expect(smtp.received.filter((mail) => mail.to.includes('to-gange@example.test'))).toHaveLength(1);
    expect(await messageRow(id)).toMatchObject({ status: 'queued', attempts: 0 }); // rolled back: not lost
    await deliverDueMessages({ ...t.jobContext(), mailer: dyingMailer, log });
    expect(smtp.received.filter((mail) => mail.to.includes('to-gange@example.test'))).toHaveLength(2); // sent again
    expect(await messageRow(id)).toMatchObject({ status: 'sent', attempts: 1, recipient_enc: null });
  });
});
