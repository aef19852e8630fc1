import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 level A and AA: what DKFDS promises and Danish public-sector websites must meet. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Scans the page as it is now with axe-core and fails with a readable list: rule, impact, help text and the
 * first few offending elements of each violation.
 */
export async function expectNoAxeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(wcagTags);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const report = violations.map((violation) => {
    const targets = violation.nodes.slice(0, 5).map((node) => `      - ${node.target.join(' ')}${node.failureSummary ? `: ${node.failureSummary.replaceAll('\n', ' ')}` : ''}`);
    const more = violation.nodes.length > 5 ? [`      … and ${violation.nodes.length - 5} more`] : [];
    return [`  ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}`, `    ${violation.helpUrl}`, ...targets, ...more].join('\n');
  });
  expect(violations.length, `axe-core found ${violations.length} WCAG 2.1 A/AA violation(s) on ${page.url()}:\n${report.join('\n')}`).toBe(0);
}
