import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { openWatchedContext, withoutJavaScript } from './support/contexts.ts';
import { expect, test } from './support/fixtures.ts';
import { publicLanguages, publicPages, publicPath } from './support/public-site.ts';

/**
 * The public help directory (issue 4): a person finds the right help with JavaScript on or off, in Danish, English
 * or Arabic (right to left), and every public page passes axe. The pages need no login and the demo data describes
 * the seed organisations' real services (hotline 1888, LGBT+ Danmark's counselling, …).
 */

const hotline = 'Hotline 1888';
const lgbtCounselling = 'LGBT+ Danmarks rådgivning';
const mensCounselling = 'Rådgivning for voldsudsatte mænd';

/** The result list's service names (each result's heading is a link to the service page). */
const resultNames = (page: Page) => page.locator('.result-list h3');

/** The filters fold away once something is chosen, so a phone shows the results first: open them again. */
async function openFilters(page: Page, summary: string): Promise<void> {
  const details = page.locator('details.filters');
  if ((await details.getAttribute('open')) === null) await page.getByText(summary, { exact: true }).click();
  await expect(details).toHaveAttribute('open', '');
}

/**
 * From the start page: "I am experiencing violence" finds the hotline; narrowing to LGBT+ people finds LGBT+
 * Danmark's counselling and drops the men's service; its page says how to get in touch safely and when it is open.
 * The same steps run with JavaScript on and off: the pages are server-rendered forms and links.
 */
async function searchFromStartPage(page: Page, { isJavaScriptOn }: { isJavaScriptOn: boolean }): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Find hjælp og rådgivning' })).toBeVisible();
  const historyBefore = await page.evaluate(() => history.length);
  await page.getByRole('link', { name: 'Jeg er udsat for vold' }).click();

  await expect(page).toHaveURL(/\/tilbud\?situation=exposed$/);
  // With JavaScript the quick-exit script keeps the whole visit in ONE history entry (so leaving replaces it);
  // without it each page adds an entry, which proves the script really did not run (the safety page says so).
  expect(await page.evaluate(() => history.length)).toBe(isJavaScriptOn ? historyBefore : historyBefore + 1);
  await expect(page.getByRole('heading', { level: 1, name: 'Find et tilbud' })).toBeVisible();
  await expect(resultNames(page)).toContainText([hotline]);
  await expect(resultNames(page).filter({ hasText: mensCounselling })).toHaveCount(1);
  await expect(page.locator('.result').filter({ hasText: hotline }).getByRole('link', { name: '1888', exact: true })).toHaveAttribute('href', 'tel:1888');

  await openFilters(page, 'Vælg, hvad der passer på dig');
  await page.getByLabel('Hvem er hjælpen til?').selectOption({ label: 'LGBT+ personer' });
  await page.getByRole('button', { name: 'Vis tilbud' }).click();

  await expect(page).toHaveURL(/[?&]group=lgbt(&|$)/);
  await expect(resultNames(page)).toContainText([lgbtCounselling]);
  await expect(resultNames(page).filter({ hasText: hotline })).toHaveCount(1);
  await expect(resultNames(page).filter({ hasText: mensCounselling })).toHaveCount(0);

  await page.getByRole('link', { name: lgbtCounselling }).click();
  await expect(page.getByRole('heading', { level: 1, name: lgbtCounselling })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Sådan tager du kontakt sikkert' })).toBeVisible();
  await expect(page.getByText('Torsdag 18:00–20:00')).toBeVisible();

  // Phone, open right now: the hotline is open day and night, so it is found at any hour of any day.
  await page.goto('/tilbud');
  await page.getByLabel('Hvordan vil du have kontakt?').selectOption({ label: 'Telefon' });
  await page.getByLabel('Kun tilbud, der har åbent lige nu').check();
  await page.getByRole('button', { name: 'Vis tilbud' }).click();
  await expect(page).toHaveURL(/[?&]open=1(&|$)/);
  await expect(resultNames(page)).toContainText([hotline]);
  await expect(page.locator('.result').filter({ hasText: hotline }).getByText('Døgnåben', { exact: true })).toBeVisible();
}

test('with JavaScript on, a person finds the hotline and LGBT+ counselling by their situation and filters', async ({ page }) => {
  await searchFromStartPage(page, { isJavaScriptOn: true });
});

test('with JavaScript off, the same search works: the pages are server-rendered', async ({ browser, baseURL }) => {
  const { page, close } = await openWatchedContext(browser, baseURL, withoutJavaScript);
  try {
    await searchFromStartPage(page, { isJavaScriptOn: false });
  } finally {
    await close();
  }
});

test('the Arabic pages read right to left, with the quick exit mirrored to the other side', async ({ page }) => {
  await page.goto('/ar/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1, name: 'ابحث عن المساعدة والاستشارة' })).toBeVisible();
  const arabic = await quickExitLayout(page);

  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  const danish = await quickExitLayout(page);

  // The bar keeps the button and its hint ("or press Shift three times") at the inline-end edge: on the right in
  // Danish, on the left in Arabic, with the hint after the button in reading order both times.
  expect(danish.buttonCentre).toBeGreaterThan(danish.viewportWidth / 2);
  expect(arabic.buttonCentre).toBeLessThan(arabic.viewportWidth / 2);
  expect(danish.hintCentre).toBeGreaterThan(danish.buttonCentre);
  expect(arabic.hintCentre).toBeLessThan(arabic.buttonCentre);
  // Text lines up at the right in Arabic: the page heading starts at the right edge of the content.
  await page.goto('/ar/tilbud/hotline-1888');
  const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
  const main = await page.locator('main').boundingBox();
  expect(heading && main && Math.abs(heading.x + heading.width - (main.x + main.width))).toBeLessThan(40);
  await expect(page.getByRole('heading', { level: 1, name: 'الخط الساخن 1888' })).toBeVisible();

  // A service with no Arabic text falls back to Danish, marked as Danish and left to right inside the page.
  await page.goto('/ar/tilbud/lgbt-danmark-raadgivning');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: lgbtCounselling })).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1, name: lgbtCounselling })).toHaveAttribute('lang', 'da');
});

for (const lang of publicLanguages) {
  test(`every public page in ${lang} passes axe (WCAG 2.1 A and AA) at desktop and phone size`, async ({ page }) => {
    // Thirteen pages, each scanned at two sizes.
    test.setTimeout(180_000);
    for (const { path, status } of publicPages) {
      const response = await page.goto(publicPath(lang, path));
      expect(response?.status(), publicPath(lang, path)).toBe(status);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expectNoAxeViolations(page);
    }
  });
}

async function quickExitLayout(page: Page): Promise<{ buttonCentre: number; hintCentre: number; viewportWidth: number }> {
  const button = await page.locator('#quick-exit').boundingBox();
  // The hint for a keyboard (Shift three times) or for a touch screen: whichever this device is shown.
  const hint = await page.locator('.quick-exit-hint:visible').boundingBox();
  if (!button || !hint) throw new Error('the quick-exit bar is not rendered');
  const viewportWidth = await page.evaluate(() => document.documentElement.clientWidth);
  return { buttonCentre: button.x + button.width / 2, hintCentre: hint.x + hint.width / 2, viewportWidth };
}
