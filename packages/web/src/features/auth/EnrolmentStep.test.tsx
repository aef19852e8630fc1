import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockServer, problem } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { enrolmentTokenOf } from './enrolment-form';
import { EnrolmentStep } from './EnrolmentStep';

const TOKEN = 'A'.repeat(43);
const summary = () => screen.getByRole('heading', { name: 'Der er en fejl i det, du har udfyldt' }).parentElement as HTMLElement;

describe('the enrolment step of a one-time link', () => {
  it('reads the token from the fragment only', () => {
    expect(enrolmentTokenOf(`#enrolment=${TOKEN}`)).toBe(TOKEN);
    expect(enrolmentTokenOf('')).toBeUndefined();
    expect(enrolmentTokenOf('#other=1')).toBeUndefined();
  });

  it('checks length and repetition before sending anything', async () => {
    const sent = mockServer([]);
    const { user } = renderInApp(<EnrolmentStep token={TOKEN} onPassed={vi.fn()} />, { session: null });
    await user.type(screen.getByLabelText('Ny adgangskode'), 'kort');
    await user.type(screen.getByLabelText('Gentag adgangskoden'), 'andet');
    await user.click(screen.getByRole('button', { name: 'Gem og fortsæt' }));
    expect(within(summary()).getByText('De to adgangskoder er ikke ens')).toBeVisible();

    await user.clear(screen.getByLabelText('Gentag adgangskoden'));
    await user.type(screen.getByLabelText('Gentag adgangskoden'), 'kort');
    await user.click(screen.getByRole('button', { name: 'Gem og fortsæt' }));
    expect(await within(summary()).findByText('Adgangskoden skal være mindst 12 tegn')).toBeVisible();
    expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('sends token and password, then goes on to the TOTP enrolment', async () => {
    const sent = mockServer([{ method: 'POST', path: '/api/auth/enrolment', answer: { body: { stage: 'mfa_enrolment', csrfToken: 'csrf-1' } } }]);
    const onPassed = vi.fn();
    const { user } = renderInApp(<EnrolmentStep token={TOKEN} onPassed={onPassed} />, { session: null });
    await user.type(screen.getByLabelText('Ny adgangskode'), 'en lang og god adgangskode');
    await user.type(screen.getByLabelText('Gentag adgangskoden'), 'en lang og god adgangskode');
    await user.click(screen.getByRole('button', { name: 'Gem og fortsæt' }));
    await waitFor(() => expect(onPassed).toHaveBeenCalledWith('mfa_enrolment'));
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({ token: TOKEN, password: 'en lang og god adgangskode' });
  });

  it('shows a spent or expired link as the server words it', async () => {
    mockServer([{ method: 'POST', path: '/api/auth/enrolment', answer: problem(410, { code: 'enrolment_link_invalid', detail: 'Linket er brugt eller udløbet.' }) }]);
    const { user } = renderInApp(<EnrolmentStep token={TOKEN} onPassed={vi.fn()} />, { session: null });
    await user.type(screen.getByLabelText('Ny adgangskode'), 'en lang og god adgangskode');
    await user.type(screen.getByLabelText('Gentag adgangskoden'), 'en lang og god adgangskode');
    await user.click(screen.getByRole('button', { name: 'Gem og fortsæt' }));
    expect(await within(summary()).findByText('Linket er brugt eller udløbet.')).toBeVisible();
  });
});
