import type { Gender, PersonRole, RoutingRule } from './Referral.ts';

/**
 * Proposes a service from the person's situation and the programme's routing rules (data, not code): the first
 * proposed rule whose role and gender match (null matches anything), otherwise the programme's fallback — the
 * national hotline 1888 in the demo programmes. The referrer may still choose any service the programme allows,
 * including one that is never proposed.
 */
export function proposeService(rules: readonly RoutingRule[], situation: { role: PersonRole; gender: Gender }): string | undefined {
  const match = rules.find(
    (rule) =>
      rule.isProposed && !rule.isFallback && (rule.role === null || rule.role === situation.role) && (rule.gender === null || rule.gender === situation.gender),
  );
  return (match ?? rules.find((rule) => rule.isFallback))?.serviceId;
}
