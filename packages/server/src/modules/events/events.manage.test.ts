import type { OccurrenceList, OpenEvent, OpenEventList } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropInRequest, givenEvent, startEventTests, type EventFixture } from './events.test-support.ts';

describe('open events (staff)', () => {
  let fx: EventFixture;
  beforeAll(async () => { fx = await startEventTests(); });
  afterAll(async () => fx.t.close());

  it('publishes a weekly event and materialises 12 months of occurrences at 11:00 Danish time, across summer time', async () => {
    const event = await givenEvent(fx);
    expect(event).toMatchObject({ title: 'Drop-in kaffe', serviceName: 'Vores Vej Ud', recurrence: { rule: 'FREQ=WEEKLY;BYDAY=TU', startTime: '11:00' }, exceptions: [] });
    const rows = await fx.t.db.selectFrom('open_event_occurrences').select(['starts_at']).where('event_id', '=', event.id).orderBy('starts_at').execute();
    expect(rows.length).toBeGreaterThanOrEqual(52);
    // Winter: 11:00 CET is 10:00 UTC; summer: 11:00 CEST is 09:00 UTC.
    expect(rows[0]!.starts_at.toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(rows.map((row) => row.starts_at.toISOString())).toContain('2027-03-30T09:00:00.000Z');
    expect(rows.map((row) => row.starts_at.toISOString())).toContain('2027-03-23T10:00:00.000Z');
    const audit = await fx.t.db.selectFrom('audit_log').select(['action', 'details']).where('object_id', '=', event.id).execute();
    expect(audit).toEqual([{ action: 'open_event.create', details: expect.objectContaining({ serviceId: fx.service.id, isOnline: false }) }]);
    const list = (await fx.people.host.client.get('/api/events')).json() as OpenEventList;
    expect(list.events.find((summary) => summary.id === event.id)).toMatchObject({ nextStartsAt: '2026-11-24T10:00:00.000Z', city: 'København V' });
  });

  it('stores an online link encrypted and shows it to the service’s staff', async () => {
    const event = await givenEvent(fx, { title: 'Online drop-in', place: { kind: 'online', link: 'https://video.example.test/drop-in-hemmelig-42' } });
    expect(event.place).toEqual({ kind: 'online', link: 'https://video.example.test/drop-in-hemmelig-42' });
    const row = await fx.t.db.selectFrom('open_events').selectAll().where('id', '=', event.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('hemmelig');
  });

  it('refuses bad recurrence rules with a 422 in the caller’s language', async () => {
    const tryRule = (rule: string, language = 'da') => fx.people.host.client.post('/api/events', dropInRequest(fx.service.id, { recurrence: { rule, startDate: '2026-11-24', startTime: '11:00', durationMinutes: 60 } }), { 'accept-language': language });
    for (const [rule, code] of [
      ['hver tirsdag kl 11', 'rule_unparseable'],
      ['FREQ=HOURLY;INTERVAL=1', 'frequency_not_supported'],
      ['FREQ=MINUTELY', 'frequency_not_supported'],
      ['FREQ=SECONDLY', 'frequency_not_supported'],
      ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'rule_produces_no_date'],
      ['FREQ=WEEKLY;BYDAY=TU;UNTIL=20250101', 'rule_produces_no_date'],
    ] as const) {
      const response = await tryRule(rule);
      expect(response.statusCode, rule).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.recurrence.rule', message: code }] });
    }
    const english = (await tryRule('FREQ=HOURLY', 'en')).json() as { title: string };
    expect(english.title).toBe('Invalid input');
    expect(((await tryRule('FREQ=HOURLY', 'da')).json() as { title: string }).title).toBe('Ugyldige oplysninger');
  });

  it('refuses a capacity below one, and a head count above the capacity', async () => {
    expect((await fx.people.host.client.post('/api/events', dropInRequest(fx.service.id, { capacity: 0 }))).statusCode).toBe(422);
    const event = await givenEvent(fx, { capacity: 8, recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO', startDate: '2026-11-02', startTime: '09:00', durationMinutes: 60 } });
    await fx.t.db.updateTable('open_event_occurrences').set({ starts_at: new Date('2026-11-16T08:00:00Z') }).where('event_id', '=', event.id).where('occurs_on', '=', '2026-11-23').execute();
    const [held] = ((await fx.people.host.client.get(`/api/events/${event.id}/occurrences?from=2026-11-23&to=2026-11-23`)).json() as OccurrenceList).occurrences;
    const over = await fx.people.host.client.put(`/api/events/${event.id}/occurrences/${held!.id}/head-count`, { total: 9, firstTime: 1, withChildren: null, note: null });
    expect(over.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.total', message: 'more_than_capacity' }] });
  });

  it('cancels a date with a note (the occurrence stays) and restores it', async () => {
    const event = await givenEvent(fx);
    const cancelled = (await fx.people.host.client.post(`/api/events/${event.id}/exceptions`, { date: '2026-12-29', note: 'Juleferie' })).json() as OpenEvent;
    expect(cancelled.exceptions).toEqual([{ date: '2026-12-29', note: 'Juleferie' }]);
    const occurrences = ((await fx.people.host.client.get(`/api/events/${event.id}/occurrences?from=2026-12-22&to=2027-01-05`)).json() as OccurrenceList).occurrences;
    expect(occurrences.map((occurrence) => [occurrence.date, occurrence.isCancelled, occurrence.cancelNote])).toEqual([
      ['2026-12-22', false, null],
      ['2026-12-29', true, 'Juleferie'],
      ['2027-01-05', false, null],
    ]);
    const restored = (await fx.people.host.client.delete(`/api/events/${event.id}/exceptions/2026-12-29`)).json() as OpenEvent;
    expect(restored.exceptions).toEqual([]);
    expect((await fx.people.host.client.delete(`/api/events/${event.id}/exceptions/2026-12-29`)).statusCode).toBe(404);
  });

  it('changes the rule: future occurrences follow, a recorded head count stays', async () => {
    const event = await givenEvent(fx, { recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO', startDate: '2026-11-02', startTime: '09:00', durationMinutes: 60 } });
    const changed = await fx.people.host.client.put(`/api/events/${event.id}`, { ...dropInRequest(fx.service.id), serviceId: undefined, recurrence: { rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', startDate: '2026-11-26', startTime: '11:00', durationMinutes: 120 } });
    expect(changed.statusCode, changed.body).toBe(200);
    const dates = ((await fx.people.host.client.get(`/api/events/${event.id}/occurrences?from=2026-11-23&to=2026-12-31`)).json() as OccurrenceList).occurrences.map((occurrence) => occurrence.date);
    expect(dates).toEqual(['2026-11-26', '2026-12-10', '2026-12-24']);
  });

  it('records an anonymous head count, keeps the note encrypted and refuses personal data in it', async () => {
    const event = await givenEvent(fx, { recurrence: { rule: 'FREQ=DAILY', startDate: '2026-11-23', startTime: '08:00', durationMinutes: 60 } });
    const [today, tomorrow] = ((await fx.people.host.client.get(`/api/events/${event.id}/occurrences?from=2026-11-23&to=2026-11-24`)).json() as OccurrenceList).occurrences;
    const url = (id: string) => `/api/events/${event.id}/occurrences/${id}/head-count`;
    const recorded = await fx.people.facilitator.client.put(url(today!.id), { total: 12, firstTime: 3, withChildren: 2, note: 'Stille formiddag. Kanarie-5521.' });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ headCount: { total: 12, firstTime: 3, withChildren: 2, note: 'Stille formiddag. Kanarie-5521.' } });
    const row = await fx.t.db.selectFrom('open_event_occurrences').select('head_count_note_enc').where('id', '=', today!.id).executeTakeFirstOrThrow();
    expect(row.head_count_note_enc).not.toContain('Kanarie');
    const audit = await fx.t.db.selectFrom('audit_log').select('details').where('object_id', '=', today!.id).execute();
    expect(JSON.stringify(audit)).not.toContain('Kanarie');
    for (const [note, message] of [
      ['Anna 010190-1234 kom', 'note_contains_cpr_number'],
      ['ring til 20 30 40 50', 'note_contains_phone_number'],
      ['skriv anna@example.dk', 'note_contains_email_address'],
    ]) {
      expect((await fx.people.host.client.put(url(today!.id), { total: 1, firstTime: 0, withChildren: null, note })).json()).toMatchObject({ errors: [{ path: 'body.note', message }] });
    }
    expect((await fx.people.host.client.put(url(today!.id), { total: 1, firstTime: 2, withChildren: null, note: null })).json()).toMatchObject({ errors: [{ path: 'body.firstTime', message: 'more_than_total' }] });
    expect((await fx.people.host.client.put(url(tomorrow!.id), { total: 1, firstTime: 0, withChildren: null, note: null })).json()).toMatchObject({ errors: [{ path: 'body.total', message: 'occurrence_not_yet_held' }] });
  });

  it('answers 404 to another organisation, an unassigned colleague and the other service line; the admin may', async () => {
    const event = await givenEvent(fx);
    const [first] = ((await fx.people.host.client.get(`/api/events/${event.id}/occurrences`)).json() as OccurrenceList).occurrences;
    for (const who of [fx.people.otherOrganisation, fx.people.unassigned, fx.people.otherSide]) {
      expect((await who.client.get(`/api/events/${event.id}`)).statusCode).toBe(404);
      expect((await who.client.put(`/api/events/${event.id}`, { ...dropInRequest(fx.service.id), serviceId: undefined })).statusCode).toBe(404);
      expect((await who.client.post(`/api/events/${event.id}/exceptions`, { date: '2026-12-01', note: 'Lukket' })).statusCode).toBe(404);
      expect((await who.client.get(`/api/events/${event.id}/occurrences`)).statusCode).toBe(404);
      expect((await who.client.put(`/api/events/${event.id}/occurrences/${first!.id}/head-count`, { total: 1, firstTime: 0, withChildren: null, note: null })).statusCode).toBe(404);
      expect(((await who.client.get('/api/events')).json() as OpenEventList).events.map((summary) => summary.id)).not.toContain(event.id);
    }
    // Not assigned to the service: it cannot be chosen for a new event either.
    expect((await fx.people.unassigned.client.post('/api/events', dropInRequest(fx.service.id))).json()).toMatchObject({ errors: [{ path: 'body.serviceId', message: 'unknown_or_inactive_service' }] });
    expect((await fx.people.admin.client.get(`/api/events/${event.id}`)).statusCode).toBe(200);
    expect((await fx.people.supervisor.client.get(`/api/events/${event.id}`)).statusCode).toBe(403);
  });
});
