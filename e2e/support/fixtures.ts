import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { loginAs, type LoginAccount } from './login.ts';
import { describeFindings, disableHttpCache, watchSecurityHeaders, type SecurityHeaderFinding } from './security-headers.ts';

type Fixtures = {
  /** Security-header problems seen so far in this test on `page` (every response from the app is checked). */
  securityHeaderFindings: SecurityHeaderFinding[];
  /**
   * A new browser context (its own cookies: a separate person at a separate desk) signed in as the account.
   * For journeys with several people, e.g. a police officer referring and a LOKK coordinator watching the inbox.
   * Its responses are checked for the security headers too; it is closed at the end of the test.
   */
  openPageAs: (account: LoginAccount) => Promise<Page>;
};

/**
 * The `test` every spec imports. It watches every response the pages get from the app and fails the test if any
 * lacks the security headers, so each journey checks them on every page and API call it makes.
 */
export const test = base.extend<Fixtures>({
  securityHeaderFindings: [
    async ({ page, baseURL }, use) => {
      await disableHttpCache(page);
      const watcher = watchSecurityHeaders(page, originOf(baseURL));
      await use(watcher.findings);
      await watcher.settle();
      expect(watcher.findings, `Responses without the required security headers:\n${describeFindings(watcher.findings)}`).toEqual([]);
    },
    { auto: true },
  ],

  openPageAs: async ({ browser, baseURL, locale, timezoneId }, use) => {
    const opened: { context: BrowserContext; watcher: ReturnType<typeof watchSecurityHeaders> }[] = [];
    await use(async (account) => {
      const context = await browser.newContext({ baseURL, locale, timezoneId });
      const page = await context.newPage();
      await disableHttpCache(page);
      opened.push({ context, watcher: watchSecurityHeaders(page, originOf(baseURL)) });
      await loginAs(page, account);
      return page;
    });
    const findings: SecurityHeaderFinding[] = [];
    for (const { context, watcher } of opened) {
      await watcher.settle();
      findings.push(...watcher.findings);
      await context.close();
    }
    expect(findings, `Responses without the required security headers:\n${describeFindings(findings)}`).toEqual([]);
  },
});

function originOf(baseURL: string | undefined): string {
  if (!baseURL) throw new Error('No baseURL: the e2e global setup did not start Bro (see e2e/support/global-setup.ts).');
  return new URL(baseURL).origin;
}

export { expect };
