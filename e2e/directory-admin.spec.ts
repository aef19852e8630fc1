import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { demoAccount } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * LOKK's organisation admin maintains LOKK's listing in the public help directory (issue 4 §1): edits it with
 * validation, watches the preview of the public page follow along (in Danish and English), saves, and marks the
 * listing as checked. The saved change waits for approval (issue 10 §1): the public page keeps the old version until
 * the platform operator's directory desk (another person) approves it on "Godkendelser". The listing is put back as
 * it was at the end (and that, too, approved), so the journey can run again against the same demo data.
 */

const serviceName = 'Ambulant rådgivning for voldsudsatte kvinder';
const originalNoteDa = 'Samtalerne aftales med rådgiveren.';

test('LOKK’s admin edits a listing with a live preview, saves it and marks it as checked', async ({ openPageAs }) => {
  test.setTimeout(120_000);
  const admin = await openPageAs(demoAccount('lokk.admin@demo.bro.dk'));

  await admin.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Hjælpeoversigt' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Hjælpeoversigt' })).toBeVisible();
  const row = admin.getByRole('row').filter({ hasText: serviceName });
  await expect(row.getByText('Aktiv')).toBeVisible();
  await expectNoAxeViolations(admin);

  await row.getByRole('link', { name: serviceName }).click();
  await expect(admin.getByRole('heading', { level: 1, name: `Redigér ${serviceName}` })).toBeVisible();
  const preview = admin.getByRole('region', { name: 'Forhåndsvisning af den offentlige side' });
  await expect(preview.getByRole('heading', { name: serviceName })).toBeVisible();
  await expect(preview.getByText('Tilbydes af LOKK – Landsorganisation af Kvindekrisecentre')).toBeVisible();
  await expect(preview.getByText('Ingen faste åbningstider.')).toBeVisible();
  await expectNoAxeViolations(admin);

  // Validation: a required English name left empty is refused before anything is sent, and the summary says which.
  const englishName = admin.getByLabel('Navn på engelsk', { exact: true });
  const originalEnglishName = await englishName.inputValue();
  await englishName.fill('');
  await admin.getByRole('button', { name: 'Gem ændringer' }).click();
  const summary = admin.getByText('Der er en fejl i det, du har udfyldt').locator('..');
  await expect(summary.getByRole('link', { name: 'Udfyld "Navn på engelsk"' })).toBeVisible();
  await expectNoAxeViolations(admin);
  await summary.getByRole('link', { name: 'Udfyld "Navn på engelsk"' }).click();
  await expect(englishName).toBeFocused();
  await englishName.fill(originalEnglishName);

  // Edits show in the preview as they are typed: a note and Thursday-morning opening hours.
  const stamp = `Tjekket af e2e ${Date.now()}.`;
  await admin.getByLabel('Bemærkning om åbningstider – på dansk (valgfri)').fill(`${originalNoteDa} ${stamp}`);
  await admin.getByRole('button', { name: 'Tilføj åbningstid' }).click();
  const rule = admin.getByRole('group', { name: 'Åbningstid 1' });
  await expect(rule.getByLabel('mandag')).toBeFocused();
  await rule.getByLabel('torsdag').check();
  await rule.getByLabel('Åbner').fill('10:00');
  await rule.getByLabel('Lukker').fill('12:00');
  await expect(preview.getByText(stamp)).toBeVisible();
  await expect(preview.getByText('Torsdag 10:00–12:00')).toBeVisible();
  await expect(preview.getByText('Ingen faste åbningstider.')).toHaveCount(0);
  await expect(preview.getByText(/^(Åben nu|Lukket nu)$/)).toBeVisible();

  await preview.getByLabel('English').check();
  await expect(preview.getByRole('heading', { name: 'How to get in touch safely' })).toBeVisible();
  await expect(preview.getByText('Thursday 10:00–12:00')).toBeVisible();
  await expect(preview.getByRole('heading', { name: originalEnglishName })).toBeVisible();
  await preview.getByLabel('Dansk').check();
  await expectNoAxeViolations(admin);

  // An unsaved edit cannot be confirmed as checked: the public would not see what the admin confirmed.
  await admin.getByRole('button', { name: 'Markér som tjekket' }).click();
  await expect(admin.getByRole('alert').filter({ hasText: 'Gem dem, før du markerer tilbuddet som tjekket' })).toBeVisible();

  await admin.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(admin.getByText('Ændringerne er gemt og sendt til godkendelse.')).toBeVisible();
  await expect(admin.getByRole('group', { name: 'Åbningstid 1' }).getByLabel('Åbner')).toHaveValue('10:00');
  await expect(admin.getByRole('region', { name: 'Offentliggørelse' }).getByText('Venter på godkendelse')).toBeVisible();
  await expectNoAxeViolations(admin);

  await admin.getByRole('button', { name: 'Markér som tjekket' }).click();
  const today = new Intl.DateTimeFormat('da-DK', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Copenhagen' }).format(new Date());
  await expect(admin.getByText(`Tilbuddet er markeret som tjekket ${today}.`)).toBeVisible();
  await expect(admin.getByText(new RegExp(`^Sidst tjekket ${today.replaceAll('.', '\\.')}\\.`))).toBeVisible();

  // Until approved, the public page still shows the previous version.
  await admin.getByRole('link', { name: 'Se den offentlige side' }).click();
  await expect(admin).toHaveURL(/\/\/[^/]+\/tilbud\/lokk-ambulant-raadgivning$/);
  await expect(admin.getByRole('heading', { level: 1, name: serviceName })).toBeVisible();
  await expect(admin.getByText(stamp)).toHaveCount(0);

  // The directory desk (another person) reads the change field by field and approves it.
  const desk = await openPageAs(demoAccount('drift@demo.bro.dk'));
  await approveProposal(desk, [`${originalNoteDa} ${stamp}`, '10:00']);

  // The public page, server-rendered from the approved listing, says the same as the preview did.
  await admin.reload();
  await expect(admin.getByText(stamp)).toBeVisible();
  await expect(admin.getByText('Torsdag 10:00–12:00')).toBeVisible();

  await restoreListing(admin);
  await approveProposal(desk, [originalNoteDa]);
});

/** On "Godkendelser": the proposal for the listing shows the given proposed values; approving publishes it. */
async function approveProposal(desk: Page, proposedValues: readonly string[]): Promise<void> {
  await desk.goto('/medarbejder/');
  await desk.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Godkendelser' }).click();
  await expect(desk.getByRole('heading', { level: 1, name: 'Godkendelser' })).toBeVisible();
  const proposal = desk.getByRole('region', { name: serviceName });
  await expect(proposal.getByText('Ændring af et offentligt tilbud')).toBeVisible();
  for (const value of proposedValues) await expect(proposal.getByRole('cell', { name: value, exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(desk);
  await proposal.getByRole('button', { name: 'Godkend og offentliggør' }).click();
  await expect(desk.getByText(`${serviceName} er godkendt og offentlig nu.`)).toBeVisible();
  await expect(desk.getByRole('region', { name: serviceName })).toHaveCount(0);
}

/** Puts the demo listing back (no opening hours, the original note) so the journey can run again. */
async function restoreListing(admin: Page): Promise<void> {
  await admin.goBack();
  await expect(admin.getByRole('heading', { level: 1, name: `Redigér ${serviceName}` })).toBeVisible();
  await admin.getByRole('button', { name: 'Fjern åbningstid 1' }).click();
  await expect(admin.getByRole('button', { name: 'Tilføj åbningstid' })).toBeFocused();
  await admin.getByLabel('Bemærkning om åbningstider – på dansk (valgfri)').fill(originalNoteDa);
  await admin.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(admin.getByText('Ændringerne er gemt og sendt til godkendelse.')).toBeVisible();
  await expect(admin.getByRole('region', { name: 'Forhåndsvisning af den offentlige side' }).getByText('Ingen faste åbningstider.')).toBeVisible();
}
