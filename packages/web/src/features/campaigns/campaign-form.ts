import type { Control } from 'react-hook-form';
import { CreateCampaignRequest, type Campaign, type CampaignLanguage, type CreateCampaignInput } from '@bro/domain';
import { isOneOf, type DraftError, type IssueDetails } from '../../forms/draft-errors';
import { requestSchema } from '../../forms/schema';

/** The form control a group of the editor's fields is bound to. */
export type CampaignControl = { control: Control<CampaignDraft, unknown, unknown> };

/**
 * The campaign form's state and its one conversion to an API request, checked with the SAME zod schema the server
 * validates with (`CreateCampaignRequest`), so the form cannot accept what the server would refuse.
 */

export type TestimonialDraft = { quote: string; attribution: string; language: CampaignLanguage };
export type VideoDraft = {
  kind: 'own' | 'external';
  titleDa: string;
  titleEn: string;
  titleAr: string;
  path: string;
  captionsPath: string;
  url: string;
};

export type CampaignDraft = {
  slug: string;
  titleDa: string;
  titleEn: string;
  titleAr: string;
  summaryDa: string;
  summaryEn: string;
  summaryAr: string;
  bodyDa: string;
  bodyEn: string;
  bodyAr: string;
  testimonials: TestimonialDraft[];
  videos: VideoDraft[];
  /** In the order the admin chose them: the public page lists them so. */
  serviceIds: string[];
};

/** What the edit page last did, as a kind (not text) so its message follows a change of language. */
export type CampaignOutcome = 'created' | 'saved' | 'published' | 'unpublished';

export const emptyTestimonial = (): TestimonialDraft => ({ quote: '', attribution: '', language: 'da' });
export const emptyVideo = (): VideoDraft => ({ kind: 'own', titleDa: '', titleEn: '', titleAr: '', path: '', captionsPath: '', url: '' });

export function emptyCampaignDraft(): CampaignDraft {
  return {
    slug: '',
    titleDa: '',
    titleEn: '',
    titleAr: '',
    summaryDa: '',
    summaryEn: '',
    summaryAr: '',
    bodyDa: '',
    bodyEn: '',
    bodyAr: '',
    testimonials: [],
    videos: [],
    serviceIds: [],
  };
}

export function draftFromCampaign(campaign: Campaign): CampaignDraft {
  const text = (value: string | null) => value ?? '';
  return {
    slug: campaign.slug,
    titleDa: campaign.titleDa,
    titleEn: campaign.titleEn,
    titleAr: text(campaign.titleAr),
    summaryDa: campaign.summaryDa,
    summaryEn: campaign.summaryEn,
    summaryAr: text(campaign.summaryAr),
    bodyDa: campaign.bodyDa,
    bodyEn: campaign.bodyEn,
    bodyAr: text(campaign.bodyAr),
    testimonials: campaign.testimonials.map(({ quote, attribution, language }) => ({ quote, attribution, language })),
    videos: campaign.videos.map((video) => ({
      kind: video.kind,
      titleDa: video.titleDa,
      titleEn: video.titleEn,
      titleAr: text(video.titleAr),
      path: video.kind === 'own' ? video.path : '',
      captionsPath: video.kind === 'own' ? text(video.captionsPath) : '',
      url: video.kind === 'external' ? video.url : '',
    })),
    serviceIds: campaign.services.map((service) => service.id),
  };
}

const optionalText = (value: string) => (value.trim() === '' ? null : value);

/** The request the draft stands for; a video sends only the fields of its kind. */
export function toRequestInput(draft: CampaignDraft): CreateCampaignInput {
  return {
    slug: draft.slug,
    titleDa: draft.titleDa,
    titleEn: draft.titleEn,
    titleAr: optionalText(draft.titleAr),
    summaryDa: draft.summaryDa,
    summaryEn: draft.summaryEn,
    summaryAr: optionalText(draft.summaryAr),
    bodyDa: draft.bodyDa,
    bodyEn: draft.bodyEn,
    bodyAr: optionalText(draft.bodyAr),
    testimonials: draft.testimonials.map(({ quote, attribution, language }) => ({ quote, attribution, language })),
    videos: draft.videos.map((video) => {
      const titles = { titleDa: video.titleDa, titleEn: video.titleEn, titleAr: optionalText(video.titleAr) };
      return video.kind === 'own'
        ? { kind: 'own' as const, ...titles, path: video.path.trim(), captionsPath: optionalText(video.captionsPath.trim()) }
        : { kind: 'external' as const, ...titles, url: video.url.trim() };
    }),
    serviceIds: draft.serviceIds,
  };
}

/** Why a field was refused, as a code the form turns into a sentence (campaigns.errors.*). */
export type CampaignErrorCode =
  | 'required'
  | 'too_long'
  | 'too_many'
  | 'slug_format'
  | 'slug_taken'
  | 'media_path_format'
  | 'captions_path_format'
  | 'url_format'
  | 'duplicate_value'
  | 'unknown_or_inactive_service'
  | 'invalid';

const messageCodes = ['slug_format', 'slug_taken', 'media_path_format', 'captions_path_format', 'duplicate_value', 'unknown_or_inactive_service'] as const;

/** The code of a message the server sent for a field: its own rule's code, or "not valid". */
export const codeOfServerMessage = (message: string): CampaignErrorCode => (isOneOf(messageCodes, message) ? message : 'invalid');

/** The form field of an error path: the request's own path (`videos.0.url`); chosen services collapse onto one. */
export function fieldKeyOfPath(path: string): string {
  const key = path.replace(/^\//, '').replace(/\//g, '.').replace(/^body\./, '');
  return /^serviceIds(\.|$)/.test(key) ? 'serviceIds' : key;
}

/** What a schema issue means for the admin, as a code (the sentence then names the field). */
function errorOfIssue(issue: IssueDetails, fieldKey: string): DraftError {
  if (isOneOf(messageCodes, issue.message)) return { fieldKey, code: issue.message };
  switch (issue.code) {
    case 'too_small':
      return { fieldKey, code: 'required' };
    case 'too_big':
      return issue.origin === 'string' ? { fieldKey, code: 'too_long', maximum: Number(issue.maximum) } : { fieldKey, code: 'too_many' };
    case 'invalid_format':
      return { fieldKey, code: issue.format === 'url' ? 'url_format' : 'invalid' };
    default:
      return { fieldKey, code: /url/.test(fieldKey) ? 'url_format' : 'invalid' };
  }
}

/**
 * The campaign form's schema: the draft becomes the request, which `CreateCampaignRequest` checks; each issue is said
 * by `describe` on its field, and the output is the request.
 */
export const campaignSchema = (describe: (error: DraftError) => string) =>
  requestSchema({ schema: CreateCampaignRequest, toRequest: toRequestInput, fieldKeyOf: fieldKeyOfPath, messageOf: (issue, fieldKey) => describe(errorOfIssue(issue, fieldKey)) });

/** Has the admin changed anything that would be saved? (What the form hides does not count.) */
export function isSameCampaign(a: CampaignDraft, b: CampaignDraft): boolean {
  return JSON.stringify(toRequestInput(a)) === JSON.stringify(toRequestInput(b));
}
