import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { demoAccount } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * The admin's forms on a phone (issue 11 §5). LOKK's organisation admin makes a "Faglig leder" on the new user page,
 * and adds a municipality to LOKK's listing by its name, with the keyboard only, saving from the bar at the bottom of
 * the window. The change waits for approval: the directory desk (another person) approves it on "Godkendelser",
 * where the municipalities are named too, and the public page then names it. The listing is put back (and that,
 * too, approved) and the new user deactivated, so the journey can run again against the same demo data.
 */

const PHONE = { width: 390, height: 844 };
const serviceName = 'Ambulant rådgivning for voldsudsatte kvinder';

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

test('on a phone, LOKK’s admin makes a "Faglig leder" on its own page', async ({ openPageAs }) => {
  const admin = await openPageAs(demoAccount('lokk.admin@demo.bro.dk'));
  await admin.setViewportSize(PHONE);
  await admin.goto('/medarbejder/admin/users');
  await expect(admin.getByRole('heading', { level: 1, name: 'Brugere' })).toBeVisible();
  await admin.getByRole('link', { name: 'Opret bruger' }).click();
  await expect(admin).toHaveURL(/\/medarbejder\/admin\/users\/new$/);
  await expect(admin.getByRole('heading', { level: 1, name: 'Opret bruger' })).toBeVisible();
  await expectNoAxeViolations(admin);
  await expectNoSidewaysScroll(admin);

  const stamp = Date.now();
  const name = `Faglig Leder ${stamp}`;
  await admin.getByLabel('Navn').fill(name);
  await admin.getByLabel('E-mail').fill(`faglig.leder.${stamp}@demo.bro.dk`);
  await admin.getByLabel('Rolle').selectOption({ label: 'Faglig leder' });
  await admin.getByRole('button', { name: 'Opret bruger' }).click();
  const password = admin.getByRole('alert').filter({ hasText: `Startadgangskode til ${name}` });
  await expect(password.locator('code')).toHaveText(/^[A-Za-z0-9]{20}$/);
  await expect(admin.getByLabel('Navn')).toHaveValue('');
  await expectNoAxeViolations(admin);
  await expectNoSidewaysScroll(admin);

  await admin.getByRole('link', { name: 'Tilbage til brugere' }).click();
  const row = admin.getByRole('row').filter({ hasText: name });
  await expect(row.locator('td[data-title="Rolle"]')).toHaveText('Faglig leder');
  await row.getByRole('button', { name: `Deaktivér ${name}` }).click();
  await admin.getByRole('button', { name: 'Ja, deaktivér' }).click();
  await expect(admin.getByText(`${name} er deaktiveret.`)).toBeVisible();
});

test('on a phone, LOKK’s admin picks a municipality by name with the keyboard and saves from the bar at the bottom', async ({ openPageAs }) => {
  test.setTimeout(150_000);
  const admin = await openPageAs(demoAccount('lokk.admin@demo.bro.dk'));
  await admin.setViewportSize(PHONE);
  await admin.goto('/medarbejder/admin/directory');
  await admin.getByRole('link', { name: serviceName }).click();
  await expect(admin.getByRole('heading', { level: 1, name: `Redigér ${serviceName}` })).toBeVisible();
  await reportSaveButton(admin, 'opened');

  const municipalities = admin.getByRole('combobox', { name: 'Kommuner' });
  await expect(admin.getByRole('list', { name: 'Valgt under Kommuner' })).toContainText('Københavns Kommune');
  await municipalities.focus();
  await admin.keyboard.type('hvid');
  await expect(admin.getByRole('listbox', { name: 'Kommuner' }).getByRole('option')).toHaveText(['Hvidovre Kommune']);
  await admin.keyboard.press('ArrowDown');
  await expect(admin.getByRole('option', { name: 'Hvidovre Kommune', selected: true })).toBeVisible();
  await admin.keyboard.press('Enter');
  await expect(admin.getByRole('button', { name: 'Fjern Hvidovre Kommune' })).toBeVisible();
  await expect(municipalities).toBeFocused();
  const preview = admin.getByRole('region', { name: 'Forhåndsvisning af den offentlige side' });
  await expect(preview.getByText(/Hvidovre Kommune/)).toBeVisible();
  await expectNoAxeViolations(admin);
  await expectNoSidewaysScroll(admin);

  await saveFromTheBar(admin);
  const desk = await openPageAs(demoAccount('drift@demo.bro.dk'));
  await approveProposal(desk, /Hvidovre Kommune/);

  await admin.goto('/tilbud/lokk-ambulant-raadgivning');
  await expect(admin.getByText(/Område: .*Hvidovre Kommune/)).toBeVisible();
  await expect(admin.getByText(/kommune 1\d\d/i)).toHaveCount(0);

  // Put the listing back: remove the chip with its button, save, and have it approved.
  await admin.goBack();
  await admin.getByRole('button', { name: 'Fjern Hvidovre Kommune' }).click();
  await expect(municipalities).toBeFocused();
  await saveFromTheBar(admin);
  await approveProposal(desk, /Dragør Kommune$/);
});

/** Saves with the bar's button, which is in view wherever the admin is on the page. */
async function saveFromTheBar(admin: Page): Promise<void> {
  const save = admin.getByRole('button', { name: 'Gem ændringer' });
  await expect(save).toBeInViewport();
  await save.click();
  await expect(admin.getByText('Ændringerne er gemt og sendt til godkendelse.')).toBeVisible();
}

/** The measurement of issue 11 §5: the page's height at 390 × 844, and where Save is, at the top and at the end. */
async function reportSaveButton(admin: Page, moment: string): Promise<void> {
  const save = admin.getByRole('button', { name: 'Gem ændringer' });
  await expect(save).toBeInViewport();
  const measure = () =>
    admin.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === 'Gem ændringer');
      const form = button?.closest('form');
      return {
        pageHeight: document.documentElement.scrollHeight,
        scrollY: Math.round(window.scrollY),
        saveTop: Math.round(button?.getBoundingClientRect().top ?? -1),
        // Where the Save button sat before the bar: after the form's last field.
        formEnd: Math.round((form?.getBoundingClientRect().bottom ?? 0) + window.scrollY),
      };
    });
  const atTop = await measure();
  await admin.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const atEnd = await measure();
  await admin.evaluate(() => window.scrollTo(0, 0));
  test.info().annotations.push({ type: 'measurement', description: `listing editor at 390 × 844 (${moment}): ${JSON.stringify({ atTop, atEnd })}` });
  expect(atTop.saveTop).toBeLessThan(PHONE.height);
  expect(atEnd.saveTop).toBeLessThan(PHONE.height);
}

/** On "Godkendelser": the listing's proposal names its municipalities; approving publishes it. */
async function approveProposal(desk: Page, proposedArea: RegExp): Promise<void> {
  await desk.goto('/medarbejder/approvals');
  await expect(desk.getByRole('heading', { level: 1, name: 'Godkendelser' })).toBeVisible();
  const proposal = desk.getByRole('region', { name: serviceName });
  await expect(proposal.getByRole('row').filter({ hasText: 'Kommuner' }).getByRole('cell').last()).toHaveText(proposedArea);
  await expect(proposal.getByText(/\b1\d\d, 1\d\d\b/)).toHaveCount(0);
  await proposal.getByRole('button', { name: 'Godkend og offentliggør' }).click();
  await expect(desk.getByText(`${serviceName} er godkendt og offentlig nu.`)).toBeVisible();
}
