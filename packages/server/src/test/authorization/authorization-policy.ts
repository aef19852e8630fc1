import type { Role } from '@bro/domain';

/**
 * The authorization policy as people decided it, written down per operation — deliberately NOT read from the
 * routes' `config.permission` or from `permissionsByRole`: the matrix test compares what the app does with what
 * this file says it should do, so a wrong permission on a route, a missing object check or a side that leaks is
 * caught instead of being copied into the expectation. Change it only as a reviewed decision, then run
 * `npm run authz:matrix` to regenerate `authorization-matrix.json`.
 *
 * Per operation (keyed by its OpenAPI operationId):
 * - `who`: `public` (no session), `pending` (between password and second factor), `signed_in` (every role), or
 *   the roles that may call it.
 * - `object`: the kind of object its path names. With `scope: 'own'` only staff of the object's own organisation
 *   (and, for case data, its own service line) reach it: anyone else with the role gets `404`, never `403`.
 *   `scope: 'platform'` objects are the platform's (any platform admin). Without `object` the operation acts on or
 *   lists the caller's own things, so every permitted role is allowed whatever its organisation.
 * - `grant`: a right held by appointment, not by role (programme manager). In the matrix's world each side's own
 *   organisation admin manages that side's programme; everyone else without the grant gets `withoutGrant`
 *   (`not_found` for a programme: another's programme is not theirs to know of), except the platform admin where
 *   `platformAdmin` says it may act on any programme.
 * - `states`: the object (or installation) states the matrix also tries, and what a permitted caller then gets.
 */
export type Expected = 'allowed' | 'unauthenticated' | 'forbidden' | 'not_found';

type ObjectKind =
  | 'referral'
  | 'inbox_referral'
  | 'course'
  | 'user'
  | 'service'
  | 'organisation'
  | 'programme'
  | 'programme_grant'
  | 'notification'
  | 'caseload_user'
  | 'directory_listing'
  | 'approval_request'
  | 'change_request'
  | 'campaign'
  | 'dead_message'
  | 'peer_supporter'
  | 'peer_pairing'
  | 'open_event'
  | 'community_meeting'
  | 'group_offer'
  | 'group_waiting_entry'
  | 'conversation_group'
  | 'public';

export type OperationPolicy = {
  who: 'public' | 'pending' | 'signed_in' | readonly Role[];
  object?: ObjectKind;
  scope?: 'own' | 'platform';
  grant?: { withoutGrant: Expected; platformAdmin?: boolean };
  states?: Readonly<Record<string, Expected>>;
};

const referrer = ['referrer'] as const;
const intake = ['intake_coordinator', 'counsellor'] as const;
const decide = ['intake_coordinator'] as const;
const courseReaders = ['intake_coordinator', 'counsellor', 'supervisor'] as const;
const triage = ['intake_coordinator', 'counsellor'] as const;
const courseWriters = ['counsellor'] as const;
const orgAdmin = ['organisation_admin'] as const;
/** Open events (issue 14 §2): staff assigned to the event's service (on its side), its facilitators, the organisation's admin. */
const eventHosts = ['intake_coordinator', 'counsellor', 'organisation_admin', 'facilitator'] as const;
const ownEvent = { object: 'open_event', scope: 'own' } as const;
const platformAdmin = ['platform_admin'] as const;

const ownCourse = { object: 'course', scope: 'own' } as const;
const meetingPlanners = ['counsellor', 'organisation_admin'] as const;
const meetingFacilitators = ['counsellor', 'facilitator'] as const;
const ownMeeting = { object: 'community_meeting', scope: 'own' } as const;
/** groups:manage — the staff who run conversation groups; only at services they are assigned to, on their side. */
const groupManagers = ['intake_coordinator', 'counsellor'] as const;
const ownOffer = { object: 'group_offer', scope: 'own' } as const;
const ownGroup = { object: 'conversation_group', scope: 'own' } as const;
const managedProgramme = { object: 'programme_grant', grant: { withoutGrant: 'not_found' } } as const;
/** Reads of a course: a closed course is still read by its own staff. */
const readCourse = { ...ownCourse, states: { open: 'allowed', closed: 'allowed' } } as const;

export const authorizationPolicy: Readonly<Record<string, OperationPolicy>> = {
  // Health and sign-in: the doors everyone needs.
  getHealth: { who: 'public' },
  getReady: { who: 'public' },
  logIn: { who: 'public' },
  getAuthTotpEnrolment: { who: 'pending' },
  enrolAuthTotp: { who: 'pending' },
  verifyTotp: { who: 'pending' },
  getSession: { who: 'signed_in' },
  keepSessionAlive: { who: 'signed_in' },
  logOut: { who: 'signed_in' },
  enrolWithLink: { who: 'public' },
  listAuthOidcProviders: { who: 'public' },
  // An organisation without an enabled identity provider (the matrix's world has only disabled ones) has no OIDC sign-in to start.
  startOidcSignIn: { who: 'public', object: 'public', states: { no_enabled_identity_provider: 'not_found' } },
  completeOidcSignIn: { who: 'public' },
  // An OIDC invitation link is itself the credential: anyone holding it may start (a wrong token is refused later).
  invitationAuthOidc: { who: 'public' },
  // The unlock link from the holder's own e-mail is the credential: no session.
  unlockAccountWithLink: { who: 'public' },
  getAuthPendingLogin: { who: 'pending' },
  // Re-authentication is for a signed-in person, whatever the role.
  reauthenticateAuth: { who: 'signed_in' },

  // Platform administration: the platform operator only, and never case content.
  getPlatformOrganisationOidcProvider: { who: platformAdmin, object: 'organisation', scope: 'platform' },
  setPlatformOrganisationOidcProvider: { who: platformAdmin, object: 'organisation', scope: 'platform' },
  listPlatformOrganisations: { who: platformAdmin },
  createPlatformOrganisation: { who: platformAdmin },
  updatePlatformOrganisation: { who: platformAdmin, object: 'organisation', scope: 'platform' },
  createPlatformOrganisationAdmin: { who: platformAdmin, object: 'organisation', scope: 'platform' },
  listPlatformProgrammes: { who: platformAdmin },
  createPlatformProgramme: { who: platformAdmin },
  createPlatformProgrammeManager: { who: platformAdmin, object: 'programme', scope: 'platform' },
  getPlatformMessagesDead: { who: platformAdmin },
  retryPlatformMessage: { who: platformAdmin, object: 'dead_message', scope: 'platform' },
  // The development outbox shows recipients and texts: it does not exist outside development, not even for the operator.
  getPlatformMessagesDevelopmentOutbox: { who: platformAdmin, states: { production: 'not_found' } },
  runPlatformMessagesDevelopmentOutbox: { who: platformAdmin, states: { production: 'not_found' } },
  createRiskInstrument: { who: platformAdmin },
  listApprovalsDirectoryListings: { who: platformAdmin },
  approveApprovalsDirectoryListing: { who: platformAdmin, object: 'approval_request', scope: 'platform' },
  rejectApprovalsDirectoryListing: { who: platformAdmin, object: 'approval_request', scope: 'platform' },

  // An organisation's own administration: its admin, and only in its own organisation.
  listAdminUsers: { who: orgAdmin },
  createAdminUser: { who: orgAdmin },
  updateAdminUser: { who: orgAdmin, object: 'user', scope: 'own' },
  deactivateAdminUser: { who: orgAdmin, object: 'user', scope: 'own' },
  reactivateAdminUser: { who: orgAdmin, object: 'user', scope: 'own' },
  unlockAdminUser: { who: orgAdmin, object: 'user', scope: 'own' },
  resetAdminUserTotp: { who: orgAdmin, object: 'user', scope: 'own' },
  oidcAdminUserInvitation: { who: orgAdmin, object: 'user', scope: 'own' },
  // Four eyes: a platform change to an organisation waits for one of that organisation's own admins.
  listAdminChangeRequests: { who: orgAdmin },
  approveAdminChangeRequest: { who: orgAdmin, object: 'change_request', scope: 'own' },
  rejectAdminChangeRequest: { who: orgAdmin, object: 'change_request', scope: 'own' },
  listAdminUnits: { who: orgAdmin },
  createAdminUnit: { who: orgAdmin },
  listAdminServices: { who: orgAdmin },
  createAdminService: { who: orgAdmin },
  setAdminService: { who: orgAdmin, object: 'service', scope: 'own' },
  getAdminServiceEnd: { who: orgAdmin, object: 'service', scope: 'own' },
  endAdminService: { who: orgAdmin, object: 'service', scope: 'own' },
  listCourseConfigServices: { who: orgAdmin },
  setCourseConfigServiceTemplate: { who: orgAdmin, object: 'service', scope: 'own' },
  createCourseConfigServiceEligibilityRule: { who: orgAdmin, object: 'service', scope: 'own' },
  listCourseConfigServiceEligibilityRules: { who: orgAdmin, object: 'service', scope: 'own' },
  setCourseConfigServiceStaff: { who: orgAdmin, object: 'service', scope: 'own' },
  listDirectoryServices: { who: orgAdmin },
  createDirectoryService: { who: orgAdmin },
  getDirectoryService: { who: orgAdmin, object: 'directory_listing', scope: 'own' },
  updateDirectoryService: { who: orgAdmin, object: 'directory_listing', scope: 'own' },
  markDirectoryServiceChecked: { who: orgAdmin, object: 'directory_listing', scope: 'own' },
  listCampaigns: { who: orgAdmin },
  createCampaign: { who: orgAdmin },
  getCampaign: { who: orgAdmin, object: 'campaign', scope: 'own' },
  updateCampaign: { who: orgAdmin, object: 'campaign', scope: 'own' },
  publishCampaign: { who: orgAdmin, object: 'campaign', scope: 'own' },
  unpublishCampaign: { who: orgAdmin, object: 'campaign', scope: 'own' },
  getStatisticsHeardAbout: { who: orgAdmin },

  // Programmes: anyone signed in may ask which programmes they manage; a programme itself only its managers.
  listProgrammes: { who: 'signed_in' },
  // Names of organisations and services to choose from: for managers of some programme only.
  listProgrammesChoices: { who: 'signed_in', grant: { withoutGrant: 'forbidden' } },
  getProgramme: { who: 'signed_in', ...managedProgramme },
  setProgramme: { who: 'signed_in', ...managedProgramme },
  getProgrammeOverview: { who: 'signed_in', ...managedProgramme },
  endProgramme: { who: 'signed_in', ...managedProgramme },
  // The platform admin starts programmes and appoints (or removes) their managers: any programme.
  createProgrammeManager: { who: 'signed_in', object: 'programme_grant', grant: { withoutGrant: 'not_found', platformAdmin: true } },
  deleteProgrammeManager: { who: 'signed_in', object: 'programme_grant', grant: { withoutGrant: 'not_found', platformAdmin: true } },

  // The referring side: their own (unit's) referrals; status and timeline only.
  listReferralOptions: { who: referrer },
  createReferral: { who: referrer },
  listReferrals: { who: referrer },
  sendReferral: { who: referrer, object: 'referral', scope: 'own' },
  withdrawReferral: { who: referrer, object: 'referral', scope: 'own' },
  withdrawReferralConsent: { who: referrer, object: 'referral', scope: 'own' },
  getReferral: { who: referrer, object: 'referral', scope: 'own', states: { sent: 'allowed', consent_withdrawn: 'allowed' } },
  getReferralsDraft: { who: referrer },
  setReferralsDraft: { who: referrer },
  deleteReferralsDraft: { who: referrer },
  duplicateReferralsCheck: { who: referrer },
  listNotifications: { who: 'signed_in' },
  markNotificationRead: { who: 'signed_in', object: 'notification', scope: 'own' },

  // The receiving service: its organisation and its service line; nothing after consent is withdrawn.
  getInbox: { who: intake },
  streamInboxEvents: { who: intake },
  listInboxRerouteOptions: { who: decide },
  // After consent is withdrawn the receiver still sees that there was a referral, but no personal data (the canary test proves the latter).
  getInboxReferral: { who: intake, object: 'inbox_referral', scope: 'own', states: { sent: 'allowed', consent_withdrawn: 'allowed' } },
  acceptInboxReferral: { who: decide, object: 'inbox_referral', scope: 'own' },
  declineInboxReferral: { who: decide, object: 'inbox_referral', scope: 'own' },
  rerouteInboxReferral: { who: decide, object: 'inbox_referral', scope: 'own' },
  createInboxReferralContactAttempt: { who: intake, object: 'inbox_referral', scope: 'own' },
  handOverInboxReferral: { who: intake, object: 'inbox_referral', scope: 'own' },

  // Courses: staff assigned to the course's service, on its side; a supervisor reads, never writes.
  listCourses: { who: courseReaders },
  createCourse: { who: triage },
  getCourse: { who: courseReaders, ...readCourse },
  setCourseCounsellor: { who: triage, ...ownCourse },
  setCourseSafeContact: { who: courseWriters, ...ownCourse },
  setCourseAddressProtection: { who: courseWriters, ...ownCourse },
  closeCourse: { who: courseWriters, ...ownCourse },
  listCourseServices: { who: triage },
  getCaseload: { who: courseReaders },
  listSupervisionCaseloads: { who: ['supervisor'] },
  getSupervisionCaseload: { who: ['supervisor'], object: 'caseload_user', scope: 'own' },
  evaluateCourseTriage: { who: triage, ...ownCourse },
  triageCourse: { who: triage, ...ownCourse },
  getCourseTriage: { who: courseReaders, ...readCourse },
  listRiskInstruments: { who: courseReaders },
  createCourseRiskAssessment: { who: courseWriters, ...ownCourse },
  listCourseRiskAssessments: { who: courseReaders, ...readCourse },
  // Lowering the level on purpose: the counsellor asks with a reason; only a supervisor of that service confirms.
  createCourseRiskReduction: { who: courseWriters, ...ownCourse },
  listCourseRiskReductions: { who: courseReaders, ...readCourse },
  decisionCourseRiskReduction: { who: ['supervisor'], ...ownCourse },
  getRiskReductionsPending: { who: ['supervisor'] },
  listCourseSessions: { who: courseReaders, ...readCourse },
  createCourseSession: { who: courseWriters, ...ownCourse },
  updateCourseSession: { who: courseWriters, ...ownCourse },
  recordCourseSessionAttendance: { who: courseWriters, ...ownCourse },
  setCourseSessionNote: { who: courseWriters, ...ownCourse },
  getCourseSafetyPlan: { who: courseReaders, ...readCourse },
  setCourseSafetyPlan: { who: courseWriters, ...ownCourse },
  getCourseSafetyPlanVersion: { who: courseReaders, ...readCourse },
  getCourseSafetyPlanPrint: { who: courseReaders, ...readCourse },
  setCourseOutcome: { who: courseWriters, ...ownCourse },
  getCourseBridging: { who: courseReaders, ...readCourse },
  listCourseOnwardOptions: { who: courseReaders, ...ownCourse },
  createCourseOnwardReferral: { who: courseWriters, ...ownCourse },
  createCourseShelterStay: { who: courseWriters, ...ownCourse },
  updateCourseShelterStay: { who: courseWriters, ...ownCourse },
  createCourseUnderretning: { who: courseWriters, ...ownCourse },
  recordCourseUnderretningReceipt: { who: courseWriters, ...ownCourse },
  createCourseAccessHistoryExtract: { who: courseReaders, ...ownCourse },
  getCourseAccessHistoryExtractPrint: { who: courseReaders, ...ownCourse },
  // The group notes about a course's person: read like the course itself.
  listCourseGroupNotes: { who: courseReaders, ...readCourse },

  // Conversation groups: staff with groups:manage at the offer's service, on its side; nobody else learns it exists.
  listGroupOffers: { who: groupManagers },
  listGroupServices: { who: groupManagers },
  // At the caller's own service (acting on their own things); a service elsewhere is the other cases'.
  createGroupOffer: { who: groupManagers },
  getGroupOffer: { who: groupManagers, ...ownOffer },
  setGroupOffer: { who: groupManagers, ...ownOffer },
  getGroupOfferWaitingList: { who: groupManagers, ...ownOffer },
  addGroupOfferWaitingEntry: { who: groupManagers, ...ownOffer },
  declineGroupWaitingEntry: { who: groupManagers, object: 'group_waiting_entry', scope: 'own' },
  reconfirmGroupWaitingEntry: { who: groupManagers, object: 'group_waiting_entry', scope: 'own' },
  listGroupOfferGroups: { who: groupManagers, ...ownOffer },
  startGroupOfferGroup: { who: groupManagers, ...ownOffer },
  getGroup: { who: groupManagers, ...ownGroup },
  leaveGroupParticipant: { who: groupManagers, ...ownGroup },
  closeGroup: { who: groupManagers, ...ownGroup },
  setGroupMeetingAttendance: { who: groupManagers, ...ownGroup },
  setGroupMeetingNote: { who: groupManagers, ...ownGroup },
  setGroupMeetingParticipantNote: { who: groupManagers, ...ownGroup },
  setGroupParticipantOutcome: { who: groupManagers, ...ownGroup },

  // Peer support (issue 14 §4): counsellors coordinate the services they are assigned to, on their line (a match names
  // a course in its body: the course's own rules); a peer supporter sees and logs on their own active pairings only.
  listPeerSupportServices: { who: courseWriters },
  listPeerSupporters: { who: courseWriters, object: 'service', scope: 'own' },
  listPeerSupporterCandidates: { who: courseWriters, object: 'service', scope: 'own' },
  addPeerSupporter: { who: courseWriters, object: 'service', scope: 'own' },
  changePeerSupporter: { who: courseWriters, object: 'peer_supporter', scope: 'own' },
  listPeerPairings: { who: courseWriters, object: 'service', scope: 'own' },
  matchWithPeerSupporter: { who: courseWriters, ...ownCourse },
  getPeerPairing: { who: courseWriters, object: 'peer_pairing', scope: 'own' },
  endPeerPairing: { who: courseWriters, object: 'peer_pairing', scope: 'own' },
  listMyPeerPairings: { who: ['peer_supporter'] },
  logPeerContact: { who: ['peer_supporter'], object: 'peer_pairing', scope: 'own' },

  // The public help directory (HSDS): open to all, no personal data.
  getHsdsMetadata: { who: 'public' },
  listHsdsServices: { who: 'public' },
  getHsdsService: { who: 'public', object: 'public' },
  listHsdsOrganizations: { who: 'public' },
  getHsdsOrganization: { who: 'public', object: 'public' },

  // The staff calendar: every signed-in person's own week and own feed address (what is in it is each source's
  // decision for that person); the feed file itself is fetched with its token as the only credential.
  getCalendarWeek: { who: 'signed_in' },
  getCalendarFeed: { who: 'signed_in' },
  createCalendarFeed: { who: 'signed_in' },
  revokeCalendarFeed: { who: 'signed_in' },
  readCalendarFeedFile: { who: 'public', object: 'public' },
  // Recurring open events: another organisation's event, an unassigned service's or the other line's answers 404.
  listEventsServices: { who: eventHosts },
  listEvents: { who: eventHosts },
  createEvent: { who: eventHosts },
  getEvent: { who: eventHosts, ...ownEvent },
  setEvent: { who: eventHosts, ...ownEvent },
  createEventException: { who: eventHosts, ...ownEvent },
  deleteEventException: { who: eventHosts, ...ownEvent },
  listEventOccurrences: { who: eventHosts, ...ownEvent },
  setEventOccurrenceHeadCount: { who: eventHosts, ...ownEvent },
  // Community meetings (issue 14 §3): planned by the host organisation's counsellors and admins, run by the meeting's
  // facilitators (a counsellor of the host reaches every meeting of it). Another organisation's meeting, or one on the
  // other service line, is not found.
  listCommunityMeetings: { who: meetingPlanners },
  createCommunityMeeting: { who: meetingPlanners },
  listCommunityMeetingsFacilitatorOptions: { who: meetingPlanners },
  listCommunityMeetingsEvaluations: { who: meetingPlanners },
  getCommunityMeeting: { who: meetingPlanners, ...ownMeeting },
  setCommunityMeeting: { who: meetingPlanners, ...ownMeeting },
  cancelCommunityMeeting: { who: meetingPlanners, ...ownMeeting },
  listFacilitationCommunityMeetings: { who: meetingFacilitators },
  getFacilitationCommunityMeeting: { who: meetingFacilitators, ...ownMeeting },
  listFacilitationCommunityMeetingSignUps: { who: meetingFacilitators, ...ownMeeting },
  setFacilitationCommunityMeetingReport: { who: meetingFacilitators, ...ownMeeting },
  issueCommunityMeetingEvaluationCode: { who: meetingFacilitators, ...ownMeeting },
};
