import type { ServiceLine } from '@bro/domain';
import { sql, type Transaction } from 'kysely';
import type { Database, Db, NewRow, RowChanges } from '../../db/tables.ts';

/** The only SQL of peer support: the register, pairings and contacts, and the services a coordinator works at. */

// ---------------------------------------------------------------------------------------------------------------
// Services the coordinator is assigned to

/** The services of the actor's organisation the membership is assigned to (service_staff), on the given sides. */
export async function listAssignedServices(db: Db, input: { membershipId: string; organisationId: string; sides: readonly ServiceLine[] }) {
  return db
    .selectFrom('service_staff as st')
    .innerJoin('services as s', 's.id', 'st.service_id')
    .select(['s.id', 's.name', 's.service_line'])
    .where('st.membership_id', '=', input.membershipId)
    .where('s.organisation_id', '=', input.organisationId)
    .where('s.service_line', 'in', [...input.sides])
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// The register

function selectSupporters(db: Db) {
  return db
    .selectFrom('peer_supporters as ps')
    .innerJoin('memberships as m', 'm.id', 'ps.membership_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select((eb) => [
      'ps.id',
      'ps.organisation_id',
      'ps.service_id',
      'ps.membership_id',
      'ps.languages',
      'ps.areas_enc',
      'ps.availability_enc',
      'ps.note_enc',
      'ps.status',
      'ps.max_pairings',
      'ps.updated_at',
      'u.display_name',
      eb
        .selectFrom('peer_pairings as p')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('p.peer_supporter_id', '=', 'ps.id')
        .where('p.status', '=', 'active')
        .as('active_pairings'),
    ])
    .$narrowType<{ active_pairings: number }>();
}

export type SupporterRow = Awaited<ReturnType<typeof listSupporters>>[number];

export async function listSupporters(db: Db, serviceId: string) {
  return selectSupporters(db).where('ps.service_id', '=', serviceId).orderBy('u.display_name').orderBy('ps.id').execute();
}

export async function findSupporter(db: Db, input: { supporterId: string; organisationId: string }) {
  return selectSupporters(db).where('ps.id', '=', input.supporterId).where('ps.organisation_id', '=', input.organisationId).executeTakeFirst();
}

/** Locks the supporter's row: two matches at once cannot both take the last place. */
export async function lockSupporter(trx: Transaction<Database>, supporterId: string): Promise<void> {
  await trx.selectFrom('peer_supporters').select('id').where('id', '=', supporterId).forUpdate().executeTakeFirst();
}

/** Active users of the organisation with the peer_supporter role who are not yet in this service's register. */
export async function listCandidates(db: Db, input: { organisationId: string; serviceId: string }) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id as membership_id', 'u.display_name'])
    .where('m.organisation_id', '=', input.organisationId)
    .where('m.role', '=', 'peer_supporter')
    .where('u.is_active', '=', true)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('peer_supporters as ps').select('ps.id').whereRef('ps.membership_id', '=', 'm.id').where('ps.service_id', '=', input.serviceId))))
    .orderBy('u.display_name')
    .orderBy('m.id')
    .limit(500)
    .execute();
}

export async function isPeerSupporterMembership(db: Db, input: { membershipId: string; organisationId: string }): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('id', '=', input.membershipId)
    .where('organisation_id', '=', input.organisationId)
    .where('role', '=', 'peer_supporter')
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts unless the membership is already in the register (answers undefined then). */
export async function insertSupporter(trx: Transaction<Database>, values: NewRow<'peer_supporters'>): Promise<string | undefined> {
  const row = await trx.insertInto('peer_supporters').values(values).onConflict((conflict) => conflict.columns(['service_id', 'membership_id']).doNothing()).returning('id').executeTakeFirst();
  return row?.id;
}

export async function updateSupporter(trx: Transaction<Database>, supporterId: string, changes: RowChanges<'peer_supporters'>): Promise<void> {
  await trx.updateTable('peer_supporters').set(changes).where('id', '=', supporterId).execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Pairings

function selectPairings(db: Db) {
  return db
    .selectFrom('peer_pairings as p')
    .innerJoin('peer_supporters as ps', 'ps.id', 'p.peer_supporter_id')
    .innerJoin('memberships as m', 'm.id', 'ps.membership_id')
    .innerJoin('users as supporter', 'supporter.id', 'm.user_id')
    .innerJoin('users as recorder', 'recorder.id', 'p.consent_recorded_by_user_id')
    .select((eb) => [
      'p.id',
      'p.organisation_id',
      'p.service_id',
      'p.side',
      'p.course_id',
      'p.course_reference',
      'p.person_id',
      'p.peer_supporter_id',
      'p.display_name_enc',
      sql<string>`to_char(p.consent_given_on, 'YYYY-MM-DD')`.as('consent_given_on'),
      'p.consent_recorded_at',
      'p.status',
      'p.started_at',
      'p.ended_at',
      'p.end_reason',
      'p.end_note_enc',
      'supporter.display_name as supporter_name',
      'recorder.display_name as recorder_name',
      eb.selectFrom('peer_contacts as c').select(sql<number>`count(*)::int`.as('n')).whereRef('c.pairing_id', '=', 'p.id').as('contact_count'),
      eb.selectFrom('peer_contacts as c').select(sql<string | null>`to_char(max(c.contacted_on), 'YYYY-MM-DD')`.as('d')).whereRef('c.pairing_id', '=', 'p.id').as('last_contact_on'),
    ])
    .$narrowType<{ contact_count: number }>();
}

export type PairingRow = Awaited<ReturnType<typeof listPairingsOfService>>[number];

/** Who coordinates a pairing: staff of its organisation assigned to its service, on its side. */
export type PairingScope = { organisationId: string; serviceIds: readonly string[]; sides: readonly ServiceLine[] };

export async function listPairingsOfService(db: Db, input: { serviceId: string; status: 'active' | 'ended' | 'all' }) {
  let query = selectPairings(db).where('p.service_id', '=', input.serviceId);
  if (input.status !== 'all') query = query.where('p.status', '=', input.status);
  return query.orderBy('p.started_at', 'desc').orderBy('p.id').limit(500).execute();
}

export async function findPairing(db: Db, input: { pairingId: string; scope: PairingScope }) {
  if (input.scope.serviceIds.length === 0) return undefined;
  return selectPairings(db)
    .where('p.id', '=', input.pairingId)
    .where('p.organisation_id', '=', input.scope.organisationId)
    .where('p.service_id', 'in', [...input.scope.serviceIds])
    .where('p.side', 'in', [...input.scope.sides])
    .executeTakeFirst();
}

export async function lockPairing(trx: Transaction<Database>, pairingId: string): Promise<void> {
  await trx.selectFrom('peer_pairings').select('id').where('id', '=', pairingId).forUpdate().executeTakeFirst();
}

export async function hasActivePairingForCourse(db: Db, courseId: string): Promise<boolean> {
  const row = await db.selectFrom('peer_pairings').select('id').where('course_id', '=', courseId).where('status', '=', 'active').executeTakeFirst();
  return row !== undefined;
}

export async function insertPairing(trx: Transaction<Database>, values: NewRow<'peer_pairings'>): Promise<string> {
  const row = await trx.insertInto('peer_pairings').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePairing(trx: Transaction<Database>, pairingId: string, changes: RowChanges<'peer_pairings'>): Promise<void> {
  await trx.updateTable('peer_pairings').set(changes).where('id', '=', pairingId).execute();
}

// ---------------------------------------------------------------------------------------------------------------
// The peer supporter's own pairings

/** The caller's own ACTIVE pairings: an ended pairing disappears from the supporter's view. */
export async function listOwnActivePairings(db: Db, input: { membershipId: string; organisationId: string; pairingId?: string }) {
  let query = db
    .selectFrom('peer_pairings as p')
    .innerJoin('peer_supporters as ps', 'ps.id', 'p.peer_supporter_id')
    .select(['p.id', 'p.course_id', 'p.person_id', 'p.display_name_enc', 'p.started_at'])
    .where('ps.membership_id', '=', input.membershipId)
    .where('p.organisation_id', '=', input.organisationId)
    .where('p.status', '=', 'active');
  if (input.pairingId !== undefined) query = query.where('p.id', '=', input.pairingId);
  return query.orderBy('p.started_at').orderBy('p.id').limit(100).execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Contacts

export async function listContacts(db: Db, pairingIds: readonly string[]) {
  if (pairingIds.length === 0) return [];
  return db
    .selectFrom('peer_contacts')
    .select(['id', 'pairing_id', sql<string>`to_char(contacted_on, 'YYYY-MM-DD')`.as('contacted_on'), 'form', 'note_enc', 'logged_by_user_id', 'created_at'])
    .where('pairing_id', 'in', [...pairingIds])
    .orderBy('contacted_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export type ContactRow = Awaited<ReturnType<typeof listContacts>>[number];

export async function insertContact(trx: Transaction<Database>, values: NewRow<'peer_contacts'>): Promise<string> {
  const row = await trx.insertInto('peer_contacts').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
