import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockServer, problem } from '../../test/fetch-mock';
import { renderInApp } from '../../test/render';
import { testSession } from '../../test/builders';
import { CredentialsStep, groupSecret, LoginPage, returnPath, TotpStep } from './LoginPage';

const noProviders = { method: 'GET', path: '/api/auth/oidc/providers', answer: { body: [] } };
const summary = () => screen.getByRole('heading', { name: 'Der er en fejl i det, du har udfyldt' }).parentElement as HTMLElement;

describe('the credentials step', () => {
  it('names both missing fields in the summary and at the fields, and sends nothing', async () => {
    const sent = mockServer([noProviders]);
    const { user } = renderInApp(<CredentialsStep onPassed={vi.fn()} />, { session: null });
    await user.click(screen.getByRole('button', { name: 'Log ind' }));

    expect(within(summary()).getByRole('link', { name: 'Skriv din e-mail' })).toHaveAttribute('href', '#field-email');
    expect(within(summary()).getByRole('link', { name: 'Skriv din adgangskode' })).toBeVisible();
    expect(summary()).toHaveFocus();
    expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription(/Skriv din e-mail/);
    expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('moves to the code step after a right password', async () => {
    const sent = mockServer([noProviders, { method: 'POST', path: '/api/auth/login', answer: { body: { stage: 'mfa_required', csrfToken: 'csrf-1' } } }]);
    const onPassed = vi.fn();
    const { user } = renderInApp(<CredentialsStep onPassed={onPassed} />, { session: null });
    await user.type(screen.getByLabelText('E-mail'), ' Politi@Demo.bro.dk ');
    await user.type(screen.getByLabelText('Adgangskode'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Log ind' }));

    await waitFor(() => expect(onPassed).toHaveBeenCalledWith('mfa_required'));
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({ email: 'politi@demo.bro.dk', password: 'secret' });
  });

  it('shows the server’s refusal in the summary and empties the password', async () => {
    mockServer([noProviders, { method: 'POST', path: '/api/auth/login', answer: problem(401, { code: 'invalid_credentials', detail: 'Forkert e-mail eller adgangskode.' }) }]);
    const { user } = renderInApp(<CredentialsStep onPassed={vi.fn()} />, { session: null });
    await user.type(screen.getByLabelText('E-mail'), 'a@b.dk');
    await user.type(screen.getByLabelText('Adgangskode'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Log ind' }));

    expect(await within(summary()).findByText('Forkert e-mail eller adgangskode.')).toBeVisible();
    expect(screen.getByLabelText('Adgangskode')).toHaveValue('');
  });

  it('puts a field error of a 422 problem on its field', async () => {
    mockServer([noProviders, { method: 'POST', path: '/api/auth/login', answer: problem(422, { errors: [{ path: 'body.email', message: 'For lang' }] }) }]);
    const { user } = renderInApp(<CredentialsStep onPassed={vi.fn()} />, { session: null });
    await user.type(screen.getByLabelText('E-mail'), 'a@b.dk');
    await user.type(screen.getByLabelText('Adgangskode'), 'x');
    await user.click(screen.getByRole('button', { name: 'Log ind' }));

    expect(await within(summary()).findByRole('link', { name: 'For lang' })).toHaveAttribute('href', '#field-email');
    expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription(/For lang/);
  });

  it('says so when there is no connection', async () => {
    mockServer([noProviders, { method: 'POST', path: '/api/auth/login', answer: 'network-failure' }]);
    const { user } = renderInApp(<CredentialsStep onPassed={vi.fn()} />, { session: null });
    await user.type(screen.getByLabelText('E-mail'), 'a@b.dk');
    await user.type(screen.getByLabelText('Adgangskode'), 'x');
    await user.click(screen.getByRole('button', { name: 'Log ind' }));

    expect(await within(summary()).findByText(/Der er ingen forbindelse til Bro lige nu/)).toBeVisible();
  });

  it('offers the organisations’ own sign-in', async () => {
    mockServer([{ method: 'GET', path: '/api/auth/oidc/providers', answer: { body: [{ organisationSlug: 'kbh', displayName: 'Københavns Kommune' }] } }]);
    renderInApp(<CredentialsStep onPassed={vi.fn()} />, { session: null });
    expect(await screen.findByRole('link', { name: 'Log ind med Københavns Kommune' })).toHaveAttribute('href', '/api/auth/oidc/kbh/start');
  });
});

describe('the code step', () => {
  it('refuses a code that is not six digits', async () => {
    const sent = mockServer([]);
    const { user } = renderInApp(<TotpStep isEnrolment={false} onSignedIn={vi.fn()} onRestart={vi.fn()} />, { session: null });
    await user.type(screen.getByLabelText('Engangskode'), '12345');
    await user.click(screen.getByRole('button', { name: 'Bekræft' }));
    expect(within(summary()).getByRole('link', { name: 'Skriv de 6 cifre fra din godkendelses-app' })).toBeVisible();
    expect(sent).toEqual([]);
  });

  it('sends the code without the app’s space and signs in', async () => {
    const session = testSession();
    const sent = mockServer([{ method: 'POST', path: '/api/auth/totp', answer: { body: session } }]);
    const onSignedIn = vi.fn();
    const { user } = renderInApp(<TotpStep isEnrolment={false} onSignedIn={onSignedIn} onRestart={vi.fn()} />, { session: null });
    await user.type(screen.getByLabelText('Engangskode'), '123 456');
    await user.click(screen.getByRole('button', { name: 'Bekræft' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(session));
    expect(sent[0]?.body).toEqual({ code: '123456' });
  });

  it('starts again from the password when the half-finished sign-in ran out', async () => {
    mockServer([{ method: 'POST', path: '/api/auth/totp', answer: problem(401, { code: 'unauthenticated' }) }]);
    const onRestart = vi.fn();
    const { user } = renderInApp(<TotpStep isEnrolment={false} onSignedIn={vi.fn()} onRestart={onRestart} />, { session: null });
    await user.type(screen.getByLabelText('Engangskode'), '123456');
    await user.click(screen.getByRole('button', { name: 'Bekræft' }));
    await waitFor(() => expect(onRestart).toHaveBeenCalled());
  });

  it('shows a wrong code as the server says it, and lets the user try again', async () => {
    mockServer([{ method: 'POST', path: '/api/auth/totp', answer: problem(401, { code: 'invalid_totp', detail: 'Koden er forkert.' }) }]);
    const { user } = renderInApp(<TotpStep isEnrolment={false} onSignedIn={vi.fn()} onRestart={vi.fn()} />, { session: null });
    await user.type(screen.getByLabelText('Engangskode'), '123456');
    await user.click(screen.getByRole('button', { name: 'Bekræft' }));
    expect(await within(summary()).findByText('Koden er forkert.')).toBeVisible();
    expect(screen.getByLabelText('Engangskode')).toHaveValue('');
  });

  it('shows the enrolment secret in groups of four', async () => {
    mockServer([{ method: 'GET', path: '/api/auth/totp/enrolment', answer: { body: { otpauthUri: 'otpauth://x', qrCodeDataUrl: 'data:image/png;base64,AA==', secret: 'ABCDEFGHIJKL' } } }]);
    renderInApp(<TotpStep isEnrolment onSignedIn={vi.fn()} onRestart={vi.fn()} />, { session: null });
    expect(await screen.findByText('ABCD EFGH IJKL')).toBeVisible();
  });
});

describe('helpers', () => {
  it('groups a secret in fours', () => {
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    expect(groupSecret(' AB CD ')).toBe('ABCD');
  });

  it('returns only to app paths, never to the login page or another site', () => {
    expect(returnPath({ from: '/inbox/1' })).toBe('/inbox/1');
    expect(returnPath({ from: '//evil.example' })).toBe('/');
    expect(returnPath({ from: '/login?x' })).toBe('/');
    expect(returnPath(null)).toBe('/');
  });
});

describe('the login page after an identity provider, and with an invitation', () => {
  it('asks for the TOTP code when the provider’s first sign-in to an account with TOTP sent the browser back', async () => {
    mockServer([noProviders, { method: 'GET', path: '/api/auth/pending-login', answer: { body: { stage: 'mfa_required', csrfToken: 'csrf-oidc' } } }]);
    renderInApp(<LoginPage />, { session: null, path: '/login?step=totp' });
    expect(await screen.findByRole('heading', { name: 'Indtast engangskode' })).toBeVisible();
  });

  it('falls back to e-mail and password when there is no half-finished login', async () => {
    mockServer([noProviders, { method: 'GET', path: '/api/auth/pending-login', answer: problem(401, { code: 'unauthenticated' }) }]);
    renderInApp(<LoginPage />, { session: null, path: '/login?step=totp' });
    expect(await screen.findByRole('button', { name: 'Log ind' })).toBeVisible();
  });

  it('opens a one-time invitation: sends its token, never shows it, and shows a spent link as the server words it', async () => {
    const token = 'B'.repeat(43);
    const sent = mockServer([noProviders, { method: 'POST', path: '/api/auth/oidc/invitation', answer: problem(410, { code: 'enrolment_link_invalid', detail: 'Linket er brugt.' }) }]);
    const { user } = renderInApp(<LoginPage />, { session: null, path: `/login#oidc-invitation=${token}` });
    await user.click(await screen.findByRole('button', { name: 'Fortsæt til din organisations login' }));
    expect(await screen.findByText('Linket er brugt.')).toBeVisible();
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({ token });
    expect(document.body.textContent).not.toContain(token);
  });
});
