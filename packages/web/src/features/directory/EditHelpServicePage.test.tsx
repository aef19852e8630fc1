import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testHelpService, testSession } from '../../test/builders';
import { mockServer, problem, type Answer } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { EditHelpServicePage } from './EditHelpServicePage';

const service = testHelpService();
const admin = testSession({ role: 'organisation_admin', permissions: ['directory:manage'] });
const summary = () => screen.getByRole('heading', { name: 'Der er en fejl i det, du har udfyldt' }).parentElement as HTMLElement;

function renderPage(saveAnswer: Answer = { body: service }) {
  const sent = mockServer([
    { method: 'GET', path: `/api/directory/services/${service.id}`, answer: { body: service } },
    { method: 'PATCH', path: `/api/directory/services/${service.id}`, answer: saveAnswer },
    { method: 'POST', path: `/api/directory/services/${service.id}/mark-checked`, answer: { body: { ...service, lastCheckedAt: '2026-02-01T00:00:00Z' } } },
  ]);
  return { ...renderInApp(<EditHelpServicePage />, { session: admin, path: `/admin/directory/${service.id}`, routePath: '/admin/directory/:id' }), sent };
}

describe('the listing editor', () => {
  it('refuses an emptied name before sending, naming the field, and the link goes to it', async () => {
    const { user, sent } = renderPage();
    await user.clear(await screen.findByLabelText('Navn på engelsk'));
    await user.click(screen.getByRole('button', { name: 'Gem ændringer' }));
    const link = within(summary()).getByRole('link', { name: 'Udfyld "Navn på engelsk"' });
    await user.click(link);
    expect(screen.getByLabelText('Navn på engelsk')).toHaveFocus();
    expect(sent.filter((request) => request.method === 'PATCH')).toEqual([]);
  });

  it('shows the server’s refusal of the address name on that field, in words', async () => {
    const { user } = renderPage(problem(409, { errors: [{ path: 'body.slug', message: 'slug_taken' }] }));
    await user.click(await screen.findByRole('button', { name: 'Gem ændringer' }));
    expect(await within(summary()).findByRole('link', { name: 'Adressenavnet bruges allerede af et andet tilbud. Vælg et andet.' })).toHaveAttribute('href', '#field-slug');
  });

  it('says when there is no connection', async () => {
    const { user } = renderPage('network-failure');
    await user.click(await screen.findByRole('button', { name: 'Gem ændringer' }));
    expect(await within(summary()).findByText(/Der er ingen forbindelse til Bro lige nu/)).toBeVisible();
  });

  it('moves focus to a new opening hours row, and the preview follows the form', async () => {
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Tilføj åbningstid' }));
    expect(within(screen.getByRole('group', { name: 'Åbningstid 2' })).getByLabelText('mandag')).toHaveFocus();
    await user.type(screen.getByLabelText('Navn på dansk'), ' i København');
    const preview = screen.getByRole('region', { name: 'Forhåndsvisning af den offentlige side' });
    expect(within(preview).getByRole('heading', { name: 'Rådgivning i København' })).toBeVisible();
  });

  it('will not confirm a check of unsaved edits, and saves', async () => {
    const { user, sent } = renderPage();
    await user.type(await screen.findByLabelText('Navn på engelsk'), '!');
    await user.click(screen.getByRole('button', { name: 'Markér som tjekket' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Gem dem, før du markerer tilbuddet som tjekket');
    await user.click(screen.getByRole('button', { name: 'Gem ændringer' }));
    expect(await screen.findByText('Ændringerne er gemt og sendt til godkendelse.')).toBeVisible();
    await waitFor(() => expect(sent.find((request) => request.method === 'PATCH')?.body).toMatchObject({ nameEn: 'Counselling!' }));
    expect(document.title).toBe('Tilbud i hjælpeoversigten – Bro');
  });
  it('picks municipalities and languages by name, never as codes, and the preview names them', async () => {
    const { user, sent } = renderPage();
    expect(within(await screen.findByRole('list', { name: 'Valgt under Sprog' })).getAllByRole('listitem').map((chip) => chip.textContent)).toEqual(['Dansk×', 'Engelsk×']);
    await user.click(screen.getByLabelText('Udvalgte kommuner'));
    await user.type(screen.getByRole('combobox', { name: 'Kommuner' }), 'køb');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByRole('button', { name: 'Fjern Københavns Kommune' })).toBeVisible();
    const preview = screen.getByRole('region', { name: 'Forhåndsvisning af den offentlige side' });
    expect(within(preview).getByText(/Københavns Kommune/)).toBeVisible();
    expect(within(preview).queryByText(/kommune 101/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Gem ændringer' }));
    await waitFor(() => expect(sent.find((request) => request.method === 'PATCH')?.body).toMatchObject({ serviceArea: { isNational: false, municipalityCodes: ['101'] }, languages: ['da', 'en'] }));
  });
});
