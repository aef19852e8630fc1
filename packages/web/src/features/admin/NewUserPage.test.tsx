import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testAdminUser, testSession } from '../../test/builders';
import { mockServer, problem, type Answer } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { NewUserPage } from './NewUserPage';

const admin = testSession({ role: 'organisation_admin', permissions: ['users:manage'] });
const summary = () => screen.getByRole('heading', { name: 'Der er en fejl i det, du har udfyldt' }).parentElement as HTMLElement;

function renderPage(create?: Answer) {
  const sent = mockServer([
    { method: 'GET', path: '/api/admin/units', answer: { body: [] } },
    ...(create ? [{ method: 'POST', path: '/api/admin/users', answer: create }] : []),
  ]);
  return { ...renderInApp(<NewUserPage />, { session: admin }), sent };
}

async function fillNewUser(user: ReturnType<typeof renderPage>['user'], role = 'Henviser') {
  await user.type(screen.getByLabelText('Navn'), 'Ny Bruger');
  await user.type(screen.getByLabelText('E-mail'), 'ny@lokk.dk');
  await user.selectOptions(screen.getByLabelText('Rolle'), role);
}

describe('the new user page', () => {
  it('is a page of its own, with the way back to the users', () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Opret bruger' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Tilbage til brugere' })).toHaveAttribute('href', '/admin/users');
    expect(document.title).toBe('Opret bruger – Bro');
  });

  it('offers every role an organisation admin may grant, "Faglig leder", facilitators and peer supporters too, and never the platform’s own', () => {
    renderPage();
    const roles = within(screen.getByLabelText('Rolle')).getAllByRole('option').map((option) => option.textContent);
    expect(roles).toEqual(['Vælg en rolle', 'Henviser', 'Visitator', 'Rådgiver', 'Faglig leder', 'Organisationsadministrator', 'Facilitator', 'Peerstøtte (frivillig)']);
  });

  it('creates a "Faglig leder" and shows the initial password once, above the emptied form', async () => {
    const { user, sent } = renderPage({ status: 201, body: { user: testAdminUser({ id: 'n1', displayName: 'Ny Bruger', role: 'supervisor' }), initialPassword: 'secret-pass-1' } });
    await fillNewUser(user, 'Faglig leder');
    await user.click(screen.getByRole('button', { name: 'Opret bruger' }));
    expect(await screen.findByText('secret-pass-1')).toBeVisible();
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({ displayName: 'Ny Bruger', email: 'ny@lokk.dk', role: 'supervisor' });
    expect(screen.getByLabelText('Navn')).toHaveValue('');
  });

  it('refuses an empty new user with the admin’s sentences', async () => {
    const { user, sent } = renderPage();
    await user.click(screen.getByRole('button', { name: 'Opret bruger' }));
    expect(within(summary()).getByRole('link', { name: 'Skriv brugerens navn' })).toHaveAttribute('href', '#field-create-displayName');
    expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('shows a taken e-mail on the e-mail field', async () => {
    const { user } = renderPage(problem(409, { code: 'email_taken', detail: 'E-mailadressen er allerede i brug.' }));
    await fillNewUser(user);
    await user.click(screen.getByRole('button', { name: 'Opret bruger' }));
    expect(await within(summary()).findByRole('link', { name: 'E-mailadressen er allerede i brug.' })).toHaveAttribute('href', '#field-create-email');
  });

  it('says when there is no connection', async () => {
    const { user } = renderPage('network-failure');
    await fillNewUser(user);
    await user.click(screen.getByRole('button', { name: 'Opret bruger' }));
    expect(await within(summary()).findByText(/Der er ingen forbindelse til Bro lige nu/)).toBeVisible();
  });
});
