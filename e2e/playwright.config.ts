import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './support/browser.ts';

/**
 * End-to-end journeys against the real app (see support/global-setup.ts), in Chromium. Playwright never downloads
 * a browser: global setup finds one (CHROMIUM_PATH, /usr/bin/chromium, or the one inside @sparticuz/chromium; see
 * support/browser.ts) and names it in CHROMIUM_PATH for the workers.
 *
 * The base URL is only known once global setup has started the server; it passes it on through the
 * environment, which the worker processes inherit when they load this file again.
 */
const isTraceWanted = process.env.BRO_E2E_TRACE === 'true';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  globalSetup: './support/global-setup.ts',
  // One server and one browser at a time: the journeys share the demo data and the 2-core CI machine.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: process.env.BRO_E2E_BASE_URL,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    // Traces hold screenshots of (demo) personal data and cost time: only on request (BRO_E2E_TRACE=true).
    trace: isTraceWanted ? 'retain-on-failure' : 'off',
    screenshot: 'off',
    video: 'off',
    acceptDownloads: false,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', viewport: { width: 1280, height: 900 } } }],
});
