import { test, type Page } from '@playwright/test';
import { demoAccount } from './support/demo.ts';
import { loginAs } from './support/login.ts';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'da-DK' };
async function as(browser: import('@playwright/test').Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, ...phone });
  const page = await context.newPage();
  await loginAs(page, demoAccount(email));
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });

test('shots', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const platform = await as(browser, baseURL, 'drift@demo.bro.dk');
  await platform.goto('/medarbejder/platform/organisations');
  await platform.waitForTimeout(1500);
  await shot(platform, '1-platform-orgs');
  try {
    const row = platform.getByRole('row').filter({ hasText: 'LOKK' }).first();
    await row.getByRole('button', { name: /Opret administrator/ }).click();
    await platform.getByLabel('Navn', { exact: true }).fill('Ny Leder');
    await platform.getByLabel('E-mail', { exact: true }).fill('ny.leder@demo.bro.dk');
    await platform.getByRole('button', { name: 'Opret administrator', exact: true }).last().click();
    await platform.waitForTimeout(1500);
  } catch (error) {
    console.log('platform step', error);
  }
  await shot(platform, '2-platform-after-request');
  const admin = await as(browser, baseURL, 'lokk.admin@demo.bro.dk');
  await admin.goto('/medarbejder/admin/change-requests');
  await admin.waitForTimeout(1500);
  await shot(admin, '3-admin-change-requests');
  const counsellor = await as(browser, baseURL, 'lokk.raadgiver@demo.bro.dk');
  await counsellor.goto('/medarbejder/caseload');
  await counsellor.waitForTimeout(1500);
  try {
    await counsellor.getByRole('link', { name: /FL-/ }).first().click();
    await counsellor.waitForTimeout(1000);
    await counsellor.getByRole('navigation', { name: 'Forløbets dele' }).getByRole('link', { name: 'Risikovurdering', exact: true }).click();
    await counsellor.waitForTimeout(1500);
  } catch (error) {
    console.log('course step', error);
  }
  await shot(counsellor, '4-course-risk');
  const anon = await (await browser.newContext({ baseURL, ...phone })).newPage();
  await anon.goto('/medarbejder/unlock#token=abcdefghijklmnopqrstuvwxyz');
  await anon.waitForTimeout(1500);
  await shot(anon, '5-unlock');
  const supervisor = await as(browser, baseURL, 'lokk.leder@demo.bro.dk');
  await supervisor.goto('/medarbejder/supervision');
  await supervisor.waitForTimeout(1500);
  await shot(supervisor, '6-supervision');
});
