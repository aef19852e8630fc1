import type { CalendarFeedStatus, CreatedCalendarFeed } from '@bro/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../../test/test-app.ts';
import { toLoggedPath } from '../../platform/request-log.ts';
import { calendarEntry, createListCalendarSource } from './calendar.test-support.ts';

type Staff = Awaited<ReturnType<TestApp['given']['signedIn']>>;

/** The feed path of a created feed's URL (the test app's origin is http://localhost:3000). */
const pathOf = (created: CreatedCalendarFeed) => new URL(created.url).pathname;

describe('calendar: my private feed (POST/GET/DELETE /api/calendar/feed, GET /kalender/<token>.ics)', () => {
  let t: TestApp;
  const list = createListCalendarSource();
  const logged: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ calendarSources: [list.source], isRateLimitEnabled: false, config: { logLevel: 'trace', logStream: { write: (line) => void logged.push(line) } } });
  });
  afterAll(async () => t.close());
  beforeEach(() => t.clock.set(TEST_NOW));

  const createFeed = async (staff: Staff) => {
    const response = await t.as(staff.session).post('/api/calendar/feed');
    expect(response.statusCode).toBe(201);
    return response.json() as CreatedCalendarFeed;
  };
  const fetchFeed = (path: string) => t.app.inject({ method: 'GET', url: path });
  const auditActions = async (userId: string) =>
    (await t.db.selectFrom('audit_log').select(['action', 'details']).where('actor_user_id', '=', userId).where('object_type', '=', 'calendar_feed').orderBy('id').execute()).map((row) => row.action);

  it('creates, uses, replaces and revokes a feed: the old address is a plain 404 at once, each change audited', async () => {
    const staff = await t.given.signedIn('counsellor', { serviceLine: 'victim' });
    const client = t.as(staff.session);
    expect((await client.get('/api/calendar/feed')).json()).toEqual({ hasFeed: false, createdAt: null, lastUsedAt: null });
    list.add(staff.user.id, calendarEntry({ startsAt: '2026-11-25T10:00:00.000Z', title: 'Samtalegruppe for kvinder – møde 3' }));

    const first = await createFeed(staff);
    expect(first.url).toMatch(/^http:\/\/localhost:3000\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = pathOf(first).slice('/kalender/'.length, -'.ics'.length);
    const stored = await t.db.selectFrom('calendar_feed_tokens').select('token_hash').where('membership_id', '=', staff.user.membershipId).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    const fetched = await fetchFeed(pathOf(first));
    expect(fetched.statusCode).toBe(200);
    expect(fetched.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(fetched.headers['cache-control']).toBe('no-store');
    expect(fetched.headers['set-cookie']).toBeUndefined();
    expect(fetched.body).toContain('SUMMARY:Samtalegruppe for kvinder – møde 3');
    expect(fetched.body).toContain('DTSTART;TZID=Europe/Copenhagen:20261125T110000');
    const status = (await client.get('/api/calendar/feed')).json() as CalendarFeedStatus;
    expect(status).toEqual({ hasFeed: true, createdAt: TEST_NOW.toISOString(), lastUsedAt: TEST_NOW.toISOString() });
    expect(JSON.stringify(status)).not.toContain(token);

    t.clock.advance(60_000);
    const second = await createFeed(staff);
    expect(second.url).not.toBe(first.url);
    const old = await fetchFeed(pathOf(first));
    expect(old.statusCode).toBe(404);
    expect((old.json() as { code: string }).code).toBe('not_found');
    expect((await fetchFeed(pathOf(second))).statusCode).toBe(200);

    expect((await client.delete('/api/calendar/feed')).statusCode).toBe(204);
    expect((await fetchFeed(pathOf(second))).statusCode).toBe(404);
    expect((await client.get('/api/calendar/feed')).json()).toEqual({ hasFeed: false, createdAt: null, lastUsedAt: null });
    // Revoking when there is nothing to revoke changes (and audits) nothing.
    expect((await client.delete('/api/calendar/feed')).statusCode).toBe(204);
    expect(await auditActions(staff.user.id)).toEqual(['calendar_feed.create', 'calendar_feed.create', 'calendar_feed.revoke']);
  });

  it('answers the same plain 404 for an unknown, malformed or guessed token', async () => {
    for (const path of ['/kalender/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics', '/kalender/kort.ics', '/kalender/%E2%80%AEabc.ics']) {
      const response = await fetchFeed(path);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ status: 404, code: 'not_found' });
    }
  });

  it('reads the feed as the owner’s current membership, and not at all once the user or organisation is deactivated', async () => {
    const staff = await t.given.signedIn('counsellor', { serviceLine: 'victim' });
    const path = pathOf(await createFeed(staff));
    await t.db.updateTable('memberships').set({ role: 'facilitator', service_line: null }).where('id', '=', staff.user.membershipId).execute();
    expect((await fetchFeed(path)).statusCode).toBe(200);
    expect(list.calls.at(-1)?.staff).toEqual({ userId: staff.user.id, membershipId: staff.user.membershipId, organisationId: staff.organisationId, role: 'facilitator', serviceLine: null });

    await t.db.updateTable('users').set({ is_active: false }).where('id', '=', staff.user.id).execute();
    expect((await fetchFeed(path)).statusCode).toBe(404);
    await t.db.updateTable('users').set({ is_active: true }).where('id', '=', staff.user.id).execute();
    expect((await fetchFeed(path)).statusCode).toBe(200);
    await t.db.updateTable('organisations').set({ is_active: false }).where('id', '=', staff.organisationId).execute();
    expect((await fetchFeed(path)).statusCode).toBe(404);
  });

  it('is gone with the membership', async () => {
    const staff = await t.given.signedIn('facilitator');
    const path = pathOf(await createFeed(staff));
    await t.db.deleteFrom('sessions').where('membership_id', '=', staff.user.membershipId).execute();
    await t.db.deleteFrom('memberships').where('id', '=', staff.user.membershipId).execute();
    expect((await fetchFeed(path)).statusCode).toBe(404);
  });

  it('keeps 11:00 at 11:00 across the last Sundays of March and October, four weeks back to six months ahead', async () => {
    const staff = await t.given.signedIn('facilitator');
    const at = (iso: string) => calendarEntry({ startsAt: iso, title: `Drop-in ${iso.slice(0, 10)}`, kind: 'open_event' });
    // 11:00 Danish time: CET (UTC+1) before the last Sunday of March and after the last Sunday of October, CEST (UTC+2) between.
    for (const iso of ['2027-03-27T10:00:00.000Z', '2027-03-28T09:00:00.000Z', '2027-10-30T09:00:00.000Z', '2027-10-31T10:00:00.000Z', '2027-01-01T10:00:00.000Z']) list.add(staff.user.id, at(iso));
    const path = pathOf(await createFeed(staff));
    t.clock.set(new Date('2027-03-20T10:00:00.000Z'));
    const march = (await fetchFeed(path)).body;
    for (const date of ['20270327', '20270328']) expect(march).toContain(`DTSTART;TZID=Europe/Copenhagen:${date}T110000`);
    expect(march).toContain('BEGIN:VTIMEZONE');
    // 1 January is more than four weeks back; the end of October more than six months ahead.
    expect(march).not.toContain('20270101');
    expect(march).not.toContain('20271030');
    expect(list.calls.at(-1)?.range).toEqual({ from: new Date('2027-02-20T10:00:00.000Z'), to: new Date('2027-09-19T10:00:00.000Z') });
    t.clock.set(new Date('2027-10-01T10:00:00.000Z'));
    const october = (await fetchFeed(path)).body;
    for (const date of ['20271030', '20271031']) expect(october).toContain(`DTSTART;TZID=Europe/Copenhagen:${date}T110000`);
    expect(october).not.toContain('20270328');
  });

  it('names no one: not the owner, not their organisation', async () => {
    const organisation = await t.given.organisation({ name: 'Kvindecenter Nord' });
    const user = await t.given.user({ organisationId: organisation.id, role: 'counsellor', displayName: 'Birthe Sørensen', email: 'birthe.soerensen@test.bro.dk' });
    const staff = { user, organisationId: organisation.id, session: await t.given.session(user) };
    list.add(user.id, calendarEntry({ startsAt: '2026-11-26T12:00:00.000Z', title: 'Samtalegruppe torsdag', appPath: '/groups/abc' }));
    const body = (await fetchFeed(pathOf(await createFeed(staff)))).body;
    expect(body).toContain('SUMMARY:Samtalegruppe torsdag');
    expect(body).toContain('URL;VALUE=URI:http://localhost:3000/medarbejder/groups/abc');
    for (const forbidden of ['Birthe', 'Sørensen', 'birthe.soerensen', 'Kvindecenter Nord', user.id, user.membershipId]) expect(body).not.toContain(forbidden);
  });

  it('never writes a feed token to the request log', async () => {
    const staff = await t.given.signedIn('counsellor');
    const created = await createFeed(staff);
    const token = pathOf(created).slice('/kalender/'.length, -'.ics'.length);
    await fetchFeed(pathOf(created));
    await fetchFeed(`${pathOf(created)}?x=1`);
    expect(logged.filter((line) => line.includes('"path":"/kalender/[token].ics"')).length).toBeGreaterThanOrEqual(2);
    expect(logged.filter((line) => line.includes(token))).toEqual([]);
    expect(toLoggedPath(`/kalender/${token}.ics?x=1`)).toBe('/kalender/[token].ics');
    expect(toLoggedPath('/api/calendar/week?start=2026-11-23')).toBe('/api/calendar/week');
  });

  it('is refused without a session, and a feed belongs to the caller’s own membership', async () => {
    expect((await t.as(undefined).post('/api/calendar/feed')).statusCode).toBe(401);
    expect((await t.as(undefined).get('/api/calendar/feed')).statusCode).toBe(401);
    const staff = await t.given.signedIn('counsellor');
    const colleague = await t.given.signedIn('counsellor', { organisationId: staff.organisationId });
    const path = pathOf(await createFeed(staff));
    expect((await t.as(colleague.session).delete('/api/calendar/feed')).statusCode).toBe(204);
    expect((await fetchFeed(path)).statusCode).toBe(200);
  });
});

describe('calendar: the feed is rate-limited per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ calendarSources: [createListCalendarSource().source] });
  });
  afterAll(async () => t.close());

  it('answers 429 after 30 fetches a minute', async () => {
    const statuses: number[] = [];
    for (let fetch = 0; fetch < 31; fetch += 1) statuses.push((await t.app.inject({ method: 'GET', url: '/kalender/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics' })).statusCode);
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
