import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 level A and AA: what DKFDS promises and Danish public-sector websites must meet. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A phone's screen (an iPhone 12–15 class): the other size every page is scanned at. */
const PHONE_VIEWPORT = { width: 390, height: 844 };

/**
 * Scans the page with axe-core as it is now, and again at phone size (390 × 844) when it is not already there,
 * then puts the viewport back. Fails with a readable list per size: rule, impact, help text and the first few
 * offending elements of each violation.
 */
export async function expectNoAxeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  const viewport = page.viewportSize();
  const reports = [await scan(page, options, viewport ? `${viewport.width} × ${viewport.height}` : 'current size')];
  if (viewport && viewport.width !== PHONE_VIEWPORT.width) {
    await page.setViewportSize(PHONE_VIEWPORT);
    try {
      reports.push(await scan(page, options, `${PHONE_VIEWPORT.width} × ${PHONE_VIEWPORT.height}`));
    } finally {
      await page.setViewportSize(viewport);
    }
  }
  const failures = reports.filter((report) => report.count > 0);
  expect(failures.length, failures.map((report) => report.text).join('\n\n')).toBe(0);
}

async function scan(page: Page, options: { exclude?: string[] }, size: string): Promise<{ count: number; text: string }> {
  let builder = new AxeBuilder({ page }).withTags(wcagTags);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const report = violations.map((violation) => {
    const targets = violation.nodes.slice(0, 5).map((node) => `      - ${node.target.join(' ')}${node.failureSummary ? `: ${node.failureSummary.replaceAll('\n', ' ')}` : ''}`);
    const more = violation.nodes.length > 5 ? [`      … and ${violation.nodes.length - 5} more`] : [];
    return [`  ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}`, `    ${violation.helpUrl}`, ...targets, ...more].join('\n');
  });
  return { count: violations.length, text: `axe-core found ${violations.length} WCAG 2.1 A/AA violation(s) on ${page.url()} at ${size}:\n${report.join('\n')}` };
}
