import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { openWatchedContext, withoutJavaScript } from './support/contexts.ts';
import { demoAccount } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * Self-referral, "contact me" (issue 4 §5): a person fills the public contact form — anonymous, first name only,
 * safe times, no SMS — and lets the hotline choose; the proof of work runs in the page. They get a receipt code.
 * The hotline's intake coordinator, whose inbox is open, sees the request appear live as a self-referral, and
 * logs that the person was reached. With the code, the person sees that they have been contacted — and nothing
 * else. The form also works with JavaScript off. Every page is scanned with axe-core.
 */

const referenceLink = /^Henvisning BRO-/;

test('a self-referral reaches the hotline live, and the receipt code shows only that the person was contacted', async ({ page, openPageAs }) => {
  test.setTimeout(180_000);
  const coordinator = await openPageAs(demoAccount('hotline@demo.bro.dk'));
  const before = new Set(await openInbox(coordinator));

  const firstName = `Sol${Date.now()}`;
  const aboutCanary = `ABOUT-CANARY-${Date.now()}`;
  await page.goto('/kontakt');
  await expect(page.getByRole('heading', { level: 1, name: 'Bliv kontaktet' })).toBeVisible();
  await expectNoAxeViolations(page);
  await fillContactForm(page, { firstName, about: aboutCanary });
  // The spam brake ran in the page: its script found a nonce for the server's challenge (no third party involved).
  await expect(page.locator('#contact-form input[name="nonce"]')).not.toHaveValue('', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Send', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Tak. Vi har modtaget din henvendelse' })).toBeVisible({ timeout: 20_000 });
  const receiptCode = (await page.locator('.receipt-code strong').textContent())?.trim() ?? '';
  expect(receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
  expect(page.url()).not.toContain(receiptCode);
  await expectNoAxeViolations(page);

  // The hotline: the request appears in the open inbox without a reload, as a self-referral.
  const card = coordinator.locator('li').filter({ has: coordinator.getByRole('link', { name: referenceLink }) }).filter({ hasText: 'Selvhenvendelse' });
  await expect.poll(async () => (await referenceNames(coordinator)).filter((name) => !before.has(name)).length, { timeout: 15_000 }).toBe(1);
  const [reference] = (await referenceNames(coordinator)).filter((name) => !before.has(name));
  const newCard = card.filter({ has: coordinator.getByRole('link', { name: reference, exact: true }) });
  await expect(newCard.getByText('Selvhenvendelse')).toBeVisible();
  await expectNoAxeViolations(coordinator);

  await newCard.getByRole('link', { name: reference, exact: true }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: reference })).toBeVisible();
  await expect(coordinator.getByText(firstName)).toBeVisible();
  await expect(coordinator.getByText('Selvhenvendelse').first()).toBeVisible();
  await expectNoAxeViolations(coordinator);

  // Before anyone has called, the receipt says so.
  await lookUpReceipt(page, receiptCode);
  await expect(page.getByRole('status').getByText('Ingen har kontaktet dig endnu.', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);

  const panel = coordinator.getByRole('form', { name: 'Kontaktforsøg' });
  await panel.getByLabel('Borgeren blev nået', { exact: true }).check();
  await panel.getByRole('button', { name: 'Registrer kontaktforsøg', exact: true }).click();
  await expect(coordinator.getByText('Kontaktforsøget er registreret.')).toBeVisible();

  // The person: "you have been contacted", and nothing of what they wrote or who they are.
  await lookUpReceipt(page, receiptCode);
  const status = page.getByRole('status').filter({ hasText: 'Status' });
  await expect(status.getByText('Du er blevet kontaktet.')).toBeVisible();
  const receiptView = await page.content();
  expect(receiptView).not.toContain(firstName);
  expect(receiptView).not.toContain(aboutCanary);
  expect(receiptView).not.toContain('Lev Uden Vold');
  await expectNoAxeViolations(page);
});

test('the contact form works without JavaScript and gives a receipt code', async ({ browser, baseURL, openPageAs }) => {
  test.setTimeout(120_000);
  const coordinator = await openPageAs(demoAccount('hotline@demo.bro.dk'));
  const before = new Set(await openInbox(coordinator));

  const { page, close } = await openWatchedContext(browser, baseURL, withoutJavaScript);
  await page.goto('/kontakt');
  await expect(page.getByRole('heading', { level: 1, name: 'Bliv kontaktet' })).toBeVisible();
  await fillContactForm(page, { firstName: `Ayo${Date.now()}` });
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tak. Vi har modtaget din henvendelse' })).toBeVisible();
  await expect(page.locator('.receipt-code strong')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
  // No axe scan here: axe-core runs as a script, and this page has none. The same pages are scanned in the test above.
  await close();

  await expect.poll(async () => (await referenceNames(coordinator)).filter((name) => !before.has(name)).length, { timeout: 15_000 }).toBe(1);
});

/** An anonymous request from a person exposed to violence: first name only, no SMS, no voicemail, the hotline chooses. */
async function fillContactForm(page: Page, input: { firstName: string; about?: string }): Promise<void> {
  await page.getByRole('group', { name: 'Hvad handler det om?' }).getByLabel('Jeg er udsat for vold', { exact: true }).check();
  await page.getByLabel('Telefonnummer', { exact: true }).fill('20 30 40 50');
  await page.getByRole('group', { name: 'Må vi sende dig en sms?' }).getByLabel('Nej', { exact: true }).check();
  await page.getByRole('group', { name: 'Må vi lægge en besked på din telefonsvarer?' }).getByLabel('Nej', { exact: true }).check();
  await page.getByLabel('Hvornår er det sikkert at ringe?').fill('Hverdage kl. 9–12, aldrig om aftenen');
  await page.getByLabel('Fornavn eller et andet navn, vi må kalde dig').fill(input.firstName);
  if (input.about) await page.getByLabel('Hvad vil du gerne tale om?').fill(input.about);
  await page.getByRole('group', { name: 'Hvem skal kontakte dig?' }).getByLabel('Lad hotlinen vælge for mig').check();
  await page.getByLabel('Hvordan hørte du om os? (frivilligt)').selectOption('from_friend');
  await page.getByLabel(/^Jeg giver lov til/).check();
}

async function lookUpReceipt(page: Page, code: string): Promise<void> {
  await page.goto('/kvittering');
  await expect(page.getByRole('heading', { level: 1, name: 'Er jeg blevet kontaktet?' })).toBeVisible();
  await page.getByLabel('Kvitteringskode').fill(code);
  await page.getByRole('button', { name: 'Se status' }).click();
}

/** Opens the inbox and waits until it has loaded; returns the references already there. */
async function openInbox(page: Page): Promise<string[]> {
  await page.goto('/medarbejder/inbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Indbakke' })).toBeVisible();
  const referrals = page.getByRole('region', { name: 'Henvisninger' });
  // Loaded: the cards, or the "no referrals" line (the loading line is a paragraph too, so it is left out).
  await expect(referrals.locator('ul.app-cards, p:not(.app-loading)').first()).toBeVisible();
  return referenceNames(page);
}

/** The inbox cards' links ("Henvisning BRO-…"), so a new one can be told from those already there. */
async function referenceNames(page: Page): Promise<string[]> {
  const links = await page.getByRole('link', { name: referenceLink }).all();
  return Promise.all(links.map(async (link) => (await link.textContent())?.trim() ?? ''));
}
