import type { Permission } from '@bro/domain';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testSession } from '../../test/builders';
import { mockServer } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { CampaignsPage } from './CampaignsPage';

function renderPage(permissions: Permission[]) {
  const sent = mockServer([
    { method: 'GET', path: '/api/campaigns', answer: { body: [] } },
    { method: 'GET', path: '/api/statistics/heard-about', answer: { body: { counts: [{ heardAbout: 'from_campaign', count: 6 }] } } },
  ]);
  renderInApp(<CampaignsPage />, { session: testSession({ role: 'organisation_admin', permissions }) });
  return sent;
}

describe('the campaigns page', () => {
  it('shows the heard-about counts to those who may read statistics', async () => {
    renderPage(['campaigns:manage', 'statistics:read']);
    expect(await screen.findByRole('heading', { name: 'Hvordan hørte borgerne om os' })).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: '6' })).toBeInTheDocument();
  });

  it('leaves the counts out, and does not ask for them, for someone who keeps campaigns without statistics:read', async () => {
    const sent = renderPage(['campaigns:manage']);
    expect(await screen.findByText('Din organisation har ingen kampagner endnu.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Hvordan hørte borgerne om os' })).not.toBeInTheDocument();
    expect(sent.map((request) => request.path)).not.toContain('/api/statistics/heard-about');
  });
});
