import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { openWatchedContext, withoutJavaScript } from './support/contexts.ts';
import { demoAccount } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * Issue 14, journey 2: a person finds Vores Vej Ud's drop-in coffee on the public site WITHOUT JavaScript, adds it to
 * their calendar (the feed answers text/calendar) and asks for the online afternoon coffee's link, which is never on
 * the page; then a host signs in, publishes a daily drop-in and records an anonymous head count for today.
 */

/** No page may scroll sideways on a 390 px phone. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

test('without JavaScript, a person finds drop-in coffee, adds it to the calendar and asks for the online link', async ({ browser, baseURL, page: scanner }) => {
  const { page, close } = await openWatchedContext(browser, baseURL, withoutJavaScript);
  try {
    await page.goto('/hvad-sker-der');
    await expect(page.getByRole('heading', { level: 1, name: 'Hvad sker der' })).toBeVisible();
    await page.getByLabel('By').selectOption({ label: 'København V' });
    await page.getByRole('button', { name: 'Vis' }).click();
    await expect(page).toHaveURL(/by=K%C3%B8benhavn\+V|by=K%C3%B8benhavn%20V/);
    await expect(page.getByRole('link', { name: 'Drop-in morgenkaffe' }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Fællesfrokost' }).first()).toBeVisible();
    const listUrl = page.url();

    await page.getByRole('link', { name: 'Drop-in morgenkaffe' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Drop-in morgenkaffe' })).toBeVisible();
    await expect(page.getByText('Netværkshuset, Halmtorvet 27, 1700 København V')).toBeVisible();
    const eventUrl = page.url();
    const calendarLink = page.getByRole('link', { name: 'Føj til kalender' });
    const href = await calendarLink.getAttribute('href');
    expect(href).toMatch(/^\/hvad-sker-der\/kalender\/[0-9a-f-]{36}\.ics$/);
    const feed = await page.request.get(href ?? '');
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = (await feed.text()).replace(/\r\n /g, '');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('SUMMARY:Drop-in morgenkaffe');
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Copenhagen:\d{8}T093000/);
    expect(ics).not.toContain('moede.example.dk');

    await page.goto('/hvad-sker-der?online=1');
    await page.getByRole('link', { name: 'Drop-in eftermiddagskaffe på nettet' }).first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Få linket til mødet' })).toBeVisible();
    const onlineUrl = page.url();
    expect(await page.content()).not.toContain('moede.example.dk');
    await page.getByLabel('E-mailadresse eller mobilnummer').fill('drop-in.e2e@example.test');
    await page.getByRole('button', { name: 'Send mig linket' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Linket er på vej' })).toBeVisible();
    expect(await page.content()).not.toContain('moede.example.dk');

    // axe and the phone check need scripts in the page they examine: the same pages, in a browser with JavaScript on.
    for (const url of [listUrl, eventUrl, onlineUrl, `${new URL(listUrl).origin}/ar/hvad-sker-der`, `${new URL(listUrl).origin}/tilbud/vores-vej-ud`]) {
      await scanner.goto(url);
      await expectNoAxeViolations(scanner);
      await scanner.setViewportSize({ width: 390, height: 844 });
      await expectNoSidewaysScroll(scanner);
      await scanner.setViewportSize({ width: 1280, height: 720 });
    }
    await expect(scanner.getByRole('heading', { level: 2, name: 'Kommende arrangementer' })).toBeVisible();
    await scanner.setViewportSize({ width: 390, height: 844 });
    await scanner.screenshot({ path: 'test-results/drop-in-service-page-390.png', fullPage: true });
    await scanner.goto(onlineUrl);
    await scanner.screenshot({ path: 'test-results/drop-in-online-event-390.png', fullPage: true });
  } finally {
    await close();
  }
});

test('a host publishes a daily drop-in and records the anonymous head count of today', async ({ openPageAs }) => {
  test.setTimeout(120_000);
  const host = await openPageAs(demoAccount('voresvejud@demo.bro.dk'));
  const title = `Drop-in e2e ${Date.now()}`;
  await host.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Åbne arrangementer' }).click();
  await expect(host.getByRole('heading', { level: 1, name: 'Åbne arrangementer' })).toBeVisible();
  await expect(host.getByRole('link', { name: 'Fællesfrokost' })).toBeVisible();
  await expectNoAxeViolations(host);

  await host.getByRole('link', { name: 'Opret arrangement' }).click();
  await expect(host.getByRole('heading', { level: 1, name: 'Opret arrangement' })).toBeVisible();
  await host.getByLabel('Tilbud').selectOption({ label: 'Vores Vej Ud' });
  await host.getByLabel('Titel').fill(title);
  await host.getByLabel('Beskrivelse').fill('Kaffe og en snak. Ingen tilmelding.');
  for (const day of ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag']) await host.getByLabel(day, { exact: true }).check();
  // Midnight: today's occurrence has begun, whenever the journey runs.
  await host.getByLabel('Starttidspunkt').fill('00:00');
  await host.getByLabel('Stedets navn').fill('Netværkshuset');
  await host.getByLabel('Adresse', { exact: true }).fill('Halmtorvet 27');
  await host.getByLabel('Postnummer').fill('1700');
  await host.getByLabel('By', { exact: true }).fill('København V');
  await expectNoAxeViolations(host);
  await host.getByRole('button', { name: 'Opret arrangement' }).click();

  await expect(host.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(host.getByText('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU')).toBeVisible();
  await expectNoAxeViolations(host);
  await host.getByRole('button', { name: /^Registrér fremmøde/ }).first().click();
  await host.getByLabel('Antal deltagere').fill('12');
  await host.getByLabel('Heraf for første gang').fill('3');
  await host.getByLabel('Kort note uden personoplysninger (valgfrit)').fill('Ring til 20 30 40 50');
  await host.getByRole('button', { name: 'Gem fremmøde' }).click();
  await expect(host.getByText('Noten må ikke indeholde et telefonnummer').first()).toBeVisible();
  await host.getByLabel('Kort note uden personoplysninger (valgfrit)').fill('Stille formiddag, mange nye.');
  await host.getByRole('button', { name: 'Gem fremmøde' }).click();
  await expect(host.getByText('12 deltog, 3 for første gang')).toBeVisible();
  await expectNoAxeViolations(host);
  await host.screenshot({ path: 'test-results/drop-in-head-count.png', fullPage: true });
});
