import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { demoAccount } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';
import { fillReferredPerson, group } from './support/referral-form.ts';

/**
 * The first closed loop (issue 2): a police officer refers a woman with her consent → LOKK's intake coordinator
 * sees it appear live, logs a failed then a successful contact attempt, and accepts → the officer sees "accepted"
 * and nothing of the service's notes. Every page visited is scanned with axe-core.
 */
test('a police referral reaches LOKK live and the officer learns that it was accepted', async ({ openPageAs }) => {
  test.setTimeout(180_000);
  const officer = await openPageAs(demoAccount('politi@demo.bro.dk'));
  const coordinator = await openPageAs(demoAccount('lokk.visitation@demo.bro.dk'));

  // The coordinator has the inbox open before the referral exists: it must appear without a reload.
  await coordinator.goto('/medarbejder/inbox');
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Indbakke' })).toBeVisible();
  await expectNoAxeViolations(coordinator);

  const personName = `Mette Testesen ${Date.now()}`;
  const noteCanary = `NOTE-CANARY-${Date.now()}`;
  const situationCanary = `SITUATION-CANARY-${Date.now()}`;

  // The officer's form.
  await officer.goto('/medarbejder/referrals/new');
  await expect(officer.getByRole('heading', { level: 1, name: 'Ny henvisning' })).toBeVisible();
  await group(officer, 'Hvilket program henviser du til?').getByLabel('Interventionscenter', { exact: true }).check();
  await group(officer, 'Køn').getByLabel('Kvinde', { exact: true }).check();
  await expect(officer.getByText(/Foreslået: .*LOKK/)).toBeVisible();
  await fillReferredPerson(officer, { personName, consentTo: 'LOKK', situation: situationCanary });
  await expectNoAxeViolations(officer);
  await officer.getByRole('button', { name: 'Send henvisning', exact: true }).click();

  await expect(officer.getByRole('heading', { level: 1, name: 'Henvisningen er sendt' })).toBeVisible();
  const reference = (await officer.getByText(/BRO-\d+/).first().textContent())?.match(/BRO-\d+/)?.[0];
  expect(reference).toBeTruthy();
  await expectNoAxeViolations(officer);

  // LOKK: the referral appears live in the open inbox, announced to screen readers.
  const card = coordinator.getByRole('link', { name: `Henvisning ${reference}` });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(coordinator.getByText('Ny henvisning modtaget')).toBeAttached();
  await expectNoAxeViolations(coordinator);
  await card.click();
  await expect(coordinator.getByRole('heading', { level: 1, name: `Henvisning ${reference}` })).toBeVisible();
  await expect(coordinator.getByText(personName)).toBeVisible();
  await expect(coordinator.getByText('Læg ikke besked')).toBeVisible();
  await expectNoAxeViolations(coordinator);

  // A failed attempt, then a successful one, then acceptance.
  await logContactAttempt(coordinator, 'Borgeren blev ikke nået', noteCanary);
  await logContactAttempt(coordinator, 'Borgeren blev nået');
  await expect(coordinator.getByText('Første kontakt: borgeren blev nået').first()).toBeVisible();
  const acceptPanel = coordinator.getByRole('form', { name: 'Accepter henvisningen' });
  await acceptPanel.getByRole('button', { name: 'Accepter', exact: true }).click();
  await expect(coordinator.getByText('Henvisningen er accepteret.')).toBeVisible();
  await expectNoAxeViolations(coordinator);

  // The officer: the closed loop shows "accepted" and the contact history, never the service's notes.
  await officer.goto('/medarbejder/referrals');
  await expect(officer.getByRole('heading', { level: 1, name: 'Mine henvisninger' })).toBeVisible();
  await expectNoAxeViolations(officer);
  await officer.getByRole('link', { name: reference! }).click();
  await expect(officer.getByRole('heading', { level: 1, name: `Henvisning ${reference}` })).toBeVisible();
  await expect(officer.getByText('Accepteret').first()).toBeVisible();
  await expect(officer.getByText('Første kontakt: borgeren blev nået').first()).toBeVisible();
  await expect(officer.getByText('Modtaget af tilbuddet').first()).toBeVisible();
  const officerView = await officer.content();
  expect(officerView).not.toContain(noteCanary);
  expect(officerView).not.toContain(situationCanary);
  await expectNoAxeViolations(officer);
});

async function logContactAttempt(page: Page, outcome: string, note?: string) {
  const panel = page.getByRole('form', { name: 'Kontaktforsøg' });
  await panel.getByLabel(outcome, { exact: true }).check();
  if (note) {
    // The note is folded away under the outcome, so the button stays on a phone's first screen.
    await panel.getByText('Tilføj en note (valgfri)', { exact: true }).click();
    await panel.getByLabel('Note om kontaktforsøget (valgfri)', { exact: true }).fill(note);
  }
  await panel.getByRole('button', { name: 'Registrer kontaktforsøg', exact: true }).click();
  await expect(page.getByText('Kontaktforsøget er registreret.')).toBeVisible();
}
