import { describe, expect, it } from 'vitest';
import { CampaignVideo, CreateCampaignRequest, UpdateCampaignRequest, type CreateCampaignInput } from './Campaign.ts';

const minimal: CreateCampaignInput = {
  slug: 'omsorg',
  titleDa: 'Omsorg',
  titleEn: 'Care',
  summaryDa: 'Kort',
  summaryEn: 'Short',
  bodyDa: 'Tekst',
  bodyEn: 'Text',
};

describe('campaign schemas', () => {
  it('needs Danish and English; lists default to empty', () => {
    expect(CreateCampaignRequest.parse(minimal)).toMatchObject({ testimonials: [], videos: [], serviceIds: [] });
    expect(CreateCampaignRequest.safeParse({ ...minimal, titleEn: ' ' }).success).toBe(false);
  });

  it('a video is our own file or a plain https link, nothing else', () => {
    expect(CampaignVideo.safeParse({ kind: 'own', titleDa: 'a', titleEn: 'a', path: '/public/campaign-media/film-1.mp4', captionsPath: '/public/campaign-media/film-1.vtt' }).success).toBe(true);
    expect(CampaignVideo.safeParse({ kind: 'own', titleDa: 'a', titleEn: 'a', path: '/public/campaign-media/../secret.mp4' }).success).toBe(false);
    expect(CampaignVideo.safeParse({ kind: 'own', titleDa: 'a', titleEn: 'a', path: 'https://youtube.com/x.mp4' }).success).toBe(false);
    expect(CampaignVideo.safeParse({ kind: 'external', titleDa: 'a', titleEn: 'a', url: 'https://lgbt.dk/omsorg-i-faellesskabet/' }).success).toBe(true);
    expect(CampaignVideo.safeParse({ kind: 'external', titleDa: 'a', titleEn: 'a', url: 'javascript:alert(1)' }).success).toBe(false);
    expect(CampaignVideo.safeParse({ kind: 'external', titleDa: 'a', titleEn: 'a', url: 'http://example.dk' }).success).toBe(false);
    expect(CampaignVideo.safeParse({ kind: 'embed', titleDa: 'a', titleEn: 'a', html: '<iframe>' }).success).toBe(false);
  });

  it('refuses a service linked twice, unknown fields and an empty update', () => {
    const id = '5b0e6a52-3d0c-4c1b-9a8e-2f1d4b6c7a80';
    expect(CreateCampaignRequest.safeParse({ ...minimal, serviceIds: [id, id] }).success).toBe(false);
    expect(CreateCampaignRequest.safeParse({ ...minimal, html: '<b>' }).success).toBe(false);
    expect(UpdateCampaignRequest.safeParse({}).success).toBe(false);
    expect(UpdateCampaignRequest.parse({ titleDa: 'Ny' })).toEqual({ titleDa: 'Ny' });
  });
});
