import type { Transaction } from 'kysely';
import type { Database, Db, NewRow, Row } from '../../db/tables.ts';

/** The only file that writes SQL for campaigns and their linked services. */

export type CampaignRow = Row<'campaigns'>;

/**
 * Every column the editor writes (all of them, so an update never leaves a stale field), taken from the table type:
 * `testimonials` and `videos` are JSON text. Status and publication have their own statement (`setCampaignStatus`).
 */
export type CampaignValues = Required<Omit<NewRow<'campaigns'>, 'id' | 'created_at' | 'status' | 'published_at'>>;

/** `undefined` when the slug is taken. */
export async function insertCampaign(trx: Transaction<Database>, values: CampaignValues & { created_at: Date }): Promise<string | undefined> {
  const row = await trx
    .insertInto('campaigns')
    .values({ ...values, status: 'draft', published_at: null })
    .onConflict((conflict) => conflict.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** `false` when another campaign has the slug. */
export async function updateCampaignRow(trx: Transaction<Database>, campaignId: string, values: CampaignValues): Promise<boolean> {
  const taken = await trx.selectFrom('campaigns').select('id').where('slug', '=', values.slug).where('id', '!=', campaignId).executeTakeFirst();
  if (taken) return false;
  await trx.updateTable('campaigns').set(values).where('id', '=', campaignId).execute();
  return true;
}

export async function setCampaignStatus(trx: Transaction<Database>, input: { campaignId: string; status: 'draft' | 'published'; now: Date }): Promise<void> {
  await trx
    .updateTable('campaigns')
    .set({ status: input.status, published_at: input.status === 'published' ? input.now : null, updated_at: input.now })
    .where('id', '=', input.campaignId)
    .execute();
}

/** One of the organisation's campaigns (another organisation's is not found), locked inside a transaction if asked. */
export async function findOwnCampaign(db: Db, input: { campaignId: string; organisationId: string; isForUpdate?: boolean }): Promise<CampaignRow | undefined> {
  let query = db.selectFrom('campaigns').selectAll().where('id', '=', input.campaignId).where('organisation_id', '=', input.organisationId);
  if (input.isForUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function listOwnCampaigns(db: Db, organisationId: string): Promise<CampaignRow[]> {
  return db.selectFrom('campaigns').selectAll().where('organisation_id', '=', organisationId).orderBy('updated_at', 'desc').orderBy('id').execute();
}

export async function findPublishedCampaign(db: Db, slug: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('slug', '=', slug).where('status', '=', 'published').executeTakeFirst();
}

/** Of the given directory services, those that exist, are public (approved) and active: the only ones a campaign may link to. */
export async function listActiveDirectoryServiceIds(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('directory_services')
    .select('id')
    .where('id', 'in', [...ids])
    .where('status', '=', 'active')
    .where('published_at', 'is not', null)
    .execute();
  return rows.map((row) => row.id);
}

export async function replaceCampaignServices(trx: Transaction<Database>, campaignId: string, directoryServiceIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('campaign_services').where('campaign_id', '=', campaignId).execute();
  if (directoryServiceIds.length === 0) return;
  await trx
    .insertInto('campaign_services')
    .values(directoryServiceIds.map((id, position) => ({ campaign_id: campaignId, directory_service_id: id, position })))
    .execute();
}

/** The linked services of a campaign, in the campaign's order, whatever their state (callers filter). */
export async function listCampaignServices(db: Db, campaignId: string) {
  const rows = await db
    .selectFrom('campaign_services as cs')
    .innerJoin('directory_services as ds', 'ds.id', 'cs.directory_service_id')
    .innerJoin('organisations as o', 'o.id', 'ds.organisation_id')
    .leftJoin('services as s', 's.id', 'ds.referral_service_id')
    .select(['ds.id', 'ds.slug', 'ds.name_da', 'ds.name_en', 'ds.name_ar', 'ds.status', 'o.name as organisation_name', 'o.is_active as is_organisation_active', 's.is_active as service_is_active'])
    .where('cs.campaign_id', '=', campaignId)
    .orderBy('cs.position')
    .execute();
  return rows.map(({ service_is_active, ...row }) => ({
    ...row,
    /** The listing takes contact requests (an active listing of an active referral service of an active organisation). */
    is_contactable: row.status === 'active' && row.is_organisation_active && service_is_active === true,
  }));
}

export type CampaignServiceRow = Awaited<ReturnType<typeof listCampaignServices>>[number];
