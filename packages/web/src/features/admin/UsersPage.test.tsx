import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testAdminUser, testSession } from '../../test/builders';
import { mockServer, problem, type Answer } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { UsersPage } from './UsersPage';

const lone = testAdminUser();
const admin = testSession({ role: 'organisation_admin', permissions: ['users:manage'] });
const createSection = () => screen.getByRole('heading', { level: 2, name: 'Opret bruger' }).parentElement as HTMLElement;
const summaryIn = (scope: HTMLElement) => within(scope).getByRole('heading', { name: 'Der er en fejl i det, du har udfyldt' }).parentElement as HTMLElement;

function renderPage(routes: Parameters<typeof mockServer>[0] = []) {
  const sent = mockServer([
    { method: 'GET', path: '/api/admin/users', answer: { body: [lone] } },
    { method: 'GET', path: '/api/admin/units', answer: { body: [] } },
    ...routes,
  ]);
  return { ...renderInApp(<UsersPage />, { session: admin }), sent };
}

async function fillNewUser(user: ReturnType<typeof renderPage>['user']) {
  const section = createSection();
  await user.type(within(section).getByLabelText('Navn'), 'Ny Bruger');
  await user.type(within(section).getByLabelText('E-mail'), 'ny@lokk.dk');
  await user.selectOptions(within(section).getByLabelText('Rolle'), 'referrer');
}

const create = (answer: Answer) => [{ method: 'POST', path: '/api/admin/users', answer }];

describe('the users page', () => {
  it('lists the users and names the page', async () => {
    renderPage();
    expect(await screen.findByRole('cell', { name: 'Lone Rådgiver' })).toBeVisible();
    expect(document.title).toBe('Brugere – Bro');
  });

  it('shows when each user last signed in, and "Aldrig" for one who never has', async () => {
    mockServer([
      { method: 'GET', path: '/api/admin/users', answer: { body: [lone, testAdminUser({ id: 'u2', displayName: 'Bo Visitator', lastSignedInAt: '2026-12-07T08:05:00.000Z' })] } },
      { method: 'GET', path: '/api/admin/units', answer: { body: [] } },
    ]);
    renderInApp(<UsersPage />, { session: admin });
    const rowOf = async (name: string) => (await screen.findByRole('cell', { name })).closest('tr') as HTMLElement;
    expect(within(await rowOf('Lone Rådgiver')).getByRole('cell', { name: 'Aldrig' })).toBeVisible();
    expect(within(await rowOf('Bo Visitator')).getByRole('cell', { name: '07.12.2026 kl. 09.05' })).toBeVisible();
  });

  it('refuses an empty new user with the admin’s sentences', async () => {
    const { user, sent } = renderPage();
    await user.click(within(createSection()).getByRole('button', { name: 'Opret bruger' }));
    expect(within(summaryIn(createSection())).getByRole('link', { name: 'Skriv brugerens navn' })).toHaveAttribute('href', '#field-create-displayName');
    expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('shows a taken e-mail on the e-mail field', async () => {
    const { user } = renderPage(create(problem(409, { code: 'email_taken', detail: 'E-mailadressen er allerede i brug.' })));
    await fillNewUser(user);
    await user.click(within(createSection()).getByRole('button', { name: 'Opret bruger' }));
    expect(await within(summaryIn(createSection())).findByRole('link', { name: 'E-mailadressen er allerede i brug.' })).toHaveAttribute('href', '#field-create-email');
  });

  it('says when there is no connection', async () => {
    const { user } = renderPage(create('network-failure'));
    await fillNewUser(user);
    await user.click(within(createSection()).getByRole('button', { name: 'Opret bruger' }));
    expect(await within(summaryIn(createSection())).findByText(/Der er ingen forbindelse til Bro lige nu/)).toBeVisible();
  });

  it('shows the initial password of a created user once', async () => {
    const { user } = renderPage(create({ status: 201, body: { user: testAdminUser({ id: 'n1', displayName: 'Ny Bruger' }), initialPassword: 'secret-pass-1' } }));
    await fillNewUser(user);
    await user.click(within(createSection()).getByRole('button', { name: 'Opret bruger' }));
    expect(await screen.findByText('secret-pass-1')).toBeVisible();
    expect(within(createSection()).getByLabelText('Navn')).toHaveValue('');
  });

  it('deactivates a user after a second click, and says why when it fails', async () => {
    const { user } = renderPage([{ method: 'POST', path: `/api/admin/users/${lone.id}/deactivate`, answer: problem(409, { code: 'conflict', detail: 'Du kan ikke deaktivere dig selv.' }) }]);
    await user.click(await screen.findByRole('button', { name: 'Deaktivér Lone Rådgiver' }));
    await user.click(screen.getByRole('button', { name: 'Ja, deaktivér' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Du kan ikke deaktivere dig selv.'));
  });
});
