import type { Transaction } from 'kysely';
import type { Database, Db, NewRow, RowChanges } from '../../../db/tables.ts';

/** The only file that writes SQL for group offers. */

export async function insertOffer(trx: Transaction<Database>, values: NewRow<'group_offers'>): Promise<string> {
  const row = await trx.insertInto('group_offers').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOffer(trx: Transaction<Database>, offerId: string, changes: RowChanges<'group_offers'>): Promise<void> {
  await trx.updateTable('group_offers').set(changes).where('id', '=', offerId).execute();
}

/** Which of these users work at the service (assigned through service_staff in the service's organisation)? */
export async function listStaffOfService(db: Db, input: { serviceId: string; userIds: readonly string[] }): Promise<string[]> {
  if (input.userIds.length === 0) return [];
  const rows = await db
    .selectFrom('service_staff as st')
    .innerJoin('memberships as m', 'm.id', 'st.membership_id')
    .innerJoin('services as s', 's.id', 'st.service_id')
    .select('m.user_id')
    .where('st.service_id', '=', input.serviceId)
    .whereRef('m.organisation_id', '=', 's.organisation_id')
    .where('m.user_id', 'in', [...input.userIds])
    .execute();
  return rows.map((row) => row.user_id);
}

/** The offers of these services, with the counts the list shows. */
export async function listOfferRows(db: Db, input: { organisationId: string; serviceIds: readonly string[]; offerId?: string }) {
  if (input.serviceIds.length === 0) return [];
  let query = db
    .selectFrom('group_offers as o')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .selectAll('o')
    .select((eb) => [
      's.name as service_name',
      eb
        .selectFrom('group_waiting_entries as w')
        .select((count) => count.fn.countAll<string>().as('n'))
        .whereRef('w.offer_id', '=', 'o.id')
        .where('w.status', 'in', ['waiting', 'reconfirmation_requested'])
        .as('waiting_count'),
      eb
        .selectFrom('conversation_groups as g')
        .select((count) => count.fn.countAll<string>().as('n'))
        .whereRef('g.offer_id', '=', 'o.id')
        .where('g.status', '=', 'running')
        .as('running_group_count'),
    ])
    .where('o.organisation_id', '=', input.organisationId)
    .where('o.service_id', 'in', [...input.serviceIds]);
  if (input.offerId) query = query.where('o.id', '=', input.offerId);
  return query.orderBy('s.name').orderBy('o.name').orderBy('o.id').execute();
}

export type OfferListRow = Awaited<ReturnType<typeof listOfferRows>>[number];

/** Everyone assigned to these services, by name: who can be chosen to facilitate. */
export async function listStaffOfServices(db: Db, serviceIds: readonly string[]) {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('service_staff as st')
    .innerJoin('memberships as m', 'm.id', 'st.membership_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['st.service_id', 'u.id as user_id', 'u.display_name'])
    .where('st.service_id', 'in', [...serviceIds])
    .where('u.is_active', '=', true)
    .orderBy('u.display_name')
    .execute();
}
