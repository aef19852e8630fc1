import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { demoAccount } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';
import { fillReferredPerson, group } from './support/referral-form.ts';

/**
 * A counselling course from start to end (issue 3 §10): a police referral that LOKK accepts and reaches → the
 * counsellor opens a course from it → triage (eligible) → a checklist assessment that comes out high → a safety
 * plan → five sessions with attendance → an onward referral to the Danner shelter, which Danner accepts in its
 * own inbox → the shelter stay, the person's ratings at the first and last session, and closing. The officer sees
 * the referral handed over to a course; the supervisor sees the course in the counsellor's caseload. Every page
 * visited is scanned with axe-core.
 */
test('an accepted referral becomes a course that ends bridged to a shelter', async ({ openPageAs }) => {
  test.setTimeout(360_000);
  const officer = await openPageAs(demoAccount('politi@demo.bro.dk'));
  const coordinator = await openPageAs(demoAccount('lokk.visitation@demo.bro.dk'));
  const counsellor = await openPageAs(demoAccount('lokk.raadgiver@demo.bro.dk'));
  // A counsellor starts on their own caseload, not on the intake inbox.
  await expect(counsellor).toHaveURL(/\/medarbejder\/caseload$/);
  await expect(counsellor.getByRole('heading', { level: 1, name: 'Min sagsstamme' })).toBeVisible();
  const personName = `Karen Forløbsen ${Date.now()}`;

  // The preconditions through the UI, as in the first closed loop: refer → accept → reach.
  const birthYear = new Date().getFullYear() - 34;
  const reference = await referToLokk(officer, personName, birthYear);
  await openInboxReferral(coordinator, reference);
  await acceptBeforeContact(coordinator);

  await openInboxReferral(counsellor, reference);
  const contact = counsellor.getByRole('form', { name: 'Kontaktforsøg' });
  await contact.getByLabel('Borgeren blev nået', { exact: true }).check();
  await contact.getByRole('button', { name: 'Registrer kontaktforsøg', exact: true }).click();
  await expect(counsellor.getByText('Kontaktforsøget er registreret.')).toBeVisible();

  // Open the course from the referral: the referral is handed over in the same step.
  const openPanel = counsellor.getByRole('form', { name: 'Åbn forløb' });
  await expect(openPanel).toBeVisible();
  await expectNoAxeViolations(counsellor);
  await openPanel.getByRole('button', { name: 'Åbn forløb', exact: true }).click();
  await expect(counsellor.getByRole('heading', { level: 1, name: new RegExp(`^Forløb FL-\\d+: ${personName}$`) })).toBeVisible();
  await expect(counsellor.getByText(/Forløb FL-\d+ er åbnet, og henvisningen er overdraget/)).toBeVisible();
  await expect(counsellor.getByRole('heading', { level: 2, name: 'Visitation' })).toBeVisible();
  const courseUrl = counsellor.url().replace(/\/triage$/, '');
  await expectNoAxeViolations(counsellor);

  // Triage starts from what the referral said — a woman of 34, no children at home, risk "Middel" — each marked
  // as from the referral; she is in LOKK's target group, the rules propose accepting, and the counsellor does.
  const facts = counsellor.getByRole('form', { name: 'Det ved vi om borgeren' });
  await expect(group(facts, 'Køn').getByLabel('Kvinde', { exact: true })).toBeChecked();
  await expect(group(facts, 'Køn')).toHaveAccessibleDescription('Fra henvisningen: Kvinde');
  await expect(facts.getByLabel('Alder (år)', { exact: true })).toHaveValue('34');
  await expect(facts.getByLabel('Alder (år)', { exact: true })).toHaveAccessibleDescription(`Fra henvisningen: født ${birthYear}`);
  await expect(group(facts, 'Er der børn i hjemmet?').getByLabel('Nej', { exact: true })).toBeChecked();
  await expect(group(facts, 'Trusselsniveau').getByLabel('Middel', { exact: true })).toBeChecked();
  await expect(group(facts, 'Trusselsniveau')).toHaveAccessibleDescription('Fra henvisningen: Middel');
  await group(facts, 'Har borgeren et misbrug?').getByLabel('Nej', { exact: true }).check();
  await facts.getByRole('button', { name: 'Vurder reglerne' }).click();
  await expect(counsellor.getByRole('heading', { name: 'Resultat: I målgruppen' })).toBeVisible();
  await expect(counsellor.getByText('Forslag: optag i forløbet')).toBeVisible();
  await counsellor.getByText('Hvorfor? Alle regler, betingelse for betingelse').click();
  await expect(counsellor.getByText('Alder mindst 18: oplyst: 34 – Opfyldt')).toBeVisible();
  await expectNoAxeViolations(counsellor);
  const decision = counsellor.getByRole('form', { name: 'Din beslutning' });
  await expect(group(decision, 'Beslutning').getByLabel('Optag i forløbet', { exact: true })).toBeChecked();
  await decision.getByRole('button', { name: 'Registrer beslutningen' }).click();
  await expect(counsellor.getByText('Borgeren er optaget i forløbet.')).toBeVisible();
  await expect(counsellor.getByText('Aktivt', { exact: true })).toBeVisible();

  // The course started at the referral's level and safe times, shown as the referral's (not as an assessment).
  await section(counsellor, 'Overblik');
  await expect(counsellor.getByText('Fra henvisningen – tilbuddet har ikke selv vurderet risikoen endnu').first()).toBeVisible();
  await expect(counsellor.getByText('Middel risiko').first()).toBeVisible();
  await expect(counsellor.getByText('hverdage 9-15', { exact: true })).toBeVisible();
  await expect(counsellor.getByText('Sikre tidspunkter er ukendte: der sendes ingen beskeder')).toHaveCount(0);

  // Risk: a half-filled checklist gives one line, not one per question; then 15 of 24 answered yes comes out high,
  // and the live band says so, and why, before saving.
  await section(counsellor, 'Risikovurdering');
  const checklist = counsellor.getByRole('form', { name: 'Bro tjekliste for risiko (version 2)' });
  for (let item = 1; item <= 16; item++) await group(checklist, new RegExp(`^${item}\\. `)).getByLabel(item <= 15 ? 'Ja' : 'Nej', { exact: true }).check();
  await checklist.getByRole('button', { name: 'Gem vurderingen' }).click();
  const summary = checklist.locator('.app-error-summary');
  await expect(summary.getByRole('listitem')).toHaveText(['8 spørgsmål mangler svar']);
  for (let item = 17; item <= 24; item++) await group(checklist, new RegExp(`^${item}\\. `)).getByLabel('Nej', { exact: true }).check();
  await expect(summary).toHaveCount(0);
  await expect(checklist.getByText('Niveau efter tjeklisten: Høj')).toBeVisible();
  await expect(checklist.getByText('Høj: 15 af 24 svar er ja')).toBeVisible();
  await expect(checklist.getByText('Ja: 15 af 24. Ved ikke: 0. Ubesvarede: 0.')).toBeVisible();
  await expectNoAxeViolations(counsellor);
  await checklist.getByRole('button', { name: 'Gem vurderingen' }).click();
  await expect(counsellor.getByText('Vurderingen er gemt. Forløbets risikoniveau er nu Høj.')).toBeVisible();
  await expect(counsellor.getByRole('heading', { name: 'Høj risiko: lav en sikkerhedsplan' })).toBeVisible();
  await expectNoAxeViolations(counsellor);

  // The safety plan the high risk prompts: a safe person, an emergency step and a code word; then print it.
  await counsellor.getByRole('link', { name: 'Gå til sikkerhedsplanen' }).click();
  await expect(counsellor.getByRole('heading', { level: 2, name: 'Sikkerhedsplan', exact: true })).toBeVisible();
  const plan = counsellor.getByRole('form', { name: 'Ny sikkerhedsplan' });
  await plan.getByRole('button', { name: 'Tilføj person' }).click();
  await group(plan, 'Person 1').getByLabel('Navn', { exact: true }).fill('Søsteren Lone');
  await group(plan, 'Person 1').getByLabel('Sådan kontaktes personen (valgfrit)').fill('Ringer fra arbejdet');
  await plan.getByRole('button', { name: 'Tilføj skridt' }).click();
  await group(plan, 'Skridt 1').getByLabel('Skridt', { exact: true }).fill('Ring 112, og gå ud til naboen');
  await plan.getByRole('button', { name: 'Tilføj kodeord' }).click();
  await group(plan, 'Kodeord 1').getByLabel('Kodeord', { exact: true }).fill('Blå paraply');
  await group(plan, 'Kodeord 1').getByLabel('Betydning', { exact: true }).fill('Ring til politiet');
  await expectNoAxeViolations(counsellor);
  await plan.getByRole('button', { name: 'Gem som ny version' }).click();
  await expect(counsellor.getByText('Sikkerhedsplanen er gemt som version 1.')).toBeVisible();
  await expect(counsellor.getByRole('heading', { name: 'Høj risiko: lav en sikkerhedsplan' })).toHaveCount(0);
  const [printed] = await Promise.all([counsellor.context().waitForEvent('page'), counsellor.getByRole('link', { name: /^Udskriv sikkerhedsplanen \(version 1/ }).click()]);
  await printed.waitForLoadState();
  await expect(printed.getByText('Blå paraply')).toBeVisible();
  await expect(printed.getByRole('button', { name: 'Udskriv' })).toBeVisible();
  await expect(printed.getByText('Intet skrevet endnu.')).toHaveCount(0);
  await expectNoAxeViolations(printed);
  await printed.close();
  await expectNoAxeViolations(counsellor);

  // Five sessions, held over the past days, each attended.
  await section(counsellor, 'Samtaler');
  for (let number = 1; number <= 5; number++) {
    const form = counsellor.getByRole('form', { name: 'Planlæg en samtale' });
    await form.getByLabel('Tidspunkt', { exact: true }).fill(daysAgoAt(11 - 2 * number, 10));
    await group(form, 'Samtaleform').getByLabel('Fremmøde', { exact: true }).check();
    await form.getByRole('button', { name: 'Planlæg samtalen' }).click();
    await expect(counsellor.getByText('Samtalen er planlagt.')).toBeVisible();
    const attendance = counsellor.getByRole('form', { name: `Fremmøde ved samtale ${number}` });
    await attendance.getByLabel('Gennemført', { exact: true }).check();
    await attendance.getByRole('button', { name: 'Gem fremmøde' }).click();
    await expect(counsellor.getByText(`Fremmødet ved samtale ${number} er gemt.`)).toBeVisible();
  }
  await expect(counsellor.getByText('5 af 5 samtaler')).toBeVisible();
  const firstNote = counsellor.getByRole('form', { name: 'Notat til samtale 1' });
  await firstNote.getByLabel('Notat', { exact: true }).fill('Afklaring af situationen og aftale om sikkerhedsplan.');
  await firstNote.getByRole('button', { name: 'Gem notat' }).click();
  await expect(counsellor.getByText('Notatet til samtale 1 er gemt.')).toBeVisible();
  await expectNoAxeViolations(counsellor);

  // The counsellor's caseload: the course is there, flagged high risk.
  await counsellor.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Min sagsstamme' }).click();
  await expect(counsellor.getByRole('heading', { level: 1, name: 'Min sagsstamme' })).toBeVisible();
  const caseloadRow = counsellor.getByRole('row').filter({ hasText: personName });
  await expect(caseloadRow.getByText('Høj risiko', { exact: true })).toBeVisible();
  await expectNoAxeViolations(counsellor);
  await counsellor.goto(courseUrl);

  // The supervisor sees the course in the counsellor's caseload, high risk first (read for supervision).
  const supervisor = await openPageAs(demoAccount('lokk.leder@demo.bro.dk'));
  await supervisor.goto('/medarbejder/supervision');
  await expect(supervisor.getByRole('heading', { level: 1, name: 'Supervision' })).toBeVisible();
  await expectNoAxeViolations(supervisor);
  await supervisor.getByRole('link', { name: 'Maria Berg' }).click();
  await expect(supervisor.getByRole('heading', { level: 1, name: 'Sagsstamme: Maria Berg' })).toBeVisible();
  await expect(supervisor.getByRole('link', { name: new RegExp(`: ${personName}$`) }).first()).toBeVisible();
  await expectNoAxeViolations(supervisor);

  // Bridging: an onward referral to the Danner shelter, with a new consent.
  await section(counsellor, 'Brobygning');
  const onward = counsellor.getByRole('form', { name: 'Henvis videre' });
  await onward.getByLabel('Tilbud', { exact: true }).selectOption({ label: 'Krisecenterophold (§ 109) – Danner' });
  await onward.getByLabel('Borgeren har givet samtykke til, at Danner modtager oplysningerne nedenfor').check();
  await group(onward, 'Er der børn i hjemmet?').getByLabel('Nej', { exact: true }).check();
  await expectNoAxeViolations(counsellor);
  await onward.getByRole('button', { name: 'Send viderehenvisning' }).click();
  const sent = counsellor.getByText(/Viderehenvisning BRO-\d+ er sendt til Krisecenterophold \(§ 109\)\./);
  await expect(sent).toBeVisible();
  const onwardReference = (await sent.textContent())?.match(/BRO-\d+/)?.[0];
  expect(onwardReference).toBeTruthy();

  // Danner, in another browser: the referral is in its inbox; it accepts.
  const shelter = await openPageAs(demoAccount('danner@demo.bro.dk'));
  await openInboxReferral(shelter, onwardReference!);
  await expectNoAxeViolations(shelter);
  await acceptBeforeContact(shelter);

  // Back in the course: the closed loop shows "accepted"; the stay is recorded (no address, § 109).
  await counsellor.goto(`${courseUrl}/bridging`);
  const onwardCard = counsellor.getByRole('listitem').filter({ has: counsellor.getByRole('heading', { name: new RegExp(`^${onwardReference}: Krisecenterophold`) }) });
  await expect(onwardCard.getByText('Accepteret', { exact: true })).toBeVisible();
  const stay = counsellor.getByRole('form', { name: 'Registrer et ophold' });
  await stay.getByLabel('Krisecenter', { exact: true }).selectOption({ label: 'Danner' });
  await expect(group(stay, 'Opholdstype').getByLabel('Krisecenter (servicelovens § 109)')).toBeChecked();
  await stay.getByRole('button', { name: 'Registrer opholdet' }).click();
  await expect(counsellor.getByText('Opholdet er registreret.')).toBeVisible();
  await expectNoAxeViolations(counsellor);

  // The person's own ratings at the first and the last session.
  await section(counsellor, 'Borgerens vurdering');
  await rate(counsellor, 'Ved første samtale', { safety: '3', options: '2', forms: ['Fysisk vold', 'Psykisk vold'] }, 'Vurderingen ved første samtale er gemt.');
  await rate(counsellor, 'Ved sidste samtale', { safety: '7', options: '8', forms: ['Psykisk vold'] }, 'Vurderingen ved sidste samtale er gemt.');
  await expect(counsellor.getByRole('table', { name: 'Borgerens vurderinger' }).getByRole('row')).toHaveCount(3);
  await expectNoAxeViolations(counsellor);

  // The citizen's access history: the extract lists the organisations that read the person's data, without names.
  await section(counsellor, 'Borgerens adgangshistorik');
  await counsellor.getByRole('button', { name: 'Lav udtræk' }).click();
  await expect(counsellor.getByRole('heading', { name: `Udtræk for ${personName}` })).toBeVisible();
  await expect(counsellor.getByText('Medarbejdernes navne er ikke vist.')).toBeVisible();
  await expect(counsellor.getByRole('table', { name: 'Overblik' }).getByText('Rådgivningsforløb').first()).toBeVisible();
  await expectNoAxeViolations(counsellor);

  // Closing: bridged onward, with a summary. A closed course is read-only.
  await section(counsellor, 'Afslutning');
  const close = counsellor.getByRole('form', { name: 'Afslut forløbet' });
  await close.getByLabel('Brobygget til anden hjælp', { exact: true }).check();
  await close.getByLabel('Opsummering (valgfri)').fill('Fem samtaler. Borgeren er flyttet på Danner efter § 109.');
  await close.getByRole('button', { name: 'Afslut forløbet' }).click();
  await expect(counsellor.getByText('Forløbet er afsluttet.')).toBeVisible();
  await expect(counsellor.getByText('Afsluttet', { exact: true }).first()).toBeVisible();
  await expect(counsellor.getByRole('form', { name: 'Afslut forløbet' })).toHaveCount(0);
  await expectNoAxeViolations(counsellor);

  // The officer's closed loop: the referral was handed over to a course; nothing of the course is shown.
  await officer.goto('/medarbejder/referrals');
  await officer.getByRole('link', { name: reference }).click();
  await expect(officer.getByRole('heading', { level: 1, name: `Henvisning ${reference}` })).toBeVisible();
  await expect(officer.getByText('Overdraget til forløb').first()).toBeVisible();
  expect(await officer.content()).not.toContain('Blå paraply');
  await expectNoAxeViolations(officer);
});

/** Moves to a part of the course with its section navigation, as a user would. */
async function section(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Forløbets dele' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeFocused();
}

/** A referral that knows the person's birth year, when it is safe to call and the officer's risk level (Middel). */
async function referToLokk(officer: Page, personName: string, birthYear: number): Promise<string> {
  await officer.goto('/medarbejder/referrals/new');
  await expect(officer.getByRole('heading', { level: 1, name: 'Ny henvisning' })).toBeVisible();
  await group(officer, 'Hvilket program henviser du til?').getByLabel('Interventionscenter', { exact: true }).check();
  await group(officer, 'Køn').getByLabel('Kvinde', { exact: true }).check();
  await fillReferredPerson(officer, { personName, consentTo: 'LOKK', birthYear, safeTimes: 'hverdage 9-15', riskLevel: 'Middel' });
  await officer.getByRole('button', { name: 'Send henvisning', exact: true }).click();
  await expect(officer.getByRole('heading', { level: 1, name: 'Henvisningen er sendt' })).toBeVisible();
  const reference = (await officer.getByText(/BRO-\d+/).first().textContent())?.match(/BRO-\d+/)?.[0];
  expect(reference).toBeTruthy();
  return reference!;
}

async function openInboxReferral(page: Page, reference: string) {
  await page.goto('/medarbejder/inbox');
  await page.getByRole('link', { name: `Henvisning ${reference}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Henvisning ${reference}` })).toBeVisible();
}

async function rate(page: Page, heading: string, ratings: { safety: string; options: string; forms: string[] }, done: string) {
  const form = page.getByRole('form', { name: heading });
  await group(form, /^Hvor tryg føler borgeren sig\?/).getByLabel(ratings.safety, { exact: true }).check();
  await group(form, /^Hvor mange handlemuligheder ser borgeren\?/).getByLabel(ratings.options, { exact: true }).check();
  for (const name of ratings.forms) await form.getByLabel(name, { exact: true }).check();
  await form.getByRole('button', { name: /^Gem vurderingen/ }).click();
  await expect(page.getByText(done)).toBeVisible();
}

/** A `datetime-local` value some days back, at a whole hour, in the browser's (Copenhagen) time. */
function daysAgoAt(days: number, hour: number): string {
  const date = new Date(Date.now() - days * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(hour)}:00`;
}

/**
 * Accepting before anyone has reached the person: "Næste skridt" offers the contact attempt first, so acceptance
 * is among "Andre handlinger", folded away below it.
 */
async function acceptBeforeContact(page: Page): Promise<void> {
  await page.getByText('Andre handlinger', { exact: true }).click();
  await page.getByRole('form', { name: 'Accepter henvisningen' }).getByRole('button', { name: 'Accepter', exact: true }).click();
  await expect(page.getByText('Henvisningen er accepteret.')).toBeVisible();
}
