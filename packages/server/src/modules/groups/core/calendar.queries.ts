import type { Db } from '../../../db/tables.ts';

/** The meetings, within a range, of running or closed groups whose offer names this user as a facilitator. */
export async function listFacilitatedMeetings(db: Db, input: { userId: string; organisationId: string; from: Date; to: Date }) {
  return db
    .selectFrom('group_meetings as m')
    .innerJoin('conversation_groups as g', 'g.id', 'm.group_id')
    .innerJoin('group_offers as o', 'o.id', 'g.offer_id')
    .select(['m.id', 'm.starts_at', 'm.ends_at', 'g.id as group_id', 'o.name', 'o.mode', 'o.place'])
    .where('o.organisation_id', '=', input.organisationId)
    .where((eb) => eb(eb.val(input.userId), '=', eb.fn.any('o.facilitator_user_ids')))
    .where('m.starts_at', '<', input.to)
    .where('m.ends_at', '>', input.from)
    .orderBy('m.starts_at')
    .execute();
}
