import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { lokk, testReferral, testReferralOptions } from '../../test/builders';
import { mockServer, problem, type Answer } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { ReferralForm } from './ReferralForm';

type User = ReturnType<typeof renderForm>['user'];

const summary = () => screen.getByRole('heading', { name: 'Der er en fejl i det, du har udfyldt' }).parentElement as HTMLElement;
const summaryLinks = () => within(summary()).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]);
const stepHeading = (name: string) => screen.findByRole('heading', { level: 2, name });
const group = (name: string) => screen.getByRole('group', { name });

function renderForm({ answers = [], duplicates = { status: 404 } }: { answers?: Answer[]; duplicates?: Answer } = {}) {
  const server = mockServer([
    { method: 'POST', path: '/api/referrals', answer: () => answers.shift() ?? { status: 201, body: testReferral() } },
    { method: 'POST', path: '/api/referrals/duplicate-check', answer: duplicates },
  ]);
  const onCreated = vi.fn();
  const view = renderInApp(<ReferralForm options={testReferralOptions()} initialRole="exposed" linkedReferralId={undefined} onCreated={onCreated} />, { path: '/referrals/new' });
  const creates = () => server.filter((request) => request.path === '/api/referrals');
  return { ...view, creates, server, onCreated };
}

const next = (user: User) => user.click(screen.getByRole('button', { name: 'Fortsæt' }));

/** A practised officer's answers, step by step, up to the check page. */
async function fillAll(user: User) {
  await user.click(within(group('Køn')).getByLabelText('Kvinde'));
  await next(user);
  await stepHeading('Samtykke');
  await user.click(screen.getByLabelText(/^Borgeren har givet samtykke til, at LOKK/));
  await next(user);
  await stepHeading('Borgeren');
  await user.type(screen.getByLabelText('Fulde navn'), 'Mette Testesen');
  await next(user);
  await stepHeading('Sikker kontakt');
  await user.type(screen.getByLabelText('Telefonnummer'), '20-30-40-50');
  await next(user);
  await stepHeading('Situationen');
  await user.click(within(group('Risikoniveau')).getByLabelText('Standard'));
  await user.click(within(group('Er der børn i hjemmet?')).getByLabelText('Nej'));
  await next(user);
  await stepHeading('Tjek dine svar');
}

// Each test walks through up to six steps: on a busy 2-core machine that can take longer than the default 5 s.
describe('the referral form in steps', { timeout: 20_000 }, () => {
  it('does not leave a step with errors: the first try names every error of the step, and the step heading has focus after', async () => {
    const { user } = renderForm();
    expect(screen.getByRole('heading', { level: 2, name: 'Hvem henviser du?' })).toBeVisible();
    await next(user);
    expect(summaryLinks()).toEqual([['Vælg borgerens køn', '#field-person-gender']]);
    expect(summary()).toHaveFocus();
    expect(screen.getByRole('heading', { level: 2, name: 'Hvem henviser du?' })).toBeVisible();

    await user.click(within(group('Køn')).getByLabelText('Kvinde'));
    await next(user);
    expect(await stepHeading('Samtykke')).toHaveFocus();
    expect(screen.queryByRole('heading', { name: 'Der er en fejl i det, du har udfyldt' })).toBeNull();
  });

  it('refuses to go on from consent without consent, and says plainly whether a CPR number is shared', async () => {
    const { user } = renderForm();
    await user.click(within(group('Køn')).getByLabelText('Kvinde'));
    await next(user);
    await stepHeading('Samtykke');
    expect(screen.getByText(/får LOKK det ikke/)).toBeVisible();
    // How and when are already answered (orally, now): folded, one tap away.
    expect(screen.getByText(/^Givet mundtligt på stedet, .*\. Ret$/)).toBeVisible();
    expect(screen.getByRole('group', { name: 'Hvordan gav borgeren samtykke?', hidden: true })).not.toBeVisible();
    await next(user);
    expect(summaryLinks()).toEqual([['Henvisningen kan ikke sendes uden samtykke', '#field-consent-confirmed']]);

    await user.click(screen.getByLabelText('CPR-nummer'));
    expect(screen.getByText('Hvis du skriver borgerens CPR-nummer, får LOKK det.')).toBeVisible();
  });

  it('keeps the answers of a step when the officer goes back to it with "Ret"', async () => {
    const { user } = renderForm();
    await fillAll(user);
    await user.click(screen.getByRole('link', { name: 'Ret Situationen' }));
    await stepHeading('Situationen');
    await user.click(within(group('Er der børn i hjemmet?')).getByLabelText('Ved ikke'));
    await user.clear(screen.getByLabelText('Kort beskrivelse af situationen (valgfrit)'));
    await user.type(screen.getByLabelText('Kort beskrivelse af situationen (valgfrit)'), 'x');
    expect(within(group('Risikoniveau')).getByLabelText('Standard')).toBeChecked();
  });

  it('names the risk and the children together on the situation step, with no risk chosen for the officer', async () => {
    const { user } = renderForm();
    await user.click(within(group('Køn')).getByLabelText('Kvinde'));
    await next(user);
    await user.click(await screen.findByLabelText(/^Borgeren har givet samtykke til, at LOKK/));
    await next(user);
    await user.type(await screen.findByLabelText('Fulde navn'), 'Mette Testesen');
    await next(user);
    await user.type(await screen.findByLabelText('Telefonnummer'), '20304050');
    await next(user);
    await stepHeading('Situationen');
    for (const level of ['Standard', 'Middel', 'Høj']) expect(within(group('Risikoniveau')).getByLabelText(level)).not.toBeChecked();
    await next(user);
    expect(summaryLinks()).toEqual([
      ['Vælg risikoniveau', '#field-riskLevel'],
      ['Angiv, om der er børn i hjemmet', '#field-childrenInHome'],
    ]);
  });

  it('sends from the check page with one idempotency key, the phone normalised, and reports it created', async () => {
    const { user, creates, onCreated } = renderForm();
    await fillAll(user);
    expect(screen.getByText('+45 20 30 40 50')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Send henvisning' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(testReferral(), expect.objectContaining({ values: expect.any(Object) })));
    expect(creates()[0]?.body).toMatchObject({
      serviceId: lokk.id,
      riskLevel: 'standard',
      person: { fullName: 'Mette Testesen', gender: 'woman' },
      safeContact: { phone: '+45 20 30 40 50', hasNoPhone: false },
      consent: { recipientOrganisationId: lokk.organisationId },
    });
    expect(creates()[0]?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('goes back to a step with "Ret" and returns to the check page after it', async () => {
    const { user } = renderForm();
    await fillAll(user);
    await user.click(screen.getByRole('link', { name: 'Ret Borgeren' }));
    await stepHeading('Borgeren');
    await user.type(screen.getByLabelText('CPR-nummer (valgfrit)'), '010190-1233');
    expect(screen.getByText('Fødselsår: 1990 (fra CPR-nummeret)')).toBeVisible();
    expect(screen.queryByLabelText('Fødselsår (valgfrit)')).toBeNull();
    expect(screen.getByText(/Ifølge CPR-nummeret er borgeren en mand, men du har valgt "Kvinde"/)).toBeVisible();
    await next(user);
    expect(await stepHeading('Tjek dine svar')).toHaveFocus();
    expect(screen.getByText('010190-1233')).toBeVisible();
  });

  it('asks how to reach a person without a phone', async () => {
    const { user } = renderForm();
    await user.click(within(group('Køn')).getByLabelText('Kvinde'));
    await next(user);
    await user.click(await screen.findByLabelText(/^Borgeren har givet samtykke til, at LOKK/));
    await next(user);
    await user.type(await screen.findByLabelText('Fulde navn'), 'Mette Testesen');
    await next(user);
    await stepHeading('Sikker kontakt');
    await next(user);
    expect(summaryLinks()).toEqual([['Skriv borgerens telefonnummer, eller sæt flueben ved, at borgeren ikke har en telefon', '#field-safeContact-phone']]);
    await user.click(screen.getByLabelText('Borgeren har ikke en telefon, som tilbuddet kan ringe til'));
    await next(user);
    expect(summaryLinks()).toEqual([['Skriv, hvordan tilbuddet kan kontakte borgeren sikkert', '#field-safeContact-otherWayToReach']]);
  });

  it('warns of possible duplicates on the check page', async () => {
    const { user, server } = renderForm({ duplicates: { status: 200, body: { possibleDuplicates: [{ reference: 'BRO-0999', createdAt: '2026-01-02T10:00:00Z', serviceName: 'Rådgivning' }] } } });
    await fillAll(user);
    expect(await screen.findByText(/BRO-0999 til Rådgivning/)).toBeVisible();
    expect(server.find((request) => request.path === '/api/referrals/duplicate-check')?.body).toEqual({ programmeId: testReferralOptions().programmes[0]?.id, fullName: 'Mette Testesen' });
  });

  it('puts the server’s field error in the summary, in words', async () => {
    const { user } = renderForm({ answers: [problem(422, { errors: [{ path: 'body.person.cpr', message: 'cpr_format' }] })] });
    await fillAll(user);
    await user.click(screen.getByRole('button', { name: 'Send henvisning' }));
    expect(await within(summary()).findByText(/Skriv CPR-nummeret som DDMMÅÅ-XXXX/)).toBeVisible();
  });

  it('says when there is no connection, and retries with the same key', async () => {
    const { user, creates, onCreated } = renderForm({ answers: ['network-failure'] });
    await fillAll(user);
    await user.click(screen.getByRole('button', { name: 'Send henvisning' }));
    expect(await within(summary()).findByText(/Der er ingen forbindelse til Bro lige nu/)).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Send henvisning' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(creates()[1]?.headers['idempotency-key']).toBe(creates()[0]?.headers['idempotency-key']);
  });
});
