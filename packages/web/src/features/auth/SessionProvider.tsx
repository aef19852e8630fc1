import { QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { SessionInfo } from '@bro/domain';
import { configureApi, setCsrfToken, type SignedOutReason } from '../../api/client';
import { Loaded } from '../../api/Loaded';
import { releaseLeaveGuards } from '../../forms/leave-guard';
import { queryClient } from '../../api/query-client';
import { currentLanguage } from '../../i18n';
import { fetchSession, logOut, sessionKey, sessionQuery } from './auth.api';
import { useInputHeartbeat } from './useInputHeartbeat';
import { SessionContext, type SessionContextValue } from './useSession';

/**
 * Leaving always reloads the page at the staff app's login page: a full reload is the surest way to drop every piece of personal data
 * this tab still holds in memory. The reason in the URL is a fixed word, never personal data.
 */
function leaveToLogin(reason: SignedOutReason): void {
  setCsrfToken(undefined);
  releaseLeaveGuards();
  window.location.replace(`${import.meta.env.BASE_URL}login?reason=${reason}`);
}

/** Server state (TanStack Query, in memory only) and the session around the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionState>{children}</SessionState>
    </QueryClientProvider>
  );
}

function SessionState({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery(sessionQuery);
  const lastActivityAt = useRef(Date.now());
  const leave = useLeave();
  const { isIdleWarningShown, onActivity } = useIdleClock(query.data ?? null, lastActivityAt, leave);
  useApiHooks(leave, lastActivityAt, onActivity);
  useInputHeartbeat(query.data?.idleTimeoutSeconds, lastActivityAt);

  const value = useMemo<SessionContextValue>(() => {
    const show = (info: SessionInfo) => {
      setCsrfToken(info.csrfToken);
      lastActivityAt.current = Date.now();
      client.setQueryData(sessionKey, info);
    };
    return {
      session: query.data ?? null,
      isIdleWarningShown,
      signIn: show,
      signOut: leave,
      refresh: async () => show(await fetchSession()),
    };
  }, [client, query.data, isIdleWarningShown, leave]);

  if (query.data !== undefined) return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
  return (
    <main className="container app-main" id="main">
      {query.error ? <h1>Bro</h1> : null}
      <Loaded query={query}>{() => null}</Loaded>
    </main>
  );
}

/** Ends the session (on the server too, unless it already ended there), forgets all server state, and reloads. */
function useLeave() {
  const client = useQueryClient();
  const isLeaving = useRef(false);
  return useCallback(
    async (reason: SignedOutReason) => {
      if (isLeaving.current) return;
      isLeaving.current = true;
      // Our idle clock may run slightly behind the server's: end the session there too, or the login page would
      // find it still alive. When the server already said the session is gone there is nothing to end.
      if (reason !== 'expired') await logOut().catch(() => undefined);
      client.clear();
      leaveToLogin(reason);
    },
    [client],
  );
}

function useApiHooks(leave: (reason: SignedOutReason) => Promise<void>, lastActivityAt: RefObject<number>, onActivity: () => void) {
  useEffect(() => {
    configureApi({
      getLanguage: currentLanguage,
      onSignedOut: (reason) => void leave(reason),
      onActivity: () => {
        lastActivityAt.current = Date.now();
        onActivity();
      },
    });
  }, [leave, lastActivityAt, onActivity]);
}

/**
 * The server ends a session after `idleTimeoutSeconds` without a request (a heartbeat while typing is one). We mirror
 * that clock: a warning two minutes before (or at 80 % for short timeouts), gone again at the next answered request,
 * and a clean return to the login page at the end.
 */
function useIdleClock(session: SessionInfo | null, lastActivityAt: RefObject<number>, leave: (reason: SignedOutReason) => Promise<void>) {
  const [isWarning, setIsWarning] = useState(false);
  const onActivity = useCallback(() => setIsWarning(false), []);
  useEffect(() => {
    setIsWarning(false);
    if (!session) return;
    const timeoutMs = session.idleTimeoutSeconds * 1000;
    const warnAfterMs = Math.max(timeoutMs - 120_000, timeoutMs * 0.8);
    // Often enough that the warning stands for most of its time, also with a short timeout (development, e2e).
    const tickMs = Math.min(5_000, (timeoutMs - warnAfterMs) / 4);
    const timer = window.setInterval(() => {
      const idleMs = Date.now() - lastActivityAt.current;
      if (idleMs >= timeoutMs) void leave('idle');
      else setIsWarning(idleMs >= warnAfterMs);
    }, tickMs);
    return () => window.clearInterval(timer);
  }, [session, lastActivityAt, leave]);
  return { isIdleWarningShown: isWarning, onActivity };
}
