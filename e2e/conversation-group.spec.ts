import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { demoAccount } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * A conversation group from start to end (issue 14 §1, journey 1): Vores Vej Ud's counsellor opens seven walk-in
 * courses (pseudonyms), defines a group offer of 6–8 over 8 weekly meetings, puts the seven on its waiting list,
 * starts the group from the top of the list, records attendance at all 8 meetings (one apology), the ratings at
 * the first and the last meeting, and closes the group: 7 completed. The offer is the journey's own, so it runs
 * again against the same demo data. Every page is scanned with axe-core (also at 390 px) and never scrolls sideways.
 */

const PHONE = { width: 390, height: 844 };

test('a counsellor fills a group of 7 from the waiting list, runs 8 meetings and closes it with outcomes', async ({ openPageAs }) => {
  test.setTimeout(420_000);
  const counsellor = await openPageAs(demoAccount('voresvejud@demo.bro.dk'));
  const stamp = Date.now();
  const people = Array.from({ length: 7 }, (_unused, index) => `Gruppe${stamp} Deltager${index + 1}`);
  for (const pseudonym of people) await openWalkInCourse(counsellor, pseudonym);

  // The offer: Vores Vej Ud's own, with its counsellor as facilitator.
  const offerName = `Samtalegruppe ${stamp}`;
  await counsellor.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Samtalegrupper', exact: true }).click();
  await expect(counsellor.getByRole('heading', { level: 1, name: 'Samtalegrupper' })).toBeVisible();
  await expect(counsellor.getByRole('link', { name: 'Samtalegruppe for kvinder' })).toBeVisible();
  await expectNoAxeViolations(counsellor);
  await expectNoSidewaysScroll(counsellor);
  await counsellor.getByRole('link', { name: 'Opret gruppetilbud' }).click();
  await expect(counsellor.getByRole('heading', { level: 1, name: 'Opret gruppetilbud' })).toBeVisible();
  await counsellor.getByLabel('Tilbud', { exact: true }).selectOption({ label: 'Vores Vej Ud' });
  await counsellor.getByLabel('Navn på gruppen').fill(offerName);
  await counsellor.getByLabel('Målgruppe').fill('Kvinder, der har forladt en voldelig partner for 6 måneder siden eller mere.');
  await counsellor.getByLabel(/^Har forladt partneren/).fill('6');
  await counsellor.getByLabel('Sted (lokale eller adresse)').fill('Mødelokalet');
  await counsellor.getByLabel('Nadia Rahimi').check();
  await expectNoAxeViolations(counsellor);
  await counsellor.getByRole('button', { name: 'Opret gruppetilbud' }).click();
  await expect(counsellor.getByRole('heading', { level: 1, name: offerName })).toBeVisible();
  await expect(counsellor.getByText('6–8 deltagere')).toBeVisible();
  await expect(counsellor.getByText('8 møder, tirsdag kl. 17.00, hver uge, 90 minutter')).toBeVisible();
  // A second thought: the meetings last two hours. The edit keeps the rest.
  await counsellor.getByRole('link', { name: 'Redigér tilbuddet' }).click();
  await expect(counsellor.getByRole('heading', { level: 1, name: 'Redigér gruppetilbud' })).toBeVisible();
  await expect(counsellor.getByLabel('Navn på gruppen')).toHaveValue(offerName);
  await counsellor.getByLabel('Varighed i minutter').fill('120');
  await expectNoAxeViolations(counsellor);
  await counsellor.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(counsellor.getByText('8 møder, tirsdag kl. 17.00, hver uge, 120 minutter')).toBeVisible();

  // The waiting list, in the order people were added.
  for (const pseudonym of people) await addToWaitingList(counsellor, pseudonym);
  const waiting = counsellor.getByRole('region', { name: 'Venteliste i rækkefølge' });
  await expect(waiting.getByRole('row')).toHaveCount(8);
  await expect(waiting.getByRole('row').nth(1)).toContainText(people[0] ?? '');
  await expect(waiting.getByRole('row').nth(7)).toContainText('0 dage');
  await expectNoAxeViolations(counsellor);
  await expectNoSidewaysScroll(counsellor);
  await screenshotAtPhone(counsellor, 'conversation-group-waiting-list-phone');

  // Start: all seven are picked from the top; the first meeting is the next Tuesday.
  const start = counsellor.getByRole('form', { name: 'Start en gruppe' });
  await expect(start.getByText('7 valgt (mindst 6, højst 8)')).toBeVisible();
  await start.getByLabel('Første mødedag fra og med (dato)').fill(tomorrow());
  await start.getByRole('button', { name: 'Start gruppen' }).click();
  await expect(counsellor.getByRole('heading', { level: 1, name: `Gruppe: ${offerName}` })).toBeVisible();
  const participants = counsellor.getByRole('region', { name: 'Gruppens deltagere' });
  await expect(participants.getByRole('row')).toHaveCount(8);
  await expectNoAxeViolations(counsellor);
  await expectNoSidewaysScroll(counsellor);
  await screenshotAtPhone(counsellor, 'conversation-group-started-phone');

  // Eight meetings: everyone attends, except one apology at the second.
  for (let number = 1; number <= 8; number += 1) {
    const meeting = counsellor.getByRole('region', { name: new RegExp(`^Møde ${number}: `) });
    if (number === 2) await meeting.getByRole('group', { name: `Fremmøde for ${people[3]}` }).getByLabel('Afbud').check();
    await meeting.getByRole('button', { name: 'Gem fremmøde' }).click();
    await expect(meeting.getByText('Fremmødet er gemt.')).toBeVisible();
  }
  await expect(counsellor.getByRole('group', { name: `Fremmøde for ${people[3]}` }).nth(1).getByLabel('Afbud')).toBeChecked();

  // Ratings at the first and the last meeting, for each participant.
  for (const [index, pseudonym] of people.entries()) {
    await rate(counsellor, pseudonym, 'Første møde', 3 + (index % 3), 4);
    await rate(counsellor, pseudonym, 'Sidste møde', 7, 6 + (index % 4));
  }
  await expect(participants.getByRole('row').filter({ hasText: people[0] ?? '' })).toContainText('Tryghed 3, handlemuligheder 4');
  await expect(participants.getByRole('row').filter({ hasText: people[0] ?? '' })).toContainText('Tryghed 7, handlemuligheder 6');

  await counsellor.getByRole('button', { name: 'Afslut gruppen' }).click();
  await expect(counsellor.getByText('Afsluttet – 7 gennemførte')).toBeVisible();
  await expectNoAxeViolations(counsellor);
  await expectNoSidewaysScroll(counsellor);
  await screenshotAtPhone(counsellor, 'conversation-group-closed-phone');
});

/** For looking at: the page's top at 390 px (test-results/ is not kept). */
async function screenshotAtPhone(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/${name}.png` });
  if (size) await page.setViewportSize(size);
}

async function openWalkInCourse(page: Page, pseudonym: string): Promise<void> {
  await page.goto('/medarbejder/courses/new');
  const contact = page.getByRole('form', { name: 'Henvendelsen' });
  await expect(contact.getByLabel('Tilbud', { exact: true }).locator('option:checked')).toHaveText('Vores Vej Ud');
  await group(contact, 'Hvordan henvendte borgeren sig?').getByLabel('Personligt fremmøde', { exact: true }).check();
  await group(contact, 'Borgerens rolle i forløbet').getByLabel('Udsat for vold', { exact: true }).check();
  await contact.getByLabel('Borgeren ønsker at være anonym').check();
  await contact.getByLabel('Pseudonym', { exact: true }).fill(pseudonym);
  await group(contact, 'Køn').getByLabel('Kvinde', { exact: true }).check();
  await contact.getByRole('button', { name: 'Åbn forløb', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Forløb FL-\\d+: ${pseudonym}$`) })).toBeVisible();
}

async function addToWaitingList(page: Page, pseudonym: string): Promise<void> {
  const course = page.getByLabel('Forløb ved tilbuddet');
  const value = await course.locator('option', { hasText: pseudonym }).getAttribute('value');
  await course.selectOption(value ?? '');
  await page.getByRole('button', { name: 'Skriv op' }).click();
  await expect(page.getByRole('region', { name: 'Venteliste i rækkefølge' }).getByRole('row').filter({ hasText: pseudonym })).toBeVisible();
}

async function rate(page: Page, pseudonym: string, phase: string, safety: number, options: number): Promise<void> {
  const form = page.getByRole('region', { name: 'Før- og eftermåling' });
  await form.getByLabel('Deltager', { exact: true }).selectOption({ label: pseudonym });
  await form.getByLabel('Måling').selectOption({ label: phase });
  await form.getByLabel('Tryghed (0–10)').fill(String(safety));
  await form.getByLabel('Handlemuligheder (0–10)').fill(String(options));
  await form.getByRole('button', { name: 'Gem måling' }).click();
  await expect(form.getByText('Målingen er gemt.')).toBeVisible();
}

function group(scope: Locator, legend: string): Locator {
  return scope.getByRole('group', { name: legend, exact: true });
}

function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? PHONE.width;
  if (width !== PHONE.width) await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  if (width !== PHONE.width) await page.setViewportSize({ width, height: 900 });
}
