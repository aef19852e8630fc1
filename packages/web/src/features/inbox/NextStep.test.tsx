import type { ReferralForReceiver } from '@bro/domain';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testReceiverReferral, testSession } from '../../test/builders';
import { mockServer } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { ReceiverActions } from './ReceiverActions';

const coordinator = testSession({ role: 'intake_coordinator', permissions: ['referral:intake', 'referral:decide', 'referral:contact', 'course:read', 'course:triage'] });
const counsellorWithoutCourses = testSession({ role: 'counsellor', permissions: ['referral:intake', 'referral:contact'] });

function renderNextStep(overrides: Partial<ReferralForReceiver>, session = coordinator) {
  mockServer([{ method: 'GET', path: '/api/inbox/reroute-options', answer: { body: [] } }]);
  return renderInApp(<ReceiverActions referral={testReceiverReferral(overrides)} onDone={vi.fn()} message={undefined} />, { session, path: '/inbox/x', routePath: '/inbox/:id' });
}

afterEach(() => vi.useRealTimers());

const nextStep = () => screen.getByRole('region', { name: 'Næste skridt' });
/** A form's name without the contact panel's count ("Kontaktforsøg (0 af højst 3)"). */
const nameOf = (form: Element) => document.getElementById(form.getAttribute('aria-labelledby') ?? '')?.textContent?.replace(/ \(.*\)$/, '');
/** The action forms directly in "Næste skridt", not folded away under "Andre handlinger". */
const mainForms = () => within(nextStep()).queryAllByRole('form').filter((form) => !form.closest('details.app-more-actions'));
const otherForms = () => [...(nextStep().querySelector('details.app-more-actions')?.querySelectorAll('form') ?? [])].map(nameOf);

describe('"Næste skridt": one main action for the state', () => {
  it.each([
    { state: 'received, not reached', overrides: {}, main: 'Kontaktforsøg', others: ['Accepter henvisningen', 'Afvis henvisningen', 'Viderehenvis til et andet tilbud'] },
    {
      state: 'received and reached',
      overrides: { hasFirstContact: true, firstContactAt: '2026-01-05T13:05:00Z' },
      main: 'Accepter henvisningen',
      others: ['Kontaktforsøg', 'Afvis henvisningen', 'Viderehenvis til et andet tilbud'],
    },
    { state: 'accepted, not reached', overrides: { status: 'accepted' as const, allowedActions: ['log_contact_attempt' as const, 'decline' as const] }, main: 'Kontaktforsøg', others: ['Afvis henvisningen'] },
    {
      state: 'accepted and reached',
      overrides: { status: 'accepted' as const, hasFirstContact: true, firstContactAt: '2026-01-05T13:05:00Z', allowedActions: ['log_contact_attempt' as const, 'decline' as const, 'hand_over' as const] },
      main: 'Åbn forløb',
      others: ['Kontaktforsøg', 'Overdrag uden forløb i Bro', 'Afvis henvisningen'],
    },
  ])('$state → $main', ({ overrides, main, others }) => {
    renderNextStep(overrides);
    expect(mainForms().map(nameOf)).toEqual([main]);
    expect(otherForms()).toEqual(others);
    expect(within(nextStep()).getByText('Andre handlinger')).toBeVisible();
  });

  it('hands over as the main action where the user cannot open courses, and says it opens none', () => {
    renderNextStep({ status: 'accepted', hasFirstContact: true, firstContactAt: '2026-01-05T13:05:00Z', allowedActions: ['log_contact_attempt', 'hand_over'] }, counsellorWithoutCourses);
    const [main] = mainForms();
    expect(main).toHaveAccessibleName('Overdrag uden forløb i Bro');
    expect(within(main!).getByText(/Der åbnes intet forløb/)).toBeVisible();
  });

  it('says so when there is nothing to do', () => {
    renderNextStep({ status: 'handed_over', allowedActions: [] });
    expect(within(nextStep()).getByText('Der er ingen handlinger, du kan udføre på henvisningen nu.')).toBeVisible();
    expect(nextStep().querySelector('details.app-more-actions')).toBeNull();
  });
});

describe('"Næste skridt": how to reach the person', () => {
  it('shows the rules, the safe times and a call link when calling is safe', () => {
    renderNextStep({ safeContact: { phone: '20 30 40 50', isSafeToCall: 'yes', safeTimes: 'Hverdage 9-12', voicemailAllowed: 'no', smsAllowed: 'unknown', language: 'da', interpreterNeeded: false, otherWayToReach: null } });
    const rules = within(nextStep()).getByRole('list', { name: 'Regler for kontakt' });
    expect(within(rules).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Sikkert at ringe', 'Læg ikke besked', 'Send ikke sms']);
    expect(within(nextStep()).getByText('Sikre tidspunkter: Hverdage 9-12')).toBeVisible();
    expect(within(nextStep()).getByRole('link', { name: 'Ring 20 30 40 50' })).toHaveAttribute('href', 'tel:20304050');
  });

  it('gives no one-tap call when it is not known to be safe to call', () => {
    renderNextStep({ safeContact: { phone: '20304050', isSafeToCall: 'unknown', safeTimes: null, voicemailAllowed: 'yes', smsAllowed: 'yes', language: 'ar', interpreterNeeded: true, otherWayToReach: null } });
    expect(within(nextStep()).queryByRole('link')).toBeNull();
    expect(within(nextStep()).getByText('20304050')).toBeVisible();
    const rules = within(nextStep()).getByRole('list', { name: 'Regler for kontakt' });
    expect(within(rules).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Uvist, om det er sikkert at ringe', 'Må lægge besked', 'Må sende sms', 'Brug tolk (Arabisk)']);
  });

  it('says when the consent does not cover contact', () => {
    renderNextStep({ safeContact: null });
    expect(within(nextStep()).getByText(/Samtykket dækker ikke kontaktoplysninger/)).toBeVisible();
  });
});

describe('"Næste skridt": the deadline as the state says it', () => {
  it('counts down before first contact', () => {
    vi.setSystemTime(new Date('2026-01-05T10:00:00Z'));
    renderNextStep({ dueAt: '2026-01-07T10:00:00Z' });
    expect(within(nextStep()).getByText('Frist for første kontakt: om 2 dage (07.01.2026 kl. 11.00)')).toBeVisible();
  });

  it('says when first contact was made, and that the deadline was met', () => {
    vi.setSystemTime(new Date('2026-01-06T10:00:00Z'));
    renderNextStep({ dueAt: '2026-01-07T10:00:00Z', hasFirstContact: true, firstContactAt: '2026-01-05T13:05:00Z' });
    expect(within(nextStep()).getByText('Første kontakt: i går kl. 14.05, inden for fristen')).toBeVisible();
    expect(within(nextStep()).queryByText(/om 1 dag|om 24 timer/)).toBeNull();
  });

  it('says overdue once past the deadline, and flags a possible duplicate', () => {
    vi.setSystemTime(new Date('2026-01-07T13:00:00Z'));
    renderNextStep({ dueAt: '2026-01-07T10:00:00Z', isOverdue: true, possibleDuplicates: [{ id: 'x', reference: 'BRO-1' }] });
    expect(within(nextStep()).getByText('Frist for første kontakt overskredet for 3 timer siden (07.01.2026 kl. 11.00)')).toBeVisible();
    expect(within(nextStep()).getByText('Overskredet')).toBeVisible();
    expect(within(nextStep()).getByText('Mulig dublet')).toBeVisible();
  });
});
