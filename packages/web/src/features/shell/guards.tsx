import type { Permission } from '@bro/domain';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/useSession';
import { NotAllowedPage } from './NotFoundPage';

/** Signed-out visitors go to the login page, which brings them back here afterwards (the path holds ids only). */
export function RequireSession() {
  const { session } = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <Outlet />;
}

/** The server enforces every permission; this only spares the user a page whose every request would fail. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { session } = useSession();
  return session?.permissions.includes(permission) ? children : <NotAllowedPage />;
}

/**
 * The start page depends on what the role is for, first match wins. A counsellor (the one role that works
 * courses, `course:write`) starts on their caseload, not on the intake inbox they can also open.
 */
const startPages: readonly { permission: Permission; path: string }[] = [
  { permission: 'referral:create', path: '/referrals/new' },
  { permission: 'referral:track', path: '/referrals' },
  { permission: 'course:write', path: '/caseload' },
  { permission: 'referral:intake', path: '/inbox' },
  { permission: 'course:read', path: '/courses' },
  { permission: 'users:manage', path: '/admin/users' },
  { permission: 'services:manage', path: '/admin/services' },
  { permission: 'directory:manage', path: '/admin/directory' },
  { permission: 'campaigns:manage', path: '/admin/campaigns' },
  { permission: 'organisations:manage', path: '/platform/organisations' },
  { permission: 'peer_support:support', path: '/my-pairings' },
];

export function StartRedirect() {
  const { session } = useSession();
  const start = startPages.find((page) => session?.permissions.includes(page.permission));
  return start ? <Navigate to={start.path} replace /> : <NotAllowedPage />;
}
