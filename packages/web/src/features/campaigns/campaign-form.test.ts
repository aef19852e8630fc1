import { describe, expect, it } from 'vitest';
import type { DraftError } from '../../forms/draft-errors';
import { campaignSchema, codeOfServerMessage, emptyCampaignDraft, emptyVideo, fieldKeyOfPath, isSameCampaign, toRequestInput, type CampaignDraft } from './campaign-form';

const schema = campaignSchema((error: DraftError) => error.code);
const issues = (draft: CampaignDraft) => Object.fromEntries((schema.safeParse(draft).error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

function validDraft(): CampaignDraft {
  return { ...emptyCampaignDraft(), slug: 'du-er-ikke-alene', titleDa: 'Titel', titleEn: 'Title', summaryDa: 'Resumé', summaryEn: 'Summary', bodyDa: 'Tekst', bodyEn: 'Text' };
}

describe('the campaign draft', () => {
  it('names the missing texts and a malformed address by their request paths', () => {
    expect(issues({ ...emptyCampaignDraft(), slug: 'Ikke Gyldig!' })).toMatchObject({ slug: 'slug_format', titleDa: 'required', titleEn: 'required' });
  });

  it('sends a video with only the fields of its kind', () => {
    const own = { ...emptyVideo(), titleDa: 'A', titleEn: 'A', path: ' /public/campaign-media/a.mp4 ', url: 'https://ignored' };
    const external = { ...emptyVideo(), kind: 'external' as const, titleDa: 'B', titleEn: 'B', url: ' https://video.example.org/b ', path: '/ignored' };
    expect(toRequestInput({ ...validDraft(), videos: [own, external] }).videos).toEqual([
      { kind: 'own', titleDa: 'A', titleEn: 'A', titleAr: null, path: '/public/campaign-media/a.mp4', captionsPath: null },
      { kind: 'external', titleDa: 'B', titleEn: 'B', titleAr: null, url: 'https://video.example.org/b' },
    ]);
  });

  it('refuses a plain http link on the video’s own field', () => {
    const video = { ...emptyVideo(), kind: 'external' as const, titleDa: 'B', titleEn: 'B', url: 'http://video.example.org/b' };
    expect(issues({ ...validDraft(), videos: [video] })).toEqual({ 'videos.0.url': 'url_format' });
  });

  it('accepts a complete draft and gives the request', () => {
    expect(schema.parse(validDraft())).toMatchObject({ slug: 'du-er-ikke-alene', titleAr: null, serviceIds: [] });
  });

  it('puts the chosen services’ problems on the services field, and knows the server’s codes', () => {
    expect(fieldKeyOfPath('body.serviceIds.2')).toBe('serviceIds');
    expect(codeOfServerMessage('unknown_or_inactive_service')).toBe('unknown_or_inactive_service');
    expect(codeOfServerMessage('whatever')).toBe('invalid');
  });

  it('sees only changes that would be saved', () => {
    const draft = validDraft();
    expect(isSameCampaign(draft, { ...draft })).toBe(true);
    expect(isSameCampaign(draft, { ...draft, titleDa: 'Anden' })).toBe(false);
  });
});
