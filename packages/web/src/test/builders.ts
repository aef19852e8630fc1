import type { AdminUser, Course, HelpService, Permission, ProgrammeOption, ReferralForReceiver, ReferralForReferrer, ReferralOptions, ServiceOption, SessionInfo } from '@bro/domain';

/** A signed-in session with the given permissions (by default a police officer's). */
export function testSession(overrides: Partial<SessionInfo> = {}): SessionInfo {
  const permissions: Permission[] = ['referral:create', 'referral:track'];
  return {
    user: { id: '00000000-0000-4000-8000-000000000001', displayName: 'Test Testesen', email: 'test@example.org' },
    organisation: { id: '00000000-0000-4000-8000-0000000000aa', name: 'Testkommunen', kind: 'municipality' },
    role: 'referrer',
    serviceLine: null,
    permissions,
    csrfToken: 'csrf-test',
    authMethod: 'password',
    idleTimeoutSeconds: 1800,
    ...overrides,
  };
}


export const lokk = { id: '11111111-1111-4111-8111-111111111111', name: 'Rådgivning', organisationId: '21111111-1111-4111-8111-111111111111', organisationName: 'LOKK', receivesRoles: ['exposed'], receivesGenders: ['woman'], minimumAge: null, maximumAge: null } satisfies ServiceOption;
export const dialog = { id: '12222222-2222-4222-8222-222222222222', name: 'Behandling', organisationId: '22222222-2222-4222-8222-222222222222', organisationName: 'Dialog mod Vold', receivesRoles: ['uses_violence'], receivesGenders: null, minimumAge: null, maximumAge: null } satisfies ServiceOption;

export const hotline = { id: '13333333-3333-4333-8333-333333333333', name: 'Hotline 1888', organisationId: '23333333-3333-4333-8333-333333333333', organisationName: 'Lev Uden Vold', receivesRoles: ['exposed', 'uses_violence', 'both'], receivesGenders: null, minimumAge: null, maximumAge: null } satisfies ServiceOption;

/** A programme routing women exposed to violence to LOKK, people who use violence to Dialog mod Vold, and everyone else to the hotline. */
export function testProgramme(overrides: Partial<ProgrammeOption> = {}): ProgrammeOption {
  return {
    id: '31111111-1111-4111-8111-111111111111',
    name: 'Interventionscenter',
    services: [lokk, dialog, hotline],
    routingRules: [
      { serviceId: lokk.id, isFallback: false, isProposed: true },
      { serviceId: dialog.id, isFallback: false, isProposed: true },
      { serviceId: hotline.id, isFallback: true, isProposed: true },
    ],
    ...overrides,
  };
}

export function testReferralOptions(overrides: Partial<ReferralOptions> = {}): ReferralOptions {
  return { programmes: [testProgramme()], isPublicEmployee: false, ...overrides };
}

export function testReferral(overrides: Partial<ReferralForReferrer> = {}): ReferralForReferrer {
  return {
    id: '41111111-1111-4111-8111-111111111111',
    reference: 'BRO-1001',
    incidentId: '51111111-1111-4111-8111-111111111111',
    status: 'sent',
    role: 'exposed',
    personName: 'Mette Testesen',
    serviceName: lokk.name,
    receivingOrganisationName: lokk.organisationName,
    createdAt: '2026-01-05T10:00:00Z',
    lastEventAt: '2026-01-05T10:00:00Z',
    hasFirstContact: false,
    riskLevel: 'standard',
    dueAt: '2026-01-06T10:00:00Z',
    consent: null,
    timeline: [],
    allowedActions: [],
    linkedReferralIds: [],
    ...overrides,
  };
}

export function testReceiverReferral(overrides: Partial<ReferralForReceiver> = {}): ReferralForReceiver {
  return {
    id: '61111111-1111-4111-8111-111111111111',
    reference: 'BRO-2002',
    status: 'received',
    role: 'exposed',
    source: 'police',
    serviceId: lokk.id,
    serviceName: lokk.name,
    referringOrganisationName: 'Københavns Politi',
    riskLevel: 'high',
    sentAt: '2026-01-05T10:00:00Z',
    dueAt: '2026-01-06T10:00:00Z',
    isOverdue: false,
    isEscalated: false,
    contactAttemptCount: 0,
    hasFirstContact: false,
    firstContactAt: null,
    isConsentWithdrawn: false,
    possibleDuplicates: [],
    receivedAt: '2026-01-05T10:05:00Z',
    consent: { id: 'c1', recipientOrganisationName: lokk.organisationName, dataCategories: ['identity', 'contact'], method: 'oral_at_scene', obtainedAt: '2026-01-05T09:50:00Z', withdrawnAt: null },
    person: { fullName: 'Mette Testesen', cpr: null, gender: 'woman', birthYear: 1980, addressProtection: 'none' },
    safeContact: { phone: '20304050', isSafeToCall: 'yes', safeTimes: null, voicemailAllowed: 'no', smsAllowed: 'no', language: 'da', interpreterNeeded: false, otherWayToReach: null },
    situation: null,
    childrenInHome: null,
    timeline: [],
    allowedActions: ['log_contact_attempt', 'accept', 'decline', 'reroute'],
    maxContactAttempts: 3,
    ...overrides,
  };
}

export function testAdminUser(overrides: Partial<AdminUser> = {}): AdminUser {
  return {
    id: '71111111-1111-4111-8111-111111111111',
    email: 'lone@lokk.dk',
    displayName: 'Lone Rådgiver',
    role: 'counsellor',
    unitId: null,
    unitName: null,
    serviceLine: null,
    isActive: true,
    isLocked: false,
    isTotpEnrolled: true,
    lastSignedInAt: null,
    ...overrides,
  };
}

/** LOKK's listing in the help directory: a valid one, as the server answers. */
export function testHelpService(overrides: Partial<HelpService> = {}): HelpService {
  return {
    id: '81111111-1111-4111-8111-111111111111',
    organisationId: lokk.organisationId,
    referralServiceId: null,
    slug: 'lokk-raadgivning',
    status: 'active',
    nameDa: 'Rådgivning',
    nameEn: 'Counselling',
    nameAr: null,
    descriptionDa: 'Samtaler for kvinder.',
    descriptionEn: 'Conversations for women.',
    descriptionAr: null,
    howToContactDa: 'Ring til os.',
    howToContactEn: 'Call us.',
    howToContactAr: null,
    eligibilityDa: null,
    eligibilityEn: null,
    minimumAge: null,
    maximumAge: null,
    targetGroups: ['women'],
    channels: ['phone'],
    languages: ['da', 'en'],
    isAnonymousContactOffered: true,
    isFreeOfCharge: true,
    schedule: { isOpen24Hours: false, rules: [{ freq: 'WEEKLY', byday: ['MO', 'TH'], opensAt: '10:00', closesAt: '12:00' }], noteDa: null, noteEn: null },
    serviceArea: { isNational: true, municipalityCodes: [] },
    phones: [{ number: '33 33 00 47', descriptionDa: null, descriptionEn: null }],
    email: null,
    websiteUrl: null,
    locations: [],
    capacity: null,
    lastCheckedAt: '2026-01-01T00:00:00Z',
    isCheckDue: false,
    publication: { state: 'published', isLive: true, rejectionReason: null, changedAt: null },
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

/** An active counselling course at LOKK, with every action allowed. */
export function testCourse(overrides: Partial<Course> = {}): Course {
  return {
    id: '91111111-1111-4111-8111-111111111111',
    reference: 'FL-101',
    status: 'active',
    side: 'victim',
    personRole: 'exposed',
    origin: 'walk_in',
    clientLabel: 'Solsikke',
    isAnonymous: true,
    serviceId: lokk.id,
    serviceName: lokk.name,
    counsellor: null,
    riskLevel: null,
    isHighRisk: false,
    openedAt: '2026-01-05T10:00:00Z',
    closedAt: null,
    sessionsUsed: 0,
    plannedSessions: 5,
    nextSessionAt: null,
    lastContactAt: '2026-01-05T10:00:00Z',
    nextContactDueAt: '2026-01-19T10:00:00Z',
    isContactOverdue: false,
    personId: 'p1',
    addressProtection: 'none',
    referral: null,
    focus: ['counselling'],
    sessionModes: ['in_person', 'phone'],
    sessions: { planned: 5, used: 0, remaining: 5, scheduled: 0, cancelled: 0, noShows: 0 },
    safeContact: { phone: null, email: null, preferences: { channels: { sms: 'unknown', email: 'unknown', phoneCall: 'unknown', voicemail: 'unknown', letter: 'unknown' }, safeTimeWindows: null, messageContent: 'unknown', language: 'da' } },
    triage: null,
    latestRiskAssessment: null,
    fromReferral: null,
    riskLevelSource: null,
    safetyPlanVersion: null,
    prompts: { safetyPlan: false, caseConference: false },
    outcomes: [],
    closing: null,
    otherCourses: [],
    allowedActions: ['triage', 'assign_counsellor', 'update_safe_contact', 'plan_session', 'record_attendance', 'write_session_note', 'assess_risk', 'update_safety_plan', 'refer_onward', 'record_shelter_stay', 'record_underretning', 'record_outcome', 'close'],
    ...overrides,
  };
}
