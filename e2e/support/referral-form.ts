import { expect, type Locator, type Page } from '@playwright/test';

/** A fieldset by its legend. */
export function group(scope: Page | Locator, legend: string | RegExp): Locator {
  return scope.getByRole('group', { name: legend, exact: true });
}

async function continueTo(officer: Page, stepHeading: string): Promise<void> {
  await officer.getByRole('button', { name: 'Fortsæt', exact: true }).click();
  await expect(officer.getByRole('heading', { level: 2, name: stepHeading })).toBeVisible();
}

/**
 * The steps of the referral form every journey fills alike, from the first step ("Hvem", already answered by the
 * journey) to "Tjek dine svar": consent for the recipient (by the start of its organisation's name), the person's
 * name, a phone that is safe to call without voicemail or SMS, standard risk and no children at home. The journey
 * then sends from the check page.
 */
type ReferredPerson = {
  personName: string;
  consentTo: string;
  situation?: string;
  birthYear?: number;
  safeTimes?: string;
  /** Standard unless given. */
  riskLevel?: 'Standard' | 'Middel' | 'Høj';
};

export async function fillReferredPerson(officer: Page, input: ReferredPerson): Promise<void> {
  await continueTo(officer, 'Samtykke');
  await officer.getByLabel(new RegExp(`^Borgeren har givet samtykke til, at ${input.consentTo}`)).check();
  await continueTo(officer, 'Borgeren');
  await officer.getByLabel('Fulde navn', { exact: true }).fill(input.personName);
  if (input.birthYear) await officer.getByLabel('Fødselsår (valgfrit)', { exact: true }).fill(String(input.birthYear));
  await continueTo(officer, 'Sikker kontakt');
  await officer.getByLabel('Telefonnummer', { exact: true }).fill('20 30 40 50');
  await group(officer, 'Er det sikkert at ringe til borgeren?').getByLabel('Ja', { exact: true }).check();
  await group(officer, 'Må tilbuddet lægge en besked på telefonsvareren?').getByLabel('Nej', { exact: true }).check();
  await group(officer, 'Må tilbuddet sende sms?').getByLabel('Nej', { exact: true }).check();
  if (input.safeTimes) await officer.getByLabel('Hvornår er det sikkert at ringe? (valgfrit)', { exact: true }).fill(input.safeTimes);
  await continueTo(officer, 'Situationen');
  await group(officer, 'Risikoniveau').getByLabel(input.riskLevel ?? 'Standard', { exact: true }).check();
  await group(officer, 'Er der børn i hjemmet?').getByLabel('Nej', { exact: true }).check();
  if (input.situation) await officer.getByLabel('Kort beskrivelse af situationen (valgfrit)', { exact: true }).fill(input.situation);
  await continueTo(officer, 'Tjek dine svar');
}
