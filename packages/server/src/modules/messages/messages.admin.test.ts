import type { DevelopmentOutboxList, OutboxMessageList, OutboxMessageSummary } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransportFailure, type Mailer } from '../../platform/mailer.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { deliverDueMessages, MAX_DELIVERY_ATTEMPTS } from './index.ts';
import { givenQueuedMessage } from './messages.test-support.ts';

const refusingMailer: Mailer = { send: async () => Promise.reject(new TransportFailure('smtp_451')) };

/** Fails a message until it is dead: every attempt right away (the clock moves past each backoff, then back). */
async function givenDeadMessage(t: TestApp, to: string): Promise<string> {
  const id = await givenQueuedMessage(t, { to, text: 'Tekst der aldrig må vises' });
  const start = t.clock.now();
  for (let attempt = 0; attempt < MAX_DELIVERY_ATTEMPTS; attempt += 1) {
    await deliverDueMessages({ ...t.jobContext(), mailer: refusingMailer });
    t.clock.advance(60 * 60_000);
  }
  t.clock.set(start); // back, so the signed-in sessions stay fresh
  return id;
}

describe('dead messages for the platform admin', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['given']['signedIn']>>;
  let jobRuns = 0;
  beforeAll(async () => {
    // As main.ts does outside production: the message jobs' handlers, here the delivery with no transport.
    const runMessageJobsNow = async () => {
      jobRuns += 1;
      await deliverDueMessages({ ...t.jobContext(), mailer: undefined, sms: undefined });
    };
    t = await createTestApp({ isRateLimitEnabled: false, config: { isDevelopmentOutboxEnabled: true, runMessageJobsNow } });
    admin = await t.given.signedIn('platform_admin');
  });
  afterAll(async () => t.close());

  it('lists dead messages by template, channel, status and times: never recipient, subject or text', async () => {
    const id = await givenDeadMessage(t, 'doed@example.test');
    const response = await t.as(admin.session).get('/api/platform/messages/dead');
    expect(response.statusCode).toBe(200);
    const { messages } = response.json() as OutboxMessageList;
    expect(messages.find((message) => message.id === id)).toMatchObject({ template: 'referral_escalation', channel: 'email', status: 'dead', attempts: MAX_DELIVERY_ATTEMPTS, lastError: 'smtp_451' });
    expect(response.body).not.toMatch(/doed@example\.test|Tekst der aldrig|Besked fra Bro/);
  });

  it('retries a dead message: queued again with fresh attempts, audited in the same transaction, then delivered', async () => {
    const id = await givenDeadMessage(t, 'igen@example.test');
    const response = await t.as(admin.session).post(`/api/platform/messages/${id}/retry`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id, status: 'queued', attempts: 0, lastError: null } satisfies Partial<OutboxMessageSummary>);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'details']).where('object_id', '=', id).execute();
    expect(audit).toEqual([{ action: 'message.retry', actor_user_id: admin.user.id, details: { template: 'referral_escalation', channel: 'email' } }]);
    await deliverDueMessages(t.jobContext());
    expect(t.mailer.sent.map((mail) => mail.to)).toContain('igen@example.test');
    // Only a dead message can be retried: a sent one is "not found".
    const again = await t.as(admin.session).post(`/api/platform/messages/${id}/retry`);
    expect(again.statusCode).toBe(404);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 404 for an unknown message and 422 problem+json for a malformed id', async () => {
    expect((await t.as(admin.session).post('/api/platform/messages/00000000-0000-4000-8000-000000000000/retry')).statusCode).toBe(404);
    const malformed = await t.as(admin.session).post('/api/platform/messages/not-a-uuid/retry');
    expect(malformed.statusCode).toBe(422);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect(malformed.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('refuses every other role, in any organisation, with 403, and anonymous callers with 401', async () => {
    const id = await givenDeadMessage(t, 'adgang@example.test');
    for (const role of ['referrer', 'intake_coordinator', 'counsellor', 'supervisor', 'organisation_admin'] as const) {
      const { session } = await t.given.signedIn(role);
      const responses = [
        await t.as(session).get('/api/platform/messages/dead'),
        await t.as(session).post(`/api/platform/messages/${id}/retry`),
        await t.as(session).get('/api/platform/messages/development-outbox'),
        await t.as(session).post('/api/platform/messages/development-outbox/run'),
      ];
      for (const response of responses) expect(response.statusCode, role).toBe(403);
    }
    expect((await t.as(undefined).get('/api/platform/messages/dead')).statusCode).toBe(401);
    expect((await t.as(undefined).post(`/api/platform/messages/${id}/retry`)).statusCode).toBe(401);
    expect(await t.db.selectFrom('outbox_messages').select('status').where('id', '=', id).executeTakeFirst()).toEqual({ status: 'dead' });
  });

  it('shows the development outbox with recipient and text outside production', async () => {
    const id = await givenQueuedMessage(t, { to: 'udvikling@example.test', text: 'Se mig i udviklingsudbakken' });
    await deliverDueMessages({ ...t.jobContext(), mailer: undefined });
    const response = await t.as(admin.session).get('/api/platform/messages/development-outbox');
    expect(response.statusCode).toBe(200);
    expect((response.json() as DevelopmentOutboxList).messages.find((message) => message.id === id)).toMatchObject({
      status: 'not_sent_no_transport',
      recipient: 'udvikling@example.test',
      subject: 'Besked fra Bro',
      body: 'Se mig i udviklingsudbakken',
    });
  });

  it('runs the message jobs now on request, and answers the development outbox as it is afterwards', async () => {
    const id = await givenQueuedMessage(t, { to: 'nu@example.test', text: 'Kørt med det samme' });
    const before = jobRuns;
    const response = await t.as(admin.session).post('/api/platform/messages/development-outbox/run');
    expect(response.statusCode).toBe(200);
    expect(jobRuns).toBe(before + 1);
    expect((response.json() as DevelopmentOutboxList).messages.find((message) => message.id === id)).toMatchObject({ status: 'not_sent_no_transport', recipient: 'nu@example.test' });
    const audit = await t.db.selectFrom('audit_log').select('action').where('object_id', '=', id).execute();
    expect(audit).toEqual([]); // nothing changed by a person: the jobs audit what they do themselves
  });
});

describe('development outbox in production', () => {
  it('is refused with 404, even for the platform admin', async () => {
    let jobRuns = 0;
    const t = await createTestApp({ config: { isDevelopmentOutboxEnabled: false, runMessageJobsNow: async () => void (jobRuns += 1) } });
    try {
      await givenQueuedMessage(t, { to: 'produktion@example.test' });
      const { session } = await t.given.signedIn('platform_admin');
      const response = await t.as(session).get('/api/platform/messages/development-outbox');
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('produktion@example.test');
      expect((await t.as(session).post('/api/platform/messages/development-outbox/run')).statusCode).toBe(404);
      expect(jobRuns).toBe(0);
    } finally {
      await t.close();
    }
  });
});
