import type { Transaction } from 'kysely';
import type { Database, Db, NewRow, Row } from '../../../db/tables.ts';

/** The only file that writes SQL for course templates and service staff (eligibility rules: triage.queries.ts). */

/** Roles that can be assigned to a service's staff (they work with its courses). */
const staffRoles = ['counsellor', 'intake_coordinator', 'supervisor'] as const;

/** The terms a new course takes from its service's template. */
const termColumns = ['planned_sessions', 'session_modes', 'focus', 'contact_interval_days', 'high_risk_contact_interval_days', 'offers_case_conference'] as const;

export type CourseTerms = Pick<Row<'course_templates'>, (typeof termColumns)[number]>;

export async function findCourseTemplate(db: Db, serviceId: string): Promise<CourseTerms | undefined> {
  return db
    .selectFrom('course_templates')
    .select(termColumns)
    .where('service_id', '=', serviceId)
    .executeTakeFirst();
}

export async function listCourseTemplates(db: Db, serviceIds: readonly string[]) {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('course_templates')
    .select(['service_id', ...termColumns])
    .where('service_id', 'in', [...serviceIds])
    .execute();
}

export async function upsertCourseTemplate(trx: Transaction<Database>, values: NewRow<'course_templates'>): Promise<void> {
  const { service_id: _serviceId, ...changes } = values;
  await trx
    .insertInto('course_templates')
    .values(values)
    .onConflict((conflict) => conflict.column('service_id').doUpdateSet(changes))
    .execute();
}

/** Active members of the organisation in staff roles. */
export async function listStaffOfOrganisation(db: Db, input: { organisationId: string }) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id as membership_id', 'u.id as user_id', 'u.display_name', 'm.role', 'm.service_line'])
    .where('m.organisation_id', '=', input.organisationId)
    .where('m.role', 'in', [...staffRoles])
    .where('u.is_active', '=', true)
    .orderBy('u.display_name')
    .orderBy('m.id')
    .execute();
}

export async function listServiceStaff(db: Db, serviceIds: readonly string[]) {
  if (serviceIds.length === 0) return [];
  return db.selectFrom('service_staff').select(['service_id', 'membership_id']).where('service_id', 'in', [...serviceIds]).execute();
}

export async function replaceServiceStaff(trx: Transaction<Database>, input: { serviceId: string; membershipIds: readonly string[]; now: Date }): Promise<void> {
  await trx.deleteFrom('service_staff').where('service_id', '=', input.serviceId).execute();
  if (input.membershipIds.length === 0) return;
  await trx
    .insertInto('service_staff')
    .values(input.membershipIds.map((membershipId) => ({ service_id: input.serviceId, membership_id: membershipId, created_at: input.now })))
    .execute();
}
