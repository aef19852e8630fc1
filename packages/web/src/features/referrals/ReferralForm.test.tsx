import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { lokk, testReferral, testReferralOptions } from '../../test/builders';
import { mockServer, problem, type Answer } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { ReferralForm } from './ReferralForm';

const summary = () => screen.getByRole('heading', { name: 'Der er en fejl i det, du har udfyldt' }).parentElement as HTMLElement;

function renderForm(answers: Answer[] = []) {
  const sent = mockServer([{ method: 'POST', path: '/api/referrals', answer: () => answers.shift() ?? { status: 201, body: testReferral() } }]);
  const onCreated = vi.fn();
  const view = renderInApp(<ReferralForm options={testReferralOptions()} initialRole="exposed" linkedReferralId={undefined} onCreated={onCreated} />);
  return { ...view, sent, onCreated };
}

async function fillMinimal(user: ReturnType<typeof renderForm>['user']) {
  await user.click(within(screen.getByRole('group', { name: 'Køn' })).getByLabelText('Kvinde'));
  await user.type(screen.getByLabelText('Fulde navn'), 'Mette Testesen');
  await user.click(within(screen.getByRole('group', { name: 'Er der børn i hjemmet?' })).getByLabelText('Nej'));
}

describe('the referral form', () => {
  it('names every missing answer in the summary, linked to its field, and sends nothing', async () => {
    const { user, sent } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Send henvisning' }));

    const links = within(summary()).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Vælg borgerens køn', '#field-person-gender'],
      ['Skriv borgerens fulde navn', '#field-person-fullName'],
      ['Angiv, om der er børn i hjemmet', '#field-childrenInHome'],
    ]);
    expect(summary()).toHaveFocus();
    expect(sent).toEqual([]);
  });

  it('proposes the service from the routing rules and asks for consent to that recipient', async () => {
    const { user } = renderForm();
    await user.click(within(screen.getByRole('group', { name: 'Køn' })).getByLabelText('Kvinde'));
    expect(screen.getByText('Foreslået: Rådgivning – LOKK')).toBeVisible();
    expect(screen.getByLabelText(/^Borgeren har givet samtykke til, at LOKK/)).not.toBeChecked();
  });

  it('sends the referral with its consent and one idempotency key, and reports it created', async () => {
    const { user, sent, onCreated } = renderForm();
    await fillMinimal(user);
    await user.click(screen.getByLabelText(/^Borgeren har givet samtykke til, at LOKK/));
    await user.click(screen.getByRole('button', { name: 'Send henvisning' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(testReferral()));
    expect(sent[0]?.body).toMatchObject({ serviceId: lokk.id, person: { fullName: 'Mette Testesen', gender: 'woman' }, consent: { recipientOrganisationId: lokk.organisationId } });
    expect(sent[0]?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('puts the server’s field error on its field, in words', async () => {
    const { user } = renderForm([problem(422, { errors: [{ path: 'body.person.cpr', message: 'cpr_format' }] })]);
    await fillMinimal(user);
    await user.click(screen.getByRole('button', { name: 'Send henvisning' }));

    const link = await within(summary()).findByRole('link', { name: 'Skriv CPR-nummeret som DDMMÅÅ-XXXX' });
    expect(link).toHaveAttribute('href', '#field-person-cpr');
    expect(screen.getByLabelText('CPR-nummer (valgfrit)')).toHaveAccessibleDescription(/DDMMÅÅ-XXXX/);
  });

  it('shows a refusal for missing consent on the consent box', async () => {
    const { user } = renderForm([problem(422, { code: 'consent_required', detail: 'Henvisningen kan ikke sendes uden samtykke.' })]);
    await fillMinimal(user);
    await user.click(screen.getByRole('button', { name: 'Send henvisning' }));
    expect(await within(summary()).findByRole('link', { name: 'Henvisningen kan ikke sendes uden samtykke.' })).toHaveAttribute('href', '#field-consent-confirmed');
  });

  it('says when there is no connection, and retries with the same key', async () => {
    const { user, sent, onCreated } = renderForm(['network-failure']);
    await fillMinimal(user);
    await user.click(screen.getByRole('button', { name: 'Send henvisning' }));
    expect(await within(summary()).findByText(/Der er ingen forbindelse til Bro lige nu/)).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Send henvisning' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(sent[1]?.headers['idempotency-key']).toBe(sent[0]?.headers['idempotency-key']);
  });
});
