import type { AdminChangeRequest } from '@bro/domain';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockServer } from '../../test/fetch-mock';
import { testSession } from '../../test/builders';
import { renderInApp } from '../../test/render';
import { ChangeRequestsPage } from './ChangeRequestsPage';

const adminSession = testSession({ role: 'organisation_admin', permissions: ['users:manage'] });
const base = { requestedAt: '2026-11-23T09:00:00.000Z', requestedByName: 'Platform Person', status: 'pending' as const };
const newAdmin: AdminChangeRequest = { ...base, id: '51111111-1111-4111-8111-111111111111', kind: 'organisation_admin', admin: { email: 'ny@krisecenter.dk', displayName: 'Ny Leder' }, provider: null };
const newProvider: AdminChangeRequest = {
  ...base,
  id: '52222222-2222-4222-8222-222222222222',
  kind: 'oidc_provider',
  admin: null,
  provider: { issuer: 'https://idp.example.dk', clientId: 'bro', displayName: 'Vores login', isEnabled: true, isSecretChanged: true },
};

describe('the organisation admin’s requests page', () => {
  it('lists what the platform asked for, and approving a new admin shows the initial password once', async () => {
    let listed = [newAdmin, newProvider];
    const sent = mockServer([
      { method: 'GET', path: '/api/admin/change-requests', answer: () => ({ body: listed }) },
      {
        method: 'POST',
        path: `/api/admin/change-requests/${newAdmin.id}/approve`,
        answer: () => {
          listed = [newProvider, { ...newAdmin, status: 'approved' }];
          return { body: { request: { ...newAdmin, status: 'approved' }, createdAdmin: { user: { displayName: 'Ny Leder' }, initialPassword: 'abcdefghijkmnopqrstu' } } };
        },
      },
    ]);
    const { user } = renderInApp(<ChangeRequestsPage />, { session: adminSession });
    const adminSection = (await screen.findByRole('heading', { name: 'Ny administrator' })).closest('section') as HTMLElement;
    expect(within(adminSection).getByText('ny@krisecenter.dk')).toBeVisible();
    expect(within(adminSection).getByText('Venter')).toBeVisible();
    const providerSection = screen.getByRole('heading', { name: 'Nyt login (identitetsudbyder)' }).closest('section') as HTMLElement;
    expect(within(providerSection).getByText('https://idp.example.dk')).toBeVisible();

    await user.click(within(adminSection).getByRole('button', { name: 'Godkend' }));
    expect(await screen.findByText('abcdefghijkmnopqrstu')).toBeVisible();
    expect(await screen.findByText('Anmodningen er godkendt, og ændringen er sket.')).toBeInTheDocument();
    expect(sent.filter((entry) => entry.method === 'POST').map((entry) => entry.path)).toEqual([`/api/admin/change-requests/${newAdmin.id}/approve`]);
  });

  it('rejects a request, and says so', async () => {
    const sent = mockServer([
      { method: 'GET', path: '/api/admin/change-requests', answer: { body: [newProvider] } },
      { method: 'POST', path: `/api/admin/change-requests/${newProvider.id}/reject`, answer: { body: { request: { ...newProvider, status: 'rejected' }, createdAdmin: null } } },
    ]);
    const { user } = renderInApp(<ChangeRequestsPage />, { session: adminSession });
    await user.click(await screen.findByRole('button', { name: 'Afvis' }));
    expect(await screen.findByText('Anmodningen er afvist. Intet er ændret.')).toBeInTheDocument();
    expect(sent.some((entry) => entry.method === 'POST' && entry.path.endsWith('/reject'))).toBe(true);
  });

  it('says when there is nothing to decide', async () => {
    mockServer([{ method: 'GET', path: '/api/admin/change-requests', answer: { body: [] } }]);
    renderInApp(<ChangeRequestsPage />, { session: adminSession });
    expect(await screen.findByText('Der er ingen anmodninger.')).toBeVisible();
  });
});
