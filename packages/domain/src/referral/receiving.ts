import type { ServiceLine } from '../identity/access.ts';
import type { PersonRole } from './Referral.ts';

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
