import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { describeFindings, disableHttpCache, watchSecurityHeaders } from './security-headers.ts';

/**
 * A fresh browser context of its own kind (JavaScript off, a phone …), for a person at another device. Its
 * responses are checked for the security headers like every other page's; `close` fails on a finding and closes
 * the context.
 */
export async function openWatchedContext(browser: Browser, baseURL: string | undefined, options: BrowserContextOptions): Promise<{ page: Page; close: () => Promise<void> }> {
  if (!baseURL) throw new Error('No baseURL: the e2e global setup did not start Bro.');
  const context = await browser.newContext({ baseURL, locale: 'da-DK', timezoneId: 'Europe/Copenhagen', ...options });
  const page = await context.newPage();
  // Chromium drops HSTS from cached responses: check what the server sent, uncached.
  await disableHttpCache(page);
  const watcher = watchSecurityHeaders(page, new URL(baseURL).origin);
  return {
    page,
    close: async () => {
      await watcher.settle();
      await context.close();
      expect(watcher.findings, `Responses without the required security headers:\n${describeFindings(watcher.findings)}`).toEqual([]);
    },
  };
}

/** An old phone, or scripts switched off. */
export const withoutJavaScript: BrowserContextOptions = { javaScriptEnabled: false };

/** A phone held upright: touch, no mouse, 390 × 844 CSS pixels. */
export const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
