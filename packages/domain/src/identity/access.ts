import { z } from 'zod';

/** Kinds of organisation on the platform. Each organisation is its own data controller. */
export const OrganisationKind = z.enum([
  'police_district',
  'municipality',
  'national_hotline',
  'counselling_service',
  'shelter',
  'perpetrator_programme',
  'ngo',
  'platform_operator',
]);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/**
 * A role is held through a membership of one organisation. Roles are deliberately few; what a role may do is
 * declared once, in {@link permissionsByRole}, and enforced on every route.
 */
export const Role = z.enum([
  'referrer',
  'intake_coordinator',
  'counsellor',
  'supervisor',
  'organisation_admin',
  'platform_admin',
  /** Runs community meetings and records open events (trained staff or a volunteer); reads no course or referral. */
  'facilitator',
  /** A volunteer who has lived through violence: sees only the first name and safe-contact choices of those matched with them. */
  'peer_supporter',
]);
export type Role = z.infer<typeof Role>;

/**
 * Victim-side and perpetrator-side work are separate service lines. A membership limited to one line never sees
 * referrals of the other; `null` on a membership means every line of that organisation (e.g. the hotline).
 */
export const ServiceLine = z.enum(['victim', 'perpetrator']);
export type ServiceLine = z.infer<typeof ServiceLine>;

/**
 * Every route declares exactly one of these. `public` routes need no session; `session` routes need a fully
 * authenticated session but no particular role; `mfa_pending` routes are the steps between password and TOTP.
 */
export const Permission = z.enum([
  'public',
  'mfa_pending',
  'session',
  'referral:create',
  'referral:track',
  'referral:intake',
  'referral:decide',
  'referral:contact',
  /** Manage the organisation's users and their memberships. Nothing else: each other admin task has its own. */
  'users:manage',
  /** Create and change the organisation's services: line, deadlines, contact attempts. No case content. */
  'services:manage',
  /** Maintain the organisation's own listings in the public help directory. No personal data. */
  'directory:manage',
  /**
   * Approve or reject proposed directory listings (new ones and changes) of every organisation before they go
   * public. Never one's own proposal: approval takes another person.
   */
  'directory:approve',
  /** Maintain the organisation's campaign pages and publish them on the public site. */
  'campaigns:manage',
  /** Read the organisation's anonymous statistics (counts only, small counts suppressed), e.g. "heard about us". */
  'statistics:read',
  'organisations:manage',
  /** Start programmes and appoint their managers. Configuring a programme is its managers' (a grant, not a role). */
  'programmes:manage',
  /** Read the courses of the services one is assigned to (course content: access-logged). */
  'course:read',
  /** Open a course and decide its triage. */
  'course:triage',
  /** Record the work of a course: sessions, notes, assessments, safety plan, onward referrals, outcomes, closing. */
  'course:write',
  /** See another counsellor's caseload (faglig supervision). */
  'course:supervise',
  /** Set a service's course template, eligibility rules and staff. No course content. */
  'course:configure',
  /** Produce a person's "who looked at my data" extract (GDPR Art. 15). */
  'access_history:produce',
  /** Publish a new version of a risk instrument. No course content. */
  'instruments:manage',
  /** See how outgoing messages fared (template, channel, status: never recipient or text) and retry dead ones. */
  'platform:messages',
  /** Define a service's group offers, keep their waiting lists, form and run conversation groups (meetings, attendance, outcomes). */
  'groups:manage',
  /** Publish a service's recurring open events (drop-in, lunch) and record their anonymous head counts. */
  'events:manage',
  /** Plan community meetings (theme, cities, dates, places, facilitators) and read their evaluations. */
  'community_meetings:manage',
  /** Run the community meetings one facilitates: sign-ups, head count, the facilitator's report. */
  'community_meetings:facilitate',
  /** Keep a service's peer-supporter register, match people with them (with consent), supervise and end pairings. */
  'peer_support:coordinate',
  /** A peer supporter's own pairings: first name, safe-contact choices, and the contacts they log. Nothing else. */
  'peer_support:support',
]);
export type Permission = z.infer<typeof Permission>;

/** The authorization matrix as data: it drives enforcement, the access tests and the docs. */
export const permissionsByRole: Record<Role, readonly Permission[]> = {
  referrer: ['referral:create', 'referral:track'],
  intake_coordinator: ['referral:intake', 'referral:decide', 'referral:contact', 'course:read', 'course:triage', 'access_history:produce', 'groups:manage', 'events:manage'],
  counsellor: [
    'referral:intake',
    'referral:contact',
    'course:read',
    'course:triage',
    'course:write',
    'access_history:produce',
    'groups:manage',
    'events:manage',
    'community_meetings:manage',
    'community_meetings:facilitate',
    'peer_support:coordinate',
  ],
  // A supervisor (faglig leder) reads the courses of their services and their counsellors' caseloads; writes none.
  supervisor: ['course:read', 'course:supervise', 'access_history:produce'],
  // The organisation admin does all of the organisation's own administration; each task is still its own permission,
  // so a role that should, say, keep the directory listings up to date need not be able to manage users.
  organisation_admin: [
    'users:manage',
    'services:manage',
    'directory:manage',
    'campaigns:manage',
    'statistics:read',
    'course:configure',
    'events:manage',
    'community_meetings:manage',
  ],
  // A platform admin runs the platform but can read no case content: no referral or course permission at all. The
  // platform operator is also the national directory desk, approving what organisations propose for the directory.
  platform_admin: ['organisations:manage', 'programmes:manage', 'instruments:manage', 'platform:messages', 'directory:approve'],
  // A facilitator (trained staff or a volunteer) hosts meetings and open events; no referral, course or person record.
  facilitator: ['community_meetings:facilitate', 'events:manage'],
  // A peer supporter signs in to their own pairings only (first name and safe-contact choices, their contact log).
  peer_supporter: ['peer_support:support'],
};

/** Roles that can read case data must use a second factor (QUALITY.md #1). We require it of every role. */
export function isSecondFactorRequired(_role: Role): boolean {
  return true;
}

export function hasPermission(role: Role, permission: Permission): boolean {
  if (permission === 'public' || permission === 'session' || permission === 'mfa_pending') return true;
  return permissionsByRole[role].includes(permission);
}

/** The roles the matrix gives a role permission, in {@link Role} order: e.g. who to notify about a task. */
export function listRolesWithPermission(permission: Permission): Role[] {
  return Role.options.filter((role) => permissionsByRole[role].includes(permission));
}
