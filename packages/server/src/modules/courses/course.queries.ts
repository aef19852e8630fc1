import { sql, type Insertable, type Transaction, type Updateable } from 'kysely';
import type { CoursesTable, Database, Db } from '../../db/tables.ts';
import { whereCourseVisible, type CourseVisibility } from './course-access.ts';

/** The only file that writes SQL for courses, course templates and service staff. */

/** Roles that can be assigned to a service's staff (they work with its courses). */
export const staffRoles = ['counsellor', 'intake_coordinator', 'supervisor'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Services, templates and staff

/** The services of the actor's organisation the membership is assigned to. */
export async function listAssignedServiceIds(db: Db, input: { membershipId: string; organisationId: string }): Promise<string[]> {
  const rows = await db
    .selectFrom('service_staff as st')
    .innerJoin('services as s', 's.id', 'st.service_id')
    .select('s.id')
    .where('st.membership_id', '=', input.membershipId)
    .where('s.organisation_id', '=', input.organisationId)
    .execute();
  return rows.map((row) => row.id);
}

export type ServiceRow = { id: string; name: string; organisation_id: string; service_line: string | null; is_active: boolean };

export async function findServiceOfOrganisation(db: Db, input: { serviceId: string; organisationId: string }): Promise<ServiceRow | undefined> {
  return db
    .selectFrom('services')
    .select(['id', 'name', 'organisation_id', 'service_line', 'is_active'])
    .where('id', '=', input.serviceId)
    .where('organisation_id', '=', input.organisationId)
    .executeTakeFirst();
}

export async function listServicesOfOrganisation(db: Db, organisationId: string): Promise<ServiceRow[]> {
  return db
    .selectFrom('services')
    .select(['id', 'name', 'organisation_id', 'service_line', 'is_active'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

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

/** Is the user a counsellor assigned to the service (and so someone a course there can be given to)? */
export async function isCounsellorOfService(db: Db, input: { serviceId: string; userId: string }): Promise<boolean> {
  const row = await db
    .selectFrom('service_staff as st')
    .innerJoin('memberships as m', 'm.id', 'st.membership_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.id')
    .where('st.service_id', '=', input.serviceId)
    .where('m.user_id', '=', input.userId)
    .where('m.role', '=', 'counsellor')
    .where('u.is_active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/** Counsellors assigned to any of the services, for a supervisor's overview. */
export async function listCounsellorsOfServices(db: Db, serviceIds: readonly string[]): Promise<{ user_id: string; display_name: string }[]> {
  if (serviceIds.length === 0) return [];
  return db
    .selectFrom('service_staff as st')
    .innerJoin('memberships as m', 'm.id', 'st.membership_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as user_id', 'u.display_name'])
    .distinct()
    .where('st.service_id', 'in', [...serviceIds])
    .where('m.role', '=', 'counsellor')
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}

export async function findUserDisplayName(db: Db, userId: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst())?.display_name;
}

// ---------------------------------------------------------------------------------------------------------------
// Courses

/** The human-readable reference comes from a sequence: short, unique, and says nothing about the person. */
export async function insertCourse(trx: Transaction<Database>, values: Omit<Insertable<CoursesTable>, 'reference'>): Promise<string> {
  const row = await trx
    .insertInto('courses')
    .values({ ...values, reference: sql<string>`'FL-' || nextval('course_reference_seq')::text` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCourse(trx: Transaction<Database>, courseId: string, changes: Updateable<CoursesTable>): Promise<void> {
  await trx.updateTable('courses').set(changes).where('id', '=', courseId).execute();
}

/**
 * Locks the course row for the rest of the transaction, if visible: two people changing one course at once are
 * serialised and both see the latest state. Answers whether the course is there for this caller.
 */
export async function lockCourse(trx: Transaction<Database>, input: { courseId: string; visibility: CourseVisibility }): Promise<boolean> {
  const row = await trx.selectFrom('courses').select('id').where('id', '=', input.courseId).where(whereCourseVisible(input.visibility)).forUpdate().executeTakeFirst();
  return row !== undefined;
}

/** A course with everything its views need, in one query. `*_enc` columns are still ciphertext. */
export type CourseRow = {
  id: string;
  reference: string;
  person_id: string;
  service_id: string;
  service_name: string;
  organisation_id: string;
  side: string;
  person_role: string;
  origin: string;
  referral_id: string | null;
  referral_reference: string | null;
  is_anonymous: boolean;
  client_label_enc: string;
  address_protection: string;
  safe_contact_enc: string;
  status: string;
  counsellor_user_id: string | null;
  counsellor_display_name: string | null;
  planned_sessions: number;
  session_modes: string[];
  focus: string[];
  contact_interval_days: number;
  high_risk_contact_interval_days: number;
  offers_case_conference: boolean;
  risk_level: string | null;
  opened_at: Date;
  closing_reason: string | null;
  closing_summary_enc: string | null;
  closed_at: Date | null;
  closed_by_user_id: string | null;
  closed_by_display_name: string | null;
  sessions_used: number;
  last_attended_at: Date | null;
  next_session_at: Date | null;
};

function selectCourses(db: Db, now: Date) {
  return db
    .selectFrom('courses')
    .innerJoin('services as service', 'service.id', 'courses.service_id')
    .leftJoin('users as counsellor', 'counsellor.id', 'courses.counsellor_user_id')
    .leftJoin('users as closer', 'closer.id', 'courses.closed_by_user_id')
    .leftJoin('referrals as referral', 'referral.id', 'courses.referral_id')
    .select((eb) => [
      'courses.id',
      'courses.reference',
      'courses.person_id',
      'courses.service_id',
      'service.name as service_name',
      'courses.organisation_id',
      'courses.side',
      'courses.person_role',
      'courses.origin',
      'courses.referral_id',
      'referral.reference as referral_reference',
      'courses.is_anonymous',
      'courses.client_label_enc',
      'courses.address_protection',
      'courses.safe_contact_enc',
      'courses.status',
      'courses.counsellor_user_id',
      'counsellor.display_name as counsellor_display_name',
      'courses.planned_sessions',
      'courses.session_modes',
      'courses.focus',
      'courses.contact_interval_days',
      'courses.high_risk_contact_interval_days',
      'courses.offers_case_conference',
      'courses.risk_level',
      'courses.opened_at',
      'courses.closing_reason',
      'courses.closing_summary_enc',
      'courses.closed_at',
      'courses.closed_by_user_id',
      'closer.display_name as closed_by_display_name',
      eb
        .selectFrom('course_sessions as s')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('s.course_id', '=', 'courses.id')
        .where('s.attendance', '=', 'attended')
        .as('sessions_used'),
      eb
        .selectFrom('course_sessions as s')
        .select((sub) => sub.fn.max('s.planned_at').as('at'))
        .whereRef('s.course_id', '=', 'courses.id')
        .where('s.attendance', '=', 'attended')
        .as('last_attended_at'),
      eb
        .selectFrom('course_sessions as s')
        .select((sub) => sub.fn.min('s.planned_at').as('at'))
        .whereRef('s.course_id', '=', 'courses.id')
        .where('s.attendance', '=', 'planned')
        .where('s.planned_at', '>', now)
        .as('next_session_at'),
    ]);
}

export async function findCourseRow(db: Db, input: { courseId: string; visibility: CourseVisibility; now: Date }): Promise<CourseRow | undefined> {
  const row = await selectCourses(db, input.now).where('courses.id', '=', input.courseId).where(whereCourseVisible(input.visibility)).executeTakeFirst();
  return row as CourseRow | undefined;
}

export type CourseListFilter = { status: 'open' | 'closed' | 'all'; serviceId?: string | undefined; counsellorUserId?: string | undefined };

/** Visible courses, high risk first, then the oldest first (the longest-running needs attention first). */
export async function listCourseRows(db: Db, input: { visibility: CourseVisibility; now: Date; filter: CourseListFilter; limit: number }): Promise<CourseRow[]> {
  let query = selectCourses(db, input.now).where(whereCourseVisible(input.visibility));
  if (input.filter.status === 'open') query = query.where('courses.status', '<>', 'closed');
  if (input.filter.status === 'closed') query = query.where('courses.status', '=', 'closed');
  if (input.filter.serviceId) query = query.where('courses.service_id', '=', input.filter.serviceId);
  if (input.filter.counsellorUserId) query = query.where('courses.counsellor_user_id', '=', input.filter.counsellorUserId);
  const rows = await query
    .orderBy((eb) => eb.case().when('courses.risk_level', '=', 'high').then(0).when('courses.risk_level', '=', 'medium').then(1).else(2).end())
    .orderBy('courses.opened_at')
    .orderBy('courses.id')
    .limit(input.limit)
    .execute();
  return rows as CourseRow[];
}

/** The person's other courses the caller may see: their history at this service. */
export async function listOtherCoursesOfPerson(
  db: Db,
  input: { personId: string; exceptCourseId: string; visibility: CourseVisibility },
): Promise<{ id: string; reference: string; status: string; service_name: string; opened_at: Date; closed_at: Date | null }[]> {
  return db
    .selectFrom('courses')
    .innerJoin('services as service', 'service.id', 'courses.service_id')
    .select(['courses.id', 'courses.reference', 'courses.status', 'service.name as service_name', 'courses.opened_at', 'courses.closed_at'])
    .where('courses.person_id', '=', input.personId)
    .where('courses.id', '<>', input.exceptCourseId)
    .where(whereCourseVisible(input.visibility))
    .orderBy('courses.opened_at', 'desc')
    .orderBy('courses.id')
    .limit(50)
    .execute();
}

/** The person's latest course the caller may see (a returning person keeps their label and protection). */
export async function findLatestCourseOfPerson(
  db: Db,
  input: { personId: string; visibility: CourseVisibility },
): Promise<{ id: string; client_label_enc: string; is_anonymous: boolean; address_protection: string } | undefined> {
  return db
    .selectFrom('courses')
    .select(['id', 'client_label_enc', 'is_anonymous', 'address_protection'])
    .where('person_id', '=', input.personId)
    .where(whereCourseVisible(input.visibility))
    .orderBy('opened_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** Planned sessions in a period, of the given courses' visibility and counsellor. */
export async function listUpcomingSessions(
  db: Db,
  input: { visibility: CourseVisibility; counsellorUserId: string; from: Date; until: Date; limit: number },
): Promise<{ course_id: string; course_reference: string; client_label_enc: string; risk_level: string | null; session_id: string; planned_at: Date; mode: string }[]> {
  return db
    .selectFrom('course_sessions as s')
    .innerJoin('courses', 'courses.id', 's.course_id')
    .select(['courses.id as course_id', 'courses.reference as course_reference', 'courses.client_label_enc', 'courses.risk_level', 's.id as session_id', 's.planned_at', 's.mode'])
    .where(whereCourseVisible(input.visibility))
    .where('courses.counsellor_user_id', '=', input.counsellorUserId)
    .where('courses.status', '<>', 'closed')
    .where('s.attendance', '=', 'planned')
    .where('s.planned_at', '>=', input.from)
    .where('s.planned_at', '<', input.until)
    .orderBy('s.planned_at')
    .orderBy('s.id')
    .limit(input.limit)
    .execute();
}
