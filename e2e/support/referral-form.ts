import type { Locator, Page } from '@playwright/test';

/** A fieldset by its legend. */
export function group(scope: Page | Locator, legend: string | RegExp): Locator {
  return scope.getByRole('group', { name: legend, exact: true });
}

/**
 * The part of the referral form every journey fills alike: the person's name, consent for the recipient (by the
 * start of its organisation's name), a phone that is safe to call without voicemail or SMS, no children at home.
 */
export async function fillReferredPerson(officer: Page, input: { personName: string; consentTo: string }): Promise<void> {
  await officer.getByLabel('Fulde navn', { exact: true }).fill(input.personName);
  await officer.getByLabel(new RegExp(`^Borgeren har givet samtykke til, at ${input.consentTo}`)).check();
  await officer.getByLabel('Telefonnummer (valgfrit)', { exact: true }).fill('20 30 40 50');
  await group(officer, 'Er det sikkert at ringe til borgeren?').getByLabel('Ja', { exact: true }).check();
  await group(officer, 'Må tilbuddet lægge en besked på telefonsvareren?').getByLabel('Nej', { exact: true }).check();
  await group(officer, 'Må tilbuddet sende sms?').getByLabel('Nej', { exact: true }).check();
  await group(officer, 'Er der børn i hjemmet?').getByLabel('Nej', { exact: true }).check();
}
