import { openStatuses } from '@bro/domain';
import type { Db, NewRow, RowChanges } from '../../db/tables.ts';

/**
 * An organisation's services with how many open cases each has: referrals still waiting or being worked on, and
 * courses not closed. Those counts decide whether the line may change or the service may close.
 */
function selectOwnServices(db: Db, organisationId: string) {
  return db
    .selectFrom('services as s')
    .select((eb) => [
      's.id',
      's.slug',
      's.name',
      's.description',
      's.service_line',
      's.phone',
      's.intake_hours',
      's.first_contact_deadline_hours',
      's.high_risk_deadline_hours',
      's.max_contact_attempts',
      's.is_active',
      's.receives_genders',
      's.minimum_age',
      's.maximum_age',
      eb
        .selectFrom('referrals as r')
        .select((count) => count.fn.countAll<string>().as('n'))
        .whereRef('r.service_id', '=', 's.id')
        .where('r.status', 'in', [...openStatuses])
        .as('open_referral_count'),
      eb
        .selectFrom('courses as c')
        .select((count) => count.fn.countAll<string>().as('n'))
        .whereRef('c.service_id', '=', 's.id')
        .where('c.status', '<>', 'closed')
        .as('open_course_count'),
    ])
    .where('s.organisation_id', '=', organisationId);
}

export type OwnServiceRow = NonNullable<Awaited<ReturnType<typeof findOwnService>>>;

export async function listOwnServices(db: Db, organisationId: string) {
  return selectOwnServices(db, organisationId).orderBy('s.name').orderBy('s.id').execute();
}

/** Another organisation's service is not found, exactly like one that does not exist. */
export async function findOwnService(db: Db, input: { organisationId: string; serviceId: string }) {
  return selectOwnServices(db, input.organisationId).where('s.id', '=', input.serviceId).executeTakeFirst();
}

/** Serialises changes to one service, so two admins cannot both pass the open-cases check and both change it. */
export async function lockService(db: Db, serviceId: string): Promise<void> {
  await db.selectFrom('services').select('id').where('id', '=', serviceId).forUpdate().execute();
}

export async function insertService(db: Db, values: NewRow<'services'>): Promise<string> {
  const row = await db.insertInto('services').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateService(db: Db, serviceId: string, changes: RowChanges<'services'>): Promise<void> {
  await db.updateTable('services').set(changes).where('id', '=', serviceId).execute();
}

/**
 * Active services of active organisations other than the one ending: where its open work could be handed over,
 * with whom each takes. Names of services and organisations only.
 */
export async function listHandOverCandidates(db: Db, input: { exceptServiceId: string; serviceId?: string }) {
  let query = db
    .selectFrom('services as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.name', 's.organisation_id', 'o.name as organisation_name', 's.service_line', 's.receives_genders', 's.minimum_age', 's.maximum_age'])
    .where('s.is_active', '=', true)
    .where('o.is_active', '=', true)
    .where('s.id', '<>', input.exceptServiceId);
  if (input.serviceId !== undefined) query = query.where('s.id', '=', input.serviceId);
  return query.orderBy('o.name').orderBy('s.name').orderBy('s.id').execute();
}

export type HandOverCandidateRow = Awaited<ReturnType<typeof listHandOverCandidates>>[number];

/** The service's courses still waiting for triage: the part of its open courses that is a waiting list. */
export async function countWaitingCourses(db: Db, serviceId: string): Promise<number> {
  const row = await db.selectFrom('courses').select((eb) => eb.fn.countAll<string>().as('n')).where('service_id', '=', serviceId).where('status', '=', 'triage').executeTakeFirst();
  return Number(row?.n ?? 0);
}
