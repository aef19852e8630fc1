import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { demoAccount } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * The counsellor's week (issue 14 §5–6): LOKK's counsellor opens "Kalender", moves a week ahead and back, and makes
 * the private address a calendar program subscribes to. The address works without a session, a new one retires the
 * old, and revoking it ends it; the journey leaves no address behind, so it can run again on the same demo data.
 * What is in the week comes from the group, event and community-meeting modules once they are wired in app.ts.
 */

const PHONE = { width: 390, height: 844 };

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

test('a counsellor opens the week view and makes, replaces and revokes the private feed address', async ({ openPageAs }) => {
  const counsellor = await openPageAs(demoAccount('lokk.raadgiver@demo.bro.dk'));
  await counsellor.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Kalender' }).click();
  await expect(counsellor).toHaveURL(/\/medarbejder\/calendar$/);
  await expect(counsellor.getByRole('heading', { level: 1, name: 'Min kalender' })).toBeVisible();
  const weekHeading = counsellor.getByRole('heading', { level: 2, name: /^Uge \d+: / });
  const thisWeek = await weekHeading.textContent();
  await expect(counsellor.getByRole('listitem').getByRole('heading', { level: 3 })).toHaveCount(7);
  await expectNoAxeViolations(counsellor);

  const weekNavigation = counsellor.getByRole('navigation', { name: 'Skift uge' });
  await weekNavigation.getByRole('link', { name: 'Næste uge' }).click();
  await expect(counsellor).toHaveURL(/\?start=\d{4}-\d{2}-\d{2}$/);
  await expect(weekHeading).not.toHaveText(thisWeek ?? '');
  await weekNavigation.getByRole('link', { name: 'Denne uge' }).click();
  await expect(weekHeading).toHaveText(thisWeek ?? '');

  const feed = counsellor.getByRole('region', { name: 'Abonnér i dit kalenderprogram' });
  await expect(feed.getByText('Du har ingen abonnementsadresse.')).toBeVisible();
  await feed.getByRole('button', { name: 'Opret abonnementsadresse' }).click();
  const address = feed.getByLabel('Abonnementsadresse');
  await expect(address).toHaveValue(/\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
  const firstUrl = await address.inputValue();
  await expect(feed.getByText(/Du har en abonnementsadresse, oprettet/)).toBeVisible();
  await expectNoAxeViolations(counsellor);

  // A calendar program fetches it without a session.
  const fetched = await counsellor.request.fetch(firstUrl, { headers: { cookie: '' } });
  expect(fetched.status()).toBe(200);
  expect(fetched.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(await fetched.text()).toContain('BEGIN:VCALENDAR');

  await feed.getByRole('button', { name: 'Lav en ny adresse' }).click();
  await feed.getByRole('button', { name: 'Ja, lav en ny adresse' }).click();
  await expect(address).not.toHaveValue(firstUrl);
  const secondUrl = await address.inputValue();
  expect((await counsellor.request.fetch(firstUrl)).status()).toBe(404);
  expect((await counsellor.request.fetch(secondUrl)).status()).toBe(200);

  await feed.getByRole('button', { name: 'Tilbagekald adressen' }).click();
  await feed.getByRole('button', { name: 'Ja, tilbagekald' }).click();
  await expect(feed.getByText('Adressen er tilbagekaldt.')).toBeVisible();
  await expect(feed.getByText('Du har ingen abonnementsadresse.')).toBeVisible();
  expect((await counsellor.request.fetch(secondUrl)).status()).toBe(404);
});

test('on a phone the week is a day-by-day list without sideways scrolling', async ({ openPageAs }) => {
  const counsellor = await openPageAs(demoAccount('lokk.raadgiver@demo.bro.dk'));
  await counsellor.setViewportSize(PHONE);
  await counsellor.goto('/medarbejder/calendar?start=2027-03-28');
  await expect(counsellor.getByRole('heading', { level: 2, name: /^Uge 12: 22\. marts–28\. marts$/ })).toBeVisible();
  const days = counsellor.locator('.app-calendar-day');
  await expect(days).toHaveCount(7);
  // One column: each day starts below the one before.
  const first = await days.nth(0).boundingBox();
  const second = await days.nth(1).boundingBox();
  expect(second?.y ?? 0).toBeGreaterThan((first?.y ?? 0) + (first?.height ?? 0) - 1);
  await expectNoSidewaysScroll(counsellor);
  await expectNoAxeViolations(counsellor);
  // The menu is one row scrolling inside itself; the current item, the last one, is scrolled into view.
  const current = await counsellor.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Kalender' }).boundingBox();
  expect(current?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((current?.x ?? 0) + (current?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
});
