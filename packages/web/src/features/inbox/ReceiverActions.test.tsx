import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { dialog, hotline, testReceiverReferral, testSession } from '../../test/builders';
import { mockServer, problem, type Answer } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { ReceiverActions } from './ReceiverActions';

const coordinator = testSession({ role: 'intake_coordinator', permissions: ['referral:intake', 'referral:decide', 'referral:contact'] });
const referral = testReceiverReferral();

function renderActions(routes: Parameters<typeof mockServer>[0] = [], overrides = {}) {
  const sent = mockServer([{ method: 'GET', path: '/api/inbox/reroute-options', answer: { body: [dialog, hotline] } }, ...routes]);
  const onDone = vi.fn();
  const view = renderInApp(<ReceiverActions referral={{ ...referral, ...overrides }} onDone={onDone} message={undefined} />, { session: coordinator, path: '/inbox/x', routePath: '/inbox/:id' });
  return { ...view, sent, onDone };
}

const panel = (name: string | RegExp) => screen.getByRole('form', { name });
/** Its heading counts the attempts: "Kontaktforsøg (0 af højst 3)". */
const contactPanel = () => panel(/^Kontaktforsøg \(/);
const attempt = (answer: Answer) => [{ method: 'POST', path: `/api/inbox/${referral.id}/contact-attempts`, answer }];

describe('the contact attempt panel', () => {
  it('asks for the outcome at the field, and sends nothing', async () => {
    const { user, sent } = renderActions();
    await user.click(within(contactPanel()).getByRole('button', { name: 'Registrer kontaktforsøg' }));
    expect(within(contactPanel()).getByRole('group', { name: 'Hvordan gik kontaktforsøget?' })).toHaveAccessibleDescription(/Vælg, hvordan kontaktforsøget gik/);
    expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('records the attempt and hands on the updated referral', async () => {
    const { user, sent, onDone } = renderActions(attempt({ body: { ...referral, contactAttemptCount: 1 } }));
    const contact = contactPanel();
    await user.click(within(contact).getByLabelText('Borgeren blev ikke nået'));
    await user.type(within(contact).getByLabelText('Note om kontaktforsøget (valgfri)'), ' Telefonsvarer ');
    await user.click(within(contact).getByRole('button', { name: 'Registrer kontaktforsøg' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ ...referral, contactAttemptCount: 1 }, 'Kontaktforsøget er registreret.'));
    expect(sent.at(-1)?.body).toEqual({ outcome: 'not_reached', note: 'Telefonsvarer' });
    expect(within(contact).getByLabelText('Borgeren blev ikke nået')).not.toBeChecked();
  });

  it('puts a server field error on its field', async () => {
    const { user } = renderActions(attempt(problem(422, { errors: [{ path: 'body.note', message: 'Noten er for lang' }] })));
    const contact = contactPanel();
    await user.click(within(contact).getByLabelText('Borgeren blev nået'));
    await user.click(within(contact).getByRole('button', { name: 'Registrer kontaktforsøg' }));
    expect(await within(contact).findByText('Noten er for lang')).toBeVisible();
    expect(within(contact).getByLabelText('Note om kontaktforsøget (valgfri)')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows a refusal of the whole action in an alert', async () => {
    const { user } = renderActions(attempt('network-failure'));
    const contact = contactPanel();
    await user.click(within(contact).getByLabelText('Borgeren blev nået'));
    await user.click(within(contact).getByRole('button', { name: 'Registrer kontaktforsøg' }));
    const alert = await within(contact).findByRole('alert');
    expect(alert).toHaveTextContent('Handlingen kunne ikke udføres');
    expect(alert).toHaveTextContent(/Der er ingen forbindelse til Bro lige nu/);
  });
});

describe('the decline panel', () => {
  it('asks who decided and why', async () => {
    const { user } = renderActions();
    const decline = panel('Afvis henvisningen');
    await user.click(within(decline).getByRole('button', { name: 'Afvis' }));
    expect(within(decline).getByRole('group', { name: 'Hvem har besluttet det?' })).toHaveAccessibleDescription(/Vælg, hvem der har besluttet det/);
  });

  it('offers only the reasons the decider may give, and lets only the citizen decline once accepted', async () => {
    const { user } = renderActions([], { status: 'accepted' });
    const decline = panel('Afvis henvisningen');
    expect(within(decline).getByLabelText('Borgeren')).toBeChecked();
    expect(within(decline).queryByLabelText('Tilbuddet')).not.toBeInTheDocument();
    expect(within(decline).queryByLabelText('Ingen kapacitet')).not.toBeInTheDocument();
    await user.click(within(decline).getByLabelText('Borgeren ønsker ikke hjælpen'));
    expect(within(decline).getByLabelText('Borgeren ønsker ikke hjælpen')).toBeChecked();
  });
});

describe('the reroute panel', () => {
  it('asks for a service, then for the new recipient’s consent', async () => {
    const { user } = renderActions();
    const reroute = panel('Viderehenvis til et andet tilbud');
    await user.click(within(reroute).getByRole('button', { name: 'Viderehenvis' }));
    expect(within(reroute).getByLabelText('Nyt tilbud')).toHaveAccessibleDescription(/Vælg det tilbud, du viderehenviser til/);

    // The referral is about a person exposed to violence: a perpetrator-line service is not offered.
    expect(within(within(reroute).getByLabelText('Nyt tilbud')).queryByRole('option', { name: /Dialog mod Vold/ })).toBeNull();
    await user.selectOptions(within(reroute).getByLabelText('Nyt tilbud'), hotline.id);
    await user.click(within(reroute).getByRole('button', { name: 'Viderehenvis' }));
    expect(within(reroute).getByLabelText(/^Borgeren har givet samtykke til, at Lev Uden Vold/)).toHaveAccessibleDescription(/Bekræft, at borgeren har givet samtykke/);
  });

  it('sends the reroute with the new consent and goes back to the inbox', async () => {
    const { user, sent } = renderActions([{ method: 'POST', path: `/api/inbox/${referral.id}/reroute`, answer: { status: 204 } }]);
    const reroute = panel('Viderehenvis til et andet tilbud');
    await user.selectOptions(await within(reroute).findByLabelText('Nyt tilbud'), hotline.id);
    await user.click(within(reroute).getByLabelText(/^Borgeren har givet samtykke til, at Lev Uden Vold/));
    await user.click(within(reroute).getByRole('button', { name: 'Viderehenvis' }));
    expect(await screen.findByText('Somewhere else')).toBeVisible();
    expect(sent.at(-1)?.body).toMatchObject({ toServiceId: hotline.id, consent: { recipientOrganisationId: hotline.organisationId, dataCategories: ['identity', 'contact'] } });
  });
});
