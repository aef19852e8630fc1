import type { Campaign } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCampaignDemoData } from '../../demo/campaign-demo.ts';
import { loadDemoDataIfEmpty } from '../../demo/demo-data.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { givenHelpService, helpServiceInput } from '../directory/testing.ts';
import { campaignInput } from '../campaigns/testing.ts';
import { expectPublicPage } from './public-site.test-support.ts';

describe('public site: campaign pages', () => {
  let t: TestApp;
  let admin: ReturnType<TestApp['as']>;
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await createTestApp();
    const signedIn = await t.given.signedIn('organisation_admin', { kind: 'ngo' });
    admin = t.as(signedIn.session);
  });
  afterAll(async () => t.close());

  it('shows a campaign only while it is published', async () => {
    const campaign = (await admin.post('/api/campaigns', campaignInput({ slug: 'synlig' }))).json() as Campaign;
    expectPublicPage(await get('/kampagner/synlig'), '/kampagner/synlig', 'da', 404);
    await admin.post(`/api/campaigns/${campaign.id}/publish`);
    expect(expectPublicPage(await get('/kampagner/synlig'), '/kampagner/synlig', 'da')).toContain(`<h1>${campaign.titleDa}</h1>`);
    await admin.post(`/api/campaigns/${campaign.id}/unpublish`);
    expectPublicPage(await get('/kampagner/synlig'), '/kampagner/synlig', 'da', 404);
    expectPublicPage(await get('/kampagner/findes-ikke'), '/kampagner/findes-ikke', 'da', 404);
    expect((await get('/xx/kampagner/synlig')).statusCode).toBe(404);
    expectPublicPage(await get('/en/kampagner/findes-ikke'), '/en/kampagner/findes-ikke', 'en', 404);
  });

  it('plain text only, videos from our origin or as plain links, testimonials quoted in their language, linked services, and the way to ask for contact', async () => {
    const organisation = await t.given.organisation({ kind: 'ngo', name: 'Regnbuehuset' });
    const referralService = await t.given.service({ organisationId: organisation.id, serviceLine: 'victim' });
    const linked = await givenHelpService(t, organisation.id, helpServiceInput({ slug: 'regnbue-raadgivning', nameDa: 'Regnbuerådgivningen', nameEn: 'Rainbow counselling', referralServiceId: referralService.id }));
    const plain = await givenHelpService(t, organisation.id, helpServiceInput({ slug: 'regnbue-jura', nameDa: 'Regnbuejura' }));
    const closing = await givenHelpService(t, organisation.id, helpServiceInput({ slug: 'regnbue-lukker', nameDa: 'Lukker snart' }));
    const campaign = (
      await admin.post(
        '/api/campaigns',
        campaignInput({
          slug: 'regnbuen',
          titleDa: 'Regnbuen <script>alert(1)</script>',
          titleAr: 'قوس قزح',
          bodyDa: 'Første afsnit med <b>fed</b>.\n\nAndet afsnit.',
          testimonials: [
            { quote: 'Jeg blev hørt.', attribution: 'Sam, 27' },
            { quote: 'سمعوني', attribution: 'أحمد', language: 'ar' },
          ],
          videos: [
            { kind: 'own', titleDa: 'Vidnesbyrd', titleEn: 'Testimony', path: '/public/campaign-media/vidnesbyrd.mp4', captionsPath: '/public/campaign-media/vidnesbyrd.vtt' },
            { kind: 'external', titleDa: 'Se mere hos os', titleEn: 'See more', url: 'https://www.youtube.com/watch?v=abc' },
          ],
          serviceIds: [linked, plain, closing],
        }),
      )
    ).json() as Campaign;
    await admin.post(`/api/campaigns/${campaign.id}/publish`);
    // A linked listing that later stops being public disappears from the page.
    await t.db.updateTable('directory_services').set({ status: 'inactive' }).where('id', '=', closing).execute();

    const page = expectPublicPage(await get('/kampagner/regnbuen'), '/kampagner/regnbuen', 'da');
    expect(page).toContain('<h1>Regnbuen &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(page).toContain('<p>Første afsnit med &lt;b&gt;fed&lt;/b&gt;.</p>');
    expect(page).toContain('<p>Andet afsnit.</p>');
    expect(page).toContain('<video controls preload="none" src="/public/campaign-media/vidnesbyrd.mp4"><track kind="captions" src="/public/campaign-media/vidnesbyrd.vtt"');
    expect(page).toContain('<a href="https://www.youtube.com/watch?v=abc" rel="noreferrer noopener">Se mere hos os</a>');
    expect(page).toContain('<blockquote class="testimonial" lang="da" dir="ltr"><p>Jeg blev hørt.</p><footer>– Sam, 27</footer></blockquote>');
    expect(page).toContain('<blockquote class="testimonial" lang="ar" dir="rtl"><p>سمعوني</p>');
    expect(page).toContain('<a href="/tilbud/regnbue-raadgivning">Regnbuerådgivningen</a>');
    expect(page).toContain('<a href="/tilbud/regnbue-jura">Regnbuejura</a>');
    expect(page).not.toContain('Lukker snart');
    // The contact form, told where the person came from; a service that takes requests gets its own link.
    expect(page).toContain('href="/kontakt?kilde=campaign%3Aregnbuen"');
    expect(page).toContain('href="/kontakt?tjeneste=regnbue-raadgivning&amp;kilde=campaign%3Aregnbuen"');
    expect(page).not.toContain('tjeneste=regnbue-jura');

    const arabic = expectPublicPage(await get('/ar/kampagner/regnbuen'), '/ar/kampagner/regnbuen', 'ar');
    expect(arabic).toContain('<h1>قوس قزح</h1>');
    // Texts without Arabic fall back to Danish, marked as Danish.
    expect(arabic).toContain('<p class="lead" lang="da" dir="ltr">');
    expectPublicPage(await get('/en/kampagner/regnbuen'), '/en/kampagner/regnbuen', 'en');

    const form = (await get('/kontakt?kilde=campaign%3Aregnbuen')).body;
    expect(form).toContain('<option value="from_campaign" selected>');
  });
});

describe('the demo campaign', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('loads Omsorg i Fællesskabet once, published, pointing to LGBT+ Danmark’s counselling and the hotline', async () => {
    // The demo loader loads the campaign after its commit; loading again does nothing.
    expect(await loadDemoDataIfEmpty({ db: t.db, cipher: t.cipher, clock: t.clock })).toEqual({ isLoaded: true });
    expect(await loadCampaignDemoData({ db: t.db, clock: t.clock })).toEqual({ isLoaded: false });
    const page = expectPublicPage(await t.app.inject({ method: 'GET', url: '/kampagner/omsorg-i-faellesskabet' }), '/kampagner/omsorg-i-faellesskabet', 'da');
    expect(page).toContain('<h1>Omsorg i Fællesskabet</h1>');
    expect(page).toContain('href="/tilbud/lgbt-danmark-raadgivning"');
    expect(page).toContain('href="/tilbud/hotline-1888"');
    expect(page).toContain('tjeneste=lgbt-danmark-raadgivning');
    expectPublicPage(await t.app.inject({ method: 'GET', url: '/en/kampagner/omsorg-i-faellesskabet' }), '/en/kampagner/omsorg-i-faellesskabet', 'en');
  });
});
