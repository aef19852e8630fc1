import { allowedCourseActions, type CourseAction } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';
import { recordAccess, type AccessAction } from '../../../platform/access-log.ts';
import { appendAuditEntryBy } from '../../../platform/audit-log.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { readPurposeOf, staffVisibility, type CourseVisibility } from './course-access.ts';
import { findCourseRow, listAssignedServiceIds, lockCourse, type CourseRow } from './course.queries.ts';
import { courseProblem, statusOf } from './course-views.ts';

/**
 * What every step's use cases share: who sees which course, running a change on a locked course, logging reads and
 * auditing changes.
 */

export type CourseDeps = { db: Db; clock: Clock; cipher: FieldCipher };

export async function courseVisibilityOf(db: Db, actor: Actor): Promise<CourseVisibility> {
  return staffVisibility(actor, await listAssignedServiceIds(db, { membershipId: actor.membershipId, organisationId: actor.organisationId }));
}

/** The course, if the actor may see it; 404 otherwise (never 403: the course's existence is confidential). */
export async function getVisibleCourse(db: Db, actor: Actor, courseId: string, now: Date): Promise<{ row: CourseRow; visibility: CourseVisibility }> {
  const visibility = await courseVisibilityOf(db, actor);
  const row = await findCourseRow(db, { courseId, visibility, now });
  if (!row) throw new AppError('not_found');
  return { row, visibility };
}

/**
 * Runs a change to a course in one transaction: the course is locked (concurrent changes serialise), must be
 * visible (else 404) and must allow the action in its status (a closed course answers 409 `course_closed`).
 */
export async function withCourseForChange<T>(
  deps: CourseDeps,
  actor: Actor,
  courseId: string,
  action: CourseAction,
  work: (trx: Transaction<Database>, row: CourseRow, visibility: CourseVisibility) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => withCourseInTransaction(trx, deps, actor, courseId, action, work));
}

/** The same inside a transaction the caller already holds (e.g. an idempotent creation). */
export async function withCourseInTransaction<T>(
  trx: Transaction<Database>,
  deps: Pick<CourseDeps, 'clock'>,
  actor: Actor,
  courseId: string,
  action: CourseAction,
  work: (trx: Transaction<Database>, row: CourseRow, visibility: CourseVisibility) => Promise<T>,
): Promise<T> {
  const visibility = await courseVisibilityOf(trx, actor);
  if (!(await lockCourse(trx, { courseId, visibility }))) throw new AppError('not_found');
  const row = await findCourseRow(trx, { courseId, visibility, now: deps.clock.now() });
  if (!row) throw new AppError('not_found');
  const status = statusOf(row);
  if (!allowedCourseActions(status).includes(action)) throw status === 'closed' ? courseProblem.courseClosed() : new AppError('transition_not_allowed');
  return work(trx, row, visibility);
}

/** Every read of course content is logged before it leaves the server (fail closed). */
export async function logCourseReads(
  db: Db,
  input: { actor: Actor; now: Date; action?: AccessAction; entries: readonly { objectType: string; objectId: string; personId: string }[]; purpose?: 'access_history_extract' },
): Promise<void> {
  await recordAccess(
    db,
    input.entries.map((entry) => ({
      occurredAt: input.now,
      userId: input.actor.userId,
      organisationId: input.actor.organisationId,
      action: input.action ?? 'read',
      objectType: entry.objectType,
      objectId: entry.objectId,
      personId: entry.personId,
      purpose: input.purpose ?? readPurposeOf(input.actor),
    })),
  );
}

export async function auditCourse(trx: Transaction<Database>, input: { actor: Actor; now: Date; action: string; courseId: string; details?: Record<string, string | number | boolean | null> }) {
  await appendAuditEntryBy(trx, input.actor, {
    occurredAt: input.now,
    action: input.action,
    objectType: 'course',
    objectId: input.courseId,
    details: input.details ?? {},
  });
}
