import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { openWatchedContext, withoutJavaScript } from './support/contexts.ts';
import { demoAccount } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * Community meetings (issue 14 §3, journey 3): a person finds a community meeting in Aarhus on the public site, signs
 * up with a first name only and gets a receipt code — the venue's address is for those signed up and is on no public
 * page. The facilitator (LGBT+ Danmark's volunteer) sees the first name, records yesterday's Aarhus meeting (head
 * count, themes, referrals — no names) and hands out its evaluation code; participants evaluate anonymously on the
 * public form, one of them without JavaScript; the project lead sees the answers as counts. Every page is scanned
 * with axe-core, at desktop size and at 390 px, and none scrolls sideways on a phone.
 */

const UPCOMING = 'Grænser og omsorg i LGBT+ fællesskabet';
const HELD_YESTERDAY = 'Aftenmøde: tryghed i fællesskabet';
const SECRET_ADDRESS = 'Mejlgade 71';

async function expectFitsPhone(page: Page): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
}

async function checkPage(page: Page, screenshot?: string): Promise<void> {
  await expectNoAxeViolations(page);
  await expectFitsPhone(page);
  if (screenshot) await page.screenshot({ path: test.info().outputPath(`${screenshot}.png`), fullPage: true });
}

async function evaluate(page: Page, code: string, answers: { feltSafe: number; learned: number; intends: 'Ja' | 'Nej' | 'Ved ikke' }): Promise<void> {
  await page.goto('/evaluering');
  await page.getByLabel('Kode fra mødet').fill(code);
  await page.getByRole('group', { name: 'Følte du dig tryg på mødet?' }).getByLabel(String(answers.feltSafe), { exact: true }).check();
  await page.getByRole('group', { name: 'Fik du at vide, hvor du kan få hjælp?' }).getByLabel(String(answers.learned), { exact: true }).check();
  await page.getByRole('group', { name: 'Har du tænkt dig at søge hjælp?' }).getByLabel(answers.intends, { exact: true }).check();
  await page.getByRole('button', { name: 'Send evaluering' }).click();
  await expect(page.getByText('Tak for din evaluering.')).toBeVisible();
}

test('a person signs up for a community meeting in Aarhus; the facilitator records a meeting and its anonymous evaluations', async ({ page, browser, baseURL, openPageAs }) => {
  test.setTimeout(240_000);
  const firstName = `Robin${Date.now() % 100_000}`;

  // The person: the list, filtered by city, then the meeting. The address is not on either page.
  await page.goto('/faellesskabsmoeder');
  await expect(page.getByRole('heading', { level: 1, name: 'Fællesskabsmøder' })).toBeVisible();
  await checkPage(page, 'list');
  await page.getByLabel('By').selectOption('Aarhus');
  await page.getByRole('button', { name: 'Vis møder' }).click();
  await expect(page).toHaveURL(/\?by=Aarhus$/);
  await expect(page.getByRole('link', { name: 'Når kærlighed gør ondt' })).toHaveCount(0);
  await page.getByRole('link', { name: UPCOMING }).click();
  await expect(page.getByRole('heading', { level: 1, name: UPCOMING })).toBeVisible();
  await expect(page.getByText('Adressen sendes til dig, når du har tilmeldt dig.')).toBeVisible();
  expect(await page.content()).not.toContain(SECRET_ADDRESS);
  await checkPage(page, 'meeting');

  await page.getByRole('textbox', { name: 'Fornavn eller kaldenavn' }).fill(firstName);
  await page.getByLabel('E-mail', { exact: true }).check();
  await page.getByLabel('E-mailadresse').fill('robin@example.org');
  await page.getByRole('group', { name: 'Må vi skrive til dig (sms eller e-mail)?' }).getByLabel('Ja', { exact: true }).check();
  await page.getByRole('group', { name: /^Må vi lægge en besked/ }).getByLabel('Nej', { exact: true }).check();
  await page.getByLabel(/^Jeg giver samtykke/).check();
  await expect(page.locator('#contact-form input[name="nonce"]')).not.toHaveValue('', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Tilmeld mig' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Du er tilmeldt' })).toBeVisible({ timeout: 20_000 });
  const receiptCode = (await page.locator('.receipt-code strong').textContent())?.trim() ?? '';
  expect(receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
  expect(page.url()).not.toContain(receiptCode);
  expect(await page.content()).not.toContain(SECRET_ADDRESS);
  await checkPage(page, 'receipt');

  // The facilitator: the meeting's sign-ups by first name (read when asked, and logged).
  const facilitator = await openPageAs(demoAccount('facilitator@demo.bro.dk'));
  await facilitator.getByRole('link', { name: 'Mine møder' }).click();
  await expect(facilitator.getByRole('heading', { level: 1, name: 'Møder jeg faciliterer' })).toBeVisible();
  await checkPage(facilitator, 'facilitated');
  await facilitator.getByRole('link', { name: UPCOMING }).click();
  await expect(facilitator.getByText(SECRET_ADDRESS, { exact: false })).toBeVisible();
  await facilitator.getByRole('button', { name: 'Vis tilmeldte' }).click();
  await expect(facilitator.getByText(firstName)).toBeVisible();
  await expect(facilitator.getByText('robin@example.org')).toHaveCount(0);
  await checkPage(facilitator, 'facilitated-meeting');

  // Yesterday's meeting in Aarhus: the head count and report (no names), then the evaluation code to hand out.
  await facilitator.getByRole('link', { name: 'Tilbage til mine møder' }).click();
  await facilitator.getByRole('link', { name: HELD_YESTERDAY }).click();
  await expect(facilitator.getByRole('heading', { level: 1, name: HELD_YESTERDAY })).toBeVisible();
  await facilitator.getByLabel('Antal fremmødte').fill('14');
  await facilitator.getByLabel('Temaer, der blev taget op').fill('Jalousi, kontrol over telefonen, hvor man kan ringe hen');
  await facilitator.getByLabel('Antal, der blev vist videre til hjælp').fill('2');
  await facilitator.getByRole('button', { name: 'Gem rapporten' }).click();
  await expect(facilitator.getByText('Rapporten er gemt.')).toBeVisible();
  await expect(facilitator.getByText('Afholdt')).toBeVisible();
  await facilitator.getByRole('button', { name: 'Vis evalueringskode' }).click();
  const code = (await facilitator.locator('.app-evaluation-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
  await checkPage(facilitator, 'report');

  // Participants evaluate anonymously on the public form: four with JavaScript, one without.
  await page.goto('/evaluering');
  await checkPage(page, 'evaluation');
  const answers = [
    { feltSafe: 5, learned: 4, intends: 'Ja' },
    { feltSafe: 4, learned: 5, intends: 'Ved ikke' },
    { feltSafe: 5, learned: 5, intends: 'Ja' },
    { feltSafe: 3, learned: 4, intends: 'Nej' },
  ] as const;
  for (const answer of answers) await evaluate(page, code, answer);
  await checkPage(page, 'evaluation-thanks');
  const noScript = await openWatchedContext(browser, baseURL, withoutJavaScript);
  try {
    await evaluate(noScript.page, code.toLowerCase(), { feltSafe: 4, learned: 4, intends: 'Ja' });
  } finally {
    await noScript.close();
  }
  await page.goto('/ar/evaluering');
  await checkPage(page);

  // The project lead: the evaluations as counts, five answers for yesterday's meeting.
  const lead = await openPageAs(demoAccount('lgbt@demo.bro.dk'));
  await lead.getByRole('link', { name: 'Fællesskabsmøder', exact: true }).click();
  await checkPage(lead, 'meetings');
  await lead.getByRole('link', { name: 'Se evalueringer' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: 'Evalueringer' })).toBeVisible();
  const row = lead.getByRole('row').filter({ hasText: HELD_YESTERDAY });
  await expect(row.getByRole('cell').nth(1)).toHaveText('5');
  await expect(row.getByRole('cell').nth(2)).toHaveText('4,2');
  await checkPage(lead, 'evaluations');
});
