import { hasPermission, type Permission, type ServiceLine } from '@bro/domain';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { AccessPurpose } from '../../../platform/access-log.ts';

/**
 * Who may see which course — the one place this is decided. A course is visible to staff of the holding service's
 * organisation who are assigned to that service (service_staff) and whose service line covers the course's side.
 * Every query that reads or changes a course takes a `CourseVisibility` and applies {@link whereCourseVisible} in
 * SQL, so a course outside the caller's reach is never loaded; the caller answers 404 (its existence is itself
 * confidential, and a victim-side course must not even be known on the perpetrator side).
 */
export type CourseVisibility = { organisationId: string; sides: readonly ServiceLine[]; serviceIds: readonly string[] };

const everySide: readonly ServiceLine[] = ['victim', 'perpetrator'];

export function staffVisibility(actor: Pick<Actor, 'organisationId' | 'serviceLine'>, assignedServiceIds: readonly string[]): CourseVisibility {
  return { organisationId: actor.organisationId, sides: actor.serviceLine === null ? everySide : [actor.serviceLine], serviceIds: assignedServiceIds };
}

/** The visibility rule as a where clause on the `courses` table (not aliased). */
export function whereCourseVisible(visibility: CourseVisibility) {
  return (eb: ExpressionBuilder<Database, 'courses'>): Expression<SqlBool> => {
    // No assignment, no courses: deny by default rather than "all services of the organisation".
    if (visibility.serviceIds.length === 0) return eb.lit(false);
    return eb.and([
      eb('courses.organisation_id', '=', visibility.organisationId),
      eb('courses.side', 'in', [...visibility.sides]),
      eb('courses.service_id', 'in', [...visibility.serviceIds]),
    ]);
  };
}

/** Does this staff visibility reach a service and a side? (Checked before anything is created there.) */
export function canWorkAt(visibility: CourseVisibility, serviceId: string, side: ServiceLine): boolean {
  return visibility.serviceIds.includes(serviceId) && visibility.sides.includes(side);
}

/** Supervisors read for supervision; everyone else for their own course work. Shown to the person in their extract. */
export function readPurposeOf(actor: Pick<Actor, 'role'>): AccessPurpose {
  return actor.role === 'supervisor' ? 'course_supervision' : 'course_work';
}

export function canActor(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return hasPermission(actor.role, permission);
}
