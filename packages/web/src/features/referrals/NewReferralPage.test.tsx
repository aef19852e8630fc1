import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { lokk, testReferralOptions } from '../../test/builders';
import { mockServer, type Answer } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { NewReferralPage } from './NewReferralPage';

const savedDraft = {
  values: { role: 'exposed', programmeId: testReferralOptions().programmes[0]?.id, person: { gender: 'woman', fullName: 'Mette Kladde' }, consent: { confirmedFor: lokk.organisationId } },
  reachedStep: 'contact',
  updatedAt: '2026-01-05T10:00:00Z',
  expiresAt: '2026-01-06T10:00:00Z',
};

function renderPage(draft: Answer) {
  const sent = mockServer([
    { method: 'GET', path: '/api/referrals/options', answer: { body: testReferralOptions() } },
    { method: 'GET', path: '/api/referrals/draft', answer: draft },
    { method: 'PUT', path: '/api/referrals/draft', answer: { body: { updatedAt: '2026-01-05T10:05:00Z', expiresAt: '2026-01-06T10:05:00Z' } } },
    { method: 'DELETE', path: '/api/referrals/draft', answer: { status: 204 } },
  ]);
  return { ...renderInApp(<NewReferralPage />, { path: '/referrals/new' }), sent };
}

describe('Ny henvisning and the server-side draft', () => {
  afterEach(() => localStorage.clear());

  it('offers the unsent referral, and goes on from the step it reached with its answers', async () => {
    const { user } = renderPage({ body: savedDraft });
    await user.click(await screen.findByRole('button', { name: 'Fortsæt henvisningen' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Sikker kontakt' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Tilbage' }));
    expect(await screen.findByLabelText('Fulde navn')).toHaveValue('Mette Kladde');
  });

  it('starts over when asked, discarding the draft', async () => {
    const { user, sent } = renderPage({ body: savedDraft });
    await user.click(await screen.findByRole('button', { name: 'Start forfra' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Hvem henviser du?' })).toBeVisible();
    expect(sent.some((request) => request.method === 'DELETE')).toBe(true);
    expect(within(screen.getByRole('group', { name: 'Køn' })).getByLabelText('Kvinde')).not.toBeChecked();
  });

  it('saves the answers on the server when a step is passed, never in the browser', async () => {
    const { user, sent } = renderPage({ status: 404, body: { code: 'not_found' } });
    await user.click(within(await screen.findByRole('group', { name: 'Køn' })).getByLabelText('Kvinde'));
    await user.click(screen.getByRole('button', { name: 'Fortsæt' }));
    await waitFor(() => expect(sent.find((request) => request.method === 'PUT')?.body).toMatchObject({ reachedStep: 'consent', values: { person: { gender: 'woman' } } }));
    expect(await screen.findByText(/Henvisningen er gemt som kladde/)).toBeVisible();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  it('saves what is typed within a step once the officer pauses, before the step is passed', async () => {
    const { user, sent } = renderPage({ status: 404, body: { code: 'not_found' } });
    await user.click(within(await screen.findByRole('group', { name: 'Køn' })).getByLabelText('Kvinde'));
    await user.click(screen.getByRole('button', { name: 'Fortsæt' }));
    await user.click(await screen.findByLabelText(/^Borgeren har givet samtykke til, at LOKK/));
    await user.click(screen.getByRole('button', { name: 'Fortsæt' }));
    await user.type(await screen.findByLabelText('Fulde navn'), 'Mette Halvvejs');
    // No step passed since the name: the save comes from the pause alone.
    await waitFor(() => expect(sent.filter((request) => request.method === 'PUT').at(-1)?.body).toMatchObject({ reachedStep: 'person', values: { person: { fullName: 'Mette Halvvejs' } } }), { timeout: 5_000 });
    expect(screen.getByRole('heading', { level: 2, name: 'Borgeren' })).toBeVisible();
  });
});
