import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { demoAccount } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';
import { switchLanguage } from './support/language.ts';

/**
 * Triage where an exclusion applies (issue 3 §2 and §10): a woman walks in to Vores Vej Ud, anonymous, and is
 * exposed to massive stalking with a high threat level. Vores Vej Ud's rules exclude that and route it to a
 * specialised service; the triage page says which rule applies and why, proposes the onward referral, and the
 * counsellor sends it — with a new consent — to Hotline 1888, where it appears in the hotline's inbox. Every page
 * visited is scanned with axe-core.
 */
test('an exclusion at triage proposes an onward referral, which reaches the hotline', async ({ openPageAs }) => {
  test.setTimeout(180_000);
  const counsellor = await openPageAs(demoAccount('voresvejud@demo.bro.dk'));
  const hotline = await openPageAs(demoAccount('hotline@demo.bro.dk'));
  const pseudonym = `Solsikke ${Date.now()}`;

  // A walk-in, anonymous: a pseudonym is enough, and no CPR number is asked for.
  await counsellor.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Forløb', exact: true }).click();
  await expect(counsellor.getByRole('heading', { level: 1, name: 'Forløb' })).toBeVisible();
  await expectNoAxeViolations(counsellor);
  await counsellor.getByRole('link', { name: 'Åbn forløb for en henvendelse' }).click();
  await expect(counsellor.getByRole('heading', { level: 1, name: 'Åbn forløb' })).toBeVisible();
  const contact = counsellor.getByRole('form', { name: 'Henvendelsen' });
  await expect(contact.getByLabel('Tilbud', { exact: true })).toHaveValue(/.+/);
  await expect(contact.getByLabel('Tilbud', { exact: true }).locator('option:checked')).toHaveText('Vores Vej Ud');
  await group(contact, 'Hvordan henvendte borgeren sig?').getByLabel('Personligt fremmøde', { exact: true }).check();
  await group(contact, 'Borgerens rolle i forløbet').getByLabel('Udsat for vold', { exact: true }).check();
  await contact.getByLabel('Borgeren ønsker at være anonym').check();
  await expect(contact.getByLabel(/^CPR-nummer/)).toHaveCount(0);
  await contact.getByLabel('Pseudonym', { exact: true }).fill(pseudonym);
  await group(contact, 'Køn').getByLabel('Kvinde', { exact: true }).check();
  await expectNoAxeViolations(counsellor);
  await contact.getByRole('button', { name: 'Åbn forløb', exact: true }).click();
  await expect(counsellor.getByRole('heading', { level: 1, name: new RegExp(`^Forløb FL-\\d+: ${pseudonym}$`) })).toBeVisible();
  await expect(counsellor.getByText(/Forløb FL-\d+ er åbnet\. Næste skridt er visitationen\./)).toBeVisible();
  await expect(counsellor.getByText('Anonym', { exact: true })).toBeVisible();

  // Triage: massive stalking with a high threat level.
  const facts = counsellor.getByRole('form', { name: 'Det ved vi om borgeren' });
  await group(facts, 'Køn').getByLabel('Kvinde', { exact: true }).check();
  await facts.getByLabel('Alder (år)', { exact: true }).fill('29');
  await group(facts, 'Trusselsniveau').getByLabel('Høj', { exact: true }).check();
  await group(facts, 'Har borgeren et misbrug?').getByLabel('Nej', { exact: true }).check();
  await group(facts, 'Har borgeren en psykiatrisk diagnose?').getByLabel('Nej', { exact: true }).check();
  await group(facts, 'Er borgeren udsat for massiv stalking?').getByLabel('Ja', { exact: true }).check();
  await group(facts, 'Er der en æresrelateret konflikt?').getByLabel('Nej', { exact: true }).check();
  await expectNoAxeViolations(counsellor);
  await facts.getByRole('button', { name: 'Vurder reglerne' }).click();

  // Which rule applies and why, and the proposal with its onward route.
  await expect(counsellor.getByRole('heading', { name: 'Resultat: En udelukkelsesregel gælder' })).toBeVisible();
  await expect(counsellor.getByText('Forslag: henvis videre')).toBeVisible();
  await expect(counsellor.getByText(/^Reglen, der gælder: Massiv stalking eller æresrelateret konflikt med højt trusselsniveau/)).toBeVisible();
  await expect(counsellor.getByText(/Hjælp, der foreslås: Specialiseret tilbud\. Foreslået tilbud: Hotline 1888 \(Lev Uden Vold\)\./)).toBeVisible();
  await counsellor.getByText('Hvorfor? Alle regler, betingelse for betingelse').click();
  await expect(counsellor.getByText('Massiv stalking: Ja: oplyst: Ja – Opfyldt')).toBeVisible();
  await expect(counsellor.getByText('Trusselsniveau mindst Høj: oplyst: Høj – Opfyldt')).toBeVisible();
  await expectNoAxeViolations(counsellor);

  // The decision follows the proposal, so no reason is required; the kind of help comes from the rule.
  const decision = counsellor.getByRole('form', { name: 'Din beslutning' });
  await expect(group(decision, 'Beslutning').getByLabel('Henvis videre', { exact: true })).toBeChecked();
  await expect(decision.getByLabel('Hvilken hjælp skal borgeren videre til?').locator('option:checked')).toHaveText('Specialiseret tilbud');
  await decision.getByRole('button', { name: 'Registrer beslutningen' }).click();
  await expect(counsellor.getByText(/^Beslutningen er registreret: borgeren skal henvises videre\./)).toBeVisible();
  await expect(counsellor.getByText('Brobygning', { exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(counsellor);

  // Bridging: the proposed service is preselected; the counsellor records the new consent and sends.
  await counsellor.getByRole('link', { name: 'Gå til brobygning og send viderehenvisningen' }).click();
  await expect(counsellor.getByRole('heading', { level: 2, name: 'Brobygning' })).toBeVisible();
  const onward = counsellor.getByRole('form', { name: 'Henvis videre' });
  await expect(onward.getByText('Foreslået ud fra visitationen: Hotline 1888 (Lev Uden Vold).')).toBeVisible();
  await expect(onward.getByLabel('Tilbud', { exact: true }).locator('option:checked')).toHaveText('Hotline 1888 – Lev Uden Vold');
  await onward.getByLabel('Borgeren har givet samtykke til, at Lev Uden Vold modtager oplysningerne nedenfor').check();
  await group(onward, 'Er der børn i hjemmet?').getByLabel('Nej', { exact: true }).check();
  await onward.getByLabel('Kort beskrivelse til modtageren (valgfri)').fill('Massiv stalking, højt trusselsniveau. Ønsker kontakt om formiddagen.');
  await expectNoAxeViolations(counsellor);
  await onward.getByRole('button', { name: 'Send viderehenvisning' }).click();
  const sent = counsellor.getByText(/^Viderehenvisning BRO-\d+ er sendt til Hotline 1888\.$/);
  await expect(sent).toBeVisible();
  const reference = (await sent.textContent())?.match(/BRO-\d+/)?.[0];
  expect(reference).toBeTruthy();
  const card = counsellor.getByRole('listitem').filter({ has: counsellor.getByRole('heading', { name: `${reference}: Hotline 1888 (Lev Uden Vold)` }) });
  await expect(card.getByText('Sendt', { exact: true })).toBeVisible();
  await expectNoAxeViolations(counsellor);

  // The hotline: the onward referral is in its inbox, from Københavns Kommune, under the pseudonym.
  await hotline.goto('/medarbejder/inbox');
  await expect(hotline.getByRole('heading', { level: 1, name: 'Indbakke' })).toBeVisible();
  const inboxCard = hotline.getByRole('link', { name: `Henvisning ${reference}` });
  await expect(inboxCard).toBeVisible({ timeout: 15_000 });
  await expectNoAxeViolations(hotline);
  await inboxCard.click();
  await expect(hotline.getByRole('heading', { level: 1, name: `Henvisning ${reference}` })).toBeVisible();
  await expect(hotline.getByText(pseudonym)).toBeVisible();
  await expect(hotline.getByText(/^Københavns Kommune/).first()).toBeVisible();
  await expectNoAxeViolations(hotline);

  // Back in the course: the closed loop shows that the hotline has received it.
  await counsellor.reload();
  await expect(card.getByText('Modtaget', { exact: true })).toBeVisible();

  // The same pages in English.
  await switchLanguage(counsellor, 'en');
  await expect(counsellor.getByRole('heading', { level: 1, name: new RegExp(`^Course FL-\\d+: ${pseudonym}$`) })).toBeVisible();
  await expect(card.getByText('Received', { exact: true })).toBeVisible();
  await expectNoAxeViolations(counsellor);
  await counsellor.getByRole('navigation', { name: 'Parts of the course' }).getByRole('link', { name: 'Triage', exact: true }).click();
  await expect(counsellor.getByRole('heading', { level: 3, name: 'Triage decisions' })).toBeVisible();
  await expect(counsellor.getByText('The rules: An exclusion rule applies. Proposal: refer onward.')).toBeVisible();
  await expectNoAxeViolations(counsellor);
});

function group(scope: Page | Locator, name: string) {
  return scope.getByRole('group', { name, exact: true });
}
