import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessLiveUpdates } from '../../platform/live-updates.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { auditEntries } from '../auth/testing.ts';
import { directoryJobs, remindDirectoryChecks } from './directory.jobs.ts';
import { givenHelpService, helpServiceInput, setHelpServiceTimes } from './directory.test-support.ts';

describe('job remind-directory-checks', () => {
  let t: TestApp;
  const run = () => remindDirectoryChecks({ ...t.jobContext(), liveUpdates: createInProcessLiveUpdates() });
  const notificationsOf = (userId: string) => t.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).where('kind', '=', 'directory_check_due').execute();

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('runs daily', () => {
    expect(directoryJobs).toEqual([expect.objectContaining({ name: 'remind-directory-checks', cron: '15 6 * * *' })]);
  });

  it('tells the organisation’s admins about a listing not checked for six months, once per month', async () => {
    const organisation = await t.given.organisation();
    const firstAdmin = await t.given.user({ organisationId: organisation.id, role: 'organisation_admin' });
    const secondAdmin = await t.given.user({ organisationId: organisation.id, role: 'organisation_admin' });
    const counsellor = await t.given.user({ organisationId: organisation.id, role: 'counsellor' });
    const staleId = await givenHelpService(t, organisation.id, helpServiceInput());
    const freshId = await givenHelpService(t, organisation.id, helpServiceInput());
    const closedId = await givenHelpService(t, organisation.id, helpServiceInput({ status: 'defunct' }));
    const now = t.clock.now();
    const sixMonthsAgo = new Date(now);
    sixMonthsAgo.setUTCMonth(sixMonthsAgo.getUTCMonth() - 6);
    await setHelpServiceTimes(t, staleId, { lastCheckedAt: sixMonthsAgo });
    await setHelpServiceTimes(t, freshId, { lastCheckedAt: new Date(sixMonthsAgo.getTime() + 60_000) });
    await setHelpServiceTimes(t, closedId, { lastCheckedAt: new Date('2020-01-01T00:00:00Z') });

    expect(await run()).toBe('done');
    for (const admin of [firstAdmin, secondAdmin]) expect(await notificationsOf(admin.id)).toHaveLength(1);
    expect(await notificationsOf(counsellor.id)).toHaveLength(0);
    const audit = await auditEntries(t, 'directory_service.check_reminder');
    expect(audit.rows.map((row) => row.object_id)).toEqual([staleId]);
    expect(audit.rows[0]).toMatchObject({ actor_user_id: null, details: { period: now.toISOString().slice(0, 7), notifiedUsers: 2 } });

    await setHelpServiceTimes(t, freshId, { lastCheckedAt: t.clock.now() });

    // Idempotent: the same day, later the same month, and when two runs race.
    expect(await run()).toBe('skipped');
    t.clock.advance(3 * 24 * 3_600_000);
    expect(await Promise.all([run(), run()])).toEqual(['skipped', 'skipped']);
    expect(await notificationsOf(firstAdmin.id)).toHaveLength(1);

    // Next month it asks again, unless someone marked the listing checked.
    t.clock.advance(31 * 24 * 3_600_000);
    const [again] = await Promise.all([run(), run()]);
    expect(again === 'done' || again === 'skipped').toBe(true);
    expect(await notificationsOf(firstAdmin.id)).toHaveLength(2);
    await setHelpServiceTimes(t, staleId, { lastCheckedAt: t.clock.now() });
    t.clock.advance(31 * 24 * 3_600_000);
    await run();
    expect(await notificationsOf(firstAdmin.id)).toHaveLength(2);
  });
});
