import type { Permission, SessionInfo } from '@bro/domain';
import { createContext, useContext } from 'react';
import type { SignedOutReason } from '../../api/client';

export type SessionContextValue = {
  /** `null` when signed out. */
  session: SessionInfo | null;
  /** True shortly before the server would end an idle session. */
  isIdleWarningShown: boolean;
  /** After TOTP: the server answered with the new session. */
  signIn: (session: SessionInfo) => void;
  /** Ends the session on the server (for `logout`) and reloads the app at the login page. */
  signOut: (reason: SignedOutReason) => Promise<void>;
  /** GET /api/session again; the server counts it as activity, so it also keeps an idle session alive. */
  refresh: () => Promise<void>;
};

export const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in session; for pages that are only ever rendered behind the session guard. */
export function useSignedInSession(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('useSignedInSession used without a session');
  return session;
}

export function useHasPermission(permission: Permission): boolean {
  const { session } = useSession();
  return session?.permissions.includes(permission) ?? false;
}
