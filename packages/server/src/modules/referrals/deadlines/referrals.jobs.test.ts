import type { InboxItem, InAppNotification } from '@bro/domain';
import { describe, expect, it } from 'vitest';
import type { ReferralChangedEvent } from '../../../platform/live-updates.ts';
import { sealAndVerifyAuditChain } from '../../../test/audit-chain.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { deliverDueMessages } from '../../messages/index.ts';
import { escalateOverdueReferrals, expireStaleReferrals, referralDeadlineJobs } from './deadline.jobs.ts';
import { advanceClock, createReferralFixture, givenReferral, idempotencyKey, referralRequest, type ReferralFixture } from '../referral.builders.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('referral jobs', () => {
  // Each test gets its own database: jobs act on every referral there is.
  let t: TestApp;
  let fx: ReferralFixture;
  let published: ReferralChangedEvent[];
  const context = () => t.jobContext();
  const closeAfter = async (run: () => Promise<void>) => {
    t = await createTestApp({ isRateLimitEnabled: false });
    try {
      fx = await createReferralFixture(t);
      published = [];
      t.liveUpdates.subscribe(
        Object.values(fx.services).map((service) => service.id),
        (event) => published.push(event),
      );
      await run();
    } finally {
      await t.close();
    }
  };

  it('declares its jobs with cron schedules for the pg-boss runner', () => {
    expect(referralDeadlineJobs.map((job) => [job.name, job.cron])).toEqual([
      ['escalate-overdue-referrals', '* * * * *'],
      ['expire-stale-referrals', '0 * * * *'],
      ['purge-idempotency-keys', '17 * * * *'],
    ]);
  });

  it('escalates an overdue referral once: event, audit, notification and a mail without personal data', () =>
    closeAfter(async () => {
      const overdue = await givenReferral(t, fx);
      const withContact = await givenReferral(t, fx, { status: 'received' });
      await fx.people.lokkCounsellor.client.post(`/api/inbox/${withContact.id}/contact-attempts`, { outcome: 'reached' });
      await advanceClock(t, fx, 47 * HOUR);
      const notYetDue = await givenReferral(t, fx);
      expect(await escalateOverdueReferrals(context())).toBe('skipped');

      await advanceClock(t, fx, 2 * HOUR);
      published.length = 0;
      expect(await escalateOverdueReferrals(context())).toBe('done');
      expect(await escalateOverdueReferrals(context())).toBe('skipped');

      const rows = await t.db.selectFrom('referrals').select(['id', 'escalated_at']).where('id', 'in', [overdue.id, withContact.id, notYetDue.id]).execute();
      const escalatedAt = Object.fromEntries(rows.map((row) => [row.id, row.escalated_at]));
      expect(escalatedAt[overdue.id]).toEqual(t.clock.now());
      expect(escalatedAt[withContact.id]).toBeNull();
      expect(escalatedAt[notYetDue.id]).toBeNull();

      const events = await t.db.selectFrom('referral_events').select(['action', 'actor_user_id']).where('referral_id', '=', overdue.id).where('action', '=', 'escalate').execute();
      expect(events).toEqual([{ action: 'escalate', actor_user_id: null }]);
      expect(await t.db.selectFrom('audit_log').select('action').where('object_id', '=', overdue.id).where('action', '=', 'referral.escalate').execute()).toHaveLength(1);

      // Only LOKK's intake coordinator (victim line) is told: not the counsellor, not other organisations.
      const notifications = await t.db.selectFrom('notifications').selectAll().execute();
      expect(notifications.map((row) => [row.user_id, row.kind, row.referral_id])).toEqual([[fx.people.lokkCoordinator.user.id, 'referral_overdue', overdue.id]]);
      // The mail is queued in the outbox with the escalation, and leaves when the outbox's job runs.
      expect(t.mailer.sent).toHaveLength(0);
      expect(await deliverDueMessages(context())).toBe('done');
      expect(t.mailer.sent).toHaveLength(1);
      const [mail] = t.mailer.sent;
      expect(mail?.to).toBe(fx.people.lokkCoordinator.user.email);
      const mailText = `${mail?.subject} ${mail?.text}`;
      for (const forbidden of [overdue.request.person.fullName, overdue.request.safeContact.phone, 'LOKK', 'vold', 'Vold', overdue.created.reference, overdue.id]) expect(mailText).not.toContain(forbidden);
      expect(mail?.text).toContain('henvisning i Bro');

      expect(published).toEqual([{ kind: 'referral_changed', serviceId: fx.services.lokk.id, referralId: overdue.id }]);
      const inbox = (await fx.people.lokkCoordinator.client.get('/api/inbox')).json() as InboxItem[];
      expect(inbox.find((item) => item.id === overdue.id)).toMatchObject({ isOverdue: true, isEscalated: true });
      expect(await sealAndVerifyAuditChain(t.db)).toMatchObject({ isIntact: true });
    }));

  it('escalates a referral nobody can see through the outbox, in the sending transaction: one neutral mail to the admin', () =>
    closeAfter(async () => {
      const organisation = await t.given.organisation({ kind: 'counselling_service' });
      const service = await t.given.service({ organisationId: organisation.id, serviceLine: 'victim' });
      await t.db.insertInto('programme_services').values({ programme_id: fx.programme.id, service_id: service.id, routing_priority: 1 }).execute();
      const admin = await t.given.user({ organisationId: organisation.id, role: 'organisation_admin', serviceLine: null });
      const body = { ...referralRequest(t, fx, { consentTo: organisation.id }), serviceId: service.id };
      const response = await fx.people.policeReferrer.client.post('/api/referrals', body, { 'idempotency-key': idempotencyKey() });
      expect(response.statusCode).toBe(201);
      // Queued with the referral (same transaction), not sent by the request itself.
      const queued = await t.db.selectFrom('outbox_messages').select(['template', 'channel', 'status']).execute();
      expect(queued).toEqual([{ template: 'referral_unseen', channel: 'email', status: 'queued' }]);
      expect(t.mailer.sent).toHaveLength(0);
      expect(await deliverDueMessages(context())).toBe('done');
      expect(t.mailer.sent.map((mail) => mail.to)).toEqual([admin.email]);
      const mailText = `${t.mailer.sent[0]?.subject} ${t.mailer.sent[0]?.text}`;
      for (const forbidden of [body.person.fullName, 'vold', 'Vold', service.name, response.json().reference as string]) expect(mailText).not.toContain(forbidden);
    }));

  it('notifies the coordinators whose service line matches the person’s role', () =>
    closeAfter(async () => {
      const dmvVictimCoordinator = await t.given.user({ organisationId: fx.organisations.dmv.id, role: 'intake_coordinator', serviceLine: 'victim' });
      const dmvAllLines = await t.given.user({ organisationId: fx.organisations.dmv.id, role: 'intake_coordinator', serviceLine: null });
      const perpetrator = await givenReferral(t, fx, { to: 'dmv' });
      const both = await givenReferral(t, fx, { to: 'hotline', role: 'both' });
      await advanceClock(t, fx, 73 * HOUR);
      expect(await escalateOverdueReferrals(context())).toBe('done');
      const notified = await t.db.selectFrom('notifications').select(['user_id', 'referral_id']).execute();
      const usersFor = (referralId: string) => notified.filter((row) => row.referral_id === referralId).map((row) => row.user_id).sort();
      expect(usersFor(perpetrator.id)).toEqual([fx.people.dmvCoordinator.user.id, dmvAllLines.id].sort());
      expect(usersFor(perpetrator.id)).not.toContain(dmvVictimCoordinator.id);
      expect(usersFor(both.id)).toEqual([fx.people.hotlineCoordinator.user.id]);
    }));

  it('serves the notifications to their user only, and marks them read', () =>
    closeAfter(async () => {
      const overdue = await givenReferral(t, fx);
      await advanceClock(t, fx, 49 * HOUR);
      await escalateOverdueReferrals(context());
      const response = await fx.people.lokkCoordinator.client.get('/api/notifications');
      expect(response.statusCode).toBe(200);
      const [notification] = response.json() as InAppNotification[];
      expect(notification).toMatchObject({ kind: 'referral_overdue', referralId: overdue.id, isRead: false });
      expect((await fx.people.lokkCounsellor.client.get('/api/notifications')).json()).toEqual([]);
      expect((await fx.people.lokkCounsellor.client.post(`/api/notifications/${notification?.id}/read`, {})).statusCode).toBe(404);
      const read = await fx.people.lokkCoordinator.client.post(`/api/notifications/${notification?.id}/read`, {});
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ id: notification?.id, isRead: true });
      expect((await fx.people.lokkCoordinator.client.post('/api/notifications/not-a-uuid/read', {})).statusCode).toBe(422);
      expect((await t.as(undefined).get('/api/notifications')).statusCode).toBe(401);
    }));

  it('expires sent or received referrals after 30 days without activity, once', () =>
    closeAfter(async () => {
      const untouched = await givenReferral(t, fx);
      const receivedLongAgo = await givenReferral(t, fx, { status: 'received' });
      const active = await givenReferral(t, fx, { status: 'received' });
      const accepted = await givenReferral(t, fx, { status: 'accepted' });
      await advanceClock(t, fx, 20 * DAY);
      await fx.people.lokkCounsellor.client.post(`/api/inbox/${active.id}/contact-attempts`, { outcome: 'not_reached' });
      await advanceClock(t, fx, 9 * DAY);
      // An escalation is not activity: it must not keep a referral alive.
      await escalateOverdueReferrals(context());
      expect(await expireStaleReferrals(context())).toBe('skipped');

      await advanceClock(t, fx, 2 * DAY);
      published.length = 0;
      expect(await expireStaleReferrals(context())).toBe('done');
      expect(await expireStaleReferrals(context())).toBe('skipped');
      const statuses = Object.fromEntries(
        (await t.db.selectFrom('referrals').select(['id', 'status']).where('id', 'in', [untouched.id, receivedLongAgo.id, active.id, accepted.id]).execute()).map((row) => [row.id, row.status]),
      );
      expect(statuses).toEqual({ [untouched.id]: 'expired', [receivedLongAgo.id]: 'expired', [active.id]: 'received', [accepted.id]: 'accepted' });
      const event = await t.db.selectFrom('referral_events').selectAll().where('referral_id', '=', untouched.id).where('action', '=', 'expire').executeTakeFirstOrThrow();
      expect(event).toMatchObject({ from_status: 'sent', to_status: 'expired', actor_user_id: null, actor_organisation_id: null });
      expect(published.map((change) => change.referralId).sort()).toEqual([untouched.id, receivedLongAgo.id].sort());
      const referrerView = await fx.people.policeReferrer.client.get(`/api/referrals/${untouched.id}`);
      expect(referrerView.json().status).toBe('expired');
    }));
});
