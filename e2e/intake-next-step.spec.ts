import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { demoAccount } from './support/demo.ts';
import { loginAs } from './support/login.ts';
import { expect, test } from './support/fixtures.ts';
import { fillReferredPerson, group } from './support/referral-form.ts';

/**
 * Issue 11 §3: on a phone (390 × 844) LOKK's intake coordinator takes a new referral from the "Næste skridt" panel
 * at the top of the page: the main action is on the first screen without scrolling, first a contact attempt, then,
 * once the person is reached, acceptance. No sideways scrolling; axe-core finds nothing.
 */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test('a coordinator takes a referral from the top panel on a phone', async ({ page, openPageAs }) => {
  test.setTimeout(180_000);
  const officer = await openPageAs(demoAccount('politi@demo.bro.dk'));
  const reference = await referToLokk(officer, `Nora Næsteskridt ${Date.now()}`);

  await loginAs(page, demoAccount('lokk.visitation@demo.bro.dk'));
  await page.goto('/medarbejder/inbox');
  await expectFitsPhone(page);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: `Henvisning ${reference}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Henvisning ${reference}` })).toBeVisible();

  // First the contact attempt: the main action, on the first screen.
  const contact = page.getByRole('form', { name: 'Kontaktforsøg' });
  await contact.waitFor();
  const registerAttempt = contact.getByRole('button', { name: 'Registrer kontaktforsøg', exact: true });
  await expectOnFirstScreen(registerAttempt, 'contact attempt');
  await expect(page.getByRole('link', { name: /20 30 40 50/ })).toHaveAttribute('href', 'tel:+4520304050');
  await expect(page.getByText('Frist for første kontakt: om 2 dage', { exact: false })).toBeVisible();
  await expectFitsPhone(page);
  await expectNoAxeViolations(page);
  await contact.getByLabel('Borgeren blev nået', { exact: true }).check();
  await registerAttempt.click();
  await expect(page.getByText('Kontaktforsøget er registreret.')).toBeVisible();

  // Reached: the deadline is met, and acceptance is now the main action.
  await expect(page.getByText(/Første kontakt: i dag kl\. \d\d\.\d\d/).first()).toBeVisible();
  const accept = page.getByRole('form', { name: 'Accepter henvisningen' }).getByRole('button', { name: 'Accepter', exact: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectOnFirstScreen(accept, 'accept');
  await accept.click();
  await expect(page.getByText('Henvisningen er accepteret.')).toBeVisible();

  // Accepted and reached: opening a course is the main action.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectOnFirstScreen(page.getByRole('form', { name: 'Åbn forløb' }).getByRole('button', { name: 'Åbn forløb', exact: true }), 'open course');
  await expectFitsPhone(page);
  await expectNoAxeViolations(page);
});

/** The element's bottom edge is within the first 844 px of the page: seen without scrolling. */
async function expectOnFirstScreen(target: Locator, name: string): Promise<void> {
  await expect(target).toBeVisible();
  const box = await target.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { top: rect.top + window.scrollY, bottom: rect.bottom + window.scrollY, page: document.documentElement.scrollHeight };
  });
  // The measurement the issue asks for (pixels to the main action on a phone), in the run's output.
  process.stdout.write(`[measure] ${name}: top ${Math.round(box.top)} px, bottom ${Math.round(box.bottom)} px, page ${box.page} px\n`);
  expect(box.bottom, `${name} below the first screen`).toBeLessThanOrEqual(844);
}

async function expectFitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

async function referToLokk(officer: Page, personName: string): Promise<string> {
  await officer.goto('/medarbejder/referrals/new');
  await group(officer, 'Hvilket program henviser du til?').getByLabel('Interventionscenter', { exact: true }).check();
  await group(officer, 'Køn').getByLabel('Kvinde', { exact: true }).check();
  await fillReferredPerson(officer, { personName, consentTo: 'LOKK' });
  await officer.getByRole('button', { name: 'Send henvisning', exact: true }).click();
  await expect(officer.getByRole('heading', { level: 1, name: 'Henvisningen er sendt' })).toBeVisible();
  const reference = (await officer.getByText(/BRO-\d+/).first().textContent())?.match(/BRO-\d+/)?.[0];
  expect(reference).toBeTruthy();
  return reference!;
}
