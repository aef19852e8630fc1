import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, type Blocker, type BlockerFunction } from 'react-router';
import { ModalDialog } from '../ui/ModalDialog';

/** Whether leaving now would lose something: read at the moment a navigation starts, not when it was registered. */
type LeaveCheck = () => boolean;

const LeaveGuardContext = createContext<((check: LeaveCheck) => () => void) | undefined>(undefined);

/** Set once the app itself leaves (sign-out, idle timeout): that full reload must never wait for a question. */
let isLeavingApp = false;

/**
 * The app is about to reload at the login page: no form may hold it up. A stale question would keep personal
 * data on the screen of a session that has already ended on the server.
 */
export function releaseLeaveGuards(): void {
  isLeavingApp = true;
}

/**
 * Asks before a navigation loses unsaved input: a route change inside the app (one react-router blocker for the
 * whole app, since a router has only one) is held for a DKFDS dialog, and closing or reloading the tab gets the
 * browser's own question (`beforeunload`). Needs a data router around it (main.tsx); forms register through
 * `useLeaveGuard`.
 */
export function LeaveGuardProvider({ children }: { children: ReactNode }) {
  const checks = useRef(new Set<LeaveCheck>());
  const isAnyUnsaved = useCallback(() => !isLeavingApp && [...checks.current].some((check) => check()), []);
  const register = useCallback((check: LeaveCheck) => {
    checks.current.add(check);
    return () => void checks.current.delete(check);
  }, []);

  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) => (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search) && isAnyUnsaved(),
    [isAnyUnsaved],
  );
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!isAnyUnsaved()) return;
      event.preventDefault();
      // Older Chromium shows its question only when returnValue is set as well.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isAnyUnsaved]);

  return (
    <LeaveGuardContext.Provider value={register}>
      {children}
      {blocker.state === 'blocked' ? <LeaveQuestion blocker={blocker} /> : null}
    </LeaveGuardContext.Provider>
  );
}

function LeaveQuestion({ blocker }: { blocker: Blocker }) {
  const { t } = useTranslation();
  const stay = () => blocker.reset?.();
  return (
    <ModalDialog
      role="alertdialog"
      heading={t('leaveForm.heading')}
      onEscape={stay}
      actions={
        <>
          <button type="button" className="button button-primary" onClick={stay}>
            {t('leaveForm.stay')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => blocker.proceed?.()}>
            {t('leaveForm.leave')}
          </button>
        </>
      }
    >
      <p>{t('leaveForm.text')}</p>
    </ModalDialog>
  );
}

/**
 * Asks before leaving while `hasUnsavedInput` says so (a function is asked at the moment of leaving, so a form can
 * let its own successful submit navigate away). Does nothing outside a `LeaveGuardProvider`, as in tests of a
 * single page.
 */
export function useLeaveGuard(hasUnsavedInput: boolean | LeaveCheck): void {
  const register = useContext(LeaveGuardContext);
  const latest = useRef(hasUnsavedInput);
  latest.current = hasUnsavedInput;
  const check = useMemo<LeaveCheck>(() => () => (typeof latest.current === 'function' ? latest.current() : latest.current), []);
  useEffect(() => register?.(check), [register, check]);
}
