import type { PersonRole, ServiceLine } from '@bro/domain';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';

/**
 * Who may see which referral — the one place this is decided. Every query that reads or changes a referral for
 * a person takes a `ReferralVisibility` and applies {@link whereReferralVisible} in SQL, so a referral outside
 * the caller's reach is never loaded at all; the caller answers 404 (never 403: the referral's existence is
 * itself confidential).
 */
export type ReferralVisibility =
  /** The receiving service's staff: their organisation, their service line, never drafts. */
  | { side: 'receiver'; organisationId: string; personRoles: readonly PersonRole[] }
  /** The referring side: their unit's referrals, or (without a unit) their own. */
  | { side: 'referrer'; organisationId: string; unitId: string | null; userId: string }
  /**
   * The staff of a course following the onward referrals made from it (brobygning): their organisation referred,
   * from this course. The course's own visibility rule decides who may act for the course.
   */
  | { side: 'course'; organisationId: string; courseId: string }
  /** Jobs acting for the platform. Never built from a request. */
  | { side: 'system' };

/**
 * A line-limited membership sees only its side of a case; a referral about someone who is both exposed and uses
 * violence is for staff who work both lines (service line null), because it holds both sides' information.
 */
const personRolesByServiceLine: Record<ServiceLine, readonly PersonRole[]> = {
  victim: ['exposed'],
  perpetrator: ['uses_violence'],
};
const everyPersonRole: readonly PersonRole[] = ['exposed', 'uses_violence', 'both'];

export function receiverVisibility(actor: Pick<Actor, 'organisationId' | 'serviceLine'>): ReferralVisibility {
  return {
    side: 'receiver',
    organisationId: actor.organisationId,
    personRoles: actor.serviceLine === null ? everyPersonRole : personRolesByServiceLine[actor.serviceLine],
  };
}

export function referrerVisibility(actor: Pick<Actor, 'organisationId' | 'unitId' | 'userId'>): ReferralVisibility {
  return { side: 'referrer', organisationId: actor.organisationId, unitId: actor.unitId, userId: actor.userId };
}

export function courseReferralVisibility(input: { organisationId: string; courseId: string }): ReferralVisibility {
  return { side: 'course', organisationId: input.organisationId, courseId: input.courseId };
}

export const systemVisibility: ReferralVisibility = { side: 'system' };

/** The visibility rule as a where clause on the `referrals` table (not aliased). */
export function whereReferralVisible(visibility: ReferralVisibility) {
  return (eb: ExpressionBuilder<Database, 'referrals'>): Expression<SqlBool> => {
    switch (visibility.side) {
      case 'receiver':
        return eb.and([
          eb('referrals.receiving_organisation_id', '=', visibility.organisationId),
          eb('referrals.person_role', 'in', [...visibility.personRoles]),
          eb('referrals.status', '<>', 'draft'),
        ]);
      case 'referrer':
        return eb.and([
          eb('referrals.referring_organisation_id', '=', visibility.organisationId),
          visibility.unitId === null
            ? eb('referrals.created_by_user_id', '=', visibility.userId)
            : eb('referrals.referring_unit_id', '=', visibility.unitId),
        ]);
      case 'course':
        return eb.and([eb('referrals.referring_organisation_id', '=', visibility.organisationId), eb('referrals.origin_course_id', '=', visibility.courseId)]);
      case 'system':
        return eb.and([]);
    }
  };
}

/** The service lines whose line-limited staff see a referral about a person in this role (the inverse of the above). */
export function serviceLinesThatSee(personRole: PersonRole): ServiceLine[] {
  return (Object.keys(personRolesByServiceLine) as ServiceLine[]).filter((line) => personRolesByServiceLine[line].includes(personRole));
}
