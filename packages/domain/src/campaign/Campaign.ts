import { z } from 'zod';
import { text as checkedText } from '../common/text.ts';
import { HelpServiceStatus } from '../directory/taxonomy.ts';

/**
 * Campaigns are content pages on the public site (e.g. Omsorg i Fællesskabet): a title, a summary, plain-text
 * paragraphs, testimonials, videos and the directory services they point to. Maintained by an organisation's admin;
 * public only once published. Danish and English are required, Arabic optional (falls back to Danish).
 *
 * No HTML anywhere: every text is plain and escaped when rendered; paragraphs are separated by blank lines.
 * Videos are either a file served from our own origin or a plain link to another site — never an embedded player
 * from a third party (it would load another origin's scripts and cookies on a page that must leave no trace).
 */

/** A title or an attribution: one line. */
const line = (max: number) => checkedText({ max }).min(1);
const optionalLine = (max: number) => checkedText({ max }).nullable().optional();
/** A summary, a body or a quote: paragraphs separated by blank lines. */
const paragraphs = (max: number) => checkedText({ max, multiline: true }).min(1);
const optionalParagraphs = (max: number) => checkedText({ max, multiline: true }).nullable().optional();

/** Public URL segment: `/da/kampagner/<slug>`. */
export const CampaignSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, { message: 'slug_format' });
export type CampaignSlug = z.infer<typeof CampaignSlug>;

export const CampaignStatus = z.enum(['draft', 'published']);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

/** The language a testimonial was given in: it is quoted as said, not translated. */
export const CampaignLanguage = z.enum(['da', 'en', 'ar']);
export type CampaignLanguage = z.infer<typeof CampaignLanguage>;

export const CampaignTestimonial = z.strictObject({
  quote: paragraphs(1000),
  /** Free text, e.g. "Mads, 34" or "A member of the community". Never require a real name. */
  attribution: line(200),
  language: CampaignLanguage.default('da'),
});
export type CampaignTestimonial = z.infer<typeof CampaignTestimonial>;

/** A video file (or its captions) placed in the server's campaign-media folder: same origin, no third party. */
export const CampaignMediaPath = z.string().regex(/^\/public\/campaign-media\/[a-z0-9][a-z0-9-]{0,80}\.(mp4|webm)$/, { message: 'media_path_format' });
export const CampaignCaptionsPath = z.string().regex(/^\/public\/campaign-media\/[a-z0-9][a-z0-9-]{0,80}\.vtt$/, { message: 'captions_path_format' });

const videoTitles = { titleDa: line(200), titleEn: line(200), titleAr: optionalLine(200) };

export const CampaignVideo = z.discriminatedUnion('kind', [
  /** Played in the page with the browser's own player, from our origin. */
  z.strictObject({ kind: z.literal('own'), ...videoTitles, path: CampaignMediaPath, captionsPath: CampaignCaptionsPath.nullable().optional() }),
  /** Shown as a plain link that leaves the site; never embedded. */
  z.strictObject({ kind: z.literal('external'), ...videoTitles, url: z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(500) }),
]);
export type CampaignVideo = z.infer<typeof CampaignVideo>;

/** The fields without defaults, so the update schema can make every one optional. */
const campaignFields = {
  slug: CampaignSlug,
  titleDa: line(200),
  titleEn: line(200),
  titleAr: optionalLine(200),
  summaryDa: paragraphs(500),
  summaryEn: paragraphs(500),
  summaryAr: optionalParagraphs(500),
  bodyDa: paragraphs(10_000),
  bodyEn: paragraphs(10_000),
  bodyAr: optionalParagraphs(10_000),
  testimonials: z.array(CampaignTestimonial).max(20),
  videos: z.array(CampaignVideo).max(20),
  /** Directory services the campaign points to (any organisation's), in this order. Each must be active. */
  serviceIds: z
    .array(z.uuid())
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate_value' }),
};

export const CreateCampaignRequest = z.strictObject({
  ...campaignFields,
  testimonials: campaignFields.testimonials.default([]),
  videos: campaignFields.videos.default([]),
  serviceIds: campaignFields.serviceIds.default([]),
});
export type CreateCampaignRequest = z.infer<typeof CreateCampaignRequest>;
export type CreateCampaignInput = z.input<typeof CreateCampaignRequest>;

/** Only the fields given change; lists are replaced as a whole. */
export const UpdateCampaignRequest = z
  .strictObject(campaignFields)
  .partial()
  .refine((update) => Object.keys(update).length > 0, { message: 'empty_update' });
export type UpdateCampaignRequest = z.infer<typeof UpdateCampaignRequest>;

export const CampaignServiceLink = z.object({
  id: z.uuid(),
  slug: z.string(),
  nameDa: z.string(),
  nameEn: z.string(),
  status: HelpServiceStatus,
});
export type CampaignServiceLink = z.infer<typeof CampaignServiceLink>;

/** A campaign as its organisation's admin sees it. */
export const Campaign = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  slug: z.string(),
  status: CampaignStatus,
  titleDa: z.string(),
  titleEn: z.string(),
  titleAr: z.string().nullable(),
  summaryDa: z.string(),
  summaryEn: z.string(),
  summaryAr: z.string().nullable(),
  bodyDa: z.string(),
  bodyEn: z.string(),
  bodyAr: z.string().nullable(),
  testimonials: z.array(z.object({ quote: z.string(), attribution: z.string(), language: CampaignLanguage })),
  videos: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('own'), titleDa: z.string(), titleEn: z.string(), titleAr: z.string().nullable(), path: z.string(), captionsPath: z.string().nullable() }),
      z.object({ kind: z.literal('external'), titleDa: z.string(), titleEn: z.string(), titleAr: z.string().nullable(), url: z.string() }),
    ]),
  ),
  services: z.array(CampaignServiceLink),
  /** Where the public page is (once published), e.g. `/da/kampagner/omsorg-i-faellesskabet`. */
  publicPath: z.string(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignSummary = Campaign.pick({ id: true, slug: true, status: true, titleDa: true, titleEn: true, publishedAt: true, updatedAt: true });
export type CampaignSummary = z.infer<typeof CampaignSummary>;

export const CampaignList = z.array(CampaignSummary);
export type CampaignList = z.infer<typeof CampaignList>;

export const CampaignIdParams = z.strictObject({ campaignId: z.uuid() });
export type CampaignIdParams = z.infer<typeof CampaignIdParams>;
