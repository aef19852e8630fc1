import type { OutboxMessageSummary } from '@bro/domain';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockServer, problem } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { MessagesPage } from './MessagesPage';

const dead: OutboxMessageSummary = {
  id: '6f1c1a52-6f0e-4d5b-9d59-2f5b8e3c1a01',
  template: 'session_reminder',
  channel: 'sms',
  status: 'dead',
  attempts: 5,
  lastError: 'http_503',
  createdAt: '2026-11-23T09:00:00.000Z',
  lastAttemptAt: '2026-11-23T09:15:00.000Z',
  nextAttemptAt: '2026-11-23T09:15:00.000Z',
  sentAt: null,
};

/** In production the development outbox answers 404, and the page shows no trace of it. */
const inProduction = { method: 'GET', path: '/api/platform/messages/development-outbox', answer: problem(404, { code: 'not_found' }) };

describe('the dead messages page', () => {
  it('shows template, channel, attempts and error, and retries a message', async () => {
    let list = [dead];
    const sent = mockServer([
      { method: 'GET', path: '/api/platform/messages/dead', answer: () => ({ body: { messages: list } }) },
      inProduction,
      {
        method: 'POST',
        path: `/api/platform/messages/${dead.id}/retry`,
        answer: () => {
          list = [];
          return { body: { ...dead, status: 'queued', attempts: 0, lastError: null } };
        },
      },
    ]);
    const { user } = renderInApp(<MessagesPage />);
    const table = await screen.findByRole('table', { name: 'Opgivne beskeder' });
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('Påmindelse om aftale')).toBeInTheDocument();
    expect(within(row).getByText('Sms')).toBeInTheDocument();
    expect(within(row).getByText('5')).toBeInTheDocument();
    expect(within(row).getByText('http_503')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: /Prøv igen/ }));
    expect(await screen.findByText('Beskeden er sat i kø igen.')).toBeInTheDocument();
    expect(await screen.findByText('Alle beskeder er kommet frem.')).toBeInTheDocument();
    expect(sent.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual([`/api/platform/messages/${dead.id}/retry`]);
  });

  it('says in words when a retry is refused', async () => {
    mockServer([
      { method: 'GET', path: '/api/platform/messages/dead', answer: { body: { messages: [dead] } } },
      inProduction,
      { method: 'POST', path: `/api/platform/messages/${dead.id}/retry`, answer: problem(404, { code: 'not_found', detail: 'Beskeden findes ikke.' }) },
    ]);
    const { user } = renderInApp(<MessagesPage />);
    await user.click(await screen.findByRole('button', { name: /Prøv igen/ }));
    await waitFor(() => expect(screen.getByText('Beskeden findes ikke.')).toBeInTheDocument());
  });

  it('shows no development outbox in production', async () => {
    mockServer([{ method: 'GET', path: '/api/platform/messages/dead', answer: { body: { messages: [] } } }, inProduction]);
    renderInApp(<MessagesPage />);
    expect(await screen.findByText('Alle beskeder er kommet frem.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Udviklingsudbakke' })).toBeNull());
  });

  it('shows, outside production, each message with its recipient and text, and what became of it', async () => {
    const reminder = { ...dead, status: 'not_sent_no_transport' as const, attempts: 1, lastError: null, recipient: '+45 20 30 40 50', subject: null, body: 'Påmindelse: samtale i morgen kl. 10.' };
    const cancelled = { ...dead, id: '6f1c1a52-6f0e-4d5b-9d59-2f5b8e3c1a02', status: 'cancelled' as const, recipient: null, subject: null, body: null };
    mockServer([
      { method: 'GET', path: '/api/platform/messages/dead', answer: { body: { messages: [] } } },
      { method: 'GET', path: '/api/platform/messages/development-outbox', answer: { body: { messages: [reminder, cancelled] } } },
    ]);
    renderInApp(<MessagesPage />);
    const table = await screen.findByRole('table', { name: 'Beskeder i udbakken' });
    const [, first, second] = within(table).getAllByRole('row') as HTMLElement[];
    expect(within(first!).getByText('+45 20 30 40 50')).toBeInTheDocument();
    expect(within(first!).getByText('Påmindelse: samtale i morgen kl. 10.')).toBeInTheDocument();
    expect(within(first!).getByText('Ikke sendt: ingen forbindelse sat op')).toBeInTheDocument();
    expect(within(second!).getByText('Annulleret (sikker kontakt eller aftale ændret)')).toBeInTheDocument();
    expect(within(second!).getByText('Modtager og tekst er slettet.')).toBeInTheDocument();
  });

  it('runs reminders and delivery now, outside production, and shows the outbox as it is afterwards', async () => {
    const queued = { ...dead, status: 'not_sent_no_transport' as const, channel: 'email' as const, attempts: 0, lastError: null, recipient: 'person@example.test', subject: 'Påmindelse', body: 'Påmindelse: din aftale er i morgen.' };
    const sent = mockServer([
      { method: 'GET', path: '/api/platform/messages/dead', answer: { body: { messages: [] } } },
      { method: 'GET', path: '/api/platform/messages/development-outbox', answer: { body: { messages: [] } } },
      { method: 'POST', path: '/api/platform/messages/development-outbox/run', answer: { body: { messages: [queued] } } },
    ]);
    const { user } = renderInApp(<MessagesPage />);
    expect(await screen.findByText('Der er ingen beskeder endnu.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send påmindelser og beskeder nu' }));
    expect(await screen.findByText('Påmindelser og afsendelse er kørt.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Beskeder i udbakken' });
    expect(within(table).getByText('person@example.test')).toBeInTheDocument();
    expect(sent.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual(['/api/platform/messages/development-outbox/run']);
  });
});
