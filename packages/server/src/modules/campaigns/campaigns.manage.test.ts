import type { Campaign, CampaignSummary, HeardAboutStatistics } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { givenHelpService, helpServiceInput } from '../directory/testing.ts';
import { createSelfReferral, getContactFormOptions, issueChallenge, validateSelfReferral } from '../referrals/index.ts';
import { createSelfReferralFixture, validContactFields } from '../referrals/testing.ts';
import { campaignInput } from './campaign.test-support.ts';

describe('campaigns: an organisation admin maintains its campaigns', () => {
  let t: TestApp;
  let admin: ReturnType<TestApp['as']>;
  let organisationId: string;
  let activeServiceId: string;
  let otherOrganisationsServiceId: string;
  let inactiveServiceId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const signedIn = await t.given.signedIn('organisation_admin', { kind: 'ngo' });
    admin = t.as(signedIn.session);
    organisationId = signedIn.organisationId;
    activeServiceId = await givenHelpService(t, organisationId, helpServiceInput({ slug: 'egen-raadgivning' }));
    const hotline = await t.given.organisation({ kind: 'national_hotline' });
    otherOrganisationsServiceId = await givenHelpService(t, hotline.id, helpServiceInput({ slug: 'hotline' }));
    inactiveServiceId = await givenHelpService(t, organisationId, helpServiceInput({ slug: 'lukket', status: 'inactive' }));
  });
  afterAll(async () => t.close());

  it('creates a draft, reads it back, lists it, and audits the change without its texts', async () => {
    const input = campaignInput({
      slug: 'omsorg',
      titleDa: 'Omsorg i Fællesskabet',
      testimonials: [{ quote: 'Det hjalp at tale med nogen.', attribution: 'Mads, 34' }],
      videos: [
        { kind: 'own', titleDa: 'Film', titleEn: 'Film', path: '/public/campaign-media/omsorg-1.mp4' },
        { kind: 'external', titleDa: 'Mere hos LGBT+ Danmark', titleEn: 'More at LGBT+ Danmark', url: 'https://lgbt.dk/omsorg-i-faellesskabet/' },
      ],
      serviceIds: [activeServiceId, otherOrganisationsServiceId],
    });
    const created = await admin.post('/api/campaigns', input);
    expect(created.statusCode).toBe(201);
    const campaign = created.json() as Campaign;
    expect(campaign).toMatchObject({
      organisationId,
      slug: 'omsorg',
      status: 'draft',
      publishedAt: null,
      titleAr: null,
      testimonials: [{ quote: 'Det hjalp at tale med nogen.', attribution: 'Mads, 34', language: 'da' }],
      videos: [
        { kind: 'own', path: '/public/campaign-media/omsorg-1.mp4', captionsPath: null, titleAr: null },
        { kind: 'external', url: 'https://lgbt.dk/omsorg-i-faellesskabet/' },
      ],
      publicPath: '/kampagner/omsorg',
    });
    expect(campaign.services.map((service) => service.id)).toEqual([activeServiceId, otherOrganisationsServiceId]);
    expect((await admin.get(`/api/campaigns/${campaign.id}`)).json()).toEqual(campaign);
    const list = (await admin.get('/api/campaigns')).json() as CampaignSummary[];
    expect(list.map((entry) => entry.slug)).toContain('omsorg');

    const audit = await t.db.selectFrom('audit_log').select(['action', 'details', 'actor_organisation_id']).where('object_id', '=', campaign.id).execute();
    expect(audit).toEqual([{ action: 'campaign.create', actor_organisation_id: organisationId, details: { services: 2, videos: 2, testimonials: 1 } }]);
  });

  it('changes only the given fields, replaces lists as a whole, and publishes and unpublishes (audited)', async () => {
    const campaign = (await admin.post('/api/campaigns', campaignInput({ serviceIds: [activeServiceId] }))).json() as Campaign;
    const patched = await admin.patch(`/api/campaigns/${campaign.id}`, { titleEn: 'New title', serviceIds: [otherOrganisationsServiceId] });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ titleEn: 'New title', titleDa: campaign.titleDa, bodyDa: campaign.bodyDa, services: [{ id: otherOrganisationsServiceId }] });

    const published = (await admin.post(`/api/campaigns/${campaign.id}/publish`)).json() as Campaign;
    expect(published.status).toBe('published');
    expect(published.publishedAt).toBe(t.clock.now().toISOString());
    // Publishing again changes nothing.
    expect((await admin.post(`/api/campaigns/${campaign.id}/publish`)).json()).toEqual(published);
    expect(((await admin.post(`/api/campaigns/${campaign.id}/unpublish`)).json() as Campaign).status).toBe('draft');

    const actions = await t.db.selectFrom('audit_log').select(['action', 'details']).where('object_id', '=', campaign.id).orderBy('id').execute();
    expect(actions.map((entry) => entry.action)).toEqual(['campaign.create', 'campaign.update', 'campaign.publish', 'campaign.unpublish']);
    expect(actions[1]?.details).toEqual({ fields: 'serviceIds,titleEn', status: 'draft' });
  });

  it('refuses bad input with 422 problem documents, and a taken slug with 409', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...campaignInput(), titleDa: '' }, 'body.titleDa'],
      [{ ...campaignInput(), slug: 'Ikke en slug!' }, 'body.slug'],
      [{ ...campaignInput(), bodyHtml: '<b>' }, 'body'],
      [{ ...campaignInput(), videos: [{ kind: 'external', titleDa: 'a', titleEn: 'a', url: 'http://example.com' }] }, 'body.videos'],
      [{ ...campaignInput(), videos: [{ kind: 'own', titleDa: 'a', titleEn: 'a', path: 'https://youtube.com/embed/x' }] }, 'body.videos'],
    ];
    for (const [body, path] of cases) {
      const response = await admin.post('/api/campaigns', body);
      expect(response.statusCode, path).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(response.json().errors ?? [])).toContain(path);
    }
    const unknownService = await admin.post('/api/campaigns', campaignInput({ serviceIds: [inactiveServiceId, '00000000-0000-4000-8000-000000000000'] }));
    expect(unknownService.statusCode).toBe(422);
    expect(unknownService.json().errors).toEqual([
      { path: 'body.serviceIds.0', message: 'unknown_or_inactive_service' },
      { path: 'body.serviceIds.1', message: 'unknown_or_inactive_service' },
    ]);

    const first = (await admin.post('/api/campaigns', campaignInput())).json() as Campaign;
    expect((await admin.post('/api/campaigns', campaignInput({ slug: first.slug }))).statusCode).toBe(409);
    const second = (await admin.post('/api/campaigns', campaignInput())).json() as Campaign;
    expect((await admin.patch(`/api/campaigns/${second.id}`, { slug: first.slug })).statusCode).toBe(409);
    expect((await admin.patch(`/api/campaigns/${second.id}`, {})).statusCode).toBe(422);
  });
});

describe('statistics: how self-referring people heard about the organisation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
  });
  afterAll(async () => t.close());

  it('shows counts per value only, with cells below 5 as "<5", for the admin’s own organisation', async () => {
    const fx = await createSelfReferralFixture(t);
    const options = await getContactFormOptions({ db: t.db });
    const send = async (heardAbout: string, service: string) => {
      const validation = validateSelfReferral({ options, body: { ...validContactFields, heardAbout, service } });
      if (!validation.isValid) throw new Error('invalid test request');
      const challenge = issueChallenge({ clock: t.clock, cipher: t.cipher });
      await createSelfReferral({ db: t.db, clock: t.clock, cipher: t.cipher, liveUpdates: t.liveUpdates, request: validation.request, challenge, challengeExpiresAt: new Date(t.clock.now().getTime() + 60_000) });
    };
    for (let index = 0; index < 6; index += 1) await send('from_campaign', 'lgbt-raadgivning');
    for (let index = 0; index < 2; index += 1) await send('from_friend', 'lgbt-raadgivning');
    await send('from_police', '_hotline');

    const admin = await t.given.signedIn('organisation_admin', { organisationId: fx.lgbt.organisation.id });
    const statistics = (await t.as(admin.session).get('/api/statistics/heard-about')).json() as HeardAboutStatistics;
    expect(statistics.counts).toEqual([
      { heardAbout: 'from_campaign', count: 6 },
      { heardAbout: 'from_friend', count: '<5' },
      { heardAbout: 'from_police', count: '<5' },
      { heardAbout: 'from_municipality', count: '<5' },
      { heardAbout: 'from_professional', count: '<5' },
      { heardAbout: 'searched_online', count: '<5' },
      { heardAbout: 'other', count: '<5' },
      { heardAbout: 'not_said', count: '<5' },
    ]);
    expect(JSON.stringify(statistics)).not.toMatch(/total/i);

    const coordinator = await t.as(undefined).get('/api/statistics/heard-about');
    expect(coordinator.statusCode).toBe(401);
    expect((await fx.lgbt.client.get('/api/statistics/heard-about')).statusCode).toBe(403);
  });
});
