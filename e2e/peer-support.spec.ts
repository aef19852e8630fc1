import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { phone } from './support/contexts.ts';
import { demoAccount } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';
import { group } from './support/referral-form.ts';

/**
 * Peer support (issue 14 §4): Vores Vej Ud's counsellor opens a walk-in course and matches the woman — with her
 * consent — with the service's peer supporter; the peer supporter signs in, sees only her own pairings (a first name
 * and the safe-contact preferences; her navigation has her own page only) and logs a contact with a note, which the
 * counsellor then reads in the contact log. Every page is scanned with axe-core, also 390 px wide.
 */
test('a counsellor matches a woman with a peer supporter, who signs in and logs a contact', async ({ openPageAs }) => {
  test.setTimeout(180_000);
  const counsellor = await openPageAs(demoAccount('voresvejud@demo.bro.dk'));
  const pseudonym = `Valmue ${Date.now()}`;
  const reference = await openWalkInCourse(counsellor, pseudonym);

  await counsellor.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Peerstøtte', exact: true }).click();
  await expect(counsellor.getByRole('heading', { level: 1, name: 'Peerstøtte' })).toBeVisible();
  await expect(counsellor.getByRole('heading', { level: 3, name: /^Leila Andersen/ })).toBeVisible();
  await expectNoAxeViolations(counsellor);
  const match = counsellor.getByRole('form', { name: 'Match en borger med en peerstøtte' });
  await match.getByLabel('Forløb', { exact: true }).selectOption({ label: `${reference} – ${pseudonym}` });
  await match.getByLabel('Peerstøtte', { exact: true }).selectOption({ label: 'Leila Andersen' });
  await match.getByLabel('Fornavn eller pseudonym, som borgeren vil dele').fill('Valmue');
  // Without the consent nothing is matched.
  await match.getByRole('button', { name: 'Match', exact: true }).click();
  await expect(match.getByText('Borgerens samtykke skal være givet, før der kan matches').first()).toBeVisible();
  await match.getByLabel(/^Borgeren har givet samtykke til/).check();
  await match.getByRole('button', { name: 'Match', exact: true }).click();
  await expect(counsellor.getByText('Borgeren er matchet med Leila Andersen.')).toBeVisible();
  await expect(counsellor.getByRole('heading', { level: 3, name: 'Valmue – Leila Andersen' })).toBeVisible();
  await expectNoAxeViolations(counsellor);

  const supporter = await openPageAs(demoAccount('peerstoette@demo.bro.dk'));
  await expect(supporter.getByRole('heading', { level: 1, name: 'Mine matchninger' })).toBeVisible();
  await expect(supporter.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link')).toHaveText(['Mine matchninger']);
  const card = supporter.getByRole('listitem').filter({ has: supporter.getByRole('heading', { level: 2, name: 'Valmue' }) });
  await expect(card.getByText('Ukendt. Kontakt kun efter aftale med den koordinerende rådgiver.')).toBeVisible();
  await expect(supporter.getByText(reference)).toHaveCount(0);
  await expect(supporter.getByText(pseudonym)).toHaveCount(0);
  await expectNoAxeViolations(supporter);
  const log = card.getByRole('form', { name: 'Registrér en kontakt' });
  await log.getByLabel('Telefon', { exact: true }).check();
  await log.getByLabel('Kort note (valgfri)').fill('Vi talte om at finde en bolig. Hun vil gerne mødes næste uge.');
  await log.getByRole('button', { name: 'Registrér kontakten' }).click();
  await expect(supporter.getByText('Kontakten er registreret.')).toBeVisible();
  await expect(card.getByText(/Telefon, med note til rådgiveren/)).toBeVisible();
  await expect(supporter.getByText('Vi talte om at finde en bolig.', { exact: false })).toHaveCount(0);
  await expectNoAxeViolations(supporter);
  await expectFitsPhone(supporter);

  await counsellor.reload();
  const pairing = counsellor.getByRole('listitem').filter({ has: counsellor.getByRole('heading', { level: 3, name: 'Valmue – Leila Andersen' }) });
  await pairing.getByRole('button', { name: 'Vis kontaktlog' }).click();
  await expect(pairing.getByText('Vi talte om at finde en bolig. Hun vil gerne mødes næste uge.')).toBeVisible();
  await expectNoAxeViolations(counsellor);
  await expectFitsPhone(counsellor);
});

/** A walk-in at Vores Vej Ud under a pseudonym, through the course pages; answers the course's reference. */
async function openWalkInCourse(counsellor: Page, pseudonym: string): Promise<string> {
  await counsellor.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Forløb', exact: true }).click();
  await counsellor.getByRole('link', { name: 'Åbn forløb for en henvendelse' }).click();
  const contact = counsellor.getByRole('form', { name: 'Henvendelsen' });
  await group(contact, 'Hvordan henvendte borgeren sig?').getByLabel('Personligt fremmøde', { exact: true }).check();
  await group(contact, 'Borgerens rolle i forløbet').getByLabel('Udsat for vold', { exact: true }).check();
  await contact.getByLabel('Borgeren ønsker at være anonym').check();
  await contact.getByLabel('Pseudonym', { exact: true }).fill(pseudonym);
  await group(contact, 'Køn').getByLabel('Kvinde', { exact: true }).check();
  await contact.getByRole('button', { name: 'Åbn forløb', exact: true }).click();
  const heading = counsellor.getByRole('heading', { level: 1, name: new RegExp(`^Forløb FL-\\d+: ${pseudonym}$`) });
  await expect(heading).toBeVisible();
  return /FL-\d+/.exec((await heading.textContent()) ?? '')?.[0] ?? '';
}

/** 390 px wide: nothing scrolls sideways, and the page is still axe-clean. */
async function expectFitsPhone(page: Page): Promise<void> {
  await page.setViewportSize(phone.viewport ?? { width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}
