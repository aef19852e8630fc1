import type { SessionInfo } from '@bro/domain';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { createQueryClient } from '../api/query-client';
import { SessionContext, type SessionContextValue } from '../features/auth/useSession';
import { testSession } from './builders';

type Options = {
  /** The path the app is at, e.g. `/inbox/abc`; with `routePath` the page gets its params. */
  path?: string;
  routePath?: string;
  /** The signed-in session; `null` for a signed-out visitor. */
  session?: SessionInfo | null;
};

/** Renders a page or form as the app would: a fresh query client, a router, a session. Returns a user to act with. */
export function renderInApp(ui: ReactNode, { path = '/', routePath, session = testSession() }: Options = {}): RenderResult & { user: UserEvent } {
  const sessionValue: SessionContextValue = {
    session,
    isIdleWarningShown: false,
    signIn: () => undefined,
    signOut: async () => undefined,
    refresh: async () => undefined,
  };
  const user = userEvent.setup();
  const result = render(
    <QueryClientProvider client={createQueryClient()}>
      <SessionContext.Provider value={sessionValue}>
        <MemoryRouter initialEntries={[path]}>
          {routePath ? (
            <Routes>
              <Route path={routePath} element={ui} />
              <Route path="*" element={<p>Somewhere else</p>} />
            </Routes>
          ) : (
            ui
          )}
        </MemoryRouter>
      </SessionContext.Provider>
    </QueryClientProvider>,
  );
  return { ...result, user };
}
