import { sql, type NotNull, type Transaction } from 'kysely';
import type { Database, Db, Row, RowChanges } from '../../../db/tables.ts';
import { whereCourseVisible, type CourseVisibility } from './course-access.ts';

/** The course record's SQL, shared by every step: reading, locking and changing a course; its service and staff. */

// ---------------------------------------------------------------------------------------------------------------
// Services and staff

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

const serviceColumns = ['id', 'name', 'organisation_id', 'service_line', 'is_active'] as const;

export type ServiceRow = Pick<Row<'services'>, (typeof serviceColumns)[number]>;

export async function findServiceOfOrganisation(db: Db, input: { serviceId: string; organisationId: string }): Promise<ServiceRow | undefined> {
  return db
    .selectFrom('services')
    .select(serviceColumns)
    .where('id', '=', input.serviceId)
    .where('organisation_id', '=', input.organisationId)
    .executeTakeFirst();
}

export async function listServicesOfOrganisation(db: Db, organisationId: string): Promise<ServiceRow[]> {
  return db
    .selectFrom('services')
    .select(serviceColumns)
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .orderBy('id')
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

// ---------------------------------------------------------------------------------------------------------------
// Courses

export async function updateCourse(trx: Transaction<Database>, courseId: string, changes: RowChanges<'courses'>): Promise<void> {
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

const courseColumns = [
  'courses.id',
  'courses.reference',
  'courses.person_id',
  'courses.service_id',
  'courses.organisation_id',
  'courses.side',
  'courses.person_role',
  'courses.origin',
  'courses.referral_id',
  'courses.is_anonymous',
  'courses.client_label_enc',
  'courses.address_protection',
  'courses.safe_contact_enc',
  'courses.referral_facts_enc',
  'courses.status',
  'courses.counsellor_user_id',
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
] as const;

/**
 * A course with everything its views need, in one query: its service's name, the referral's reference, who holds
 * and who closed it, and its session counts. `*_enc` columns are still ciphertext.
 */
function selectCourses(db: Db, now: Date) {
  return db
    .selectFrom('courses')
    .innerJoin('services as service', 'service.id', 'courses.service_id')
    .leftJoin('users as counsellor', 'counsellor.id', 'courses.counsellor_user_id')
    .leftJoin('users as closer', 'closer.id', 'courses.closed_by_user_id')
    .leftJoin('referrals as referral', 'referral.id', 'courses.referral_id')
    .select((eb) => [
      ...courseColumns,
      'service.name as service_name',
      'referral.reference as referral_reference',
      'counsellor.display_name as counsellor_display_name',
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
    ])
    // A count always has a row, even for a course without sessions.
    .$narrowType<{ sessions_used: NotNull }>();
}

export async function findCourseRow(db: Db, input: { courseId: string; visibility: CourseVisibility; now: Date }) {
  return selectCourses(db, input.now).where('courses.id', '=', input.courseId).where(whereCourseVisible(input.visibility)).executeTakeFirst();
}

/** A course with everything its views need (see selectCourses). */
export type CourseRow = NonNullable<Awaited<ReturnType<typeof findCourseRow>>>;

type CourseListFilter = { status: 'open' | 'closed' | 'all'; serviceId?: string | undefined; counsellorUserId?: string | undefined };

/** Visible courses, high risk first, then the oldest first (the longest-running needs attention first). */
export async function listCourseRows(db: Db, input: { visibility: CourseVisibility; now: Date; filter: CourseListFilter; limit: number }): Promise<CourseRow[]> {
  let query = selectCourses(db, input.now).where(whereCourseVisible(input.visibility));
  if (input.filter.status === 'open') query = query.where('courses.status', '<>', 'closed');
  if (input.filter.status === 'closed') query = query.where('courses.status', '=', 'closed');
  if (input.filter.serviceId) query = query.where('courses.service_id', '=', input.filter.serviceId);
  if (input.filter.counsellorUserId) query = query.where('courses.counsellor_user_id', '=', input.filter.counsellorUserId);
  return query
    .orderBy((eb) => eb.case().when('courses.risk_level', '=', 'high').then(0).when('courses.risk_level', '=', 'medium').then(1).else(2).end())
    .orderBy('courses.opened_at')
    .orderBy('courses.id')
    .limit(input.limit)
    .execute();
}

/** The person's other courses the caller may see: their history at this service. */
export async function listOtherCoursesOfPerson(db: Db, input: { personId: string; exceptCourseId: string; visibility: CourseVisibility }) {
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
