import { SessionMode, type CaseloadOverview, type CounsellorCaseloadSummary, type CourseSummary } from '@bro/domain';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CourseVisibility } from '../core/course-access.ts';
import { listCourseRows } from '../core/course.queries.ts';
import { courseVisibilityOf, logCourseReads, type CourseDeps } from '../core/course.service.ts';
import { contactStateOf, toCourseSummary } from '../core/course-views.ts';
import { listCounsellorsOfServices, listUpcomingSessions } from './caseload.queries.ts';

/**
 * A counsellor's caseload: open courses (high risk first, then the longest without contact), the sessions of the
 * next two weeks, and the courses past their contact interval (shorter for high risk). A supervisor sees the same
 * for each counsellor of their services.
 */

const UPCOMING_DAYS = 14;
const CASELOAD_LIMIT = 500;
const riskRank = { high: 0, medium: 1, standard: 2 } as const;

function byUrgency(a: CourseSummary, b: CourseSummary): number {
  const rank = (course: CourseSummary) => (course.riskLevel === null ? 3 : riskRank[course.riskLevel]);
  return rank(a) - rank(b) || a.lastContactAt.localeCompare(b.lastContactAt) || a.id.localeCompare(b.id);
}

async function overviewOf(input: CourseDeps & { actor: Actor }, visibility: CourseVisibility, counsellor: { userId: string; displayName: string }): Promise<CaseloadOverview> {
  const now = input.clock.now();
  const rows = await listCourseRows(input.db, { visibility, now, filter: { status: 'open', counsellorUserId: counsellor.userId }, limit: CASELOAD_LIMIT });
  const sessions = await listUpcomingSessions(input.db, { visibility, counsellorUserId: counsellor.userId, from: now, until: new Date(now.getTime() + UPCOMING_DAYS * 86_400_000), limit: 200 });
  await logCourseReads(input.db, { actor: input.actor, now, action: 'list', entries: rows.map((row) => ({ objectType: 'course', objectId: row.id, personId: row.person_id })) });
  const courses = rows.map((row) => toCourseSummary(row, input.cipher, now)).sort(byUrgency);
  return {
    counsellor,
    courses,
    upcomingSessions: sessions.map((session) => ({
      courseId: session.course_id,
      courseReference: session.course_reference,
      clientLabel: input.cipher.decrypt(session.client_label_enc),
      sessionId: session.session_id,
      plannedAt: session.planned_at.toISOString(),
      mode: SessionMode.parse(session.mode),
      isHighRisk: session.risk_level === 'high',
    })),
    withoutContact: courses.filter((course) => course.isContactOverdue),
  };
}

export async function getMyCaseload(input: CourseDeps & { actor: Actor }): Promise<CaseloadOverview> {
  const visibility = await courseVisibilityOf(input.db, input.actor);
  return overviewOf(input, visibility, { userId: input.actor.userId, displayName: input.actor.displayName });
}

/** A supervisor's view of one counsellor: only a counsellor of the supervisor's own services (else 404). */
export async function getCaseloadOf(input: CourseDeps & { actor: Actor; counsellorUserId: string }): Promise<CaseloadOverview> {
  const visibility = await courseVisibilityOf(input.db, input.actor);
  const counsellors = await listCounsellorsOfServices(input.db, visibility.serviceIds);
  const counsellor = counsellors.find((candidate) => candidate.user_id === input.counsellorUserId);
  if (!counsellor) throw new AppError('not_found');
  return overviewOf(input, visibility, { userId: counsellor.user_id, displayName: counsellor.display_name });
}

/** The counsellors of the supervisor's services, with counts only (no names of people). */
export async function listSupervisedCaseloads(input: CourseDeps & { actor: Actor }): Promise<CounsellorCaseloadSummary[]> {
  const now = input.clock.now();
  const visibility = await courseVisibilityOf(input.db, input.actor);
  const counsellors = await listCounsellorsOfServices(input.db, visibility.serviceIds);
  const rows = await listCourseRows(input.db, { visibility, now, filter: { status: 'open' }, limit: 5_000 });
  // Counting needs the risk level and the deadlines, not the person: no label is decrypted, so nothing is logged.
  return counsellors.map((counsellor) => {
    const own = rows.filter((row) => row.counsellor_user_id === counsellor.user_id);
    return {
      counsellor: { userId: counsellor.user_id, displayName: counsellor.display_name },
      openCourses: own.length,
      highRiskCourses: own.filter((row) => row.risk_level === 'high').length,
      coursesWithoutContact: own.filter((row) => contactStateOf(row, now).isOverdue).length,
    };
  });
}
