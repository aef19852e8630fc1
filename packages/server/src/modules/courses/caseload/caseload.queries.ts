import type { Db } from '../../../db/tables.ts';
import { whereCourseVisible, type CourseVisibility } from '../core/course-access.ts';

/** SQL of caseloads: the counsellors of a supervisor's services, and a counsellor's upcoming sessions. */

/** Counsellors assigned to any of the services, for a supervisor's overview. */
export async function listCounsellorsOfServices(db: Db, serviceIds: readonly string[]) {
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

/** Planned sessions in a period, of the given courses' visibility and counsellor. */
export async function listUpcomingSessions(db: Db, input: { visibility: CourseVisibility; counsellorUserId: string; from: Date; until: Date; limit: number }) {
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
