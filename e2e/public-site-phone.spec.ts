import type { Page } from '@playwright/test';
import { openWatchedContext, phone } from './support/contexts.ts';
import { expect, test } from './support/fixtures.ts';
import { publicLanguages, publicPages, publicPath } from './support/public-site.ts';

/**
 * The public site on a phone, where most people in a hurry will open it (issue "One house that is easy to change",
 * point 5). The things a person presses most — call, send, choose a language, leave the page, a radio button or
 * checkbox together with its label — are at least 44 × 44 CSS pixels; everything else at least 24 × 24 (WCAG 2.2
 * target size), except links inside running text; and no page scrolls sideways at 390 or 320 pixels wide.
 */

const PRIMARY = 44;
const FLOOR = 24;

type Target = { kind: string; name: string; width: number; height: number };
type Measured = { scrollWidth: number; clientWidth: number; primary: Target[]; other: Target[] };

test('on a phone the main actions are at least 44 × 44 px, the rest at least 24 × 24, and no page scrolls sideways', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const { page, close } = await openWatchedContext(browser, baseURL, phone);
  const problems: string[] = [];
  const smallest: Record<string, number> = {};
  try {
    for (const lang of publicLanguages) {
      for (const { path } of publicPages) {
        const url = publicPath(lang, path);
        await page.setViewportSize(phone.viewport ?? { width: 390, height: 844 });
        await page.goto(url);
        const measured = await measureTargets(page);
        for (const target of measured.primary) {
          smallest[target.kind] = Math.min(smallest[target.kind] ?? Infinity, Math.min(target.width, target.height));
          if (target.width < PRIMARY || target.height < PRIMARY) problems.push(`${url}: ${target.kind} "${target.name}" is ${target.width} × ${target.height}`);
        }
        for (const target of measured.other) {
          if (target.width < FLOOR || target.height < FLOOR) problems.push(`${url}: ${target.kind} "${target.name}" is ${target.width} × ${target.height} (floor ${FLOOR})`);
        }
        for (const width of [390, 320]) {
          await page.setViewportSize({ width, height: 844 });
          const { scrollWidth, clientWidth } = await measureTargets(page);
          if (scrollWidth > clientWidth) problems.push(`${url} at ${width} px scrolls sideways: ${scrollWidth} > ${clientWidth}`);
        }
      }
    }
  } finally {
    await close();
  }
  // Printed, not asserted: the smallest side of each kind of main action, for the record.
  process.stdout.write(`${JSON.stringify({ measurement: 'phone_tap_targets_min_px', ...smallest })}\n`);
  expect(problems).toEqual([]);
});

test('the quick-exit hint fits the device: Shift three times with a keyboard, what the button does on a touch screen', async ({ page, browser, baseURL }) => {
  await page.goto('/');
  await expect(page.locator('.quick-exit-hint-keys')).toBeVisible();
  await expect(page.locator('.quick-exit-hint-touch')).toBeHidden();
  const onPhone = await openWatchedContext(browser, baseURL, phone);
  try {
    await onPhone.page.goto('/');
    await expect(onPhone.page.locator('.quick-exit-hint-touch')).toHaveText('Skifter straks til en neutral side');
    await expect(onPhone.page.locator('.quick-exit-hint-keys')).toBeHidden();
    // And the hotline is on the first screen of the start page, without scrolling.
    const call = onPhone.page.getByRole('link', { name: 'Ring 1888' });
    await expect(call).toBeInViewport({ ratio: 1 });
  } finally {
    await onPhone.close();
  }
});

/**
 * Sizes of what can be pressed, as laid out now. A radio button or checkbox counts with its label (the label is
 * what a thumb hits); a link inside running text is exempt from the floor, as WCAG 2.5.8 allows; the skip link,
 * off screen until focused, is left out.
 */
function measureTargets(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const clientWidth = document.documentElement.clientWidth;
    const isShown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && box.right > 0 && box.left < clientWidth && getComputedStyle(element).visibility !== 'hidden';
    };
    const nameOf = (element: Element) => (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40) || element.getAttribute('name') || element.tagName;
    const sizeOf = (kind: string, element: Element, box = element.getBoundingClientRect()) => ({ kind, name: nameOf(element), width: Math.round(box.width), height: Math.round(box.height) });
    const primarySelectors: [string, string][] = [
      ['phone link', 'a[href^="tel:"]'],
      ['language link', '.language-list a'],
      ['quick exit', '#quick-exit'],
      ['submit button', 'button[type="submit"]'],
    ];
    const primary: Target[] = [];
    const counted = new Set<Element>();
    for (const [kind, selector] of primarySelectors) {
      for (const element of document.querySelectorAll(selector)) {
        if (!isShown(element)) continue;
        counted.add(element);
        primary.push(sizeOf(kind, element));
      }
    }
    for (const input of document.querySelectorAll<HTMLInputElement>('input[type="radio"], input[type="checkbox"]')) {
      if (!isShown(input)) continue;
      const label = input.closest('label') ?? (input.id ? document.querySelector(`label[for="${input.id}"]`) : null);
      const own = input.getBoundingClientRect();
      const labelBox = label?.getBoundingClientRect() ?? own;
      counted.add(input);
      if (label) counted.add(label);
      const union = new DOMRect(Math.min(own.left, labelBox.left), Math.min(own.top, labelBox.top), 0, 0);
      union.width = Math.max(own.right, labelBox.right) - union.x;
      union.height = Math.max(own.bottom, labelBox.bottom) - union.y;
      primary.push(sizeOf(`${input.type} with its label`, label ?? input, union));
    }
    const isInRunningText = (element: Element) => {
      const block = element.closest('p, li, dd, td, figcaption, span');
      return Boolean(block && (block.textContent ?? '').trim() !== (element.textContent ?? '').trim());
    };
    const other = [...document.querySelectorAll('a[href], button, select, textarea, summary, input:not([type="hidden"])')]
      .filter((element) => !counted.has(element) && isShown(element) && !(element.tagName === 'A' && isInRunningText(element)))
      .map((element) => sizeOf(element.tagName.toLowerCase(), element));
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth, primary, other };
  });
}
