import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testHelpService, testSession } from '../../test/builders';
import { mockServer, problem, type Answer } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { NewCampaignPage } from './NewCampaignPage';

const admin = testSession({ role: 'organisation_admin', permissions: ['users:manage', 'directory:manage', 'campaigns:manage', 'statistics:read'] });
const listing = testHelpService();
const summary = () => screen.getByRole('heading', { name: 'Der er en fejl i det, du har udfyldt' }).parentElement as HTMLElement;

function renderPage(createAnswer: Answer = { status: 201, body: { id: 'new-campaign' } }) {
  const sent = mockServer([
    { method: 'GET', path: '/api/directory/services', answer: { body: [listing] } },
    { method: 'GET', path: /^\/api\/hsds\/services/, answer: { body: { contents: [], last_page: true } } },
    { method: 'POST', path: '/api/campaigns', answer: createAnswer },
  ]);
  return { ...renderInApp(<NewCampaignPage />, { session: admin, path: '/admin/campaigns/new', routePath: '/admin/campaigns/new' }), sent };
}

async function fillTexts(user: ReturnType<typeof renderPage>['user']) {
  await user.type(screen.getByLabelText('Adresse på den offentlige side'), 'du-er-ikke-alene');
  for (const label of ['Titel på dansk', 'Titel på engelsk', 'Kort resumé på dansk', 'Kort resumé på engelsk', 'Tekst på dansk', 'Tekst på engelsk']) await user.type(screen.getByLabelText(label), 'x');
}

describe('the new campaign page', () => {
  it('names the refused fields in words before anything is sent', async () => {
    const { user, sent } = renderPage();
    await user.type(screen.getByLabelText('Adresse på den offentlige side'), 'Ikke Gyldig!');
    await user.click(screen.getByRole('button', { name: 'Opret kampagne' }));
    expect(within(summary()).getByRole('link', { name: /"Adresse på den offentlige side" må kun have små bogstaver/ })).toHaveAttribute('href', '#field-slug');
    expect(within(summary()).getByRole('link', { name: 'Udfyld "Titel på dansk"' })).toHaveAttribute('href', '#field-titleDa');
    expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('shows a taken address on the address field, in the form’s words', async () => {
    const { user } = renderPage(problem(409, { code: 'slug_taken', detail: 'Taken.' }));
    await fillTexts(user);
    await user.click(screen.getByRole('button', { name: 'Opret kampagne' }));
    expect(await within(summary()).findByRole('link', { name: 'Adressen bruges allerede af en anden kampagne. Vælg en anden.' })).toHaveAttribute('href', '#field-slug');
  });

  it('sends the chosen services in the order chosen, and goes on to the campaign', async () => {
    const { user, sent } = renderPage();
    await fillTexts(user);
    await user.click(await screen.findByLabelText(listing.nameDa));
    await user.click(screen.getByRole('button', { name: 'Opret kampagne' }));
    expect(await screen.findByText('Somewhere else')).toBeVisible();
    expect(sent.find((request) => request.method === 'POST')?.body).toMatchObject({ slug: 'du-er-ikke-alene', serviceIds: [listing.id] });
  });

  it('labels a new testimonial by its number and moves focus into it', async () => {
    const { user } = renderPage();
    await user.click(screen.getByRole('button', { name: 'Tilføj udtalelse' }));
    expect(within(screen.getByRole('group', { name: 'Udtalelse 1' })).getByLabelText('Citat')).toHaveFocus();
  });

  it('without directory:manage, finds the organisation’s own listings in the public directory, never in the directory admin API', async () => {
    const campaignKeeper = testSession({ role: 'organisation_admin', permissions: ['campaigns:manage'] });
    const listed = (id: string, organisationId: string, name: string) => ({ id, organization_id: organisationId, name, status: 'active' });
    const sent = mockServer([
      {
        method: 'GET',
        path: /^\/api\/hsds\/services/,
        answer: {
          body: {
            contents: [listed('00000000-0000-4000-8000-0000000000b1', campaignKeeper.organisation.id, 'Vores rådgivning'), listed('00000000-0000-4000-8000-0000000000b2', '00000000-0000-4000-8000-0000000000cc', 'Et andet tilbud')],
            last_page: true,
          },
        },
      },
    ]);
    renderInApp(<NewCampaignPage />, { session: campaignKeeper, path: '/admin/campaigns/new', routePath: '/admin/campaigns/new' });
    expect(within(await screen.findByRole('group', { name: 'Din organisations tilbud' })).getByLabelText('Vores rådgivning')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Andre organisationers tilbud' })).getByLabelText('Et andet tilbud')).toBeInTheDocument();
    expect(sent.filter((request) => request.path.startsWith('/api/directory/'))).toEqual([]);
  });
});
