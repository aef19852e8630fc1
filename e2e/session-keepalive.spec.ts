import { expect, test, type Locator, type Page } from '@playwright/test';
import { openWatchedContext, phone } from './support/contexts.ts';
import { demoAccount } from './support/demo.ts';
import { loginAs } from './support/login.ts';
import { useOwnBro } from './support/own-app.ts';
import { group } from './support/referral-form.ts';

/**
 * Issue 11, "nothing is lost": a police officer on a phone types in the new-referral form for longer than the
 * idle timeout and stays signed in (typing sends a heartbeat; before, only server requests counted). When she stops,
 * the warning is a modal in view where she is, not at the top of a page thousands of pixels up.
 *
 * The real timeout is 15 minutes: this spec starts an app of its own with SESSION_IDLE_TIMEOUT_SECONDS (honoured
 * only outside production), so the shared app of the other journeys keeps the real one.
 */
const idleTimeoutSeconds = 40;
const ownApp = useOwnBro({ SESSION_IDLE_TIMEOUT_SECONDS: String(idleTimeoutSeconds) });

test('an officer who types in the referral form on a phone for longer than the idle timeout stays signed in', async ({ browser }) => {
  test.setTimeout(240_000);
  const { page: officer, close } = await openWatchedContext(browser, ownApp.baseUrl(), phone);
  await loginAs(officer, demoAccount('politi@demo.bro.dk'));
  await officer.goto('/medarbejder/referrals/new');
  await expect(officer.getByRole('heading', { level: 1, name: 'Ny henvisning' })).toBeVisible();
  await group(officer, 'Hvilket program henviser du til?').getByLabel('Interventionscenter', { exact: true }).check();
  await group(officer, 'Køn').getByLabel('Kvinde', { exact: true }).check();
  await officer.getByRole('button', { name: 'Fortsæt', exact: true }).click();
  await officer.getByLabel(/^Borgeren har givet samtykke til, at LOKK/).check();
  await officer.getByRole('button', { name: 'Fortsæt', exact: true }).click();

  const apiCalls: string[] = [];
  officer.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/')) apiCalls.push(`${request.method()} ${pathname}`);
  });

  // 1.5 × the idle timeout of typing, a key a second, and nothing else.
  const situation = officer.getByLabel('Fulde navn', { exact: true });
  await situation.click();
  const keys = Math.ceil(idleTimeoutSeconds * 1.5);
  for (let key = 0; key < keys; key++) {
    await officer.keyboard.type('a');
    await officer.waitForTimeout(1_000);
  }
  await expect(officer).toHaveURL(/\/medarbejder\/referrals\/new(\?step=\w+)?$/);
  await expect(situation).toHaveValue('a'.repeat(keys));
  await expect(officer.getByRole('alertdialog')).toHaveCount(0);
  // Only heartbeats reached the server, and few: at most one per third of the timeout.
  expect(apiCalls.length).toBeGreaterThanOrEqual(3);
  expect(apiCalls.every((call) => call === 'POST /api/auth/heartbeat'), apiCalls.join(', ')).toBe(true);
  expect(apiCalls.length).toBeLessThanOrEqual(5);

  // She stops typing: the warning comes before the timeout, in view where she is, with the focus on its button.
  const dialog = officer.getByRole('alertdialog', { name: 'Du bliver snart logget ud' });
  await expect(dialog).toBeVisible({ timeout: idleTimeoutSeconds * 1_000 });
  const stay = dialog.getByRole('button', { name: 'Forbliv logget ind' });
  await expect(stay).toBeFocused();
  await expectInViewport(officer, dialog.locator('.modal-content'));
  const where = await officer.evaluate(() => {
    const send = [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Send henvisning');
    return { scrollY: Math.round(window.scrollY), sendButtonTop: Math.round((send?.getBoundingClientRect().top ?? 0) + window.scrollY) };
  });
  process.stdout.write(`[measurement] warning in view at scroll ${where.scrollY} px; the Send button is ${where.sendButtonTop} px from the top of the page\n`);

  await stay.click();
  await expect(dialog).toHaveCount(0);
  await expect(situation).toBeFocused();
  await expect(situation).toHaveValue('a'.repeat(keys));
  expect(await officer.evaluate(async () => (await fetch('/api/session', { cache: 'no-store' })).status)).toBe(200);
  await close();
});

/** The whole of the element is on the screen, without scrolling. */
async function expectInViewport(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport).toBeTruthy();
  if (!box || !viewport) return;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
}
