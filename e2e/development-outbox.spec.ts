import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { demoAccount } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * A session reminder through the development outbox (issue 10 §4): a Vores Vej Ud counsellor opens a walk-in
 * course and records the person's safe contact as a person would tell it — e-mail is safe, SMS is not (there is a
 * phone number all the same), any time of day, neutral texts only — and plans a session in three hours. The
 * platform admin runs the reminders now on the development outbox page: the reminder is there by e-mail only, as
 * "not sent: no transport configured" (the e2e server has no SMTP_URL), in neutral words. Nothing went to the phone.
 * The page is scanned with axe-core and looked at on a phone.
 */
test('a session reminder in the development outbox follows the person’s safe contact', async ({ openPageAs }) => {
  test.setTimeout(180_000);
  const counsellor = await openPageAs(demoAccount('voresvejud@demo.bro.dk'));
  const stamp = String(Date.now());
  const pseudonym = `Kornblomst ${stamp}`;
  const email = `kornblomst.${stamp}@example.test`;
  const phone = `+45 2${stamp.slice(-7)}`;

  await openWalkInCourse(counsellor, pseudonym);

  // Safe contact as the person told it: e-mail safe, SMS not, any time of day, texts must not name the service.
  await section(counsellor, 'Overblik');
  const contact = counsellor.getByRole('form', { name: 'Ret sikker kontakt' });
  await contact.getByLabel('Telefonnummer', { exact: true }).fill(phone);
  await contact.getByLabel('E-mail', { exact: true }).fill(email);
  await group(contact, 'Er det sikkert at bruge: Sms?').getByLabel('Ikke sikkert', { exact: true }).check();
  await group(contact, 'Er det sikkert at bruge: E-mail?').getByLabel('Sikkert', { exact: true }).check();
  await group(contact, 'Hvornår er det sikkert at kontakte borgeren?').getByLabel('Borgeren har oplyst sikre tidsrum', { exact: true }).check();
  if ((await group(contact, 'Tidsrum 1').count()) === 0) await contact.getByRole('button', { name: 'Tilføj tidsrum' }).click();
  const window = group(contact, 'Tidsrum 1');
  for (const day of ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag']) await window.getByLabel(day, { exact: true }).check();
  await window.getByLabel('Fra (tt:mm)', { exact: true }).fill('00:00');
  await window.getByLabel('Til (tt:mm)', { exact: true }).fill('23:59');
  await group(contact, 'Må beskeder nævne tilbuddet?').getByLabel('Nej, kun neutral tekst', { exact: true }).check();
  await contact.getByRole('button', { name: 'Gem sikker kontakt' }).click();
  await expect(counsellor.getByText('Oplysningerne om sikker kontakt er gemt.')).toBeVisible();
  await expect(counsellor.getByText('Sms: ikke sikkert – brug det ikke')).toBeVisible();

  // A session in three hours: inside the reminder window.
  await section(counsellor, 'Samtaler');
  const plan = counsellor.getByRole('form', { name: 'Planlæg en samtale' });
  await plan.getByLabel('Tidspunkt', { exact: true }).fill(localDateTime(new Date(Date.now() + 3 * 3_600_000)));
  await group(plan, 'Samtaleform').getByLabel('Fremmøde', { exact: true }).check();
  await plan.getByRole('button', { name: 'Planlæg samtalen' }).click();
  await expect(counsellor.getByText('Samtalen er planlagt.')).toBeVisible();

  // The platform admin runs reminders and delivery now, and reads what would have been sent.
  const admin = await openPageAs(demoAccount('drift@demo.bro.dk'));
  await admin.goto('/medarbejder/platform/messages');
  await expect(admin.getByRole('heading', { level: 2, name: 'Udviklingsudbakke' })).toBeVisible();
  await admin.getByRole('button', { name: 'Send påmindelser og beskeder nu' }).click();
  await expect(admin.getByText('Påmindelser og afsendelse er kørt.')).toBeVisible();
  const outbox = admin.getByRole('table', { name: 'Beskeder i udbakken' });
  const reminder = outbox.getByRole('row').filter({ hasText: email });
  await expect(reminder).toHaveCount(1);
  await expect(reminder.getByText('Påmindelse om aftale (E-mail)')).toBeVisible();
  await expect(reminder.getByText('Ikke sendt: ingen forbindelse sat op')).toBeVisible();
  await expect(reminder).toContainText('Emne: Påmindelse');
  await expect(reminder).toContainText(/Påmindelse: din aftale er \S+dag \d+\. \S+ kl\. \d\d\.\d\d\./);
  const words = (await reminder.textContent()) ?? '';
  for (const revealing of ['vold', 'Vold', 'Vores Vej Ud', 'krise', 'rådgiv']) expect(words, revealing).not.toContain(revealing);
  // The unsafe channel got nothing: no row for the phone, queued, cancelled or otherwise.
  await expect(outbox.getByRole('row').filter({ hasText: phone })).toHaveCount(0);
  await expectNoAxeViolations(admin);

  // On a phone: nothing wider than the screen, and the main action in reach.
  await admin.screenshot({ path: '/tmp/development-outbox-desktop.png', fullPage: true });
  await admin.setViewportSize({ width: 390, height: 844 });
  await expect(admin.getByRole('button', { name: 'Send påmindelser og beskeder nu' })).toBeVisible();
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await admin.screenshot({ path: '/tmp/development-outbox-phone.png', fullPage: true });
});

async function openWalkInCourse(counsellor: Page, pseudonym: string): Promise<void> {
  await counsellor.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Forløb', exact: true }).click();
  await counsellor.getByRole('link', { name: 'Åbn forløb for en henvendelse' }).click();
  const contact = counsellor.getByRole('form', { name: 'Henvendelsen' });
  await group(contact, 'Hvordan henvendte borgeren sig?').getByLabel('Personligt fremmøde', { exact: true }).check();
  await group(contact, 'Borgerens rolle i forløbet').getByLabel('Udsat for vold', { exact: true }).check();
  await contact.getByLabel('Borgeren ønsker at være anonym').check();
  await contact.getByLabel('Pseudonym', { exact: true }).fill(pseudonym);
  await group(contact, 'Køn').getByLabel('Kvinde', { exact: true }).check();
  await contact.getByRole('button', { name: 'Åbn forløb', exact: true }).click();
  await expect(counsellor.getByRole('heading', { level: 1, name: new RegExp(`^Forløb FL-\\d+: ${pseudonym}$`) })).toBeVisible();
}

function group(scope: Page | Locator, name: string) {
  return scope.getByRole('group', { name, exact: true });
}

/** Moves to a part of the course with its section navigation, as a user would. */
async function section(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Forløbets dele' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
}

/** A `datetime-local` value in the browser's (Copenhagen) time, to the minute. */
function localDateTime(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
