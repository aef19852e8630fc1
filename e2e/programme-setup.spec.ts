import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { phone } from './support/contexts.ts';
import { demoAccount } from './support/demo.ts';
import { loginAs } from './support/login.ts';
import { fillReferredPerson, group } from './support/referral-form.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * A programme set up by hand (issue 10): the platform admin starts a programme and appoints LOKK's admin as its
 * manager; the manager adds Københavns Politi as referrer and two services with different roles (LOKK for people
 * exposed to violence, Dialog mod Vold for people who use it) and sets it running; a police officer then sees the
 * programme, is proposed the right service, and is not offered the wrong one.
 */
test('a platform admin appoints a programme manager, who sets up a programme that a police officer refers in', async ({ openPageAs, browser, baseURL }) => {
  test.setTimeout(180_000);
  const programmeName = `Tryg Hjem ${Date.now()}`;

  // The platform admin starts the programme and appoints its manager.
  const admin = await openPageAs(demoAccount('drift@demo.bro.dk'));
  await admin.goto('/medarbejder/platform/programmes');
  await expect(admin.getByRole('heading', { level: 1, name: 'Programmer' })).toBeVisible();
  await admin.getByLabel('Navn', { exact: true }).fill(programmeName);
  await admin.getByLabel('Programlederens e-mail', { exact: true }).fill('lokk.admin@demo.bro.dk');
  await admin.getByRole('button', { name: 'Start programmet', exact: true }).click();
  await expect(admin.getByText(`Programmet ${programmeName} er startet som planlagt.`)).toBeVisible();
  await expect(admin.getByRole('row', { name: new RegExp(programmeName) })).toContainText('Planlagt');
  await expectNoAxeViolations(admin);

  // The manager finds it under "Programmer" and sets it up.
  const manager = await openPageAs(demoAccount('lokk.admin@demo.bro.dk'));
  await manager.goto('/medarbejder/');
  await manager.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Programmer' }).click();
  await manager.getByRole('link', { name: programmeName }).click();
  await expect(manager.getByRole('heading', { level: 1, name: programmeName })).toBeVisible();
  await setUpProgramme(manager);
  await expect(manager.getByText('Programmet er gemt som version 2.')).toBeVisible();
  await expectNoAxeViolations(manager);

  // The police officer: the programme is there; an exposed woman is proposed LOKK; Dialog mod Vold is not offered for her.
  const officer = await openPageAs(demoAccount('politi@demo.bro.dk'));
  await officer.goto('/medarbejder/referrals/new');
  await group(officer, 'Hvilket program henviser du til?').getByLabel(programmeName, { exact: true }).check();
  await group(officer, 'Borgerens rolle').getByLabel('Udsat for vold', { exact: true }).check();
  await group(officer, 'Køn').getByLabel('Kvinde', { exact: true }).check();
  await expect(officer.getByText(/Foreslået: .*LOKK/)).toBeVisible();
  const serviceSelect = officer.getByLabel('Tilbud', { exact: true });
  await expect(serviceSelect.locator('option', { hasText: 'Behandling for voldsudøvere' })).toHaveCount(0);
  // Someone who uses violence: Dialog mod Vold is proposed, LOKK is not offered.
  await group(officer, 'Borgerens rolle').getByLabel('Udøver vold', { exact: true }).check();
  await expect(officer.getByText(/Foreslået: Behandling for voldsudøvere/)).toBeVisible();
  await expect(serviceSelect.locator('option', { hasText: 'Ambulant rådgivning for voldsudsatte kvinder' })).toHaveCount(0);
  await group(officer, 'Borgerens rolle').getByLabel('Udsat for vold', { exact: true }).check();
  await sendReferral(officer, `Lise Testesen ${Date.now()}`);
  await expect(officer.getByRole('heading', { level: 1, name: 'Henvisningen er sendt' })).toBeVisible();

  // The manager sees the referral counted under LOKK, by number only.
  await manager.reload();
  await expect(manager.getByRole('table', { name: 'Henvisninger i programmet pr. tilbud' })).toContainText('Ambulant rådgivning for voldsudsatte kvinder');

  // On a phone the manager's page does not scroll sideways, and its main action is there.
  const onPhone = await browser.newContext({ ...phone, baseURL });
  const phonePage = await onPhone.newPage();
  await loginAs(phonePage, demoAccount('lokk.admin@demo.bro.dk'));
  await phonePage.goto(manager.url());
  await expect(phonePage.getByRole('button', { name: 'Gem programmet', exact: true })).toBeVisible();
  expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await onPhone.close();
});

async function setUpProgramme(page: Page): Promise<void> {
  await page.getByLabel('Finansieret af (valgfri)', { exact: true }).fill('Socialstyrelsen');
  await group(page, 'Status').getByLabel('I gang', { exact: true }).check();
  await page.getByLabel('Tilføj henvisende organisation', { exact: true }).selectOption({ label: 'Københavns Politi' });
  await page.getByRole('button', { name: 'Tilføj', exact: true }).click();

  await page.getByRole('button', { name: 'Tilføj tilbud', exact: true }).click();
  const first = group(page, 'Tilbud 1');
  await first.getByLabel('Tilbud', { exact: true }).selectOption({ label: 'Ambulant rådgivning for voldsudsatte kvinder (LOKK – Landsorganisation af Kvindekrisecentre)' });
  await group(first, 'Tager imod i programmet').getByLabel('Udsat for vold', { exact: true }).check();
  await group(first, 'Køn').getByLabel('Kvinder', { exact: true }).check();
  await first.getByText('Alder, frister og kontaktforsøg', { exact: true }).click();
  await first.getByLabel('Frist for første kontakt (timer)', { exact: true }).fill('24');

  await page.getByRole('button', { name: 'Tilføj tilbud', exact: true }).click();
  const second = group(page, 'Tilbud 2');
  await second.getByLabel('Tilbud', { exact: true }).selectOption({ label: 'Behandling for voldsudøvere (Dialog mod Vold)' });
  await page.getByRole('button', { name: 'Gem programmet', exact: true }).click();
}

async function sendReferral(officer: Page, personName: string): Promise<void> {
  await fillReferredPerson(officer, { personName, consentTo: 'LOKK' });
  await officer.getByRole('button', { name: 'Send henvisning', exact: true }).click();
}
