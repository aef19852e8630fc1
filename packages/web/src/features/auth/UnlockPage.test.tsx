import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockServer, problem } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { UnlockPage, unlockTokenOf } from './UnlockPage';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

describe('the unlock page', () => {
  it('reads the token from the fragment only', () => {
    expect(unlockTokenOf(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(unlockTokenOf('#token=kort')).toBeUndefined();
    expect(unlockTokenOf('')).toBeUndefined();
  });

  it('unlocks on a click, never on opening, and then points to sign-in', async () => {
    const sent = mockServer([{ method: 'POST', path: '/api/auth/unlock', answer: { status: 204 } }]);
    const { user } = renderInApp(<UnlockPage />, { session: null, path: `/unlock#token=${TOKEN}`, routePath: '/unlock' });
    expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Lås min konto op' }));
    expect(await screen.findByRole('heading', { name: 'Kontoen er låst op' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Gå til log ind' })).toHaveAttribute('href', '/login');
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({ token: TOKEN });
  });

  it('shows the server’s refusal of a used or expired link', async () => {
    mockServer([{ method: 'POST', path: '/api/auth/unlock', answer: problem(410, { code: 'unlock_link_invalid', detail: 'Linket til at låse kontoen op er ukendt, allerede brugt eller udløbet.' }) }]);
    const { user } = renderInApp(<UnlockPage />, { session: null, path: `/unlock#token=${TOKEN}`, routePath: '/unlock' });
    await user.click(screen.getByRole('button', { name: 'Lås min konto op' }));
    expect(await screen.findByText(/allerede brugt eller udløbet/)).toBeVisible();
  });

  it('says so when the link is incomplete', () => {
    renderInApp(<UnlockPage />, { session: null, path: '/unlock#token=', routePath: '/unlock' });
    expect(screen.getByRole('heading', { name: 'Kontoen blev ikke låst op' })).toBeVisible();
  });
});
