import type { Permission } from '@bro/domain';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { Route, Routes } from 'react-router';
import { RequirePermission, RequireSession, StartRedirect } from './features/shell/guards';
import { NotFoundPage } from './features/shell/NotFoundPage';
import { Shell } from './features/shell/Shell';

// Each area is its own chunk: a police officer's phone never downloads the admin pages, and the first load stays small.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> =>
  lazy(async () => ({ default: (await load())[name] }));

// The login page carries the form toolkit (react-hook-form, zod): only those who sign in need it.
const LoginPage = page(() => import('./features/auth/LoginPage'), 'LoginPage');
const UnlockPage = page(() => import('./features/auth/UnlockPage'), 'UnlockPage');
const NewReferralPage = page(() => import('./features/referrals/NewReferralPage'), 'NewReferralPage');
const MyReferralsPage = page(() => import('./features/referrals/MyReferralsPage'), 'MyReferralsPage');
const ReferralDetailPage = page(() => import('./features/referrals/ReferralDetailPage'), 'ReferralDetailPage');
const InboxPage = page(() => import('./features/inbox/InboxPage'), 'InboxPage');
const InboxReferralPage = page(() => import('./features/inbox/InboxReferralPage'), 'InboxReferralPage');
const UsersPage = page(() => import('./features/admin/UsersPage'), 'UsersPage');
const NewUserPage = page(() => import('./features/admin/NewUserPage'), 'NewUserPage');
const ChangeRequestsPage = page(() => import('./features/admin/ChangeRequestsPage'), 'ChangeRequestsPage');
const ServicesPage = page(() => import('./features/services/ServicesPage'), 'ServicesPage');
const DirectoryPage = page(() => import('./features/directory/DirectoryPage'), 'DirectoryPage');
const NewHelpServicePage = page(() => import('./features/directory/NewHelpServicePage'), 'NewHelpServicePage');
const EditHelpServicePage = page(() => import('./features/directory/EditHelpServicePage'), 'EditHelpServicePage');
const ApprovalsPage = page(() => import('./features/approvals/ApprovalsPage'), 'ApprovalsPage');
const CampaignsPage = page(() => import('./features/campaigns/CampaignsPage'), 'CampaignsPage');
const NewCampaignPage = page(() => import('./features/campaigns/NewCampaignPage'), 'NewCampaignPage');
const EditCampaignPage = page(() => import('./features/campaigns/EditCampaignPage'), 'EditCampaignPage');
const EventsPage = page(() => import('./features/events/EventsPage'), 'EventsPage');
const NewEventPage = page(() => import('./features/events/NewEventPage'), 'NewEventPage');
const EventPage = page(() => import('./features/events/EventPage'), 'EventPage');
const OrganisationsPage = page(() => import('./features/platform/OrganisationsPage'), 'OrganisationsPage');
const MessagesPage = page(() => import('./features/platform/MessagesPage'), 'MessagesPage');
const PlatformProgrammesPage = page(() => import('./features/programmes/PlatformProgrammesPage'), 'PlatformProgrammesPage');
const ProgrammesPage = page(() => import('./features/programmes/ProgrammesPage'), 'ProgrammesPage');
const ProgrammePage = page(() => import('./features/programmes/ProgrammePage'), 'ProgrammePage');
const CourseListPage = page(() => import('./features/courses/CourseListPage'), 'CourseListPage');
const NewCoursePage = page(() => import('./features/courses/NewCoursePage'), 'NewCoursePage');
const CoursePage = page(() => import('./features/courses/CoursePage'), 'CoursePage');
const CaseloadPage = page(() => import('./features/courses/CaseloadPage'), 'CaseloadPage');
const SupervisionPage = page(() => import('./features/courses/CaseloadPage'), 'SupervisionPage');
const CounsellorCaseloadPage = page(() => import('./features/courses/CaseloadPage'), 'CounsellorCaseloadPage');
const CourseConfigPage = page(() => import('./features/courses/CourseConfigPage'), 'CourseConfigPage');
const CalendarPage = page(() => import('./features/calendar/CalendarPage'), 'CalendarPage');
const PeerSupportPage = page(() => import('./features/peer-support/PeerSupportPage'), 'PeerSupportPage');
const MyPairingsPage = page(() => import('./features/peer-support/MyPairingsPage'), 'MyPairingsPage');
const CommunityMeetingsPage = page(() => import('./features/community-meetings/CommunityMeetingsPage'), 'CommunityMeetingsPage');
const NewCommunityMeetingPage = page(() => import('./features/community-meetings/NewCommunityMeetingPage'), 'NewCommunityMeetingPage');
const CommunityMeetingPage = page(() => import('./features/community-meetings/CommunityMeetingPage'), 'CommunityMeetingPage');
const MeetingEvaluationsPage = page(() => import('./features/community-meetings/MeetingEvaluationsPage'), 'MeetingEvaluationsPage');
const FacilitatedMeetingsPage = page(() => import('./features/community-meetings/FacilitatedMeetingsPage'), 'FacilitatedMeetingsPage');
const FacilitatedMeetingPage = page(() => import('./features/community-meetings/FacilitatedMeetingPage'), 'FacilitatedMeetingPage');
const GroupOffersPage = page(() => import('./features/groups/GroupOffersPage'), 'GroupOffersPage');
const NewGroupOfferPage = page(() => import('./features/groups/NewGroupOfferPage'), 'NewGroupOfferPage');
const EditGroupOfferPage = page(() => import('./features/groups/NewGroupOfferPage'), 'EditGroupOfferPage');
const GroupOfferPage = page(() => import('./features/groups/GroupOfferPage'), 'GroupOfferPage');
const GroupPage = page(() => import('./features/groups/GroupPage'), 'GroupPage');

const guarded = (permission: Permission, Page: ComponentType) => (
  <RequirePermission permission={permission}>
    <Page />
  </RequirePermission>
);

/** Groups, events, community meetings and peer support (issue 14): one guarded page per path. */
const groupAndEventPages: readonly [path: string, permission: Permission, Page: ComponentType][] = [
  ['peer-support', 'peer_support:coordinate', PeerSupportPage],
  ['my-pairings', 'peer_support:support', MyPairingsPage],
  ['events', 'events:manage', EventsPage],
  ['events/new', 'events:manage', NewEventPage],
  ['events/:id', 'events:manage', EventPage],
  ['community-meetings', 'community_meetings:manage', CommunityMeetingsPage],
  ['community-meetings/new', 'community_meetings:manage', NewCommunityMeetingPage],
  ['community-meetings/evaluations', 'community_meetings:manage', MeetingEvaluationsPage],
  ['community-meetings/facilitated', 'community_meetings:facilitate', FacilitatedMeetingsPage],
  ['community-meetings/facilitated/:id', 'community_meetings:facilitate', FacilitatedMeetingPage],
  ['community-meetings/:id', 'community_meetings:manage', CommunityMeetingPage],
  ['groups', 'groups:manage', GroupOffersPage],
  ['groups/offers/new', 'groups:manage', NewGroupOfferPage],
  ['groups/offers/:id', 'groups:manage', GroupOfferPage],
  ['groups/offers/:id/edit', 'groups:manage', EditGroupOfferPage],
  ['groups/:id', 'groups:manage', GroupPage],
];

/** Paths carry ids only, never names, CPR numbers or search terms (QUALITY.md #26). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route path="login" element={<LoginPage />} />
        <Route path="unlock" element={<UnlockPage />} />
        <Route element={<RequireSession />}>
          <Route index element={<StartRedirect />} />
          <Route path="referrals/new" element={guarded('referral:create', NewReferralPage)} />
          <Route path="referrals" element={guarded('referral:track', MyReferralsPage)} />
          <Route path="referrals/:id" element={guarded('referral:track', ReferralDetailPage)} />
          <Route path="inbox" element={guarded('referral:intake', InboxPage)} />
          <Route path="inbox/:id" element={guarded('referral:intake', InboxReferralPage)} />
          <Route path="admin/users" element={guarded('users:manage', UsersPage)} />
          <Route path="admin/users/new" element={guarded('users:manage', NewUserPage)} />
          <Route path="admin/change-requests" element={guarded('users:manage', ChangeRequestsPage)} />
          <Route path="admin/services" element={guarded('services:manage', ServicesPage)} />
          <Route path="admin/directory" element={guarded('directory:manage', DirectoryPage)} />
          <Route path="admin/directory/new" element={guarded('directory:manage', NewHelpServicePage)} />
          <Route path="admin/directory/:id" element={guarded('directory:manage', EditHelpServicePage)} />
          <Route path="approvals" element={guarded('directory:approve', ApprovalsPage)} />
          <Route path="admin/campaigns" element={guarded('campaigns:manage', CampaignsPage)} />
          <Route path="admin/campaigns/new" element={guarded('campaigns:manage', NewCampaignPage)} />
          <Route path="admin/campaigns/:id" element={guarded('campaigns:manage', EditCampaignPage)} />
          <Route path="platform/organisations" element={guarded('organisations:manage', OrganisationsPage)} />
          <Route path="platform/messages" element={guarded('platform:messages', MessagesPage)} />
          <Route path="platform/programmes" element={guarded('programmes:manage', PlatformProgrammesPage)} />
          {/* A programme manager holds a grant, not a permission: the server answers 404 for a programme they do not manage. */}
          <Route path="programmes" element={<ProgrammesPage />} />
          <Route path="programmes/:id" element={<ProgrammePage />} />
          <Route path="courses" element={guarded('course:read', CourseListPage)} />
          <Route path="courses/new" element={guarded('course:triage', NewCoursePage)} />
          <Route path="courses/:id/:section?" element={guarded('course:read', CoursePage)} />
          <Route path="caseload" element={guarded('course:read', CaseloadPage)} />
          <Route path="supervision" element={guarded('course:supervise', SupervisionPage)} />
          <Route path="supervision/:userId" element={guarded('course:supervise', CounsellorCaseloadPage)} />
          <Route path="course-config" element={guarded('course:configure', CourseConfigPage)} />
          {/* Every signed-in person's own calendar (permission `session`); the navigation offers it to those who run meetings. */}
          <Route path="calendar" element={<CalendarPage />} />
          {groupAndEventPages.map(([path, permission, Page]) => (
            <Route key={path} path={path} element={guarded(permission, Page)} />
          ))}
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
