import {
  CampaignStatus,
  CampaignTestimonial,
  CampaignVideo,
  CreateCampaignRequest,
  HelpServiceStatus,
  type Campaign,
  type CampaignSummary,
  type UpdateCampaignRequest,
} from '@bro/domain';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, Db } from '../../db/tables.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import {
  findOwnCampaign,
  findPublishedCampaign,
  insertCampaign,
  listActiveDirectoryServiceIds,
  listCampaignServices,
  listOwnCampaigns,
  replaceCampaignServices,
  setCampaignStatus,
  updateCampaignRow,
  type CampaignRow,
  type CampaignServiceRow,
  type CampaignValues,
} from './campaign.queries.ts';

/**
 * Campaigns: content pages maintained by an organisation's admin (another organisation's campaign answers 404,
 * like one that does not exist), public at `/kampagner/{slug}` (and `/en/…`, `/ar/…`) while published. Every change is audited in
 * its transaction, with field names only (never the texts).
 */

type Trx = Transaction<Database>;

const StoredTestimonials = z.array(CampaignTestimonial);
const StoredVideos = z.array(CampaignVideo);

export async function listCampaigns(input: { db: Db; actor: Actor }): Promise<CampaignSummary[]> {
  const rows = await listOwnCampaigns(input.db, input.actor.organisationId);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    status: CampaignStatus.parse(row.status),
    titleDa: row.title_da,
    titleEn: row.title_en,
    publishedAt: row.published_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  }));
}

export async function getCampaign(input: { db: Db; actor: Actor; campaignId: string }): Promise<Campaign> {
  return readOwnCampaign(input.db, { campaignId: input.campaignId, organisationId: input.actor.organisationId });
}

export async function createCampaign(input: { db: Db; clock: Clock; actor: Actor; request: CreateCampaignRequest }): Promise<Campaign> {
  const { actor, request } = input;
  const now = input.clock.now();
  const campaignId = await input.db.transaction().execute(async (trx) => {
    const id = await insertCampaignOf(trx, { request, organisationId: actor.organisationId, now });
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'campaign.create',
      objectType: 'campaign',
      objectId: id,
      details: { services: request.serviceIds.length, videos: request.videos.length, testimonials: request.testimonials.length },
    });
    return id;
  });
  return readOwnCampaign(input.db, { campaignId, organisationId: actor.organisationId });
}

/**
 * Adds a draft campaign for an organisation inside the caller's transaction (which writes the audit entry). Used by
 * the API and the demo loader. 409 when the slug is taken; 422 when a linked service is unknown or not active.
 */
export async function insertCampaignOf(trx: Trx, input: { request: CreateCampaignRequest; organisationId: string; now: Date }): Promise<string> {
  await checkServiceLinks(trx, input.request.serviceIds);
  const id = await insertCampaign(trx, { ...toValues(input.request, input.organisationId, input.now), created_at: input.now });
  if (!id) throw new AppError('slug_taken');
  await replaceCampaignServices(trx, id, input.request.serviceIds);
  return id;
}

/** Applies the given fields and validates the result as a whole; lists are replaced as a whole. */
export async function updateCampaign(input: { db: Db; clock: Clock; actor: Actor; campaignId: string; request: UpdateCampaignRequest }): Promise<Campaign> {
  const { actor } = input;
  const now = input.clock.now();
  await input.db.transaction().execute(async (trx) => {
    const current = await getOwnRow(trx, { campaignId: input.campaignId, organisationId: actor.organisationId, isForUpdate: true });
    const currentServiceIds = (await listCampaignServices(trx, current.id)).map((service) => service.id);
    const merged = CreateCampaignRequest.safeParse({ ...toRequestShape(current, currentServiceIds), ...input.request });
    if (!merged.success) {
      throw new AppError('validation_failed', merged.error.issues.map((issue) => ({ path: ['body', ...issue.path.map(String)].join('.'), message: issue.message })));
    }
    if (input.request.serviceIds !== undefined) {
      // Only newly linked services must be active now; one already linked that has since closed may stay (it is hidden publicly).
      await checkServiceLinks(trx, merged.data.serviceIds.filter((id) => !currentServiceIds.includes(id)));
      await replaceCampaignServices(trx, current.id, merged.data.serviceIds);
    }
    if (!(await updateCampaignRow(trx, current.id, toValues(merged.data, actor.organisationId, now)))) throw new AppError('slug_taken');
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'campaign.update',
      objectType: 'campaign',
      objectId: current.id,
      details: { fields: Object.keys(input.request).sort().join(','), status: current.status },
    });
  });
  return readOwnCampaign(input.db, { campaignId: input.campaignId, organisationId: actor.organisationId });
}

export async function publishCampaign(input: { db: Db; clock: Clock; actor: Actor; campaignId: string }): Promise<Campaign> {
  return changeStatus(input, 'published');
}

export async function unpublishCampaign(input: { db: Db; clock: Clock; actor: Actor; campaignId: string }): Promise<Campaign> {
  return changeStatus(input, 'draft');
}

async function changeStatus(input: { db: Db; clock: Clock; actor: Actor; campaignId: string }, status: CampaignStatus): Promise<Campaign> {
  const { actor } = input;
  const now = input.clock.now();
  await input.db.transaction().execute(async (trx) => {
    const current = await getOwnRow(trx, { campaignId: input.campaignId, organisationId: actor.organisationId, isForUpdate: true });
    // Publishing what is already published is a no-op, not an error: the admin's intent holds either way.
    if (current.status === status) return;
    await setCampaignStatus(trx, { campaignId: current.id, status, now });
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: status === 'published' ? 'campaign.publish' : 'campaign.unpublish',
      objectType: 'campaign',
      objectId: current.id,
      details: { slug: current.slug },
    });
  });
  return readOwnCampaign(input.db, { campaignId: input.campaignId, organisationId: actor.organisationId });
}

async function checkServiceLinks(trx: Trx, serviceIds: readonly string[]): Promise<void> {
  const active = new Set(await listActiveDirectoryServiceIds(trx, serviceIds));
  const problems = serviceIds.flatMap((id, index) => (active.has(id) ? [] : [{ path: `body.serviceIds.${index}`, message: 'unknown_or_inactive_service' }]));
  if (problems.length > 0) throw new AppError('validation_failed', problems);
}

async function getOwnRow(db: Db, input: { campaignId: string; organisationId: string; isForUpdate?: boolean }): Promise<CampaignRow> {
  const row = await findOwnCampaign(db, input);
  if (!row) throw new AppError('not_found');
  return row;
}

async function readOwnCampaign(db: Db, input: { campaignId: string; organisationId: string }): Promise<Campaign> {
  const row = await getOwnRow(db, input);
  const services = await listCampaignServices(db, row.id);
  return toCampaign(row, services);
}

function toValues(request: CreateCampaignRequest, organisationId: string, now: Date): CampaignValues {
  return {
    organisation_id: organisationId,
    slug: request.slug,
    title_da: request.titleDa,
    title_en: request.titleEn,
    title_ar: request.titleAr || null,
    summary_da: request.summaryDa,
    summary_en: request.summaryEn,
    summary_ar: request.summaryAr || null,
    body_da: request.bodyDa,
    body_en: request.bodyEn,
    body_ar: request.bodyAr || null,
    testimonials: JSON.stringify(request.testimonials),
    videos: JSON.stringify(request.videos),
    updated_at: now,
  };
}

/** The campaign's texts in the API's shape: what the editor writes and every reader gets back. */
function toTexts(row: CampaignRow) {
  return {
    titleDa: row.title_da,
    titleEn: row.title_en,
    titleAr: row.title_ar,
    summaryDa: row.summary_da,
    summaryEn: row.summary_en,
    summaryAr: row.summary_ar,
    bodyDa: row.body_da,
    bodyEn: row.body_en,
    bodyAr: row.body_ar,
  };
}

function toRequestShape(row: CampaignRow, serviceIds: string[]) {
  return {
    slug: row.slug,
    ...toTexts(row),
    testimonials: StoredTestimonials.parse(row.testimonials),
    videos: StoredVideos.parse(row.videos),
    serviceIds,
  };
}

function toCampaign(row: CampaignRow, services: CampaignServiceRow[]): Campaign {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    slug: row.slug,
    status: CampaignStatus.parse(row.status),
    ...toTexts(row),
    testimonials: StoredTestimonials.parse(row.testimonials),
    videos: StoredVideos.parse(row.videos).map((video) =>
      video.kind === 'own' ? { ...video, titleAr: video.titleAr ?? null, captionsPath: video.captionsPath ?? null } : { ...video, titleAr: video.titleAr ?? null },
    ),
    services: services.map((service) => ({ id: service.id, slug: service.slug, nameDa: service.name_da, nameEn: service.name_en, status: HelpServiceStatus.parse(service.status) })),
    publicPath: `/kampagner/${row.slug}`,
    publishedAt: row.published_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Public pages

type PublicCampaignService = {
  slug: string;
  names: { da: string; en: string; ar: string | null };
  organisationName: string;
  isContactable: boolean;
};

/** A published campaign as the public page shows it: only services that are still listed publicly. */
export type PublicCampaign = {
  slug: string;
  titles: { da: string; en: string; ar: string | null };
  summaries: { da: string; en: string; ar: string | null };
  bodies: { da: string; en: string; ar: string | null };
  testimonials: CampaignTestimonial[];
  videos: CampaignVideo[];
  services: PublicCampaignService[];
};

const publiclyShownStatuses: readonly string[] = ['active', 'temporarily closed'];

export async function findPublicCampaign(input: { db: Db; slug: string }): Promise<PublicCampaign | undefined> {
  const row = await findPublishedCampaign(input.db, input.slug);
  if (!row) return undefined;
  const services = await listCampaignServices(input.db, row.id);
  return {
    slug: row.slug,
    titles: { da: row.title_da, en: row.title_en, ar: row.title_ar },
    summaries: { da: row.summary_da, en: row.summary_en, ar: row.summary_ar },
    bodies: { da: row.body_da, en: row.body_en, ar: row.body_ar },
    testimonials: StoredTestimonials.parse(row.testimonials),
    videos: StoredVideos.parse(row.videos),
    services: services
      .filter((service) => publiclyShownStatuses.includes(service.status) && service.is_organisation_active)
      .map((service) => ({ slug: service.slug, names: { da: service.name_da, en: service.name_en, ar: service.name_ar }, organisationName: service.organisation_name, isContactable: service.is_contactable })),
  };
}
