import { broChecklistV1 } from '../../demo/course-demo.ts';
import { campaignInput } from '../../modules/campaigns/testing.ts';
import { openEventInput } from '../../modules/events/testing.ts';
import { meetingPlan } from '../../modules/community-meetings/testing.ts';
import { helpServiceInput } from '../../modules/directory/testing.ts';
import { referralRequest, type ReferralFixture } from '../../modules/referrals/testing.ts';
import type { TestApp } from '../test-app.ts';
import { groupBodies } from './authorization-groups.ts';
import type { MatrixCase } from './authorization-matrix.ts';
import { ownStaff, safetyPlan, type World } from './authorization-world.ts';

/**
 * A valid request body per operation, so that a case reaches the use case and its object check: a body the
 * schema refuses would answer 422 before the organisation is ever looked at, and prove nothing. Every body is
 * harmless to repeat (no deactivation, no sign-in change) or its object is the operation's own (objects.ts).
 */
type Body = (t: TestApp, world: World, c: MatrixCase) => unknown;

let sequence = 0;
const unique = () => ++sequence;
const now = (t: TestApp) => t.clock.now().toISOString();
const homeOrganisation = (world: World, c: MatrixCase) => world.places[c.side].own.organisationId;
const consentTo = (t: TestApp, organisationId: string) => ({
  recipientOrganisationId: organisationId,
  dataCategories: ['identity', 'contact'],
  purpose: 'referral_for_counselling',
  method: 'written',
  obtainedAt: now(t),
});
const placeOf = (world: World, c: MatrixCase) => world.places[c.side][c.relation === 'other_org' || c.relation === 'other_line' ? c.relation : 'own'];
const facts = { gender: 'woman', age: 41, hasLeftPartner: 'no', threatLevel: 'medium', substanceAbuse: 'no', psychiatricDiagnosis: 'no', massiveStalking: 'no', honourRelatedConflict: 'no' };
const serviceBody = (c: MatrixCase) => ({ name: `Tilbud ${unique()}`, serviceLine: c.side, firstContactDeadlineHours: 48, highRiskDeadlineHours: 24, maxContactAttempts: 3 });

const bodies: Record<string, Body> = {
  logIn: () => ({ email: 'nobody@test.bro.dk', password: 'not-the-password' }),
  enrolAuthTotp: () => ({ code: '000000' }),
  verifyTotp: () => ({ code: '000000' }),
  enrolWithLink: () => ({ token: 'x'.repeat(43), password: 'a-long-enough-password' }),
  setPlatformOrganisationOidcProvider: () => ({ issuer: 'https://idp.example.test', clientId: 'bro', displayName: 'Test IdP', isEnabled: false }),
  createAdminUser: (_t, _w, c) => ({ email: `ny${unique()}@test.bro.dk`, displayName: 'Ny Medarbejder', role: 'counsellor', serviceLine: c.side }),
  updateAdminUser: () => ({ displayName: `Omdøbt ${unique()}` }),
  createAdminUnit: () => ({ name: `Enhed ${unique()}` }),
  createPlatformOrganisation: () => ({ slug: `org-authz-${unique()}`, name: 'Ny organisation', kind: 'ngo', municipalityCode: null }),
  updatePlatformOrganisation: (_t, world, c) => ({ name: c.side === 'victim' ? world.fx.organisations.lokk.name : world.fx.organisations.dmv.name }),
  createPlatformOrganisationAdmin: () => ({ email: `admin${unique()}@test.bro.dk`, displayName: 'Ny Admin' }),
  createAdminService: (_t, _w, c) => serviceBody(c),
  setAdminService: (_t, _w, c) => ({ ...serviceBody(c), isActive: true }),
  endAdminService: () => ({ openWork: 'close', reason: 'programme_ended', explanation: 'Tilbuddet lukker.' }),
  createPlatformProgramme: (_t, world) => ({ name: `Program ${unique()}`, managerEmail: world.fx.people.lokkAdmin.user.email }),
  createPlatformProgrammeManager: (_t, world, c) => ({ email: (c.side === 'victim' ? world.fx.people.lokkAdmin : world.fx.people.dmvAdmin).user.email }),
  setProgramme: () => ({ version: 1, name: `Program ${unique()}`, description: '', funder: '', periodStart: null, periodEnd: null, status: 'running', referrerOrganisationIds: [], services: [] }),
  endProgramme: () => ({ version: 1, openReferrals: { kind: 'close', explanation: 'Bevillingen er slut.' } }),
  createProgrammeManager: (_t, world, c) => ({ email: (c.side === 'victim' ? world.fx.people.lokkAdmin : world.fx.people.dmvAdmin).user.email }),
  createReferral: (t, world, c) => referralRequest(t, world.fx as unknown as ReferralFixture, { to: c.side === 'victim' ? 'lokk' : 'dmv' }),
  sendReferral: (t, world, c) => ({ consent: consentTo(t, homeOrganisation(world, c)) }),
  withdrawReferral: () => ({ note: 'Trukket tilbage' }),
  setReferralsDraft: () => ({ values: { situation: 'Udkast' }, reachedStep: 'who' }),
  duplicateReferralsCheck: (_t, world) => ({ programmeId: world.fx.programme.id, fullName: 'Ingen Sådan Person', birthYear: 1990 }),
  declineInboxReferral: () => ({ reason: 'not_wanted', decidedBy: 'citizen' }),
  rerouteInboxReferral: (t, world) => ({ toServiceId: world.fx.services.hotline.id, consent: consentTo(t, world.fx.organisations.hotline.id) }),
  createInboxReferralContactAttempt: () => ({ outcome: 'not_reached' }),
  // At the caller's own service: creating is acting on one's own things (the object checks are the other cases').
  createCourse: (_t, world, c) => ({
    origin: 'walk_in',
    serviceId: placeOf(world, c).serviceId,
    personRole: placeOf(world, c).line === 'victim' ? 'exposed' : 'uses_violence',
    person: { label: `Klient ${unique()}`, isAnonymous: false, gender: 'woman', birthYear: 1988, addressProtection: 'none' },
  }),
  setCourseCounsellor: () => ({ counsellorUserId: null }),
  setCourseSafeContact: () => ({
    phone: '+45 20 30 40 50',
    email: null,
    preferences: { channels: { sms: 'safe', email: 'unknown', phoneCall: 'safe', voicemail: 'unsafe', letter: 'unsafe' }, safeTimeWindows: null, messageContent: 'neutral' },
  }),
  setCourseAddressProtection: () => ({ addressProtection: 'none' }),
  closeCourse: () => ({ reason: 'completed' }),
  evaluateCourseTriage: () => ({ facts }),
  triageCourse: () => ({ facts, decision: 'accept' }),
  createCourseRiskAssessment: () => ({ kind: 'checklist', instrumentKey: broChecklistV1.key, instrumentVersion: broChecklistV1.version, answers: Object.fromEntries(broChecklistV1.items.map((item) => [item.id, 'no'])) }),
  createCourseRiskReduction: () => ({ toLevel: 'standard', reason: 'Samtalen viser, at truslen er mindre nu.' }),
  decisionCourseRiskReduction: () => ({ decision: 'reject', note: 'Vi venter med at sænke.' }),
  createCourseSession: () => ({ plannedAt: '2026-11-25T10:00:00.000Z', mode: 'phone' }),
  updateCourseSession: () => ({ plannedAt: '2026-11-21T10:00:00.000Z' }),
  recordCourseSessionAttendance: () => ({ attendance: 'attended' }),
  setCourseSessionNote: () => ({ note: 'Samtalenotat' }),
  // The reads before it made version 1.
  setCourseSafetyPlan: () => ({ content: { ...safetyPlan, notes: 'Ny plan' }, basedOnVersion: 1 }),
  setCourseOutcome: () => ({ safety: 5, options: 5, violenceForms: [] }),
  createCourseOnwardReferral: (t, world) => ({ serviceId: world.fx.services.hotline.id, consent: consentTo(t, world.fx.organisations.hotline.id), childrenInHome: 'no' }),
  createCourseShelterStay: () => ({ shelterName: 'Et krisecenter', legalBasis: 'sel_109', admittedOn: '2026-11-02' }),
  updateCourseShelterStay: () => ({ dischargedOn: '2026-11-20' }),
  createCourseUnderretning: () => ({ municipalityCode: '147', sentAt: '2026-11-21T10:00:00.000Z' }),
  recordCourseUnderretningReceipt: (t) => ({ receiptReceivedAt: now(t) }),
  createCourseAccessHistoryExtract: () => ({ justification: 'Personen har bedt om indsigt.' }),
  setCourseConfigServiceTemplate: () => ({ plannedSessions: 5, sessionModes: ['phone'], focus: ['counselling'] }),
  createCourseConfigServiceEligibilityRule: () => ({ targetGroups: [{ id: 'alle', label: { da: 'Alle', en: 'Everyone' }, conditions: [{ fact: 'gender', in: ['woman', 'man', 'other', 'unknown'] }] }], exclusions: [] }),
  setCourseConfigServiceStaff: () => ({ membershipIds: [] }),
  createDirectoryService: () => helpServiceInput(),
  updateDirectoryService: () => ({ descriptionDa: `Rådgivning og støtte ${unique()}.` }),
  rejectApprovalsDirectoryListing: () => ({ reason: 'Mangler telefontider.' }),
  createCampaign: () => campaignInput(),
  createEvent: (_t, world, c) => openEventInput(world.places[c.side].own.serviceId),
  setEvent: (_t, world, c) => ({ ...openEventInput(world.places[c.side].own.serviceId), serviceId: undefined }),
  createEventException: () => ({ date: '2027-06-01', note: 'Lukket' }),
  setEventOccurrenceHeadCount: () => ({ total: 5, firstTime: 1, withChildren: null, note: null }),
  updateCampaign: () => ({ summaryDa: `Et nyt resumé ${unique()}.` }),
  createRiskInstrument: () => ({ ...broChecklistV1, version: broChecklistV1.version + unique() }),
  // The side's own peer supporter: already in the register once the reads made it (409), which is past the checks.
  addPeerSupporter: (_t, world, c) => ({ membershipId: world.actors.get(`peer_supporter:own:${c.side}`)?.user.membershipId }),
  changePeerSupporter: () => ({ status: 'active' }),
  // No such supporter (422, past the course's own checks): the shared course stays unpaired for the other cases.
  matchWithPeerSupporter: () => ({ peerSupporterId: '00000000-0000-4000-8000-000000000000', displayName: 'Mira', consentGiven: true, consentGivenOn: '2026-11-20' }),
  endPeerPairing: () => ({ reason: 'completed' }),
  logPeerContact: () => ({ contactedOn: '2026-11-20', form: 'phone' }),
  createCommunityMeeting: () => meetingPlan(),
  // The side's facilitator stays on the meeting: the facilitation cases after it need them there.
  setCommunityMeeting: (_t, world, c) => meetingPlan({ facilitatorMembershipIds: [ownStaff(world, c.side, 'facilitator').user.membershipId] }),
  setFacilitationCommunityMeetingReport: () => ({ headCount: 12, themesRaised: 'Grænser', referralCount: 1, note: '' }),
  ...groupBodies,
};

/** The body to send, or undefined for an operation that takes none. */
export function bodyFor(t: TestApp, world: World, c: MatrixCase): unknown {
  const body = bodies[c.operationId];
  if (body) return body(t, world, c);
  return c.method === 'GET' || c.method === 'DELETE' ? undefined : {};
}
