import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';

/** SQL of ending a service's open courses: which are open, and their sessions still to come. */

/** The service's courses not closed; `lock` holds them for the rest of the transaction. */
export async function listOpenCoursesOfService(db: Db, input: { serviceId: string; lock: boolean }) {
  const query = db
    .selectFrom('courses')
    .select(['id', 'organisation_id', 'side', 'status', 'counsellor_user_id'])
    .where('service_id', '=', input.serviceId)
    .where('status', '<>', 'closed')
    .orderBy('id');
  return input.lock ? query.forUpdate().execute() : query.execute();
}

export type OpenCourseRow = Awaited<ReturnType<typeof listOpenCoursesOfService>>[number];

/**
 * Cancels the course's sessions planned after now, by the service: they were booked with staff who will no longer
 * hold the course, and a cancelled session sends no reminder. Returns how many.
 */
export async function cancelSessionsToCome(trx: Transaction<Database>, input: { courseId: string; now: Date }): Promise<number> {
  const rows = await trx
    .updateTable('course_sessions')
    .set({ attendance: 'cancelled_by_service' })
    .where('course_id', '=', input.courseId)
    .where('attendance', '=', 'planned')
    .where('planned_at', '>', input.now)
    .returning('id')
    .execute();
  return rows.length;
}
