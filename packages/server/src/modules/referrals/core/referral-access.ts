import { Gender, narrowIntake, PersonRole, rolesReceivedBy, ServiceLine, whyServiceWouldNotTake, type PersonToPlace, type ServiceIntake } from '@bro/domain';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../../db/tables.ts';
import type { Actor } from '../../../platform/auth/authorization.ts';
import { AppError } from '../../../platform/errors.ts';

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

export function receiverVisibility(actor: Pick<Actor, 'organisationId' | 'serviceLine'>): ReferralVisibility {
  return {
    side: 'receiver',
    organisationId: actor.organisationId,
    // A line-limited membership sees only its side of a case: the same rule that decides what a service receives.
    personRoles: rolesReceivedBy(actor.serviceLine),
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

type ServiceWithLine = { name?: string; service_line: string | null };
type ServiceWithIntake = ServiceWithLine & {
  receives_genders?: string[] | null;
  minimum_age?: number | null;
  maximum_age?: number | null;
  /** A programme's service row: whom the programme lets it take (null: as the service). */
  programme_receives_roles?: string[] | null;
  programme_receives_genders?: string[] | null;
  programme_minimum_age?: number | null;
  programme_maximum_age?: number | null;
};

/** The line a service row records; the database's CHECK allows only these. */
function lineOfService(service: ServiceWithLine): ServiceLine | null {
  return ServiceLine.nullable().parse(service.service_line);
}

/**
 * Whom a service row takes: its line, genders and ages (a row without the limit columns has none), narrowed by the
 * programme when the row comes from one (see narrowIntake: a programme never widens what a service takes).
 */
export function intakeOfService(service: ServiceWithIntake): ServiceIntake {
  const own = {
    roles: rolesReceivedBy(lineOfService(service)),
    genders: service.receives_genders ? service.receives_genders.map((gender) => Gender.parse(gender)) : null,
    minimumAge: service.minimum_age ?? null,
    maximumAge: service.maximum_age ?? null,
  };
  return narrowIntake(own, {
    roles: service.programme_receives_roles ? service.programme_receives_roles.map((role) => PersonRole.parse(role)) : null,
    genders: service.programme_receives_genders ? service.programme_receives_genders.map((gender) => Gender.parse(gender)) : null,
    minimumAge: service.programme_minimum_age ?? null,
    maximumAge: service.programme_maximum_age ?? null,
  });
}

/**
 * Refuses to send a person to a service that would not take them: by its line nobody there could see the
 * referral (422 role_not_received), by gender or age it would turn the person away (422 person_not_received).
 * Either way the referral would wait unseen or be declined late. The answer names the services among the
 * caller's alternatives that do take the person (names of services only, never anything about the person).
 */
export async function assertServiceTakes(service: ServiceWithIntake, person: PersonToPlace, loadAlternatives: () => Promise<readonly ServiceWithIntake[]>): Promise<void> {
  const reason = whyServiceWouldNotTake(intakeOfService(service), person);
  if (reason === undefined) return;
  const alternatives = await loadAlternatives();
  const taking = alternatives.filter((candidate) => whyServiceWouldNotTake(intakeOfService(candidate), person) === undefined).map((candidate) => candidate.name);
  throw new AppError(reason === 'role' ? 'role_not_received' : 'person_not_received', undefined, { services: taking.join(', ') });
}
