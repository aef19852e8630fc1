import { expectNoAxeViolations } from './support/axe.ts';
import { demoAccount } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * An organisation admin maintains a campaign page (issue 4 §6): LOKK's admin creates a campaign (validation first),
 * with a testimonial, a linked video and one of LOKK's own listings, publishes it, and the public page shows it. The
 * demo has no LGBT+ Danmark admin (their campaign is loaded as demo data), so LOKK makes its own. The slug carries a
 * timestamp, so the journey can run again against the same server.
 */

const serviceName = 'Ambulant rådgivning for voldsudsatte kvinder';

test('LOKK’s admin creates and publishes a campaign that points to a listing, and the public page shows it', async ({ openPageAs }) => {
  test.setTimeout(120_000);
  const admin = await openPageAs(demoAccount('lokk.admin@demo.bro.dk'));
  const stamp = Date.now();
  const slug = `e2e-kampagne-${stamp}`;
  const title = `Du er ikke alene ${stamp}`;
  const quote = `Det hjalp at ringe. ${stamp}`;

  await admin.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Kampagner' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Kampagner' })).toBeVisible();
  await expect(admin.getByRole('heading', { level: 2, name: 'Hvordan hørte borgerne om os' })).toBeVisible();
  await expect(admin.getByRole('row', { name: /Fra en kampagne/ })).toBeVisible();
  await expectNoAxeViolations(admin);

  await admin.getByRole('link', { name: 'Opret kampagne' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Opret kampagne' })).toBeVisible();
  await expect(admin.getByLabel(serviceName, { exact: true })).toBeVisible();
  await expectNoAxeViolations(admin);

  // Validation before anything is sent: an empty form names its first missing field, and a bad address is refused.
  await admin.getByLabel('Adresse på den offentlige side').fill('Ikke Gyldig!');
  await admin.getByRole('button', { name: 'Opret kampagne' }).click();
  const summary = admin.getByText('Der er en fejl i det, du har udfyldt').locator('..');
  await expect(summary.getByRole('link', { name: /"Adresse på den offentlige side" må kun have små bogstaver/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Udfyld "Titel på dansk"' })).toBeVisible();
  await expectNoAxeViolations(admin);
  await summary.getByRole('link', { name: 'Udfyld "Titel på dansk"' }).click();
  await expect(admin.getByLabel('Titel på dansk')).toBeFocused();

  await admin.getByLabel('Adresse på den offentlige side').fill(slug);
  await admin.getByLabel('Titel på dansk').fill(title);
  await admin.getByLabel('Titel på engelsk').fill(`You are not alone ${stamp}`);
  await admin.getByLabel('Kort resumé på dansk').fill('Vold i hjemmet rammer mange. Der er hjælp at få.');
  await admin.getByLabel('Kort resumé på engelsk').fill('Violence at home affects many. Help is there.');
  await admin.getByLabel('Tekst på dansk').fill('Første afsnit.\n\nAndet afsnit.');
  await admin.getByLabel('Tekst på engelsk').fill('First paragraph.\n\nSecond paragraph.');

  await admin.getByRole('button', { name: 'Tilføj udtalelse' }).click();
  const testimonial = admin.getByRole('group', { name: 'Udtalelse 1' });
  await expect(testimonial.getByLabel('Citat')).toBeFocused();
  await testimonial.getByLabel('Citat').fill(quote);
  await testimonial.getByLabel('Hvem sagde det').fill('En kvinde, 41');

  await admin.getByRole('button', { name: 'Tilføj video' }).click();
  const video = admin.getByRole('group', { name: 'Video 1' });
  await video.getByLabel('Et link til en anden hjemmeside').check();
  await video.getByLabel('Videoens titel på dansk').fill('Om at søge hjælp');
  await video.getByLabel('Videoens titel på engelsk').fill('About seeking help');
  await video.getByLabel('Link til videoen').fill('http://video.example.org/hjaelp');
  await admin.getByLabel(serviceName, { exact: true }).check();

  // A plain-http link is refused on its own field.
  await admin.getByRole('button', { name: 'Opret kampagne' }).click();
  await expect(summary.getByRole('link', { name: '"Video 1: Link til videoen" skal være et link, der begynder med https://' })).toBeVisible();
  await video.getByLabel('Link til videoen').fill('https://video.example.org/hjaelp');
  await admin.getByRole('button', { name: 'Opret kampagne' }).click();

  await expect(admin.getByRole('heading', { level: 1, name: `Redigér ${title}` })).toBeVisible();
  await expect(admin.getByText('Kampagnen er oprettet som kladde.')).toBeVisible();
  await expect(admin.getByText('Kampagnen er en kladde.', { exact: false })).toBeVisible();
  await expect(admin.getByLabel(serviceName, { exact: true })).toBeChecked();
  await expectNoAxeViolations(admin);

  await admin.getByRole('button', { name: 'Udgiv kampagnen' }).click();
  await expect(admin.getByText('Kampagnen er udgivet.')).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Tag kampagnen af den offentlige side' })).toBeVisible();
  await expectNoAxeViolations(admin);

  // The list shows it as published.
  await admin.getByRole('link', { name: 'Tilbage til kampagnerne' }).click();
  const row = admin.getByRole('row').filter({ hasText: title });
  await expect(row.getByText('Udgivet', { exact: true })).toBeVisible();
  await row.getByRole('link', { name: title }).click();

  // The public page, server-rendered, outside the app.
  await admin.getByRole('link', { name: 'Se den offentlige side' }).click();
  await expect(admin).toHaveURL(new RegExp(`//[^/]+/kampagner/${slug}$`));
  await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(admin.getByText(quote)).toBeVisible();
  await expect(admin.getByRole('link', { name: serviceName })).toHaveAttribute('href', /^\/tilbud\//);
  await expect(admin.getByRole('link', { name: 'Om at søge hjælp' })).toHaveAttribute('href', 'https://video.example.org/hjaelp');
  await expectNoAxeViolations(admin);
});
