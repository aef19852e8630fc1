import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { CANARY_STREET, confidentialShelterInput, givenHelpService, helpServiceInput } from '../directory/testing.ts';

/** Everything a public page must be, whatever it shows. */
function expectSafePage(response: LightMyRequestResponse, url: string, lang: 'da' | 'en' | 'ar', status = 200): string {
  const body = response.body;
  expect(response.statusCode, url).toBe(status);
  expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
  expect(response.headers['set-cookie'], url).toBeUndefined();
  expect(response.headers['cache-control'], url).toBe('no-store');
  expect(body, url).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
  // A neutral title on every page: nothing about violence or help in a tab or a history entry.
  const title = /<title>([^<]*)<\/title>/.exec(body)?.[1];
  expect(title, url).toBe(lang === 'ar' ? 'معلومات' : 'Information');
  // The quick exit is the first focusable element of the body.
  const afterBody = body.slice(body.indexOf('<body>'));
  const firstFocusable = /<(a\s[^>]*href[^>]*|button[^>]*|input[^>]*|select[^>]*|textarea[^>]*|[a-z]+\s[^>]*tabindex="\d+"[^>]*)>/.exec(afterBody)?.[0];
  expect(firstFocusable, url).toMatch(/^<a id="quick-exit" class="quick-exit" href="https:\/\/www\.dr\.dk\/[^"]*" rel="noreferrer">$/);
  // One script, ours, from our origin; no inline script or style; every asset from our own origin.
  expect([...body.matchAll(/<script[^>]*>/g)].map((match) => match[0]), url).toEqual(['<script src="/public/quick-exit.js" defer>']);
  expect(body, url).toContain('<script src="/public/quick-exit.js" defer></script>');
  expect(body, url).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  for (const [, asset] of body.matchAll(/<(?:link|img|script|source|iframe)\s[^>]*(?:src|href)="([^"]*)"/g)) {
    if (!asset?.startsWith('/') || asset.startsWith('//')) expect(asset, url).toMatch(/^data:,$/);
  }
  expect(body.toLowerCase(), url).not.toContain(CANARY_STREET.toLowerCase());
  return body;
}

describe('public pages', () => {
  let t: TestApp;
  const get = (url: string, headers?: Record<string, string>) => t.as(undefined).get(url, headers);
  const namesOn = (body: string) => [...body.matchAll(/<h3><a href="[^"]*"[^>]*>([^<]*)<\/a><\/h3>/g)].map((match) => match[1]);

  beforeAll(async () => {
    t = await createTestApp();
    const organisation = await t.given.organisation({ name: 'Hjælpehuset' });
    const shelterOrganisation = await t.given.organisation({ name: 'Kvindehuset', kind: 'shelter' });
    await givenHelpService(t, shelterOrganisation.id, confidentialShelterInput({ slug: 'kvindehuset', nameDa: 'Kvindehusets krisecenter', nameEn: 'Women’s house shelter' }));
    await givenHelpService(
      t,
      organisation.id,
      helpServiceInput({
        slug: 'regnbue',
        nameDa: 'Regnbuerådgivningen',
        nameEn: 'Rainbow counselling',
        nameAr: 'استشارات قوس قزح',
        targetGroups: ['lgbt'],
        channels: ['chat', 'in_person'],
        languages: ['da', 'ar'],
        schedule: { isOpen24Hours: false, rules: [{ freq: 'WEEKLY', byday: ['TH'], opensAt: '18:00', closesAt: '20:00' }] },
        locations: [{ nameDa: 'Huset', nameEn: 'The house', isConfidential: false, addressLine: 'Regnbuevej 2', postalCode: '8000', city: 'Aarhus C' }],
      }),
    );
    await givenHelpService(t, organisation.id, helpServiceInput({ slug: 'stop-volden', nameDa: 'Stop volden', targetGroups: ['uses_violence'], serviceArea: { isNational: false, municipalityCodes: ['751'] } }));
    await givenHelpService(t, organisation.id, helpServiceInput({ slug: 'luk-ned', nameDa: 'Lukket tilbud', status: 'inactive' }));
    await givenHelpService(t, organisation.id, helpServiceInput({ slug: 'farlig', nameDa: '<script>alert(1)</script> & "citat"', targetGroups: ['professionals'] }));
  });
  afterAll(async () => t.close());

  it('every page in every language is safe: lang and dir, neutral title, quick exit first, no cookie, nothing from elsewhere', async () => {
    for (const lang of ['da', 'en', 'ar'] as const) {
      for (const path of ['', '/tilbud', '/tilbud?situation=exposed', '/tilbud/kvindehuset', '/tilbud/regnbue', '/sikkerhed']) {
        expectSafePage(await get(`/${lang}${path}`), `/${lang}${path}`, lang);
      }
    }
  });

  it('the start page starts from the person’s situation', async () => {
    const body = expectSafePage(await get('/da'), '/da', 'da');
    for (const text of ['Jeg er udsat for vold', 'Jeg udøver vold og vil stoppe', 'Jeg er bekymret for en anden', 'Jeg er fagperson']) expect(body).toContain(text);
    expect(body).toContain('href="/da/tilbud?situation=uses_violence"');
    expect(expectSafePage(await get('/ar'), '/ar', 'ar')).toContain('أتعرض للعنف');
  });

  it('filters work without JavaScript, as a GET form', async () => {
    const form = expectSafePage(await get('/da/tilbud'), '/da/tilbud', 'da');
    expect(form).toContain('<form method="get" action="/da/tilbud" autocomplete="off">');
    expect(form).toContain('<details class="filters" open>'); // nothing chosen yet: the choices are open
    for (const field of ['name="situation"', 'name="group"', 'name="postcode"', 'name="municipality"', 'name="channel"', 'name="language"', 'name="open"', 'name="q"']) expect(form).toContain(field);
    // Services open around the clock first, then by name.
    expect(namesOn(form)).toEqual(['&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;', 'Kvindehusets krisecenter', 'Stop volden', 'Regnbuerådgivningen']);

    const cases: [string, string[]][] = [
      ['group=lgbt', ['Regnbuerådgivningen']],
      ['situation=uses_violence', ['Stop volden']],
      ['situation=exposed', ['Kvindehusets krisecenter', 'Regnbuerådgivningen']],
      ['channel=chat', ['Regnbuerådgivningen']],
      ['language=ar', ['Regnbuerådgivningen']],
      ['postcode=2300', ['&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;', 'Kvindehusets krisecenter', 'Regnbuerådgivningen']],
      ['municipality=751&situation=uses_violence', ['Stop volden']],
      ['postcode=8000&situation=uses_violence', ['Stop volden']],
      ['q=regnbue', ['Regnbuerådgivningen']],
      // 23 November 2026 at 10:00 in Copenhagen is a Monday morning: the Thursday-evening service is closed.
      ['open=1&group=lgbt', []],
      ['group=not-a-group', ['&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;', 'Kvindehusets krisecenter', 'Stop volden', 'Regnbuerådgivningen']],
    ];
    for (const [query, expected] of cases) {
      const body = expectSafePage(await get(`/da/tilbud?${query}`), query, 'da');
      expect(namesOn(body), query).toEqual(expected);
    }
    const chosen = expectSafePage(await get('/da/tilbud?group=lgbt&open=1&q=hus'), 'chosen', 'da');
    expect(chosen).toContain('<details class="filters">'); // folded: the results come first on a phone
    expect(chosen).toContain('<option value="lgbt" selected>');
    expect(chosen).toContain('name="open" type="checkbox" value="1" checked');
    expect(chosen).toContain('value="hus"');
  });

  it('explains a bad or unknown postcode instead of failing', async () => {
    const bad = expectSafePage(await get('/da/tilbud?postcode=12a'), 'bad postcode', 'da');
    expect(bad).toContain('Skriv et postnummer med fire cifre.');
    expect(bad).toContain('aria-invalid="true"');
    const unknown = expectSafePage(await get('/en/tilbud?postcode=9999'), 'unknown postcode', 'en');
    expect(unknown).toContain('That is not a Danish postcode');
    expect(namesOn(unknown)).not.toContain('Stop volden');
    // Every real postcode is known since the full table came in: Esbjerg's gives no notice.
    const esbjerg = expectSafePage(await get('/en/tilbud?postcode=6700'), 'Esbjerg postcode', 'en');
    expect(esbjerg).not.toContain('That is not a Danish postcode');
  });

  it('pages long result lists with plain links', async () => {
    const organisation = await t.given.organisation({ name: 'Mange tilbud' });
    for (let index = 1; index <= 21; index += 1) {
      await givenHelpService(t, organisation.id, helpServiceInput({ slug: `mange-${index}`, nameDa: `Mange ${String(index).padStart(2, '0')}`, targetGroups: ['relatives'] }));
    }
    const first = expectSafePage(await get('/da/tilbud?group=relatives'), 'page 1', 'da');
    expect(first).toContain('21 tilbud');
    expect(namesOn(first)).toHaveLength(20);
    expect(first).toContain('href="/da/tilbud?group=relatives&amp;page=2"');
    const second = expectSafePage(await get('/da/tilbud?group=relatives&page=2'), 'page 2', 'da');
    expect(namesOn(second)).toEqual(['Mange 21']);
    expect(second).toContain('Side 2 af 2');
  });

  it('a service page says how to make contact safely, and keeps a confidential address secret', async () => {
    const shelter = expectSafePage(await get('/da/tilbud/kvindehuset?situation=exposed'), 'shelter', 'da');
    expect(shelter).toContain('Sådan tager du kontakt sikkert');
    expect(shelter).toContain('Ring til døgntelefonen. Adressen er hemmelig.');
    expect(shelter).toContain('Adressen er hemmelig af hensyn til sikkerheden.');
    expect(shelter).toContain('href="/da/tilbud?situation=exposed"'); // back to the same search
    expect(shelter).toContain('<a href="tel:70000000">');

    const open = expectSafePage(await get('/en/tilbud/regnbue'), 'regnbue', 'en');
    expect(open).toContain('Regnbuevej 2');
    expect(open).toContain('Thursday <span dir="ltr">18:00–20:00</span>');
  });

  it('in Arabic, shows Arabic texts where written and marks Danish fallbacks as Danish', async () => {
    const translated = expectSafePage(await get('/ar/tilbud/regnbue'), 'ar regnbue', 'ar');
    expect(translated).toContain('<h1>استشارات قوس قزح</h1>');
    expect(translated).toContain('<div lang="da" dir="ltr"><p>Ring til os.</p></div>');
    expect(translated).toContain('هذا النص متوفر باللغة الدنماركية فقط.');
    expect(translated).toContain('الخميس <span dir="ltr">18:00–20:00</span>');
  });

  it('a page that does not exist answers 404 as a safe page; an unknown language too', async () => {
    expectSafePage(await get('/da/tilbud/findes-ikke'), 'unknown slug', 'da', 404);
    expectSafePage(await get('/ar/tilbud/luk-ned'), 'inactive', 'ar', 404);
    expectSafePage(await get('/fr/tilbud'), 'unknown language', 'da', 404);
    expectSafePage(await get('/xx/sikkerhed'), 'unknown language', 'da', 404);
    const bare = await get('/fr');
    expect(bare.statusCode).toBe(404);
    expect(bare.headers['set-cookie']).toBeUndefined();
  });

  it('never sets a cookie, not even for a caller with a (stale) session cookie', async () => {
    const response = await get('/da/tilbud', { cookie: '__Host-bro-session=stale-token' });
    expectSafePage(response, 'with cookie', 'da');
  });

  it('shows an admin’s change on the very next request: a new listing, an address made confidential, a deactivated organisation', async () => {
    const { session, organisationId } = await t.given.signedIn('organisation_admin');
    const created = await t.as(session).post(
      '/api/directory/services',
      helpServiceInput({
        slug: 'nyt-tilbud',
        nameDa: 'Helt nyt tilbud',
        locations: [{ nameDa: 'Huset', nameEn: 'House', isConfidential: false, addressLine: 'Fejlvej 9', postalCode: '2100', city: 'København Ø' }],
      }),
    );
    expect(created.statusCode).toBe(201);
    expect(expectSafePage(await get('/da/tilbud/nyt-tilbud'), 'new', 'da')).toContain('Fejlvej 9');
    // The address was a shelter's by mistake: the correction must be public at once.
    const corrected = await t.as(session).patch(`/api/directory/services/${created.json().id}`, {
      locations: [{ nameDa: 'Huset', nameEn: 'House', isConfidential: true, city: 'København', confidentialAddress: 'Fejlvej 9' }],
    });
    expect(corrected.statusCode).toBe(200);
    expect(expectSafePage(await get('/da/tilbud/nyt-tilbud'), 'corrected', 'da')).not.toContain('Fejlvej');
    expect((await get('/api/hsds/services?search=helt%20nyt&full=true')).body).not.toContain('Fejlvej');
    // An organisation deactivated elsewhere disappears from the public directory.
    await t.db.updateTable('organisations').set({ is_active: false }).where('id', '=', organisationId).execute();
    expectSafePage(await get('/da/tilbud/nyt-tilbud'), 'deactivated', 'da', 404);
    expect(namesOn(expectSafePage(await get('/da/tilbud?q=helt%20nyt'), 'deactivated search', 'da'))).toEqual([]);
  });

  it('serves its two assets from our origin, and nothing else from that folder', async () => {
    const script = await get('/public/quick-exit.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['set-cookie']).toBeUndefined();
    expect(Buffer.byteLength(script.body)).toBeLessThan(2048);
    expect(script.body).toContain('location.replace');
    const style = await get('/public/public.css');
    expect(style.statusCode).toBe(200);
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(style.body).not.toMatch(/url\(\s*['"]?https?:/);
    for (const url of ['/public/app.ts', '/public/..%2Fapp.ts', '/public/%2e%2e%2fpackage.json']) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });
});
