import type { ServiceLine } from '../identity/access.ts';
import type { Gender, PersonRole } from './Referral.ts';

/**
 * Which people a line can see and act on — a service's intake by the service's line, a member of staff by their
 * membership's line. Line-limited staff see only their side of a case. A person who both is exposed to and uses
 * violence holds both sides' information, so only a both-lines service (the hotline, a line-neutral service) and
 * both-lines staff take them. One rule for both questions, so a referral is never sent where nobody can see it.
 */
const rolesByLine: Record<ServiceLine, readonly PersonRole[]> = {
  victim: ['exposed'],
  perpetrator: ['uses_violence'],
};
const everyRole: readonly PersonRole[] = ['exposed', 'uses_violence', 'both'];

export function rolesReceivedBy(line: ServiceLine | null): readonly PersonRole[] {
  return line === null ? everyRole : rolesByLine[line];
}

export function isRoleReceivedBy(line: ServiceLine | null, role: PersonRole): boolean {
  return rolesReceivedBy(line).includes(role);
}

/** The lines whose line-limited staff see a person in this role (the inverse of {@link rolesReceivedBy}). */
export function linesThatSee(role: PersonRole): ServiceLine[] {
  return (Object.keys(rolesByLine) as ServiceLine[]).filter((line) => rolesByLine[line].includes(role));
}

/**
 * Whom a service takes: the roles its line sees ({@link rolesReceivedBy}), and the genders (null: all) and age range
 * (null: no limit) its admin set. The server builds it from the service's row, the staff app from a ServiceOption.
 */
export type ServiceIntake = { roles: readonly PersonRole[]; genders: readonly Gender[] | null; minimumAge: number | null; maximumAge: number | null };

/**
 * What a referral knows of the person. The age is the age they reach this year (from a birth year or a CPR). An
 * onward referral from a course knows the role only: gender and age are then not checked here.
 */
export type PersonToPlace = { role: PersonRole; gender: Gender | undefined; age: number | undefined };

/**
 * Why a service would not take the person, or undefined if it would. An unknown age passes the age limits: the
 * intake asks, rather than the person being sent nowhere.
 */
export function whyServiceWouldNotTake(intake: ServiceIntake, person: PersonToPlace): 'role' | 'gender' | 'age' | undefined {
  if (!intake.roles.includes(person.role)) return 'role';
  if (intake.genders !== null && person.gender !== undefined && !intake.genders.includes(person.gender)) return 'gender';
  if (person.age !== undefined && ((intake.minimumAge !== null && person.age < intake.minimumAge) || (intake.maximumAge !== null && person.age > intake.maximumAge))) return 'age';
  return undefined;
}

/** The age a person born in `birthYear` reaches in the year of `now`. */
export function ageThisYear(birthYear: number | undefined, now: Date): number | undefined {
  return birthYear === undefined ? undefined : now.getUTCFullYear() - birthYear;
}

/**
 * What a programme lets a service take: never more than the service itself takes (its line, genders, ages), only
 * less. Null in the programme's limits means "as the service".
 */
export type ProgrammeIntakeLimits = { roles: readonly PersonRole[] | null; genders: readonly Gender[] | null; minimumAge: number | null; maximumAge: number | null };

export function narrowIntake(service: ServiceIntake, limits: ProgrammeIntakeLimits): ServiceIntake {
  const roles = limits.roles === null ? service.roles : service.roles.filter((role) => limits.roles?.includes(role));
  const genders = limits.genders === null ? service.genders : (service.genders ?? limits.genders).filter((gender) => limits.genders?.includes(gender));
  return { roles, genders, minimumAge: maxOf(service.minimumAge, limits.minimumAge), maximumAge: minOf(service.maximumAge, limits.maximumAge) };
}

const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
const minOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
