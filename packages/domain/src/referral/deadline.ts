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
