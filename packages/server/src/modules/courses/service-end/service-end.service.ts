import { canServiceHoldSide, ServiceLine, type ServiceEndReason } from '@bro/domain';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/tables.ts';
import { appendAuditEntryBy } from '../../../platform/audit-log.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { FieldCipher } from '../../../platform/field-encryption.ts';
import { updateCourse } from '../core/course.queries.ts';
import { cancelSessionsToCome, listOpenCoursesOfService, type OpenCourseRow } from './service-end.queries.ts';

/**
 * When a service ends, its open courses (triage, active, bridging) are handed over to another service or closed.
 *
 * A handed-over course lands where a counsellor at the new service expects new work: in its triage list, with no
 * counsellor (the new service's coordinator assigns one), its sessions to come cancelled (they were booked with the
 * old staff), and its own terms and history kept. It can move only within the organisation — a course's record is
 * the organisation's, and no consent covers sharing it with another — and only to a service holding its side.
 * A closed course closes as `service_ended`, with the admin's explanation as its (encrypted) summary.
 */

/** A service open courses could move to. */
export type CourseTarget = { id: string; organisationId: string; serviceLine: ServiceLine | null };

export type OpenCourseOutcome = { kind: 'hand_over'; target: CourseTarget } | { kind: 'close'; reason: ServiceEndReason; explanation?: string | undefined };

export type OpenCoursesEnded = { notMovableCount: number; handedOverCount: number; closedCount: number };

function canMove(course: OpenCourseRow, target: CourseTarget): boolean {
  return course.organisation_id === target.organisationId && canServiceHoldSide(target.serviceLine, ServiceLine.parse(course.side));
}

/** For each candidate target, how many of the service's open courses it could not take. Counts only. */
export async function countCoursesNotMovable(db: Db, input: { serviceId: string; targets: readonly CourseTarget[] }): Promise<Map<string, number>> {
  const courses = await listOpenCoursesOfService(db, { serviceId: input.serviceId, lock: false });
  return new Map(input.targets.map((target) => [target.id, courses.filter((course) => !canMove(course, target)).length]));
}

/**
 * Hands over or closes the service's open courses in the caller's transaction, each audited. A hand-over is all or
 * nothing: if the target cannot take some, nothing changes and `notMovableCount` says how many (the caller refuses).
 */
export async function endOpenCoursesOfService(input: {
  trx: Transaction<Database>;
  clock: Clock;
  cipher: FieldCipher;
  actor: Pick<Actor, 'userId' | 'organisationId'>;
  serviceId: string;
  outcome: OpenCourseOutcome;
}): Promise<OpenCoursesEnded> {
  const { trx, outcome } = input;
  const courses = await listOpenCoursesOfService(trx, { serviceId: input.serviceId, lock: true });
  if (outcome.kind === 'hand_over') {
    const notMovableCount = courses.filter((course) => !canMove(course, outcome.target)).length;
    if (notMovableCount > 0) return { notMovableCount, handedOverCount: 0, closedCount: 0 };
  }
  for (const course of courses) {
    const now = input.clock.now();
    const cancelledSessions = await cancelSessionsToCome(trx, { courseId: course.id, now });
    const common = { fromStatus: course.status, fromCounsellorUserId: course.counsellor_user_id, cancelledSessions };
    if (outcome.kind === 'hand_over') {
      await updateCourse(trx, course.id, { service_id: outcome.target.id, status: 'triage', counsellor_user_id: null, updated_at: now });
      await audit(input, course.id, 'course.transfer', { ...common, fromServiceId: input.serviceId, toServiceId: outcome.target.id });
    } else {
      const summary = input.cipher.encryptOptional(outcome.explanation);
      await updateCourse(trx, course.id, { status: 'closed', closing_reason: 'service_ended', closing_summary_enc: summary, closed_at: now, closed_by_user_id: input.actor.userId, updated_at: now });
      await audit(input, course.id, 'course.close', { ...common, reason: 'service_ended', serviceEndReason: outcome.reason, hasSummary: summary !== null });
    }
  }
  const count = courses.length;
  return outcome.kind === 'hand_over' ? { notMovableCount: 0, handedOverCount: count, closedCount: 0 } : { notMovableCount: 0, handedOverCount: 0, closedCount: count };
}

async function audit(input: { trx: Transaction<Database>; clock: Clock; actor: Pick<Actor, 'userId' | 'organisationId'> }, courseId: string, action: string, details: Record<string, string | number | boolean | null>) {
  await appendAuditEntryBy(input.trx, input.actor, { occurredAt: input.clock.now(), action, objectType: 'course', objectId: courseId, details });
}
