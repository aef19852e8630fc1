import type { CalendarWeek } from '@bro/domain';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockServer } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { CalendarPage } from './CalendarPage';

const dates = ['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26', '2027-03-27', '2027-03-28'];
const week: CalendarWeek = {
  start: '2027-03-22',
  end: '2027-03-28',
  previousStart: '2027-03-15',
  nextStart: '2027-03-29',
  days: dates.map((date) => ({ date, entries: [] })),
};
week.days[0]!.entries.push({ uid: 'a@bro', kind: 'group_meeting', title: 'Samtalegruppe for kvinder', startsAt: '2027-03-22T09:00:00.000Z', endsAt: '2027-03-22T10:30:00.000Z', location: 'Netværkshuset', isOnline: false, isCancelled: false, appPath: '/groups/a' });
// Sunday after the change to summer time: 11:00 Danish time is 09:00 UTC.
week.days[6]!.entries.push({ uid: 'b@bro', kind: 'open_event', title: 'Drop-in kaffe', startsAt: '2027-03-28T09:00:00.000Z', endsAt: '2027-03-28T11:00:00.000Z', location: null, isOnline: true, isCancelled: true, appPath: null });

describe('the calendar page', () => {
  it('shows the week day by day: time in Danish time, place or online, cancelled ones marked, a link to the entry', async () => {
    const sent = mockServer([
      { method: 'GET', path: '/api/calendar/week?start=2027-03-24', answer: { body: week } },
      { method: 'GET', path: '/api/calendar/feed', answer: { body: { hasFeed: false, createdAt: null, lastUsedAt: null } } },
    ]);
    renderInApp(<CalendarPage />, { path: '/calendar?start=2027-03-24', routePath: '/calendar' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Uge 12: 22. marts–28. marts' })).toBeInTheDocument();
    const monday = screen.getByRole('listitem', { name: /^mandag (den )?22\. marts$/ });
    expect(within(monday).getByText('10.00–11.30')).toBeInTheDocument();
    expect(within(monday).getByRole('link', { name: 'Samtalegruppe for kvinder' })).toHaveAttribute('href', '/groups/a');
    expect(within(monday).getByText('Netværkshuset')).toBeInTheDocument();
    const sunday = screen.getByRole('listitem', { name: /^søndag (den )?28\. marts$/ });
    expect(within(sunday).getByText('11.00–13.00')).toBeInTheDocument();
    expect(within(sunday).getByText('Online')).toBeInTheDocument();
    expect(within(sunday).getByText('Aflyst')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Næste uge' })).toHaveAttribute('href', '/calendar?start=2027-03-29');
    expect(await screen.findByText('Du har ingen abonnementsadresse.')).toBeInTheDocument();
    expect(sent.map((request) => request.path)).toContain('/api/calendar/feed');
  });

  it('shows a new feed address once, and never asks the server for it again', async () => {
    let hasFeed = false;
    const sent = mockServer([
      { method: 'GET', path: '/api/calendar/week', answer: { body: week } },
      { method: 'GET', path: '/api/calendar/feed', answer: () => ({ body: { hasFeed, createdAt: hasFeed ? '2027-03-22T09:00:00.000Z' : null, lastUsedAt: null } }) },
      {
        method: 'POST',
        path: '/api/calendar/feed',
        answer: () => {
          hasFeed = true;
          return { status: 201, body: { url: 'http://localhost/kalender/abc.ics', createdAt: '2027-03-22T09:00:00.000Z' } };
        },
      },
    ]);
    const { user } = renderInApp(<CalendarPage />, { path: '/calendar', routePath: '/calendar' });
    await user.click(await screen.findByRole('button', { name: 'Opret abonnementsadresse' }));
    expect(await screen.findByLabelText('Abonnementsadresse')).toHaveValue('http://localhost/kalender/abc.ics');
    expect(await screen.findByText(/Du har en abonnementsadresse, oprettet/)).toBeInTheDocument();
    expect(sent.filter((request) => request.method === 'POST').map((request) => request.body)).toEqual([{}]);
  });
});
