import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, configureApi, fetchSession, logOut, setCsrfToken, type SessionInfo, type SignedOutReason } from '../../api';
import { currentLanguage } from '../../i18n';
import { LoadFailed, Loading } from '../../ui/Loading';
import { SessionContext, type SessionContextValue } from './useSession';

/**
 * Leaving always reloads the page at the staff app's login page: a full reload is the surest way to drop every piece of personal data
 * this tab still holds in memory. The reason in the URL is a fixed word, never personal data.
 */
function leaveToLogin(reason: SignedOutReason): void {
  setCsrfToken(undefined);
  window.location.replace(`${import.meta.env.BASE_URL}login?reason=${reason}`);
}

type IdleState = 'active' | 'warning';

export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [loadState, setLoadState] = useState<'loading' | 'ready' | ApiError>('loading');
  const [idleState, setIdleState] = useState<IdleState>('active');
  const lastActivityAt = useRef(Date.now());
  const isLeaving = useRef(false);

  const leave = useCallback(async (reason: SignedOutReason) => {
    if (isLeaving.current) return;
    isLeaving.current = true;
    // Our idle clock may run slightly behind the server's: end the session there too, or the login page would
    // find it still alive. When the server already said the session is gone there is nothing to end.
    if (reason !== 'expired') {
      try {
        await logOut();
      } catch {
        // Leave anyway: the server ends an abandoned session after its idle timeout.
      }
    }
    leaveToLogin(reason);
  }, []);

  useEffect(() => {
    configureApi({
      getLanguage: currentLanguage,
      onSignedOut: (reason) => void leave(reason),
      onActivity: () => {
        lastActivityAt.current = Date.now();
      },
    });
  }, [leave]);

  const load = useCallback(async () => {
    setLoadState('loading');
    try {
      const info = await fetchSession();
      setCsrfToken(info.csrfToken);
      setSession(info);
      setLoadState('ready');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setSession(null);
        setLoadState('ready');
      } else {
        setLoadState(error instanceof ApiError ? error : new ApiError(0, undefined));
      }
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // The server ends a session after `idleTimeoutSeconds` without a request. We mirror that clock: a gentle
  // warning two minutes before (or at 80 % for short timeouts), and a clean return to the login page at the end.
  useEffect(() => {
    if (!session) return;
    const timeoutMs = session.idleTimeoutSeconds * 1000;
    const warnAfterMs = Math.max(timeoutMs - 120_000, timeoutMs * 0.8);
    const timer = window.setInterval(() => {
      const idleMs = Date.now() - lastActivityAt.current;
      if (idleMs >= timeoutMs) void leave('idle');
      else setIdleState(idleMs >= warnAfterMs ? 'warning' : 'active');
    }, 5_000);
    return () => window.clearInterval(timer);
  }, [session, leave]);

  const value = useMemo<SessionContextValue>(
    () => ({
      session,
      isIdleWarningShown: idleState === 'warning',
      signIn: (info) => {
        setCsrfToken(info.csrfToken);
        lastActivityAt.current = Date.now();
        setSession(info);
      },
      signOut: (reason) => leave(reason),
      refresh: async () => {
        const info = await fetchSession();
        setCsrfToken(info.csrfToken);
        setSession(info);
        setIdleState('active');
      },
    }),
    [session, idleState, leave],
  );

  if (loadState === 'loading') {
    return (
      <main className="container app-main" id="main">
        <Loading />
      </main>
    );
  }
  if (loadState instanceof ApiError) {
    return (
      <main className="container app-main" id="main">
        <h1>Bro</h1>
        <LoadFailed message={loadState.detail ?? t('errors.network')} onRetry={() => void load()} />
      </main>
    );
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
