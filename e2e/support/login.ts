import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { generate } from 'otplib';

/** What a journey needs to sign in: a demo account's known password and TOTP secret (base32). */
export type LoginAccount = { email: string; password: string; totpSecret: string | null };

/**
 * The login page's accessible names, in Danish (the default language). Every selector the journeys use for
 * signing in lives here, so a renamed label is a one-line change.
 */
export const loginPage = {
  path: '/medarbejder/login',
  emailLabel: 'E-mail',
  passwordLabel: 'Adgangskode',
  submitButton: 'Log ind',
  codeLabel: 'Engangskode',
  confirmButton: 'Bekræft',
};

const totpPeriodSeconds = 30;
/** Never type a code this close to the end of its window: it could expire between typing and checking. */
const minimumSecondsLeft = 3;
/**
 * The last time step used per secret: a server may (and should) refuse a code that was already used. Kept in a file,
 * not in memory: Playwright starts a new worker after a failed test, and a journey right after it would otherwise
 * reuse the failed one's code and fail too.
 */
// A step left from an earlier run is only ever a past window (or, within 30 s, makes a journey wait for the next).
const lastUsedStepsFile = join(tmpdir(), 'bro-e2e-totp-steps.json');

function readLastUsedSteps(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(lastUsedStepsFile, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

function recordUsedStep(secret: string, step: number): void {
  writeFileSync(lastUsedStepsFile, JSON.stringify({ ...readLastUsedSteps(), [secret]: step }));
}

/** Signs in with e-mail and password, then the TOTP step, and waits until the app has left the login page. */
export async function loginAs(page: Page, account: LoginAccount): Promise<void> {
  if (!account.totpSecret) throw new Error(`${account.email} has no TOTP secret: it must enrol first, which loginAs does not do.`);
  await page.goto(loginPage.path);
  await page.getByLabel(loginPage.emailLabel, { exact: true }).fill(account.email);
  await page.getByLabel(loginPage.passwordLabel, { exact: true }).fill(account.password);
  await page.getByRole('button', { name: loginPage.submitButton, exact: true }).click();

  const codeField = page.getByLabel(loginPage.codeLabel, { exact: true });
  await expect(codeField).toBeVisible();
  await codeField.fill(await currentTotpCode(account.totpSecret));
  await page.getByRole('button', { name: loginPage.confirmButton, exact: true }).click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}

/** A code for the current 30-second window, waiting for a fresh window if this one is spent or nearly over. */
async function currentTotpCode(secret: string): Promise<string> {
  for (;;) {
    const nowSeconds = Date.now() / 1000;
    const step = Math.floor(nowSeconds / totpPeriodSeconds);
    const secondsLeft = (step + 1) * totpPeriodSeconds - nowSeconds;
    if (readLastUsedSteps()[secret] !== step && secondsLeft >= minimumSecondsLeft) {
      recordUsedStep(secret, step);
      return generate({ secret, epoch: Math.floor(nowSeconds) });
    }
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(secondsLeft * 1000) + 50));
  }
}
