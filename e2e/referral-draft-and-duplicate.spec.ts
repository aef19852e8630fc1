import { expect, test, type Page } from '@playwright/test';
import { openWatchedContext, phone } from './support/contexts.ts';
import { demoAccount } from './support/demo.ts';
import { loginAs } from './support/login.ts';
import { fillReferredPerson, group } from './support/referral-form.ts';

/**
 * Issue 11 on a phone (390 × 844): an officer is signed out for inactivity in the middle of a referral, signs in
 * again, continues the server-side draft and sends it; then refers the same person again and is warned of a possible
 * duplicate before sending.
 *
 * The real 15-minute timeout runs on a controlled clock: Playwright's clock drives the browser's time, so the app's
 * idle clock warns at 13 minutes and signs out (ending the session on the server too) at 15, without waiting.
 * That the server honours its own idle timeout and typing's heartbeats is session-keepalive.spec.ts and the
 * integration tests (auth.session, auth.heartbeat).
 */

test('a referral interrupted by an idle sign-out is restored from its draft and sent, and a second one for the same person warns of a duplicate', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const { page: officer, close } = await openWatchedContext(browser, baseURL, phone);
  await officer.clock.install();
  const account = demoAccount('politi@demo.bro.dk');
  await loginAs(officer, account);
  const personName = `Ida Kladdesen ${Date.now()}`;

  // Who, consent and the person: passing a step saves the draft on the server.
  await startReferralToLokk(officer);
  await officer.getByRole('button', { name: 'Fortsæt', exact: true }).click();
  await officer.getByLabel(/^Borgeren har givet samtykke til, at LOKK/).check();
  await officer.getByRole('button', { name: 'Fortsæt', exact: true }).click();
  await officer.getByLabel('Fulde navn', { exact: true }).fill(personName);
  await officer.getByLabel('CPR-nummer (valgfrit)', { exact: true }).fill('010190-1234');
  await officer.getByRole('button', { name: 'Fortsæt', exact: true }).click();
  await expect(officer.getByRole('heading', { level: 2, name: 'Sikker kontakt' })).toBeVisible();
  await expect(officer.getByText(/Henvisningen er gemt som kladde/)).toBeVisible();

  // She is called away. After 13 minutes the warning stands over the form; at 15 the app signs out to the login page.
  await officer.clock.fastForward('13:05');
  await expect(officer.getByRole('alertdialog', { name: 'Du bliver snart logget ud' })).toBeVisible();
  await officer.clock.fastForward('02:00');
  await expect(officer).toHaveURL(/\/login\?reason=idle/);
  // The session is gone on the server too: a request with its cookie is refused.
  expect(await officer.evaluate(async () => (await fetch('/api/session', { cache: 'no-store' })).status)).toBe(401);
  expect(await officer.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);

  // Signed in again, "Ny henvisning" offers the draft; continuing brings back what she had typed.
  await loginAs(officer, account);
  await officer.goto('/medarbejder/referrals/new');
  await expect(officer.getByRole('heading', { name: 'Du har en henvisning, du ikke har sendt' })).toBeVisible();
  await officer.getByRole('button', { name: 'Fortsæt henvisningen', exact: true }).click();
  // Back where she was, with what she had typed (the check page shows the name from the draft).
  await finishAndSend(officer, personName);
  await expect(officer.getByRole('heading', { level: 1, name: 'Henvisningen er sendt' })).toBeVisible();
  const first = (await officer.getByText(/BRO-\d+/).first().textContent())?.match(/BRO-\d+/)?.[0];
  expect(first).toBeTruthy();

  // The same person again, same programme, by name and birth year (no CPR this time): the check page warns.
  await startReferralToLokk(officer);
  await fillReferredPerson(officer, { personName, consentTo: 'LOKK', birthYear: 1990 });
  const warning = officer.getByRole('heading', { name: 'Borgeren kan være henvist før' });
  await expect(warning).toBeVisible();
  await expect(officer.getByText(new RegExp(`${first} til`))).toBeVisible();
  expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // She decides not to send it: starting over discards the draft, so the next referral starts empty.
  await officer.goto('/medarbejder/referrals/new');
  await officer.getByRole('button', { name: 'Start forfra', exact: true }).click();
  await expect(officer.getByRole('heading', { level: 2, name: 'Hvem henviser du?' })).toBeVisible();
  await officer.reload();
  await expect(officer.getByRole('heading', { level: 2, name: 'Hvem henviser du?' })).toBeVisible();
  await close();
});

async function startReferralToLokk(officer: Page): Promise<void> {
  await officer.goto('/medarbejder/referrals/new');
  const startOver = officer.getByRole('button', { name: 'Start forfra', exact: true });
  if (await startOver.isVisible().catch(() => false)) await startOver.click();
  await expect(officer.getByRole('heading', { level: 1, name: 'Ny henvisning' })).toBeVisible();
  await group(officer, 'Hvilket program henviser du til?').getByLabel('Interventionscenter', { exact: true }).check();
  await group(officer, 'Køn').getByLabel('Kvinde', { exact: true }).check();
  await expect(officer.getByText(/Foreslået: .*LOKK/)).toBeVisible();
}

/** From the "Sikker kontakt" step to sending, checking the person's name on the check page. */
async function finishAndSend(officer: Page, personName: string): Promise<void> {
  await expect(officer.getByRole('heading', { level: 2, name: 'Sikker kontakt' })).toBeVisible();
  await officer.getByLabel('Telefonnummer', { exact: true }).fill('20-30-40-50');
  await group(officer, 'Er det sikkert at ringe til borgeren?').getByLabel('Ja', { exact: true }).check();
  await group(officer, 'Må tilbuddet lægge en besked på telefonsvareren?').getByLabel('Nej', { exact: true }).check();
  await group(officer, 'Må tilbuddet sende sms?').getByLabel('Nej', { exact: true }).check();
  await officer.getByRole('button', { name: 'Fortsæt', exact: true }).click();
  await group(officer, 'Risikoniveau').getByLabel('Standard', { exact: true }).check();
  await group(officer, 'Er der børn i hjemmet?').getByLabel('Nej', { exact: true }).check();
  await officer.getByRole('button', { name: 'Fortsæt', exact: true }).click();
  await expect(officer.getByRole('heading', { level: 2, name: 'Tjek dine svar' })).toBeVisible();
  // The phone as it will be sent: normalised.
  await expect(officer.getByText('+45 20 30 40 50')).toBeVisible();
  await expect(officer.getByText(personName)).toBeVisible();
  await officer.getByRole('button', { name: 'Send henvisning', exact: true }).click();
}
