import { openStatuses } from '@bro/domain';
import { sql, type Transaction } from 'kysely';
import type { Database, Db, NewRow, RowChanges } from '../../db/tables.ts';

/** SQL of programme administration: programmes, their managers, referrers, services and versions; counts only. */

export async function insertProgramme(trx: Transaction<Database>, values: NewRow<'programmes'>): Promise<string> {
  const row = await trx.insertInto('programmes').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A programme's period as calendar days (`YYYY-MM-DD`), never as a Date at some midnight. */
const periodDays = [
  sql<string | null>`to_char(period_start, 'YYYY-MM-DD')`.as('period_start_day'),
  sql<string | null>`to_char(period_end, 'YYYY-MM-DD')`.as('period_end_day'),
] as const;

export async function findProgramme(db: Db, programmeId: string) {
  return db.selectFrom('programmes').selectAll().select(periodDays).where('id', '=', programmeId).executeTakeFirst();
}

/** Serialises changes to one programme: the version check and the write happen under the lock. */
export async function lockProgramme(trx: Transaction<Database>, programmeId: string) {
  return trx.selectFrom('programmes').select(['id', 'status', 'version']).where('id', '=', programmeId).forUpdate().executeTakeFirst();
}

export async function listProgrammes(db: Db, input: { managedByUserId?: string }) {
  let query = db
    .selectFrom('programmes as p')
    .selectAll('p')
    .select(periodDays)
    .select((eb) => [
      eb.selectFrom('programme_referrers as pr').select((count) => count.fn.countAll<string>().as('n')).whereRef('pr.programme_id', '=', 'p.id').as('referrer_count'),
      eb.selectFrom('programme_services as ps').select((count) => count.fn.countAll<string>().as('n')).whereRef('ps.programme_id', '=', 'p.id').as('service_count'),
    ]);
  if (input.managedByUserId !== undefined) {
    const userId = input.managedByUserId;
    query = query.where((eb) => eb.exists(eb.selectFrom('programme_managers as pm').select('pm.user_id').whereRef('pm.programme_id', '=', 'p.id').where('pm.user_id', '=', userId)));
  }
  return query.orderBy('p.name').orderBy('p.id').execute();
}

export async function isProgrammeManager(db: Db, input: { programmeId: string; userId: string }): Promise<boolean> {
  const row = await db.selectFrom('programme_managers').select('user_id').where('programme_id', '=', input.programmeId).where('user_id', '=', input.userId).executeTakeFirst();
  return row !== undefined;
}

export async function managesAnyProgramme(db: Db, userId: string): Promise<boolean> {
  return (await db.selectFrom('programme_managers').select('user_id').where('user_id', '=', userId).limit(1).executeTakeFirst()) !== undefined;
}

/** Managers with the organisation of one of their memberships (for recognising them; a manager may have none). */
export async function listManagers(db: Db, programmeIds: readonly string[]) {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('programme_managers as pm')
    .innerJoin('users as u', 'u.id', 'pm.user_id')
    .select((eb) => [
      'pm.programme_id',
      'u.id as user_id',
      'u.display_name',
      'u.email',
      eb
        .selectFrom('memberships as m')
        .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
        .select('o.name')
        .whereRef('m.user_id', '=', 'u.id')
        .orderBy('o.name')
        .limit(1)
        .as('organisation_name'),
    ])
    .where('pm.programme_id', 'in', [...programmeIds])
    .orderBy('u.display_name')
    .execute();
}

export async function findActiveUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').select(['id', 'display_name']).where('email', '=', email).where('is_active', '=', true).executeTakeFirst();
}

export async function insertManager(trx: Transaction<Database>, values: NewRow<'programme_managers'>): Promise<boolean> {
  const inserted = await trx.insertInto('programme_managers').values(values).onConflict((conflict) => conflict.doNothing()).returning('user_id').executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteManager(trx: Transaction<Database>, input: { programmeId: string; userId: string }): Promise<boolean> {
  const deleted = await trx.deleteFrom('programme_managers').where('programme_id', '=', input.programmeId).where('user_id', '=', input.userId).returning('user_id').executeTakeFirst();
  return deleted !== undefined;
}

export async function listReferrers(db: Db, programmeId: string) {
  return db
    .selectFrom('programme_referrers as pr')
    .innerJoin('organisations as o', 'o.id', 'pr.organisation_id')
    .select(['o.id', 'o.name', 'o.kind'])
    .where('pr.programme_id', '=', programmeId)
    .orderBy('o.name')
    .execute();
}

/** The participating services in routing order, with the service's own settings beside the programme's. */
export async function listProgrammeServices(db: Db, programmeId: string) {
  return db
    .selectFrom('programme_services as ps')
    .innerJoin('services as s', 's.id', 'ps.service_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .selectAll('ps')
    .select([
      's.name as service_name',
      'o.name as organisation_name',
      's.service_line',
      's.is_active as is_service_active',
      's.first_contact_deadline_hours as service_first_contact_deadline_hours',
      's.high_risk_deadline_hours as service_high_risk_deadline_hours',
      's.max_contact_attempts as service_max_contact_attempts',
    ])
    .where('ps.programme_id', '=', programmeId)
    .orderBy('ps.routing_priority')
    .orderBy('s.name')
    .execute();
}

export type ProgrammeServiceRow = Awaited<ReturnType<typeof listProgrammeServices>>[number];

/** Active services by id, with their line: what a programme may route to. */
export async function listActiveServicesById(db: Db, serviceIds: readonly string[]) {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('services as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.name', 's.service_line'])
    .where('s.id', 'in', [...serviceIds])
    .where('s.is_active', '=', true)
    .where('o.is_active', '=', true)
    .execute();
}

export async function countActiveOrganisations(db: Db, organisationIds: readonly string[]): Promise<number> {
  if (organisationIds.length === 0) return 0;
  const row = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<string>().as('n')).where('id', 'in', [...organisationIds]).where('is_active', '=', true).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function replaceReferrers(trx: Transaction<Database>, programmeId: string, organisationIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('programme_referrers').where('programme_id', '=', programmeId).execute();
  if (organisationIds.length === 0) return;
  await trx.insertInto('programme_referrers').values(organisationIds.map((organisationId) => ({ programme_id: programmeId, organisation_id: organisationId }))).execute();
}

export async function replaceProgrammeServices(trx: Transaction<Database>, programmeId: string, rows: readonly NewRow<'programme_services'>[]): Promise<void> {
  await trx.deleteFrom('programme_services').where('programme_id', '=', programmeId).execute();
  if (rows.length === 0) return;
  await trx.insertInto('programme_services').values([...rows]).execute();
}

export async function updateProgrammeRow(trx: Transaction<Database>, programmeId: string, changes: RowChanges<'programmes'>) {
  await trx.updateTable('programmes').set(changes).where('id', '=', programmeId).execute();
}

export async function insertVersion(trx: Transaction<Database>, values: { programme_id: string; version: number; configuration: unknown; changed_by_user_id: string | null; changed_at: Date }) {
  await trx.insertInto('programme_versions').values({ ...values, configuration: JSON.stringify(values.configuration) }).execute();
}

export async function listVersions(db: Db, programmeId: string) {
  return db
    .selectFrom('programme_versions as v')
    .leftJoin('users as u', 'u.id', 'v.changed_by_user_id')
    .select(['v.version', 'v.changed_at', 'u.display_name'])
    .where('v.programme_id', '=', programmeId)
    .orderBy('v.version', 'desc')
    .limit(50)
    .execute();
}

/** Organisations that may refer and active services: names and kinds only. */
export async function listChoosableOrganisations(db: Db) {
  return db.selectFrom('organisations').select(['id', 'name', 'kind']).where('is_active', '=', true).where('kind', '<>', 'platform_operator').orderBy('name').execute();
}

export async function listChoosableServices(db: Db) {
  return db
    .selectFrom('services as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.name', 'o.name as organisation_name', 's.service_line', 's.first_contact_deadline_hours', 's.high_risk_deadline_hours', 's.max_contact_attempts'])
    .where('s.is_active', '=', true)
    .where('o.is_active', '=', true)
    .orderBy('o.name')
    .orderBy('s.name')
    .execute();
}

/** Referral counts of the programme per service: open, accepted, closed. No referral is read. */
export async function countReferralsByService(db: Db, programmeId: string) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .select((eb) => [
      's.id as service_id',
      's.name as service_name',
      eb.fn.count<string>('r.id').filterWhere('r.status', 'in', [...openStatuses]).as('open'),
      eb.fn.count<string>('r.id').filterWhere('r.status', '=', 'accepted').as('accepted'),
      eb.fn.count<string>('r.id').filterWhere('r.closed_at', 'is not', null).as('closed'),
    ])
    .where('r.programme_id', '=', programmeId)
    .groupBy(['s.id', 's.name'])
    .orderBy('s.name')
    .execute();
}

export async function countOpenReferrals(db: Db, programmeId: string): Promise<number> {
  const row = await db.selectFrom('referrals').select((eb) => eb.fn.countAll<string>().as('n')).where('programme_id', '=', programmeId).where('status', 'in', [...openStatuses]).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Escalated referrals of the programme, by reference only. */
export async function listEscalations(db: Db, programmeId: string) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .select(['r.reference', 's.name as service_name', 'r.status', 'r.escalated_at'])
    .where('r.programme_id', '=', programmeId)
    .where('r.escalated_at', 'is not', null)
    .orderBy('r.escalated_at', 'desc')
    .limit(100)
    .execute();
}
