import type { CourseSafeContactInput, SessionList } from '@bro/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRecordingSmsSender } from '../../../platform/sms.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { expectStatus, givenWalkInCourse, safeSmsWeekdays, startCourseTests, type CourseFixture } from '../course.builders.ts';
import { deliverDueMessages } from '../../messages/index.ts';
import { courseMessageChecks, sendSessionReminders } from './session.jobs.ts';

/** TEST_NOW is Monday 23 November 2026, 10:00 in Copenhagen: inside a weekday 09–16 window. */
describe('session reminders (job)', () => {
  let t: TestApp;
  let fx: CourseFixture;
  let sms: ReturnType<typeof createRecordingSmsSender>;
  beforeAll(async () => { ({ t, fx } = await startCourseTests()); });
  beforeEach(() => {
    sms = createRecordingSmsSender();
    t.mailer.sent.length = 0;
  });
  afterAll(async () => t.close());

  const context = () => ({ ...t.jobContext(), sms });
  /** Queue the reminders, then let the outbox deliver them (re-checking safe contact at send time). */
  const run = async () => {
    await sendSessionReminders(context());
    await deliverDueMessages({ ...context(), sendTimeChecks: courseMessageChecks });
  };
  const courseWithSession = async (safeContact?: CourseSafeContactInput, inHours = 20) => {
    const course = await givenWalkInCourse(fx, safeContact ? { safeContact } : {});
    const session = expectStatus(await fx.people.lokkCounsellor.client.post(`/api/courses/${course.id}/sessions`, { plannedAt: new Date(t.clock.now().getTime() + inHours * 3_600_000).toISOString(), mode: 'in_person' }), 201).json() as { id: string };
    return { course, sessionId: session.id };
  };
  const sessionOf = async (courseId: string) => ((await fx.people.lokkCounsellor.client.get(`/api/courses/${courseId}/sessions`)).json() as SessionList).sessions[0];

  it('sends nothing while the person\u2019s preferences are unknown, and says why', async () => {
    const { course } = await courseWithSession();
    await run();
    expect(sms.sent).toEqual([]);
    expect(t.mailer.sent).toEqual([]);
    expect((await sessionOf(course.id))?.reminder).toEqual({ sentAt: null, channel: null, lastSkipReason: 'preferences_unknown' });
  });

  it('sends one neutral SMS on the safe channel inside the safe window — once', async () => {
    const { course, sessionId } = await courseWithSession(safeSmsWeekdays);
    await run();
    const mine = sms.sent.filter((message) => message.to === safeSmsWeekdays.phone);
    expect(mine).toEqual([{ to: safeSmsWeekdays.phone, text: 'Påmindelse: din aftale er tirsdag 24. november kl. 06.00.' }]);
    expect(mine[0]?.text).not.toContain('LOKK');
    expect(t.mailer.sent.filter((mail) => mail.to === safeSmsWeekdays.email)).toEqual([]);
    expect((await sessionOf(course.id))?.reminder).toMatchObject({ channel: 'sms', sentAt: t.clock.now().toISOString() });
    const audit = await t.db.selectFrom('audit_log').select('details').where('object_id', '=', course.id).where('action', '=', 'course.send_session_reminder').execute();
    expect(audit).toEqual([{ details: { sessionId, channel: 'sms' } }]);
    expect(JSON.stringify(audit)).not.toContain(safeSmsWeekdays.phone ?? '');
    sms.sent.length = 0;
    await run();
    expect(sms.sent.filter((message) => message.to === safeSmsWeekdays.phone)).toEqual([]);
  });

  it('names the service only when the person chose that, and uses e-mail when only e-mail is safe', async () => {
    const named: CourseSafeContactInput = {
      ...safeSmsWeekdays,
      email: 'named@example.test',
      preferences: { ...safeSmsWeekdays.preferences, channels: { ...safeSmsWeekdays.preferences.channels, sms: 'unsafe', email: 'safe' }, messageContent: 'may_name_service' },
    };
    await courseWithSession(named);
    await run();
    expect(t.mailer.sent.filter((mail) => mail.to === 'named@example.test')).toEqual([
      { to: 'named@example.test', subject: `Påmindelse fra ${fx.services.lokk.name}`, text: expect.stringContaining(fx.services.lokk.name) },
    ]);
  });

  it('waits outside the safe window and sends at the first safe run', async () => {
    const eveningsOnly: CourseSafeContactInput = { ...safeSmsWeekdays, phone: '+45 11 22 33 44', preferences: { ...safeSmsWeekdays.preferences, safeTimeWindows: [{ days: [1], from: '18:00', to: '20:00' }] } };
    const { course } = await courseWithSession(eveningsOnly, 23);
    await run();
    expect(sms.sent.filter((message) => message.to === '+45 11 22 33 44')).toEqual([]);
    expect((await sessionOf(course.id))?.reminder.lastSkipReason).toBe('outside_safe_time');
    t.clock.advance(8.5 * 3_600_000); // 18:30 in Copenhagen
    await run();
    expect(sms.sent.filter((message) => message.to === '+45 11 22 33 44')).toHaveLength(1);
    t.clock.advance(-8.5 * 3_600_000);
  });

  it('never uses an unsafe channel, and reminds nobody of a closed course or a cancelled session', async () => {
    const unsafe: CourseSafeContactInput = { ...safeSmsWeekdays, phone: '+45 99 88 77 66', preferences: { ...safeSmsWeekdays.preferences, channels: { ...safeSmsWeekdays.preferences.channels, sms: 'unsafe' } } };
    const { course } = await courseWithSession(unsafe);
    const closedOne = await courseWithSession({ ...safeSmsWeekdays, phone: '+45 55 55 55 55' });
    expectStatus(await fx.people.lokkCounsellor.client.post(`/api/courses/${closedOne.course.id}/close`, { reason: 'other' }), 200);
    const cancelled = await courseWithSession({ ...safeSmsWeekdays, phone: '+45 44 44 44 44' });
    expectStatus(await fx.people.lokkCounsellor.client.post(`/api/courses/${cancelled.course.id}/sessions/${cancelled.sessionId}/attendance`, { attendance: 'cancelled_by_person' }), 200);
    await run();
    expect(sms.sent.map((message) => message.to)).not.toEqual(expect.arrayContaining(['+45 99 88 77 66']));
    expect(sms.sent.map((message) => message.to)).not.toContain('+45 55 55 55 55');
    expect(sms.sent.map((message) => message.to)).not.toContain('+45 44 44 44 44');
    expect((await sessionOf(course.id))?.reminder.lastSkipReason).toBe('no_safe_channel');
  });

  it('cancels a queued reminder when the person marks SMS unsafe before it is sent, and sends nothing', async () => {
    const phone = '+45 12 12 12 12';
    const { course } = await courseWithSession({ ...safeSmsWeekdays, phone });
    expect(await sendSessionReminders(context())).toBe('done');
    const unsafeNow: CourseSafeContactInput = { ...safeSmsWeekdays, phone, preferences: { ...safeSmsWeekdays.preferences, channels: { ...safeSmsWeekdays.preferences.channels, sms: 'unsafe' } } };
    expectStatus(await fx.people.lokkCounsellor.client.put(`/api/courses/${course.id}/safe-contact`, unsafeNow), 200);
    await deliverDueMessages({ ...context(), sendTimeChecks: courseMessageChecks });
    expect(sms.sent.map((message) => message.to)).not.toContain(phone);
    const rows = await t.db.selectFrom('outbox_messages').select(['status', 'recipient_enc', 'body_enc']).where('template', '=', 'session_reminder').where('status', '=', 'cancelled').execute();
    expect(rows).toEqual([{ status: 'cancelled', recipient_enc: null, body_enc: null }]);
  });

  /** E-mail is the only safe channel; SMS is marked unsafe. */
  const emailOnly = (email: string): CourseSafeContactInput => ({
    ...safeSmsWeekdays,
    phone: '+45 61 61 61 61',
    email,
    preferences: { ...safeSmsWeekdays.preferences, channels: { ...safeSmsWeekdays.preferences.channels, sms: 'unsafe', email: 'safe' } },
  });
  const reminderRow = (sessionId: string) =>
    t.db.selectFrom('outbox_messages').select(['channel', 'status', 'recipient_enc', 'body_enc']).where('reference_id', '=', sessionId).executeTakeFirstOrThrow();

  it('cancels a queued e-mail reminder when the person marks e-mail unsafe before it is sent', async () => {
    const email = 'mail-usikker@example.test';
    const { course, sessionId } = await courseWithSession(emailOnly(email));
    expect(await sendSessionReminders(context())).toBe('done');
    expect(await reminderRow(sessionId)).toMatchObject({ channel: 'email', status: 'queued' });
    const unsafeNow = emailOnly(email);
    unsafeNow.preferences.channels = { ...unsafeNow.preferences.channels, email: 'unsafe' };
    expectStatus(await fx.people.lokkCounsellor.client.put(`/api/courses/${course.id}/safe-contact`, unsafeNow), 200);
    await deliverDueMessages({ ...context(), sendTimeChecks: courseMessageChecks });
    expect(t.mailer.sent.map((mail) => mail.to)).not.toContain(email);
    expect(await reminderRow(sessionId)).toEqual({ channel: 'email', status: 'cancelled', recipient_enc: null, body_enc: null });
  });

  it('cancels a queued e-mail reminder when the address changes before it is sent: nothing goes to the old one', async () => {
    const { course, sessionId } = await courseWithSession(emailOnly('gammel@example.test'));
    await sendSessionReminders(context());
    expectStatus(await fx.people.lokkCounsellor.client.put(`/api/courses/${course.id}/safe-contact`, emailOnly('ny@example.test')), 200);
    await deliverDueMessages({ ...context(), sendTimeChecks: courseMessageChecks });
    expect(t.mailer.sent.map((mail) => mail.to)).not.toContain('gammel@example.test');
    expect(await reminderRow(sessionId)).toMatchObject({ status: 'cancelled' });
  });

  it('without a transport, cancels what may no longer leave and keeps only what would have been sent as "not sent"', async () => {
    const stillSafe = await courseWithSession(emailOnly('stadig-sikker@example.test'));
    const nowUnsafe = await courseWithSession(emailOnly('nu-usikker@example.test'));
    await sendSessionReminders(context());
    const unsafeNow = emailOnly('nu-usikker@example.test');
    unsafeNow.preferences.channels = { ...unsafeNow.preferences.channels, email: 'unsafe' };
    expectStatus(await fx.people.lokkCounsellor.client.put(`/api/courses/${nowUnsafe.course.id}/safe-contact`, unsafeNow), 200);
    await deliverDueMessages({ ...context(), mailer: undefined, sms: undefined, sendTimeChecks: courseMessageChecks });
    expect(await reminderRow(nowUnsafe.sessionId)).toEqual({ channel: 'email', status: 'cancelled', recipient_enc: null, body_enc: null });
    const kept = await reminderRow(stillSafe.sessionId);
    expect(kept).toMatchObject({ channel: 'email', status: 'not_sent_no_transport' });
    expect(t.cipher.decrypt(kept.recipient_enc ?? '')).toBe('stadig-sikker@example.test');
    expect(t.cipher.decrypt(kept.body_enc ?? '')).toMatch(/^Påmindelse: din aftale er /);
  });

  it('does not send a reminder whose send-time check is missing (fails closed)', async () => {
    await courseWithSession({ ...safeSmsWeekdays, phone: '+45 13 13 13 13' });
    await sendSessionReminders(context());
    await deliverDueMessages(context());
    expect(sms.sent.map((message) => message.to)).not.toContain('+45 13 13 13 13');
  });
});
