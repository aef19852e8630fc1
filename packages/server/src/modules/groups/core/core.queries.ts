import type { Db } from '../../../db/tables.ts';

/** The only file that reads what every group step needs to decide access: the caller's services and an offer's place. */

export async function listAssignedServices(db: Db, input: { membershipId: string; organisationId: string }) {
  return db
    .selectFrom('service_staff as st')
    .innerJoin('services as s', 's.id', 'st.service_id')
    .select(['s.id', 's.name', 's.service_line'])
    .where('st.membership_id', '=', input.membershipId)
    .where('s.organisation_id', '=', input.organisationId)
    .orderBy('s.name')
    .execute();
}

export type AssignedService = Awaited<ReturnType<typeof listAssignedServices>>[number];

/** An offer with its service, locked when `forUpdate` (changes to its waiting list and groups serialise on it). */
export async function findOfferRow(db: Db, input: { offerId: string; organisationId: string; forUpdate?: boolean }) {
  let query = db
    .selectFrom('group_offers as o')
    .innerJoin('services as s', 's.id', 'o.service_id')
    .selectAll('o')
    .select(['s.name as service_name', 's.service_line'])
    .where('o.id', '=', input.offerId)
    .where('o.organisation_id', '=', input.organisationId);
  if (input.forUpdate) query = query.forUpdate('o');
  return query.executeTakeFirst();
}

export type OfferRow = NonNullable<Awaited<ReturnType<typeof findOfferRow>>>;

export async function findGroupOfferId(db: Db, groupId: string): Promise<string | undefined> {
  const row = await db.selectFrom('conversation_groups').select('offer_id').where('id', '=', groupId).executeTakeFirst();
  return row?.offer_id;
}

export async function findEntryOfferId(db: Db, entryId: string): Promise<string | undefined> {
  const row = await db.selectFrom('group_waiting_entries').select('offer_id').where('id', '=', entryId).executeTakeFirst();
  return row?.offer_id;
}

/** Display names of staff, for facilitators. */
export async function listUserNames(db: Db, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...userIds]).execute();
}
