import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../platform/clock.ts';
import { extendOccurrenceHorizon, openEventCalendarSource } from './index.ts';
import { givenEvent, startEventTests, type EventFixture } from './testing.ts';

describe('open events in the staff calendar and the rolling horizon', () => {
  let fx: EventFixture;
  beforeAll(async () => { fx = await startEventTests(); });
  afterAll(async () => fx.t.close());

  const staffOf = (who: EventFixture['people']['host']) => ({ userId: who.user.id, membershipId: who.user.membershipId, organisationId: who.user.organisationId, role: who.user.role, serviceLine: null });

  it('gives the staff of the event’s service its occurrences (the public place, never an online link), and no one else', async () => {
    const inPerson = await givenEvent(fx);
    const online = await givenEvent(fx, { title: 'Online kaffe', place: { kind: 'online', link: 'https://video.example.test/hemmelig-9' } });
    await fx.people.host.client.post(`/api/events/${inPerson.id}/exceptions`, { date: '2026-12-01', note: 'Lukket' });
    const range = { from: new Date('2026-11-30T00:00:00Z'), to: new Date('2026-12-07T00:00:00Z') };
    const entries = await openEventCalendarSource(fx.t.db, staffOf(fx.people.host), range);
    expect(entries.filter((entry) => entry.uid === `open-event-${inPerson.id}-20261201@bro`)).toEqual([
      expect.objectContaining({ kind: 'open_event', title: 'Drop-in kaffe', startsAt: '2026-12-01T10:00:00.000Z', location: 'Netværkshuset, Halmtorvet 27, 1700 København V', isOnline: false, isCancelled: true, appPath: `/events/${inPerson.id}` }),
    ]);
    expect(entries.find((entry) => entry.title === 'Online kaffe')).toMatchObject({ location: null, isOnline: true, appPath: `/events/${online.id}` });
    expect(JSON.stringify(entries)).not.toContain('hemmelig');
    expect(await openEventCalendarSource(fx.t.db, staffOf(fx.people.unassigned), range)).toEqual([]);
    expect(await openEventCalendarSource(fx.t.db, staffOf(fx.people.otherOrganisation), range)).toEqual([]);
    expect((await openEventCalendarSource(fx.t.db, staffOf(fx.people.admin), range)).length).toBe(entries.length);
  });

  it('extends every event’s occurrences to 12 months ahead each day, once', async () => {
    const event = await givenEvent(fx, { title: 'Fællesfrokost' });
    const later = createFixedClock(new Date('2027-02-01T06:00:00Z'));
    expect(await extendOccurrenceHorizon({ db: fx.t.db, clock: later })).toBeGreaterThanOrEqual(1);
    expect(await extendOccurrenceHorizon({ db: fx.t.db, clock: later })).toBe(0);
    const last = await fx.t.db.selectFrom('open_event_occurrences').select((eb) => eb.fn.max('starts_at').as('last')).where('event_id', '=', event.id).executeTakeFirstOrThrow();
    expect(new Date(last.last as unknown as string).toISOString().slice(0, 10)).toBe('2028-02-01');
  });
});
