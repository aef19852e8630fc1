import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../../api/query-client';
import { testReceiverReferral, testSession } from '../../test/builders';
import { mockServer } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { inboxKeys } from './inbox.api';
import { invalidateAfterChange, referralIdOfEvent } from './InboxLiveProvider';
import { InboxPage } from './InboxPage';

describe('live updates', () => {
  it('read only a referral id from an event', () => {
    expect(referralIdOfEvent('{"referralId":"abc"}')).toBe('abc');
    expect(referralIdOfEvent('{"referralId":42}')).toBeUndefined();
    expect(referralIdOfEvent('not json')).toBeUndefined();
  });

  it('make the inbox, that referral and the notifications stale, and nothing else', () => {
    const client = createQueryClient();
    for (const key of [inboxKeys.list(), inboxKeys.referral('a'), inboxKeys.referral('b'), inboxKeys.notifications(), ['referrals', 'mine']]) client.setQueryData(key, []);
    invalidateAfterChange(client, 'a');
    const isStale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect([inboxKeys.list(), inboxKeys.referral('a'), inboxKeys.notifications()].map(isStale)).toEqual([true, true, true]);
    expect([inboxKeys.referral('b'), ['referrals', 'mine']].map(isStale)).toEqual([false, false]);
  });
});

describe('the inbox page', () => {
  it('lists the referrals as cards, with the deadline and risk, and names the page', async () => {
    const item = testReceiverReferral();
    mockServer([{ method: 'GET', path: '/api/inbox', answer: { body: [item] } }]);
    renderInApp(<InboxPage />, { session: testSession({ permissions: ['referral:intake'] }) });
    expect(await screen.findByRole('link', { name: 'Henvisning BRO-2002' })).toHaveAttribute('href', `/inbox/${item.id}`);
    expect(screen.getByText('Høj risiko')).toBeVisible();
    expect(document.title).toBe('Indbakke – Bro');
  });

  it('filters by risk and deadline at once, says how many it shows, and flags a possible duplicate', async () => {
    const high = testReceiverReferral({ id: 'h', reference: 'BRO-1', riskLevel: 'high', possibleDuplicates: [{ id: 's', reference: 'BRO-2' }] });
    const standard = testReceiverReferral({ id: 's', reference: 'BRO-2', riskLevel: 'standard', hasFirstContact: true, firstContactAt: '2026-01-05T13:05:00Z' });
    mockServer([{ method: 'GET', path: '/api/inbox', answer: { body: [high, standard] } }]);
    const { user } = renderInApp(<InboxPage />, { session: testSession({ permissions: ['referral:intake'] }) });
    expect(await screen.findByText('Viser 2 af 2')).toBeInTheDocument();
    expect(screen.getAllByText('Mulig dublet')).toHaveLength(1);
    await user.click(screen.getByText('Vis henvisninger'));
    await user.selectOptions(screen.getByLabelText('Risiko'), 'standard');
    expect(screen.getByText('Viser 1 af 2')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Henvisning BRO-1' })).toBeNull();
    expect(screen.getByText(/^Første kontakt: 05\.01\.2026 kl\. 14\.05, inden for fristen$/)).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Frist'), 'overdue');
    expect(screen.getByText('Ingen henvisninger passer til det valgte.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Vis alle' }));
    expect(screen.getByText('Viser 2 af 2')).toBeInTheDocument();
  });

  it('says when the inbox is empty', async () => {
    mockServer([{ method: 'GET', path: '/api/inbox', answer: { body: [] } }]);
    renderInApp(<InboxPage />);
    expect(await screen.findByText(/Der er ingen henvisninger/)).toBeVisible();
  });
});
