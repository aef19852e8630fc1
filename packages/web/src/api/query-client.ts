import { QueryClient } from '@tanstack/react-query';
import type { ApiError } from './client';

declare module '@tanstack/react-query' {
  interface Register {
    // The request core turns every failure into an ApiError, so queries and mutations fail with nothing else.
    defaultError: ApiError;
  }
}

/**
 * Server state lives here, in memory only: nothing is persisted, and the session's end clears it (SessionProvider).
 * A read of personal data is access-logged on the server, so nothing is refetched behind the user's back (no
 * refetch on focus or reconnect, no retries); a page that opens again shows what it had and asks once more.
 * `networkMode: 'always'` lets an offline request fail at once with the "no connection" message, as before.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        networkMode: 'always',
        // Kept briefly after a page closes, so going back shows it at once while it is asked for again.
        gcTime: 60_000,
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

/** The one client of the running app. Tests make their own with `createQueryClient()`. */
export const queryClient = createQueryClient();
