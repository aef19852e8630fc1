import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenHelpService, helpServiceInput } from '../directory/testing.ts';
import { givenEvent, startEventTests, type EventFixture } from '../events/testing.ts';
import { expectPublicPage } from './public-site.test-support.ts';

const SECRET_LINK = 'https://video.example.test/drop-in-hemmelig-7731';

describe('open events on the public site', () => {
  let fx: EventFixture;
  let inPerson: { id: string };
  let online: { id: string };
  beforeAll(async () => {
    fx = await startEventTests();
    inPerson = await givenEvent(fx, { title: 'Drop-in morgenkaffe' });
    online = await givenEvent(fx, { title: 'Online eftermiddagskaffe', place: { kind: 'online', link: SECRET_LINK }, recurrence: { rule: 'FREQ=WEEKLY;BYDAY=TH', startDate: '2026-11-26', startTime: '14:00', durationMinutes: 60 } });
    await givenEvent(fx, { title: 'Fællesfrokost i Aarhus', place: { kind: 'in_person', name: 'Huset', addressLine: 'Vestergade 1', postalCode: '8000', city: 'Aarhus C' } });
    await givenEvent(fx, { title: 'Kladde', isPublished: false });
  });
  afterAll(async () => fx.t.close());

  const get = (url: string) => fx.t.app.inject({ method: 'GET', url });
  const challengeOf = (body: string) => /name="challenge" value="([^"]+)"/.exec(body)?.[1] ?? '';
  const postForm = (url: string, form: Record<string, string>) =>
    fx.t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });

  it('lists upcoming events in Danish, English and Arabic: the place, "online" without a link, no drafts', async () => {
    for (const [lang, url] of [['da', '/hvad-sker-der'], ['en', '/en/hvad-sker-der'], ['ar', '/ar/hvad-sker-der']] as const) {
      const body = expectPublicPage(await get(url), url, lang);
      expect(body).toContain('Drop-in morgenkaffe');
      expect(body).toContain('Netværkshuset, Halmtorvet 27, 1700 København V');
      expect(body).toContain('Online eftermiddagskaffe');
      expect(body).not.toContain('Kladde');
      expect(body).not.toContain('hemmelig');
    }
  });

  it('filters by city and by online, and pages through', async () => {
    const aarhus = await get('/hvad-sker-der?by=Aarhus%20C');
    expect(aarhus.body).toContain('Fællesfrokost i Aarhus');
    expect(aarhus.body).not.toContain('Drop-in morgenkaffe');
    const onlineOnly = await get('/hvad-sker-der?online=1');
    expect(onlineOnly.body).toContain('Online eftermiddagskaffe');
    expect(onlineOnly.body).not.toContain('Drop-in morgenkaffe');
    const first = await get('/hvad-sker-der');
    expect(first.body).toContain('href="/hvad-sker-der?side=2"');
    expectPublicPage(await get('/hvad-sker-der?side=2&by=&online=x'), '/hvad-sker-der?side=2', 'da');
  });

  it('shows an event page with its dates and calendar link; an online event offers the link form, never the link', async () => {
    const page = expectPublicPage(await get(`/hvad-sker-der/${inPerson.id}`), 'event', 'da');
    expect(page).toContain('Ingen tilmelding');
    expect(page).toContain(`href="/hvad-sker-der/kalender/${fx.service.id}.ics"`);
    expect(page).not.toContain('name="challenge"');
    const onlinePage = expectPublicPage(await get(`/en/hvad-sker-der/${online.id}`), 'online event', 'en');
    expect(onlinePage).toContain('Get the link to the meeting');
    expect(onlinePage).not.toContain('hemmelig');
    expect((await get('/hvad-sker-der/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('sends the online link through the outbox once per form, and refuses a bad address', async () => {
    const url = `/hvad-sker-der/${online.id}`;
    const challenge = challengeOf((await get(url)).body);
    const wrong = await postForm(`${url}/link`, { challenge, nonce: '', channel: 'sms', address: '123' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('aria-invalid="true"');
    const sent = await postForm(`${url}/link`, { challenge, nonce: '', channel: 'email', address: 'person@example.test' });
    expectPublicPage(sent, 'sent', 'da');
    expect(sent.body).toContain('Linket er på vej');
    expect(sent.body).not.toContain('hemmelig');
    // The same form again (a reload): nothing new is queued.
    expectPublicPage(await postForm(`${url}/link`, { challenge, nonce: '', channel: 'email', address: 'person@example.test' }), 'again', 'da');
    const messages = await fx.t.db.selectFrom('outbox_messages').selectAll().where('template', '=', 'open_event_link').execute();
    expect(messages).toHaveLength(1);
    expect(JSON.stringify(messages)).not.toContain('hemmelig');
    const text = fx.t.cipher.decrypt(messages[0]!.body_enc ?? '');
    expect(text).toContain(SECRET_LINK);
    // The message-text rules: neither the event, the service nor what it is about.
    expect(text).not.toMatch(/kaffe|vold|Vores Vej Ud/i);
    expect(fx.t.cipher.decrypt(messages[0]!.recipient_enc ?? '')).toBe('person@example.test');
    const audit = await fx.t.db.selectFrom('audit_log').select('details').where('action', '=', 'open_event.send_link').execute();
    expect(audit).toEqual([{ details: { channel: 'email' } }]);
    // An in-person event has no link to send.
    expect((await postForm(`/hvad-sker-der/${inPerson.id}/link`, { challenge: challengeOf((await get(url)).body), nonce: '', channel: 'email', address: 'person@example.test' })).statusCode).toBe(404);
  });

  it('serves each service’s feed as text/calendar in Danish time across summer time, with cancelled dates', async () => {
    await fx.people.host.client.post(`/api/events/${inPerson.id}/exceptions`, { date: '2026-12-29', note: 'Juleferie' });
    const response = await get(`/hvad-sker-der/kalender/${fx.service.id}.ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['set-cookie']).toBeUndefined();
    const feed = response.body.replace(/\r\n /g, '');
    expect(feed).toContain('DTSTART;TZID=Europe/Copenhagen:20270323T110000');
    expect(feed).toContain('DTSTART;TZID=Europe/Copenhagen:20270330T110000');
    expect(feed).toContain('BEGIN:VTIMEZONE');
    const cancelled = feed.split('BEGIN:VEVENT').find((event) => event.includes(`UID:open-event-${inPerson.id}-20261229@bro`));
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(feed).not.toContain('hemmelig');
    expect(feed).not.toContain('Kladde');
    expect((await get('/hvad-sker-der/kalender/00000000-0000-4000-8000-000000000000.ics')).statusCode).toBe(404);
  });

  it('lists the service’s upcoming events on its directory page', async () => {
    await givenHelpService(fx.t, fx.organisation.id, helpServiceInput({ slug: 'vores-vej-ud', referralServiceId: fx.service.id }));
    const body = expectPublicPage(await get('/tilbud/vores-vej-ud'), '/tilbud/vores-vej-ud', 'da');
    expect(body).toContain('Kommende arrangementer');
    expect(body).toContain(`href="/hvad-sker-der/${inPerson.id}"`);
    expect(body).toContain(`href="/hvad-sker-der/kalender/${fx.service.id}.ics"`);
    expect(body).not.toContain('hemmelig');
  });
});

describe('the online-link form’s limits', () => {
  let fx: EventFixture;
  let online: { id: string };
  beforeAll(async () => {
    fx = await startEventTests({ isRateLimitEnabled: true });
    online = await givenEvent(fx, { place: { kind: 'online', link: SECRET_LINK } });
  });
  afterAll(async () => fx.t.close());

  it('lets an address without a proof of work ask twice an hour, then answers 429 with the form and nothing queued', async () => {
    const url = `/hvad-sker-der/${online.id}`;
    const ask = async () => {
      const challenge = /name="challenge" value="([^"]+)"/.exec((await fx.t.app.inject({ method: 'GET', url })).body)?.[1] ?? '';
      const payload = new URLSearchParams({ challenge, nonce: '', channel: 'sms', address: '20 30 40 50' }).toString();
      return fx.t.app.inject({ method: 'POST', url: `${url}/link`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });
    };
    expect((await ask()).statusCode).toBe(200);
    expect((await ask()).statusCode).toBe(200);
    const third = await ask();
    expect(third.statusCode).toBe(429);
    expect(third.headers['retry-after']).toBeDefined();
    expect(third.body).toContain('Der er sendt for mange forespørgsler');
    const queued = await fx.t.db.selectFrom('outbox_messages').select(['channel']).where('template', '=', 'open_event_link').execute();
    expect(queued).toEqual([{ channel: 'sms' }, { channel: 'sms' }]);
  });
});
