import { expectNoAxeViolations } from './support/axe.ts';
import { demoAccount } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';
import { switchLanguage } from './support/language.ts';
import { loginPage } from './support/login.ts';
import { findSecurityHeaderProblems } from './support/security-headers.ts';

// Every test here also checks the security headers of every response its page sees (support/fixtures.ts);
// responses fetched with `request` bypass the page, so those are checked one by one.

test('the server answers /api/health', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
  expect(findSecurityHeaderProblems(toRecord(response.headersArray()))).toEqual([]);
});

test('the login page is in Danish with a neutral title, passes axe, and switches to English', async ({ page, securityHeaderFindings }) => {
  await page.goto(loginPage.path);

  // Someone looking over a shoulder, or at the browser history, must not learn what this site is about.
  await expect(page).toHaveTitle('Bro');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByLabel(loginPage.emailLabel, { exact: true })).toBeVisible();
  await expect(page.getByLabel(loginPage.passwordLabel, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: loginPage.submitButton, exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  await switchLanguage(page, 'en');
  await expect(page).toHaveTitle('Bro');
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^log in$/i })).toBeVisible();
  await expectNoAxeViolations(page);

  expect(securityHeaderFindings).toEqual([]);
});

test('a deep link serves the app and an unknown API path answers a problem document, both with the security headers', async ({ page }) => {
  const document = await page.goto('/medarbejder/referrals/new');
  expect(document?.status()).toBe(200);
  await expect(page).toHaveTitle('Bro');

  const problem = await page.request.get('/api/does-not-exist');
  expect(problem.status()).toBe(404);
  expect(problem.headers()['content-type']).toContain('application/problem+json');
  expect(findSecurityHeaderProblems(toRecord(problem.headersArray()))).toEqual([]);
});

test('a demo police officer signs in with password and TOTP', async ({ openPageAs }) => {
  const officer = demoAccount('politi@demo.bro.dk');
  const page = await openPageAs(officer);
  await expect(page.getByText(officer.displayName).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

function toRecord(headers: { name: string; value: string }[]): Record<string, string> {
  return Object.fromEntries(headers.map(({ name, value }) => [name.toLowerCase(), value]));
}
