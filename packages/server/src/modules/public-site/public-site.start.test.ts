import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { expectPublicPage } from './public-site.test-support.ts';

describe('public site: the start page, the safety page and "not found"', () => {
  let t: TestApp;
  const get = (url: string, headers?: Record<string, string>) => t.as(undefined).get(url, headers);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('"/" is the Danish start page; /en/ and /ar/ its translations', async () => {
    expectPublicPage(await get('/'), '/', 'da');
    expectPublicPage(await get('/en/'), '/en/', 'en');
    expectPublicPage(await get('/ar/'), '/ar/', 'ar');
  });

  it('the hotline 1888 is the first thing to do: a call link before anything else in the page’s content', async () => {
    for (const [url, lang, call] of [
      ['/', 'da', 'Ring'],
      ['/en/', 'en', 'Call'],
      ['/ar/', 'ar', 'اتصل'],
    ] as const) {
      const body = expectPublicPage(await get(url), url, lang);
      const main = body.slice(body.indexOf('<main'));
      const firstLink = /<a\s[^>]*>.*?<\/a>/.exec(main)?.[0];
      expect(firstLink, url).toBe(`<a class="call-button" href="tel:1888">${call} <span dir="ltr">1888</span></a>`);
    }
    const danish = (await get('/')).body;
    for (const fact of ['Døgnåben', 'Gratis', 'Du kan være anonym']) expect(danish).toContain(`<li>${fact}</li>`);
    expect((await get('/en/')).body).toContain('<li>Open 24 hours</li><li>Free</li><li>You can stay anonymous</li>');
  });

  it('then starts from the person’s situation, and offers to be called', async () => {
    const body = expectPublicPage(await get('/'), '/', 'da');
    for (const text of ['Jeg er udsat for vold', 'Jeg udøver vold og vil stoppe', 'Jeg er bekymret for en anden', 'Jeg er fagperson']) expect(body).toContain(text);
    expect(body).toContain('href="/tilbud?situation=uses_violence"');
    expect(body).toContain('href="/kontakt"');
    expect(body).toContain('href="/kvittering"');
    const arabic = expectPublicPage(await get('/ar/'), '/ar/', 'ar');
    expect(arabic).toContain('أتعرض للعنف');
    expect(arabic).toContain('href="/ar/tilbud?situation=exposed"');
  });

  it('/en and /ar without the slash lead to the start page', async () => {
    for (const lang of ['en', 'ar']) {
      const response = await get(`/${lang}`);
      expect(response.statusCode).toBe(301);
      expect(response.headers.location).toBe(`/${lang}/`);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('the safety page says what quick exit can and cannot do, in every language', async () => {
    expect(expectPublicPage(await get('/sikkerhed'), '/sikkerhed', 'da')).toContain('<h2>Det kan &quot;Luk siden hurtigt&quot; ikke skjule</h2>');
    expect(expectPublicPage(await get('/en/sikkerhed'), '/en/sikkerhed', 'en')).toContain('<h2>What &quot;Leave this page&quot; cannot hide</h2>');
    expectPublicPage(await get('/ar/sikkerhed'), '/ar/sikkerhed', 'ar');
  });

  it('on a phone the quick-exit hint is not about the Shift key: both hints are there, the stylesheet picks one', async () => {
    const body = (await get('/')).body;
    expect(body).toContain('<span class="quick-exit-hint quick-exit-hint-keys">Eller tryk tre gange på Shift</span>');
    expect(body).toContain('<span class="quick-exit-hint quick-exit-hint-touch">Skifter straks til en neutral side</span>');
    const css = (await get('/public/public.css')).body;
    expect(css).toMatch(/@media \(hover: hover\) and \(pointer: fine\) \{\s*\.quick-exit-hint-keys \{ display: inline; \}\s*\.quick-exit-hint-touch \{ display: none; \}/);
  });

  it('an unknown address answers the "not found" page (404, HTML) in Danish, or in the language of its prefix', async () => {
    for (const [url, lang] of [
      ['/findes-ikke', 'da'],
      ['/tilbud/a/b', 'da'],
      ['/fr/tilbud', 'da'],
      ['/en/findes-ikke', 'en'],
      ['/ar/tilbud/x/y', 'ar'],
    ] as const) {
      const body = expectPublicPage(await get(url, { accept: 'text/html,application/xhtml+xml' }), url, lang, 404);
      expect(body, url).toContain(`href="${lang === 'da' ? '/' : `/${lang}/`}"`);
      expect(body, url).toContain('<a class="call-button" href="tel:1888">');
    }
    expect((await get('/findes-ikke')).body).toContain('<h1>Siden findes ikke</h1>');
    // A client that states no preference (curl, a crawler) gets the page too.
    expect((await get('/findes-ikke', { accept: '*/*' })).headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('an unknown API address, or a caller asking for JSON, still gets a problem document', async () => {
    for (const [url, accept] of [
      ['/api/nowhere', 'text/html'],
      ['/api', 'text/html'],
      ['/findes-ikke', 'application/json'],
    ] as const) {
      const response = await get(url, { accept });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain('application/problem+json');
    }
  });
});
