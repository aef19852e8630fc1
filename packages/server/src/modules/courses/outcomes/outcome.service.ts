import type { OutcomePhase, OutcomeView, RecordOutcomeRequest } from '@bro/domain';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { findSession } from '../sessions/session.queries.ts';
import { auditCourse, logCourseReads, withCourseForChange, type CourseDeps } from '../core/course.service.ts';
import { courseProblem, toOutcomeView } from '../core/course-views.ts';
import { listOutcomes, upsertOutcome } from './outcome.queries.ts';

/**
 * Outcomes: at the first and the last session, the person's own ratings of their sense of safety (tryghed) and
 * options for action (handlemuligheder), 0–10, and the forms of violence present. Structured, for the statistics.
 */
export async function recordOutcome(input: CourseDeps & { actor: Actor; courseId: string; phase: OutcomePhase; request: RecordOutcomeRequest }): Promise<OutcomeView[]> {
  return withCourseForChange(input, input.actor, input.courseId, 'record_outcome', async (trx, row) => {
    const now = input.clock.now();
    const { request } = input;
    if (request.sessionId && !(await findSession(trx, { courseId: row.id, sessionId: request.sessionId }))) throw courseProblem.invalid('body.sessionId', 'not_a_session_of_this_course');
    const isCorrection = await upsertOutcome(trx, {
      course_id: row.id,
      phase: input.phase,
      safety_rating: request.safety,
      options_rating: request.options,
      violence_forms: [...new Set(request.violenceForms)].sort(),
      session_id: request.sessionId ?? null,
      recorded_by_user_id: input.actor.userId,
      recorded_at: now,
    });
    // The ratings are the person's own words about their life: not in the audit details, only that they were recorded.
    await auditCourse(trx, { actor: input.actor, now, action: 'course.record_outcome', courseId: row.id, details: { phase: input.phase, isCorrection, sessionId: request.sessionId ?? null } });
    const outcomes = await listOutcomes(trx, row.id);
    await logCourseReads(trx, { actor: input.actor, now, entries: [{ objectType: 'course_outcome', objectId: `${row.id}:${input.phase}`, personId: row.person_id }] });
    return outcomes.map(toOutcomeView);
  });
}
