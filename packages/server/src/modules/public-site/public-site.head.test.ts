import type { Campaign } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { campaignInput } from '../campaigns/testing.ts';
import { givenHelpService, helpServiceInput } from '../directory/testing.ts';
import { createSelfReferralFixture, submitContactForm } from '../referrals/testing.ts';
import { expectPublicPage, readSearchEngineHead, TEST_PUBLIC_ORIGIN } from './public-site.test-support.ts';

/**
 * What search engines read: a description in the page's language, the page's canonical address, and the same page
 * in each language (hreflang, x-default Danish), all absolute from the configured public origin. The title stays
 * neutral; a page that answers an error is kept out of the index.
 */
describe('public site: description, canonical address and language alternates', () => {
  let t: TestApp;
  const get = (url: string) => t.as(undefined).get(url);

  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    const organisation = await t.given.organisation({ name: 'Hjælpehuset' });
    await givenHelpService(
      t,
      organisation.id,
      helpServiceInput({
        slug: 'regnbue',
        nameDa: 'Regnbuerådgivningen',
        descriptionDa: 'Rådgivning for LGBT+ personer, der er udsat for vold i et parforhold.\nAndet afsnit.',
        descriptionEn: 'Counselling for LGBT+ people exposed to violence in a relationship.',
      }),
    );
    const admin = t.as((await t.given.signedIn('organisation_admin', { kind: 'ngo' })).session);
    const campaign = (await admin.post('/api/campaigns', campaignInput({ slug: 'synlig', summaryDa: 'Et kort resumé af kampagnen.' }))).json() as Campaign;
    await admin.post(`/api/campaigns/${campaign.id}/publish`);
    await createSelfReferralFixture(t);
  });
  afterAll(async () => t.close());

  const pageTypes: [path: string, description: Record<'da' | 'en' | 'ar', RegExp>][] = [
    ['', { da: /^Ring til hotlinen 1888/, en: /^Call the 1888 hotline/, ar: /^اتصل بالخط الساخن 1888/ }],
    ['/tilbud', { da: /^Find krisecentre, rådgivning/, en: /^Find shelters, counselling/, ar: /^ابحث عن مراكز الإيواء/ }],
    // A service describes itself (its first paragraph); on an Arabic page its Danish text gives way to ours.
    ['/tilbud/regnbue', { da: /^Rådgivning for LGBT\+ personer, der er udsat for vold i et parforhold\.$/, en: /^Counselling for LGBT\+ people/, ar: /^ابحث عن مراكز الإيواء/ }],
    ['/kontakt', { da: /^Bed om at blive ringet op/, en: /^Ask a counsellor to call you/, ar: /^اطلب أن يتصل بك مستشار/ }],
    ['/kvittering', { da: /^Se med din kvitteringskode/, en: /^See with your receipt code/, ar: /^تحقق باستخدام رمز الإيصال/ }],
    ['/kampagner/synlig', { da: /^Et kort resumé af kampagnen\.$/, en: /^A short summary\.$/, ar: /^ابحث عن مراكز الإيواء/ }],
    ['/tilgaengelighed', { da: /^Tilgængelighedserklæring for de offentlige sider/, en: /^Accessibility statement for the public pages/, ar: /^بيان إمكانية الوصول/ }],
    ['/sikkerhed', { da: /^Sådan virker knappen/, en: /^How the &quot;Leave this page&quot; button works/, ar: /^كيف يعمل زر/ }],
  ];

  it('every page type, in every language, has a description in its language, a canonical address and its alternates', async () => {
    for (const [path, descriptions] of pageTypes) {
      const address = (lang: 'da' | 'en' | 'ar') => `${TEST_PUBLIC_ORIGIN}${lang === 'da' ? path || '/' : `/${lang}${path || '/'}`}`;
      for (const lang of ['da', 'en', 'ar'] as const) {
        const url = address(lang).slice(TEST_PUBLIC_ORIGIN.length);
        const head = readSearchEngineHead(expectPublicPage(await get(url), url, lang));
        expect(head.description, url).toMatch(descriptions[lang]);
        expect(head.canonical, url).toBe(address(lang));
        expect(head.alternates, url).toEqual({ da: address('da'), en: address('en'), ar: address('ar'), 'x-default': address('da') });
        expect(head.isNoIndex, url).toBe(false);
      }
    }
  });

  it('the canonical address of a search or a listing leaves out the filters: search terms are not an address', async () => {
    const search = readSearchEngineHead((await get('/tilbud?q=regnbue&situation=exposed')).body);
    expect(search.canonical).toBe(`${TEST_PUBLIC_ORIGIN}/tilbud`);
    expect(search.alternates.en).toBe(`${TEST_PUBLIC_ORIGIN}/en/tilbud`);
    expect(readSearchEngineHead((await get('/en/tilbud/regnbue?situation=exposed')).body).canonical).toBe(`${TEST_PUBLIC_ORIGIN}/en/tilbud/regnbue`);
  });

  it('a page that answers an error, or a form, is kept out of the index and names no canonical address', async () => {
    const notFound = readSearchEngineHead(expectPublicPage(await get('/findes-ikke'), '/findes-ikke', 'da', 404));
    expect(notFound).toEqual({ description: undefined, canonical: undefined, alternates: {}, isNoIndex: true });
    const unknownService = readSearchEngineHead(expectPublicPage(await get('/en/tilbud/findes-ikke'), 'unknown service', 'en', 404));
    expect(unknownService.isNoIndex).toBe(true);
    const receipt = readSearchEngineHead(expectPublicPage((await submitContactForm(t, {})).response, 'receipt', 'da'));
    expect(receipt.isNoIndex).toBe(true);
    // The form shown again with its errors is still the contact page.
    const again = readSearchEngineHead(expectPublicPage((await submitContactForm(t, { phone: '' })).response, 'form again', 'da', 422));
    expect(again.canonical).toBe(`${TEST_PUBLIC_ORIGIN}/kontakt`);
  });
});
