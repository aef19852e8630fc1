import type { ProgrammeOption, ServiceOption } from './Referral.ts';
import { whyServiceWouldNotTake, type PersonToPlace, type ServiceIntake } from './receiving.ts';

/** Whom a service takes, as the referral form and the routing see it (already narrowed to the programme). */
export function intakeOf(option: ServiceOption): ServiceIntake {
  return { roles: option.receivesRoles, genders: option.receivesGenders, minimumAge: option.minimumAge, maximumAge: option.maximumAge };
}

/**
 * Proposes a service from the person's situation and the programme's configuration (data, not code): in the
 * programme's routing order, the first service that routing may propose and that takes the person (role, gender,
 * age: what the service takes, narrowed by the programme); otherwise the programme's fallback if it takes them —
 * the national hotline 1888 in the demo programmes. The referrer may still choose any service that takes the person,
 * including one that is never proposed.
 */
export function proposeService(programme: Pick<ProgrammeOption, 'services' | 'routingRules'>, person: PersonToPlace): string | undefined {
  const takes = (serviceId: string) => {
    const option = programme.services.find((service) => service.id === serviceId);
    return option !== undefined && whyServiceWouldNotTake(intakeOf(option), person) === undefined;
  };
  const match = programme.routingRules.find((rule) => rule.isProposed && !rule.isFallback && takes(rule.serviceId));
  const fallback = programme.routingRules.find((rule) => rule.isFallback && takes(rule.serviceId));
  return (match ?? fallback)?.serviceId;
}
