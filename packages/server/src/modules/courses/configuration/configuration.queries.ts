import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';

/** The only file that writes SQL for course templates and service staff (eligibility rules: triage.queries.ts). */

/** Roles that can be assigned to a service's staff (they work with its courses). */
export const staffRoles = ['counsellor', 'intake_coordinator', 'supervisor'] as const;

export type TemplateRow = {
  service_id: string;
  planned_sessions: number;
  session_modes: string[];
  focus: string[];
  contact_interval_days: number;
  high_risk_contact_interval_days: number;
  offers_case_conference: boolean;
};

export async function findCourseTemplate(db: Db, serviceId: string): Promise<TemplateRow | undefined> {
  return db
    .selectFrom('course_templates')
    .select(['service_id', 'planned_sessions', 'session_modes', 'focus', 'contact_interval_days', 'high_risk_contact_interval_days', 'offers_case_conference'])
    .where('service_id', '=', serviceId)
    .executeTakeFirst();
}

export async function listCourseTemplates(db: Db, serviceIds: readonly string[]): Promise<TemplateRow[]> {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('course_templates')
    .select(['service_id', 'planned_sessions', 'session_modes', 'focus', 'contact_interval_days', 'high_risk_contact_interval_days', 'offers_case_conference'])
    .where('service_id', 'in', [...serviceIds])
    .execute();
}

export async function upsertCourseTemplate(trx: Transaction<Database>, values: TemplateRow & { updated_by_user_id: string | null; updated_at: Date }): Promise<void> {
  const { service_id: _serviceId, ...changes } = values;
  await trx
    .insertInto('course_templates')
    .values(values)
    .onConflict((conflict) => conflict.column('service_id').doUpdateSet(changes))
    .execute();
}

export type StaffMemberRow = { membership_id: string; user_id: string; display_name: string; role: string; service_line: string | null; service_id: string | null };

/** Members of the organisation in staff roles; `service_id` set when assigned to the given service. */
export async function listStaffOfOrganisation(db: Db, input: { organisationId: string }): Promise<Omit<StaffMemberRow, 'service_id'>[]> {
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

export async function listServiceStaff(db: Db, serviceIds: readonly string[]): Promise<{ service_id: string; membership_id: string }[]> {
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
