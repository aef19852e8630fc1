import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testReferral } from '../../test/builders';
import { mockServer, problem } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { ReferralDetailPage } from './ReferralDetailPage';

const draft = testReferral({ status: 'draft', allowedActions: ['send', 'withdraw'] });
const path = `/referrals/${draft.id}`;

function renderPage(sendAnswer: Parameters<typeof mockServer>[0][number]['answer']) {
  mockServer([
    { method: 'GET', path: `/api/referrals/${draft.id}`, answer: { body: draft } },
    { method: 'POST', path: `/api/referrals/${draft.id}/send`, answer: sendAnswer },
  ]);
  return renderInApp(<ReferralDetailPage />, { path, routePath: '/referrals/:id' });
}

describe('the referral page', () => {
  it('shows the referral and names the page without its reference', async () => {
    renderPage({ body: draft });
    expect(await screen.findByRole('heading', { level: 1, name: 'Henvisning BRO-1001' })).toBeVisible();
    expect(document.title).toBe('Henvisning – Bro');
  });

  it('sends a draft and shows the answer', async () => {
    const { user } = renderPage({ body: { ...draft, status: 'sent', allowedActions: ['withdraw'] } });
    await user.click(await screen.findByRole('button', { name: 'Send henvisning' }));
    expect(await screen.findByText('Henvisningen er sendt.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Send henvisning' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Handlinger' })).toHaveFocus();
  });

  it('says why an action failed', async () => {
    const { user } = renderPage(problem(409, { code: 'consent_required', detail: 'Henvisningen mangler samtykke.' }));
    await user.click(await screen.findByRole('button', { name: 'Send henvisning' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Handlingen kunne ikke udføres')).toBeVisible();
    expect(within(alert).getByText('Henvisningen mangler samtykke.')).toBeVisible();
  });

  it('says so when the referral cannot be loaded, and offers to try again', async () => {
    mockServer([{ method: 'GET', path: `/api/referrals/${draft.id}`, answer: 'network-failure' }]);
    renderInApp(<ReferralDetailPage />, { path, routePath: '/referrals/:id' });
    expect(await screen.findByText(/Der er ingen forbindelse til Bro lige nu/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Prøv igen' })).toBeVisible();
  });
});
