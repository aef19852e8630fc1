import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { expectPublicPage } from './public-site.test-support.ts';

/**
 * The accessibility statement webtilgængelighedsloven requires (DOMAIN.md L14), in the parts of
 * Digitaliseringsstyrelsen's model, at /tilgaengelighed and its translations, reached from /was and every footer.
 */
describe('public site: the accessibility statement', () => {
  let t: TestApp;
  const get = (url: string) => t.as(undefined).get(url);

  beforeAll(async () => {
    t = await createTestApp({ config: { accessibilityContact: { email: 'tilgaengelighed@example.dk', phone: '+45 70 10 20 30' } } });
  });
  afterAll(async () => t.close());

  it('states the site, the conformance status, what is not accessible or not tested, how and when it was made, feedback and enforcement', async () => {
    const body = expectPublicPage(await get('/tilgaengelighed'), '/tilgaengelighed', 'da');
    for (const part of [
      '<h1>Tilgængeligheds\u00ADerklæring</h1>',
      'Vi ønsker, at alle kan bruge localhost:3000',
      'delvist i overensstemmelse med den europæiske standard EN 301 549 og dermed WCAG 2.1 niveau A og AA',
      '<h2>Indhold, der ikke er tilgængeligt</h2>',
      'undertekster (WCAG 1.2.2)',
      '<h2>Det har vi ikke testet endnu</h2>',
      'ikke testet med skærmlæsere',
      'Erklæringen blev udarbejdet den 7. december 2026',
      '<h2>Feedback og kontaktoplysninger</h2>',
      '<a href="mailto:tilgaengelighed@example.dk"><span dir="ltr">tilgaengelighed@example.dk</span></a>',
      '<a class="phone-link" href="tel:+4570102030"><span dir="ltr">+45 70 10 20 30</span></a>',
      'ring til hotlinen 1888',
      '<h2>Håndhævelses\u00ADprocedure</h2>',
      'Får du ikke svar inden for 10 arbejdsdage',
      '<a href="https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/" rel="noreferrer noopener" hreflang="da">',
      '<a class="phone-link" href="tel:20163612"><span dir="ltr">20 16 36 12</span></a>',
    ]) {
      expect(body).toContain(part);
    }
  });

  it('is there in English and Arabic too', async () => {
    const english = expectPublicPage(await get('/en/tilgaengelighed'), '/en/tilgaengelighed', 'en');
    expect(english).toContain('<h1>Accessibility statement</h1>');
    expect(english).toContain('This statement was prepared on 7 December 2026');
    expect(english).toContain('<h2>Enforcement procedure</h2>');
    const arabic = expectPublicPage(await get('/ar/tilgaengelighed'), '/ar/tilgaengelighed', 'ar');
    expect(arabic).toContain('<h1>بيان إمكانية الوصول</h1>');
    expect(arabic).toContain('<h2>إجراءات الإنفاذ</h2>');
  });

  it('/was leads to it, by Digitaliseringsstyrelsen’s convention', async () => {
    const response = await get('/was');
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe('/tilgaengelighed');
  });

  it('says plainly when the operator has not given a contact yet, and points to Digitaliseringsstyrelsen', async () => {
    const unconfigured = await createTestApp();
    try {
      const body = expectPublicPage(await unconfigured.as(undefined).get('/tilgaengelighed'), 'no contact', 'da');
      expect(body).toContain('har endnu ikke oplyst en e-mail og et telefonnummer til spørgsmål om tilgængelighed');
      expect(body).not.toContain('mailto:');
    } finally {
      await unconfigured.close();
    }
  });
});
