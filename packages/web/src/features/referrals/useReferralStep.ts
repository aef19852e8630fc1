import { useLocation, useNavigate, useSearchParams, type Location } from 'react-router';
import { referralSteps, type ReferralStep } from './referral-form';

type StepState = { referralForm?: string } | null;

/**
 * Which form a history entry belongs to: the entry that opened "Ny henvisning" names it, and every step after it
 * carries that name, so moving between steps (and the browser's Back) keeps the form, while a new "Ny henvisning"
 * starts a fresh one.
 */
export function referralFormKeyOf(location: Location): string {
  return (location.state as StepState)?.referralForm ?? location.key;
}

function isStep(value: string | null): value is ReferralStep {
  return (referralSteps as readonly (string | null)[]).includes(value);
}

/** The step in the address (`?step=consent`: an id, never personal data), and a way to move to another. */
export function useReferralStep(): [ReferralStep, (step: ReferralStep, options?: { replace?: boolean }) => void] {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const value = params.get('step');
  const step = isStep(value) ? value : 'who';
  const goTo = (next: ReferralStep, { replace = false } = {}) => {
    const search = new URLSearchParams(params);
    if (next === 'who') search.delete('step');
    else search.set('step', next);
    void navigate({ search: search.toString() ? `?${search.toString()}` : '' }, { replace, state: { referralForm: referralFormKeyOf(location) } });
  };
  return [step, goTo];
}
