import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError, request } from '../../api/client';
import { mockServer, problem } from '../../test/fetch-mock';
import { testSession } from '../../test/builders';
import { renderInApp } from '../../test/render';
import { ReauthenticationDialog } from './ReauthenticationDialog';

/** A page with one risky change: its button sends it, and says how it went. */
function RiskyChange() {
  const [outcome, setOutcome] = useState('');
  const change = () =>
    request('PATCH', '/api/admin/users/u1', { body: { role: 'supervisor' } }).then(
      () => setOutcome('Gemt'),
      (error: unknown) => setOutcome(error instanceof ApiError ? `Afvist: ${error.code}` : 'Fejl'),
    );
  return (
    <>
      <button type="button" onClick={() => void change()}>
        Skift rolle
      </button>
      <p>{outcome}</p>
      <ReauthenticationDialog />
    </>
  );
}

const refusedOnce = () => {
  let calls = 0;
  return () => (++calls === 1 ? problem(403, { code: 'reauthentication_required', detail: 'Bekræft, at det er dig.' }) : { status: 200, body: { id: 'u1' } });
};

describe('the re-authentication dialog', () => {
  it('asks for password and code when the server wants a fresh proof of identity, then sends the change again', async () => {
    const sent = mockServer([
      { method: 'PATCH', path: '/api/admin/users/u1', answer: refusedOnce() },
      { method: 'POST', path: '/api/auth/reauthenticate', answer: { status: 204 } },
    ]);
    const { user } = renderInApp(<RiskyChange />);
    await user.click(screen.getByRole('button', { name: 'Skift rolle' }));
    const dialog = await screen.findByRole('dialog', { name: 'Bekræft, at det er dig' });
    await user.type(within(dialog).getByLabelText('Adgangskode'), 'korrekt-hest-batteri-klips');
    await user.type(within(dialog).getByLabelText('Engangskode'), '123 456');
    await user.click(within(dialog).getByRole('button', { name: 'Bekræft og fortsæt' }));

    expect(await screen.findByText('Gemt')).toBeVisible();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent.map((entry) => `${entry.method} ${entry.path}`)).toEqual(['PATCH /api/admin/users/u1', 'POST /api/auth/reauthenticate', 'PATCH /api/admin/users/u1']);
    expect(sent[1]?.body).toEqual({ password: 'korrekt-hest-batteri-klips', code: '123456' });
    expect(sent[2]?.body).toEqual({ role: 'supervisor' });
  });

  it('keeps asking after a wrong code, saying what the server said, and sends nothing else meanwhile', async () => {
    let attempts = 0;
    const sent = mockServer([
      { method: 'PATCH', path: '/api/admin/users/u1', answer: refusedOnce() },
      { method: 'POST', path: '/api/auth/reauthenticate', answer: () => (++attempts === 1 ? problem(401, { code: 'invalid_totp', detail: 'Engangskoden er forkert.' }) : { status: 204 }) },
    ]);
    const { user } = renderInApp(<RiskyChange />);
    await user.click(screen.getByRole('button', { name: 'Skift rolle' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Adgangskode'), 'korrekt-hest-batteri-klips');
    await user.type(within(dialog).getByLabelText('Engangskode'), '000000');
    await user.click(within(dialog).getByRole('button', { name: 'Bekræft og fortsæt' }));
    expect(await within(dialog).findByText('Engangskoden er forkert.')).toBeVisible();
    expect(sent.filter((entry) => entry.method === 'PATCH')).toHaveLength(1);

    await user.type(within(dialog).getByLabelText('Engangskode'), '654321');
    await user.click(within(dialog).getByRole('button', { name: 'Bekræft og fortsæt' }));
    expect(await screen.findByText('Gemt')).toBeVisible();
  });

  it('cancelled, leaves the change refused as the server said', async () => {
    const sent = mockServer([{ method: 'PATCH', path: '/api/admin/users/u1', answer: refusedOnce() }]);
    const { user } = renderInApp(<RiskyChange />);
    await user.click(screen.getByRole('button', { name: 'Skift rolle' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Annullér' }));
    expect(await screen.findByText('Afvist: reauthentication_required')).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent).toHaveLength(1);
  });

  it('offers a session from an identity provider a fresh sign-in instead of a password', async () => {
    mockServer([{ method: 'PATCH', path: '/api/admin/users/u1', answer: refusedOnce() }]);
    const { user } = renderInApp(<RiskyChange />, { session: { ...testSession(), authMethod: 'oidc' } });
    await user.click(screen.getByRole('button', { name: 'Skift rolle' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByLabelText('Adgangskode')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Log ud og log ind igen' })).toBeVisible();
  });
});
