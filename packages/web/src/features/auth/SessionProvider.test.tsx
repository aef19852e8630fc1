import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { request } from '../../api/client';
import { queryClient } from '../../api/query-client';
import { testSession } from '../../test/builders';
import { mockServer } from '../../test/fetch-mock';
import { SessionProvider } from './SessionProvider';
import { useSession } from './useSession';

function WhoAmI() {
  const { session, signOut } = useSession();
  return (
    <>
      <p>{session ? session.user.displayName : 'Signed out'}</p>
      <button type="button" onClick={() => void request('POST', '/api/things', { body: {} })}>
        Change something
      </button>
      <button type="button" onClick={() => void signOut('logout')}>
        Leave
      </button>
    </>
  );
}

describe('the session provider', () => {
  it('loads the session and sends its CSRF token with every change', async () => {
    const sent = mockServer([
      { method: 'GET', path: '/api/session', answer: { body: testSession({ csrfToken: 'csrf-from-session' }) } },
      { method: 'POST', path: '/api/things', answer: { status: 204 } },
    ]);
    render(<SessionProvider><WhoAmI /></SessionProvider>);
    expect(await screen.findByText('Test Testesen')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Change something' }));
    await waitFor(() => expect(sent.find((request) => request.method === 'POST')?.headers['x-csrf-token']).toBe('csrf-from-session'));
    queryClient.clear();
  });

  it('treats a 401 as signed out, not as an error', async () => {
    mockServer([{ method: 'GET', path: '/api/session', answer: { status: 401, body: { code: 'unauthenticated', detail: 'No session' } } }]);
    render(<SessionProvider><WhoAmI /></SessionProvider>);
    expect(await screen.findByText('Signed out')).toBeVisible();
    queryClient.clear();
  });

  it('forgets all server state and reloads at the login page when leaving', async () => {
    const replace = vi.fn();
    vi.stubGlobal('location', { ...window.location, replace });
    mockServer([
      { method: 'GET', path: '/api/session', answer: { body: testSession() } },
      { method: 'POST', path: '/api/auth/logout', answer: { status: 204 } },
    ]);
    render(<SessionProvider><WhoAmI /></SessionProvider>);
    queryClient.setQueryData(['referrals', 'mine'], [{ personName: 'Mette' }]);
    await userEvent.click(await screen.findByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(replace).toHaveBeenCalledWith('/login?reason=logout'));
    expect(queryClient.getQueryData(['referrals', 'mine'])).toBeUndefined();
  });
});
