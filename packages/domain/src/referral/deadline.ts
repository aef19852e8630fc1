import type { RiskLevel } from './Referral.ts';

export type DeadlinePolicy = { firstContactDeadlineHours: number; highRiskDeadlineHours: number };

/** When the service must have made first contact. High risk gets the service's shorter deadline. */
export function computeFirstContactDueAt(sentAt: Date, riskLevel: RiskLevel, policy: DeadlinePolicy): Date {
  const hours = riskLevel === 'high' ? Math.min(policy.highRiskDeadlineHours, policy.firstContactDeadlineHours) : policy.firstContactDeadlineHours;
  return new Date(sentAt.getTime() + hours * 3_600_000);
}

export function isReferralOverdue(input: { dueAt: Date | null; now: Date; hasFirstContact: boolean; isOpen: boolean }): boolean {
  return input.isOpen && !input.hasFirstContact && input.dueAt !== null && input.now.getTime() > input.dueAt.getTime();
}

/**
 * Where the first-contact deadline stands, for the texts staff read: still running, overdue, or met (first contact
 * made, perhaps late). Once first contact is made the deadline is no longer a countdown: "om 2 dage" would mislead.
 */
export type FirstContactDeadline =
  | { kind: 'due'; dueAt: Date }
  | { kind: 'overdue'; dueAt: Date }
  | { kind: 'met'; firstContactAt: Date; wasLate: boolean }
  /** No deadline runs: a draft, or a referral that ended before anyone reached the person. */
  | { kind: 'none' };

export function firstContactDeadlineOf(input: { dueAt: Date | null; firstContactAt: Date | null; now: Date; isOpen: boolean }): FirstContactDeadline {
  const { dueAt, firstContactAt } = input;
  if (firstContactAt !== null) return { kind: 'met', firstContactAt, wasLate: dueAt !== null && firstContactAt.getTime() > dueAt.getTime() };
  if (dueAt === null || !input.isOpen) return { kind: 'none' };
  return isReferralOverdue({ dueAt, now: input.now, hasFirstContact: false, isOpen: true }) ? { kind: 'overdue', dueAt } : { kind: 'due', dueAt };
}
