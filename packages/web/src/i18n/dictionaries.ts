// The whole app's texts: the shared words (da.ts, en.ts) and each feature's own (features/<area>/<area>.da.ts …),
// composed under the same key paths as before, so `t('newReferral.…')` works wherever it is called from.
import { approvalsDa } from '../features/approvals/approvals.da';
import { approvalsEn } from '../features/approvals/approvals.en';
import { authDa } from '../features/auth/auth.da';
import { authEn } from '../features/auth/auth.en';
import { campaignsDa } from '../features/campaigns/campaigns.da';
import { campaignsEn } from '../features/campaigns/campaigns.en';
import { eventsDa } from '../features/events/events.da';
import { eventsEn } from '../features/events/events.en';
import { coursesDa } from '../features/courses/courses.da';
import { coursesEn } from '../features/courses/courses.en';
import { directoryDa } from '../features/directory/directory.da';
import { directoryEn } from '../features/directory/directory.en';
import { referralsDa } from '../features/referrals/referrals.da';
import { referralsEn } from '../features/referrals/referrals.en';
import { inboxDa } from '../features/inbox/inbox.da';
import { inboxEn } from '../features/inbox/inbox.en';
import { usersDa } from '../features/admin/users.da';
import { usersEn } from '../features/admin/users.en';
import { servicesDa } from '../features/services/services.da';
import { servicesEn } from '../features/services/services.en';
import { organisationsDa } from '../features/platform/organisations.da';
import { organisationsEn } from '../features/platform/organisations.en';
import { messagesDa } from '../features/platform/messages.da';
import { messagesEn } from '../features/platform/messages.en';
import { programmesDa } from '../features/programmes/programmes.da';
import { programmesEn } from '../features/programmes/programmes.en';
import { calendarDa } from '../features/calendar/calendar.da';
import { calendarEn } from '../features/calendar/calendar.en';
import { peerSupportDa } from '../features/peer-support/peer-support.da';
import { peerSupportEn } from '../features/peer-support/peer-support.en';
import { communityMeetingsDa } from '../features/community-meetings/community-meetings.da';
import { communityMeetingsEn } from '../features/community-meetings/community-meetings.en';
import { groupsDa } from '../features/groups/groups.da';
import { groupsEn } from '../features/groups/groups.en';
import { da } from './da';
import { en } from './en';
import type { Translation } from './translation';

export const daDictionary = {
  ...da,
  ...organisationsDa,
  ...messagesDa,
  ...usersDa,
  ...servicesDa,
  ...programmesDa,
  ...inboxDa,
  ...referralsDa,
  ...authDa,
  directory: directoryDa,
  approvals: approvalsDa,
  campaigns: campaignsDa,
  courses: coursesDa,
  calendar: calendarDa,
  peerSupport: peerSupportDa,
  events: eventsDa,
  communityMeetings: communityMeetingsDa,
  groups: groupsDa,
};

export const enDictionary: Translation<typeof daDictionary> = {
  ...en,
  ...organisationsEn,
  ...messagesEn,
  ...usersEn,
  ...servicesEn,
  ...programmesEn,
  ...inboxEn,
  ...referralsEn,
  ...authEn,
  directory: directoryEn,
  approvals: approvalsEn,
  campaigns: campaignsEn,
  courses: coursesEn,
  calendar: calendarEn,
  peerSupport: peerSupportEn,
  events: eventsEn,
  communityMeetings: communityMeetingsEn,
  groups: groupsEn,
};

/** Each feature's pair, for the check that Danish and English have exactly the same keys. */
export const dictionaryPairs = {
  shared: [da, en],
  organisations: [organisationsDa, organisationsEn],
  messages: [messagesDa, messagesEn],
  users: [usersDa, usersEn],
  programmes: [programmesDa, programmesEn],
  inbox: [inboxDa, inboxEn],
  referrals: [referralsDa, referralsEn],
  auth: [authDa, authEn],
  directory: [directoryDa, directoryEn],
  approvals: [approvalsDa, approvalsEn],
  campaigns: [campaignsDa, campaignsEn],
  courses: [coursesDa, coursesEn],
  calendar: [calendarDa, calendarEn],
  events: [eventsDa, eventsEn],
  communityMeetings: [communityMeetingsDa, communityMeetingsEn],
  groups: [groupsDa, groupsEn],
} as const;
