import { openStatuses, SELF_REFERRAL_ORGANISATION_LABEL } from '@bro/domain';
import type { Db } from '../../../db/tables.ts';
import { whereReferralVisible, type ReferralVisibility } from '../core/referral-access.ts';

/** SQL of the receiving side: the inbox, where a referral can be rerouted to, and which changes a subscriber may see. */

export async function listActiveServiceOptions(db: Db) {
  return db
    .selectFrom('services as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.name', 's.organisation_id', 's.service_line', 's.receives_genders', 's.minimum_age', 's.maximum_age', 'o.name as organisation_name'])
    .where('s.is_active', '=', true)
    .where('o.is_active', '=', true)
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
}

export async function listServiceIdsOfOrganisation(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db.selectFrom('services').select('id').where('organisation_id', '=', organisationId).execute();
  return rows.map((row) => row.id);
}

export async function isReferralVisible(db: Db, input: { referralId: string; visibility: ReferralVisibility }): Promise<boolean> {
  const row = await db.selectFrom('referrals').select('id').where('id', '=', input.referralId).where(whereReferralVisible(input.visibility)).executeTakeFirst();
  return row !== undefined;
}

/** Open referrals, most urgent first: high risk before medium before standard, then the earliest deadline. */
export async function listInbox(db: Db, input: { visibility: ReferralVisibility; serviceId?: string; limit: number }) {
  let query = db
    .selectFrom('referrals')
    .innerJoin('services as service', 'service.id', 'referrals.service_id')
    // Left join: a self-referral has no referring organisation.
    .leftJoin('organisations as referring', 'referring.id', 'referrals.referring_organisation_id')
    .leftJoin('consents as consent', 'consent.id', 'referrals.consent_id')
    .select((eb) => [
      'referrals.id',
      'referrals.reference',
      'referrals.status',
      'referrals.person_role',
      'referrals.source',
      'referrals.service_id',
      'service.name as service_name',
      eb.fn.coalesce('referring.name', eb.val(SELF_REFERRAL_ORGANISATION_LABEL)).as('referring_organisation_name'),
      'referrals.risk_level',
      'referrals.sent_at',
      'referrals.due_at',
      'referrals.escalated_at',
      'referrals.contact_attempt_count',
      'referrals.first_contact_at',
      'consent.withdrawn_at as consent_withdrawn_at',
    ])
    .where(whereReferralVisible(input.visibility))
    .where('referrals.status', 'in', [...openStatuses]);
  if (input.serviceId) query = query.where('referrals.service_id', '=', input.serviceId);
  return query
    .orderBy((eb) => eb.case().when('referrals.risk_level', '=', 'high').then(0).when('referrals.risk_level', '=', 'medium').then(1).else(2).end())
    .orderBy('referrals.due_at', (ob) => ob.asc().nullsLast())
    .orderBy('referrals.sent_at')
    .orderBy('referrals.id')
    .limit(input.limit)
    .execute();
}

export type InboxRow = Awaited<ReturnType<typeof listInbox>>[number];
