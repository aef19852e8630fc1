import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { confidentialShelterInput, givenHelpService, helpServiceInput } from '../directory/testing.ts';
import { expectPublicPage } from './public-site.test-support.ts';

/** The address of a page in a language, as the site writes it: Danish at the root, the others under a prefix. */
const at = (lang: 'da' | 'en' | 'ar', path: string) => (lang === 'da' ? path : `/${lang}${path}`);

describe('public site: the help search and service pages', () => {
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
      for (const path of ['/tilbud', '/tilbud?situation=exposed', '/tilbud/kvindehuset', '/tilbud/regnbue']) {
        expectPublicPage(await get(at(lang, path)), at(lang, path), lang);
      }
    }
  });

  it('links stay in the page’s language, at the new addresses', async () => {
    const danish = expectPublicPage(await get('/tilbud?group=lgbt'), 'da', 'da');
    expect(danish).toContain('<form method="get" action="/tilbud" autocomplete="off">');
    expect(danish).toContain('href="/tilbud/regnbue?group=lgbt"');
    const english = expectPublicPage(await get('/en/tilbud/regnbue?group=lgbt'), 'en', 'en');
    expect(english).toContain('href="/en/tilbud?group=lgbt"'); // back to the same search
    expect(english).toContain('href="/en/kontakt?tjeneste=regnbue"');
    expect(english).toContain('href="/en/sikkerhed"');
    // The language links keep the search; the Danish one has no prefix.
    expect(english).toContain('<a href="/tilbud/regnbue?group=lgbt" lang="da" hreflang="da">Dansk</a>');
    expect(english).toContain('<a href="/ar/tilbud/regnbue?group=lgbt" lang="ar" hreflang="ar">العربية</a>');
    expect(english).not.toMatch(/href="\/da[/"?]/);
  });

  it('filters work without JavaScript, as a GET form', async () => {
    const form = expectPublicPage(await get('/tilbud'), '/tilbud', 'da');
    expect(form).toContain('<form method="get" action="/tilbud" autocomplete="off">');
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
      const body = expectPublicPage(await get(`/tilbud?${query}`), query, 'da');
      expect(namesOn(body), query).toEqual(expected);
    }
    const chosen = expectPublicPage(await get('/tilbud?group=lgbt&open=1&q=hus'), 'chosen', 'da');
    expect(chosen).toContain('<details class="filters">'); // folded: the results come first on a phone
    expect(chosen).toContain('<option value="lgbt" selected>');
    expect(chosen).toContain('name="open" type="checkbox" value="1" checked');
    expect(chosen).toContain('value="hus"');
  });

  it('explains a bad or unknown postcode instead of failing', async () => {
    const bad = expectPublicPage(await get('/tilbud?postcode=12a'), 'bad postcode', 'da');
    expect(bad).toContain('Skriv et postnummer med fire cifre.');
    expect(bad).toContain('aria-invalid="true"');
    const unknown = expectPublicPage(await get('/en/tilbud?postcode=9999'), 'unknown postcode', 'en');
    expect(unknown).toContain('That is not a Danish postcode');
    expect(namesOn(unknown)).not.toContain('Stop volden');
    // Every real postcode is known since the full table came in: Esbjerg's gives no notice.
    const esbjerg = expectPublicPage(await get('/en/tilbud?postcode=6700'), 'Esbjerg postcode', 'en');
    expect(esbjerg).not.toContain('That is not a Danish postcode');
  });

  it('pages long result lists with plain links', async () => {
    const organisation = await t.given.organisation({ name: 'Mange tilbud' });
    for (let index = 1; index <= 21; index += 1) {
      await givenHelpService(t, organisation.id, helpServiceInput({ slug: `mange-${index}`, nameDa: `Mange ${String(index).padStart(2, '0')}`, targetGroups: ['relatives'] }));
    }
    const first = expectPublicPage(await get('/tilbud?group=relatives'), 'page 1', 'da');
    expect(first).toContain('21 tilbud');
    expect(namesOn(first)).toHaveLength(20);
    expect(first).toContain('href="/tilbud?group=relatives&amp;page=2"');
    const second = expectPublicPage(await get('/tilbud?group=relatives&page=2'), 'page 2', 'da');
    expect(namesOn(second)).toEqual(['Mange 21']);
    expect(second).toContain('Side 2 af 2');
  });

  it('a service page says how to make contact safely, and keeps a confidential address secret', async () => {
    const shelter = expectPublicPage(await get('/tilbud/kvindehuset?situation=exposed'), 'shelter', 'da');
    expect(shelter).toContain('Sådan tager du kontakt sikkert');
    expect(shelter).toContain('Ring til døgntelefonen. Adressen er hemmelig.');
    expect(shelter).toContain('Adressen er hemmelig af hensyn til sikkerheden.');
    expect(shelter).toContain('href="/tilbud?situation=exposed"'); // back to the same search
    expect(shelter).toContain('<a class="phone-link" href="tel:70000000">');

    const open = expectPublicPage(await get('/en/tilbud/regnbue'), 'regnbue', 'en');
    expect(open).toContain('Regnbuevej 2');
    expect(open).toContain('Thursday <span dir="ltr">18:00–20:00</span>');
  });

  it('in Arabic, shows Arabic texts where written and marks Danish fallbacks as Danish', async () => {
    const translated = expectPublicPage(await get('/ar/tilbud/regnbue'), 'ar regnbue', 'ar');
    expect(translated).toContain('<h1>استشارات قوس قزح</h1>');
    expect(translated).toContain('<div lang="da" dir="ltr"><p>Ring til os.</p></div>');
    expect(translated).toContain('هذا النص متوفر باللغة الدنماركية فقط.');
    expect(translated).toContain('الخميس <span dir="ltr">18:00–20:00</span>');
    // The organisation's name is Danish inside the Arabic sentence; in Danish it is plain.
    expect(translated).toContain('تقدمها: <span lang="da" dir="ltr">Hjælpehuset</span>');
    expect(expectPublicPage(await get('/tilbud/regnbue'), 'da regnbue', 'da')).toContain('Tilbydes af Hjælpehuset</p>');
  });

  it('a service that does not exist, or is no longer listed, answers 404 as a safe page in the page’s language', async () => {
    expectPublicPage(await get('/tilbud/findes-ikke'), 'unknown slug', 'da', 404);
    expectPublicPage(await get('/ar/tilbud/luk-ned'), 'inactive', 'ar', 404);
  });

  it('never sets a cookie, not even for a caller with a (stale) session cookie', async () => {
    const response = await get('/tilbud', { cookie: '__Host-bro-session=stale-token' });
    expectPublicPage(response, 'with cookie', 'da');
  });

  it('shows an approved listing on the very next request, hides an address made confidential at once (before approval), and a deactivated organisation', async () => {
    const { session, organisationId } = await t.given.signedIn('organisation_admin');
    const approver = (await t.given.signedIn('platform_admin')).session;
    const approveAll = async () => {
      for (const request of (await t.as(approver).get('/api/approvals/directory-listings')).json()) await t.as(approver).post(`/api/approvals/directory-listings/${request.id}/approve`);
    };
    const created = await t.as(session).post(
      '/api/directory/services',
      helpServiceInput({
        slug: 'nyt-tilbud',
        nameDa: 'Helt nyt tilbud',
        locations: [{ nameDa: 'Huset', nameEn: 'House', isConfidential: false, addressLine: 'Fejlvej 9', postalCode: '2100', city: 'København Ø' }],
      }),
    );
    expect(created.statusCode).toBe(201);
    expectPublicPage(await get('/tilbud/nyt-tilbud'), 'new, not approved', 'da', 404);
    await approveAll();
    expect(expectPublicPage(await get('/tilbud/nyt-tilbud'), 'new', 'da')).toContain('Fejlvej 9');
    // The address was a shelter's by mistake: the correction must be public at once.
    const corrected = await t.as(session).patch(`/api/directory/services/${created.json().id}`, {
      locations: [{ nameDa: 'Huset', nameEn: 'House', isConfidential: true, city: 'København', confidentialAddress: 'Fejlvej 9' }],
    });
    expect(corrected.statusCode).toBe(200);
    expect(expectPublicPage(await get('/tilbud/nyt-tilbud'), 'corrected', 'da')).not.toContain('Fejlvej');
    expect((await get('/api/hsds/services?search=helt%20nyt&full=true')).body).not.toContain('Fejlvej');
    await approveAll();
    expect(expectPublicPage(await get('/tilbud/nyt-tilbud'), 'corrected and approved', 'da')).not.toContain('Fejlvej');
    // An organisation deactivated elsewhere disappears from the public directory.
    await t.db.updateTable('organisations').set({ is_active: false }).where('id', '=', organisationId).execute();
    expectPublicPage(await get('/tilbud/nyt-tilbud'), 'deactivated', 'da', 404);
    expect(namesOn(expectPublicPage(await get('/tilbud?q=helt%20nyt'), 'deactivated search', 'da'))).toEqual([]);
  });

  it('serves its assets from our origin, and nothing else from that folder', async () => {
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
  it('names a service’s municipalities and languages, never their codes, in the page’s language', async () => {
    const organisation = await t.given.organisation({ name: 'Hovedstadens Hjælp' });
    await givenHelpService(t, organisation.id, helpServiceInput({ slug: 'hovedstaden', nameDa: 'Hovedstadens rådgivning', languages: ['da', 'ar'], serviceArea: { isNational: false, municipalityCodes: ['101', '147'] } }));
    const danish = expectPublicPage(await get('/tilbud/hovedstaden'), '/tilbud/hovedstaden', 'da');
    expect(danish).toContain('Område: Københavns Kommune og Frederiksberg Kommune');
    expect(danish).toMatch(/<h2 id="languages-heading">Sprog<\/h2>\s*<p>dansk og arabisk<\/p>/);
    expect(danish).not.toMatch(/kommune 101|\b101\b|\b147\b/);
    const english = expectPublicPage(await get('/en/tilbud/hovedstaden'), '/en/tilbud/hovedstaden', 'en');
    expect(english).toContain('Area: Københavns Kommune, Frederiksberg Kommune');
    expect(english).toContain('<p>Danish, Arabic</p>');
    const arabic = expectPublicPage(await get('/ar/tilbud/hovedstaden'), '/ar/tilbud/hovedstaden', 'ar');
    expect(arabic).toContain('الدانمركية');
    expect(arabic).toContain('العربية');
  });
});
