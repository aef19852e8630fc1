import type { OpenEventList } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../demo/demo-data.ts';
import { loadEventDemoData } from '../../demo/event-demo.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

describe('open events demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    expect(await loadDemoDataIfEmpty({ db: t.db, cipher: t.cipher, clock: t.clock })).toEqual({ isLoaded: true });
    // Loaded with the rest; a second, standalone load does nothing.
    expect(await loadEventDemoData({ db: t.db, cipher: t.cipher, clock: t.clock })).toEqual({ isLoaded: false });
  });
  afterAll(async () => t.close());

  it('has Vores Vej Ud’s drop-in coffee (in person and online) and the weekly lunch 11–13 on the public site', async () => {
    const whatsOn = await t.app.inject({ method: 'GET', url: '/hvad-sker-der?by=K%C3%B8benhavn%20V' });
    expect(whatsOn.body).toContain('Drop-in morgenkaffe');
    expect(whatsOn.body).toContain('Fællesfrokost');
    const online = await t.app.inject({ method: 'GET', url: '/hvad-sker-der?online=1' });
    expect(online.body).toContain('Drop-in eftermiddagskaffe på nettet');
    expect(online.body).not.toContain('moede.example.dk');
    const servicePage = await t.app.inject({ method: 'GET', url: '/tilbud/vores-vej-ud' });
    expect(servicePage.body).toContain('Kommende arrangementer');
    const lunch = await t.db.selectFrom('open_event_occurrences as o').innerJoin('open_events as e', 'e.id', 'o.event_id').select(['o.starts_at', 'o.ends_at', 'o.is_cancelled']).where('e.title', '=', 'Fællesfrokost').orderBy('o.starts_at').execute();
    expect(lunch.length).toBeGreaterThanOrEqual(52);
    const clock = new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen' });
    expect(new Set(lunch.map((occurrence) => `${clock.format(occurrence.starts_at)}-${clock.format(occurrence.ends_at)}`))).toEqual(new Set(['11.00-13.00']));
    expect(lunch.filter((occurrence) => occurrence.is_cancelled)).toHaveLength(2);
  });

  it('shows the events to the Vores Vej Ud counsellor, who is assigned to the service', async () => {
    const counsellor = await t.db.selectFrom('users').innerJoin('memberships', 'memberships.user_id', 'users.id').select(['users.id', 'memberships.id as membershipId']).where('users.email', '=', 'voresvejud@demo.bro.dk').executeTakeFirstOrThrow();
    const client = t.as(await t.given.session(counsellor));
    const list = (await client.get('/api/events')).json() as OpenEventList;
    expect(list.events.map((event) => event.title).sort()).toEqual(['Drop-in eftermiddagskaffe på nettet', 'Drop-in morgenkaffe', 'Fællesfrokost']);
  });
});
