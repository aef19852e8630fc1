import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSmtpMailer } from '../../../platform/mailer.ts';
import { createGatewayApiSmsSender } from '../../../platform/sms.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { referralJobs } from '../../referrals/index.ts';
import { deliverDueMessages } from '../../messages/index.ts';
import { startSmsGatewayStub, startSmtpServer } from '../../messages/testing.ts';
import { givenReferral } from '../../referrals/testing.ts';
import { expectStatus, givenWalkInCourse, safeSmsWeekdays, startCourseTests, type CourseFixture } from '../course.builders.ts';
import { courseMessageChecks, sendSessionReminders } from './session.jobs.ts';

const HOUR = 3_600_000;
const escalateOverdueReferrals = referralJobs.find((job) => job.name === 'escalate-overdue-referrals')!.handler;

/**
 * Every log line the app writes through a whole message flow — an escalation mail, a session reminder, a failed SMS
 * whose gateway echoes the number — is captured: request log (at trace), job log and the console. None of them may
 * contain a recipient's address or number.
 */
describe('no personal data in logs through the outbox', () => {
  const logged: string[] = [];
  let t: TestApp;
  let fx: CourseFixture;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let gateway: Awaited<ReturnType<typeof startSmsGatewayStub>>;
  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...parts: unknown[]) => void logged.push(parts.map(String).join(' ')));
    }
    ({ t, fx } = await startCourseTests({ isRateLimitEnabled: false, config: { logLevel: 'trace', logStream: { write: (line) => void logged.push(line) }, isDevelopmentOutboxEnabled: false } }));
    smtp = await startSmtpServer();
    gateway = await startSmsGatewayStub();
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await smtp.close();
    await gateway.close();
    await t.close();
  });

  it('logs message ids, templates and statuses only', async () => {
    const context = () => ({
      ...t.jobContext(),
      mailer: createSmtpMailer({ url: smtp.url, from: 'no-reply@bro.test' }),
      sms: createGatewayApiSmsSender({ url: gateway.url, token: 'token' }),
      log: (level: string, line: string) => void logged.push(`${level} ${line}`),
      sendTimeChecks: courseMessageChecks,
    });
    const person = { ...safeSmsWeekdays, phone: '+45 31 41 59 26', email: 'person.i.forloeb@example.test' };
    const course = await givenWalkInCourse(fx, { safeContact: person });
    expectStatus(await fx.people.lokkCounsellor.client.post(`/api/courses/${course.id}/sessions`, { plannedAt: new Date(t.clock.now().getTime() + 20 * HOUR).toISOString(), mode: 'in_person' }), 201);
    expect(await sendSessionReminders(context())).toBe('done');
    gateway.answer.status = 500; // the gateway refuses, and its answer echoes the number
    await deliverDueMessages(context());
    expect(gateway.requests).toHaveLength(1);

    const referral = await givenReferral(t, fx);
    t.clock.advance(49 * HOUR); // past the first-contact deadline
    expect(await escalateOverdueReferrals(context())).toBe('done');
    await deliverDueMessages(context());
    expect(smtp.received.map((mail) => mail.to)).toContainEqual([fx.people.lokkCoordinator.user.email]);
    const statuses = await t.db.selectFrom('outbox_messages').select(['template', 'status', 'last_error']).orderBy('created_at').execute();
    expect(statuses).toEqual([
      { template: 'session_reminder', status: 'cancelled', last_error: 'http_500' }, // session time passed before the retry
      { template: 'referral_escalation', status: 'sent', last_error: null },
    ]);
    expectStatus(await t.as(await t.given.session(fx.people.platformAdmin.user)).get('/api/platform/messages/dead'), 200);

    const everything = logged.join('\n');
    expect(everything).toContain('/api/platform/messages/dead'); // the request log was captured too
    expect(everything).toMatch(/outbox message [0-9a-f-]{36} \(session_reminder\): failed/);
    expect(everything).toMatch(/outbox message [0-9a-f-]{36} \(referral_escalation\): sent/);
    const forbidden = [person.phone, person.phone.replaceAll(' ', ''), '4531415926', person.email, fx.people.lokkCoordinator.user.email, referral.request.safeContact.phone ?? 'no phone'];
    for (const value of forbidden) expect(everything, value).not.toContain(value);
    for (const words of ['Påmindelse', 'Besked fra Bro', 'henvisning i Bro']) expect(everything, words).not.toContain(words);
  });
});
