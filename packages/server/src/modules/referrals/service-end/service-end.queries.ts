import { openStatuses } from '@bro/domain';
import type { Db } from '../../../db/tables.ts';

/** SQL of ending a service's or programme's open referrals: which are open, and to whom their people consented. */

/**
 * Which open referrals to end: a service's, or a programme's (optionally only those at one of its services). A
 * referral keeps its programme when it moves between services, so a programme's referrals are found wherever they are.
 */
export type OpenReferralFilter = { serviceId: string } | { programmeId: string; serviceId?: string | undefined };

/** The open referrals the filter selects, locked for the rest of the transaction (concurrent intake work waits). */
export async function lockOpenReferralIds(db: Db, filter: OpenReferralFilter): Promise<string[]> {
  let query = db.selectFrom('referrals').select('id').where('status', 'in', [...openStatuses]);
  if ('programmeId' in filter) query = query.where('programme_id', '=', filter.programmeId);
  if (filter.serviceId !== undefined) query = query.where('service_id', '=', filter.serviceId);
  const rows = await query.orderBy('id').forUpdate().execute();
  return rows.map((row) => row.id);
}

/** What the check needs of each open referral: the person as the intake rules see them. Nothing that identifies them. */
export async function listOpenReferralsToPlace(db: Db, filter: OpenReferralFilter) {
  let query = db
    .selectFrom('referrals')
    .innerJoin('persons as person', 'person.id', 'referrals.person_id')
    .select(['referrals.id', 'referrals.service_id', 'referrals.person_id', 'referrals.person_role', 'person.gender', 'person.birth_year'])
    .where('referrals.status', 'in', [...openStatuses]);
  if ('programmeId' in filter) query = query.where('referrals.programme_id', '=', filter.programmeId);
  if (filter.serviceId !== undefined) query = query.where('referrals.service_id', '=', filter.serviceId);
  return query.orderBy('referrals.id').execute();
}

/** The persons' consents not withdrawn, newest first: whom each person allows to receive their information. */
export async function listActiveConsentsOfPersons(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('consents')
    .select(['id', 'person_id', 'recipient_organisation_id'])
    .where('person_id', 'in', [...personIds])
    .where('withdrawn_at', 'is', null)
    .orderBy('obtained_at', 'desc')
    .orderBy('id')
    .execute();
}
