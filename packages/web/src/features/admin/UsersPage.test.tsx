import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testAdminUser, testSession } from '../../test/builders';
import { mockServer, problem } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { UsersPage } from './UsersPage';

const lone = testAdminUser();
const admin = testSession({ role: 'organisation_admin', permissions: ['users:manage'] });

function renderPage(routes: Parameters<typeof mockServer>[0] = [], users = [lone]) {
  const sent = mockServer([
    { method: 'GET', path: '/api/admin/users', answer: { body: users } },
    { method: 'GET', path: '/api/admin/units', answer: { body: [] } },
    ...routes,
  ]);
  return { ...renderInApp(<UsersPage />, { session: admin }), sent };
}

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

  it('links to the page that makes a new user', async () => {
    renderPage();
    expect(await screen.findByRole('link', { name: 'Opret bruger' })).toHaveAttribute('href', '/admin/users/new');
  });

  it('shows a supervisor as "Faglig leder", in the list and when editing (not as the first role, "Henviser")', async () => {
    const { user } = renderPage([], [testAdminUser({ role: 'supervisor' })]);
    const row = (await screen.findByRole('cell', { name: 'Lone Rådgiver' })).closest('tr') as HTMLElement;
    expect(within(row).getByRole('cell', { name: 'Faglig leder' })).toBeVisible();
    await user.click(within(row).getByRole('button', { name: 'Redigér Lone Rådgiver' }));
    const role = screen.getByLabelText('Rolle');
    expect(within(role).getByRole('option', { name: 'Faglig leder' })).toHaveProperty('selected', true);
    expect(role).toHaveDisplayValue('Faglig leder');
  });

  it('deactivates a user after a second click, and says why when it fails', async () => {
    const { user } = renderPage([{ method: 'POST', path: `/api/admin/users/${lone.id}/deactivate`, answer: problem(409, { code: 'conflict', detail: 'Du kan ikke deaktivere dig selv.' }) }]);
    await user.click(await screen.findByRole('button', { name: 'Deaktivér Lone Rådgiver' }));
    await user.click(screen.getByRole('button', { name: 'Ja, deaktivér' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Du kan ikke deaktivere dig selv.'));
  });
});

describe('linking a user to the organisation’s identity provider', () => {
  it('makes a one-time link and shows it once', async () => {
    const url = 'http://localhost:3000/medarbejder/login#oidc-invitation=' + 'A'.repeat(43);
    const { user, sent } = renderPage([
      { method: 'POST', path: `/api/admin/users/${lone.id}/oidc-invitation`, answer: { status: 201, body: { url, expiresAt: '2026-11-24T09:00:00.000Z', isSubjectRecorded: false } } },
    ]);
    const row = (await screen.findByRole('cell', { name: 'Lone Rådgiver' })).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: /Link til organisationens login/ }));
    expect(await screen.findByText(url)).toBeVisible();
    expect(sent.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual([`/api/admin/users/${lone.id}/oidc-invitation`]);
    await user.click(screen.getByRole('button', { name: 'Skjul linket' }));
    await waitFor(() => expect(screen.queryByText(url)).toBeNull());
  });
});
