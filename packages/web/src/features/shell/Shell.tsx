import type { Permission } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { changeLanguage, currentLanguage } from '../../i18n';
import { Loading } from '../../ui/Loading';
import { IdleWarningDialog } from '../auth/IdleWarningDialog';
import { ReauthenticationDialog } from '../auth/ReauthenticationDialog';
import { useSession } from '../auth/useSession';
import { InboxLiveProvider } from '../inbox/InboxLiveProvider';
import { useInboxLive } from '../inbox/useInboxLive';
import { managedProgrammesQuery } from '../programmes/programmes.api';
import { hasStaffCalendar } from '../calendar/calendar.api';

/** The frame of every page: skip link, header (who you are, language, log out), navigation, main. */
export function Shell() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };

  return (
    <InboxLiveProvider isEnabled={session?.permissions.includes('referral:intake') ?? false}>
      <div className="app-root">
        <a className="skipnav" href="#main" onClick={skipToMain}>
          {t('shell.skipToContent')}
        </a>
        <header className="header">
          <div className="solution-info">
            <div className="container app-header-inner">
              <Link to="/" className="app-brand">
                {t('shell.brand')}
              </Link>
              <div className="app-header-user">
                {session ? (
                  <p className="app-header-identity">
                    <span className="app-header-organisation">{session.organisation.name}</span>
                    <span>
                      {session.user.displayName}, {t(`roles.${session.role}`)}
                    </span>
                  </p>
                ) : null}
                <LanguageSwitch />
                {session ? (
                  <button type="button" className="button button-secondary" onClick={() => void signOut('logout')}>
                    {t('shell.logOut')}
                  </button>
                ) : null}
              </div>
            </div>
          </div>
          {session ? <MainNavigation permissions={session.permissions} /> : null}
        </header>
        <IdleWarningDialog />
        <ReauthenticationDialog />
        <main id="main" className="container app-main" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </InboxLiveProvider>
  );
}

function LanguageSwitch() {
  const { t } = useTranslation();
  const next = currentLanguage() === 'da' ? 'en' : 'da';
  // The button names the other language in that language, so a reader of either can find it.
  return (
    <button type="button" className="button button-tertiary" lang={next} onClick={() => void changeLanguage(next)}>
      {t('shell.otherLanguage')}
    </button>
  );
}

type NavItem = { to: string; permission: Permission; label: string; isEnd?: boolean };

function MainNavigation({ permissions }: { permissions: readonly Permission[] }) {
  const { t } = useTranslation();
  const live = useInboxLive();
  const managesProgrammes = (useQuery(managedProgrammesQuery).data?.length ?? 0) > 0;
  const navigation = useCurrentItemInView();
  const items: NavItem[] = [
    { to: '/referrals/new', permission: 'referral:create', label: t('nav.newReferral') },
    { to: '/referrals', permission: 'referral:track', label: t('nav.myReferrals'), isEnd: true },
    { to: '/inbox', permission: 'referral:intake', label: t('nav.inbox') },
    { to: '/caseload', permission: 'course:write', label: t('courses.nav.caseload') },
    { to: '/courses', permission: 'course:read', label: t('courses.nav.courses') },
    { to: '/supervision', permission: 'course:supervise', label: t('courses.nav.supervision') },
    { to: '/groups', permission: 'groups:manage', label: t('groups.nav') },
    { to: '/events', permission: 'events:manage', label: t('events.nav') },
    { to: '/community-meetings', permission: 'community_meetings:manage', label: t('communityMeetings.nav'), isEnd: true },
    { to: '/community-meetings/facilitated', permission: 'community_meetings:facilitate', label: t('communityMeetings.navFacilitated') },
    { to: '/peer-support', permission: 'peer_support:coordinate', label: t('peerSupport.nav') },
    { to: '/my-pairings', permission: 'peer_support:support', label: t('peerSupport.myNav') },
    { to: '/admin/users', permission: 'users:manage', label: t('nav.users') },
    { to: '/admin/change-requests', permission: 'users:manage', label: t('changeRequests.nav') },
    { to: '/admin/services', permission: 'services:manage', label: t('services.nav') },
    { to: '/course-config', permission: 'course:configure', label: t('courses.nav.config') },
    { to: '/admin/directory', permission: 'directory:manage', label: t('nav.directory') },
    { to: '/admin/campaigns', permission: 'campaigns:manage', label: t('campaigns.nav') },
    { to: '/platform/organisations', permission: 'organisations:manage', label: t('nav.organisations') },
    { to: '/platform/messages', permission: 'platform:messages', label: t('nav.messages') },
    { to: '/platform/programmes', permission: 'programmes:manage', label: t('programmes.platformNav') },
    { to: '/approvals', permission: 'directory:approve', label: t('approvals.nav') },
  ];
  const visible: NavItem[] = items.filter((item) => permissions.includes(item.permission));
  // Managing a programme is a grant on the programme, not a permission of the role: shown when there is one.
  if (managesProgrammes) visible.push({ to: '/programmes', permission: 'session', label: t('programmes.nav') });
  if (hasStaffCalendar(permissions)) visible.push({ to: '/calendar', permission: 'session', label: t('calendar.nav') });
  if (visible.length === 0) return null;
  return (
    <nav className="app-nav" aria-label={t('nav.label')} ref={navigation}>
      <div className="container">
        <ul>
          {visible.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.isEnd}>
                {item.label}
                {item.permission === 'referral:intake' && live && live.unreadCount > 0 ? (
                  <>
                    <span className="badge badge-info" aria-hidden="true">
                      {live.unreadCount}
                    </span>
                    <span className="sr-only">, {t('nav.unreadNotifications', { count: live.unreadCount })}</span>
                  </>
                ) : null}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

/**
 * On a phone the menu is one row scrolling inside itself (app.css): after each navigation the current item is
 * scrolled into that row. Only the row's own scroll position changes, never the page's.
 */
function useCurrentItemInView() {
  const { pathname } = useLocation();
  const navigation = useRef<HTMLElement>(null);
  useEffect(() => {
    const row = navigation.current?.querySelector('ul');
    const current = row?.querySelector<HTMLElement>('a[aria-current="page"]');
    if (!row || !current || row.scrollWidth <= row.clientWidth) return;
    row.scrollLeft += current.getBoundingClientRect().left - row.getBoundingClientRect().left - 16;
  }, [pathname]);
  return navigation;
}
