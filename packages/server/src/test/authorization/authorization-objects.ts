import { expectStatus } from '../../modules/courses/testing.ts';
import { campaignInput } from '../../modules/campaigns/testing.ts';
import { openEventInput } from '../../modules/events/testing.ts';
import { meetingPlan } from '../../modules/community-meetings/testing.ts';
import { givenHelpService, helpServiceInput } from '../../modules/directory/testing.ts';
import { idempotencyKey } from '../../modules/referrals/testing.ts';
import type { TestApp } from '../test-app.ts';
import { groupParameters } from './authorization-groups.ts';
import type { MatrixCase, Side } from './authorization-matrix.ts';
import { givenCourseChild, givenSideCourse, givenSidePairing, givenSideSupporter, givenSideReferral, once, ownAdmin, ownStaff, type CourseChild, type World } from './authorization-world.ts';

/**
 * The realistic value of each path parameter of a case: always an object of the side's HOME organisation (in the
 * state the case names), so "another organisation" and "the other line" ask for something that exists but is not
 * theirs. Operations that end or hand away their object get one of their own, so they do not take it from the rest.
 */
const dedicated = new Set([
  'closeCourse',
  'withdrawReferral',
  'withdrawReferralConsent',
  'declineInboxReferral',
  'rerouteInboxReferral',
  'handOverInboxReferral',
  'deactivateAdminUser',
  'endAdminService',
  'endProgramme',
  'endPeerPairing',
  'cancelCommunityMeeting',
]);

type Resolve = (t: TestApp, world: World, c: MatrixCase) => Promise<string>;

const courseId: Resolve = async (t, world, c) =>
  c.operationId === 'decisionCourseRiskReduction' ? (await riskReduction(t, world, c)).courseId : givenSideCourse(world, c.side, c.state === 'closed' ? 'closed' : 'open', dedicatedTo(c));
const dedicatedTo = (c: MatrixCase) => (dedicated.has(c.operationId) ? c.operationId : '');
/** The state a write needs: a draft to send, a referral opened by the receiver to decide on, an accepted one to work on. */
function referralState(c: MatrixCase): string {
  if (c.operationId === 'sendReferral') return 'draft';
  if (c.operationId === 'createInboxReferralContactAttempt' || c.operationId === 'handOverInboxReferral') return 'accepted';
  return c.path.startsWith('/api/inbox/') && c.method === 'POST' ? 'received' : c.state;
}

const parameters: Record<string, Resolve> = {
  referralId: (t, world, c) => givenSideReferral(t, world, c.side, referralState(c), dedicatedTo(c)),
  courseId,
  sessionId: async (t, world, c) => courseChild(t, world, c, 'session'),
  stayId: async (t, world, c) => courseChild(t, world, c, 'stay'),
  underretningId: async (t, world, c) => courseChild(t, world, c, 'underretning'),
  extractId: async (t, world, c) => courseChild(t, world, c, 'extract'),
  version: async (t, world, c) => courseChild(t, world, c, 'version'),
  phase: async () => 'first',
  reductionId: async (t, world, c) => (await riskReduction(t, world, c)).id,
  userId: async (t, world, c) => userOf(t, world, c),
  serviceId: async (t, world, c) => (c.path.startsWith('/api/directory/') ? directoryListing(world, c.side) : c.path.startsWith('/api/peer-support/') ? world.places[c.side].own.serviceId : spareService(t, world, c)),
  supporterId: async (_t, world, c) => givenSideSupporter(world, c.side),
  pairingId: async (_t, world, c) => givenSidePairing(world, c.side, dedicatedTo(c)),
  organisationId: async (_t, world, c) => world.places[c.side].own.organisationId,
  organisationSlug: async (_t, world, c) => (c.side === 'victim' ? world.fx.organisations.lokk.slug : world.fx.organisations.dmv.slug),
  programmeId: async (_t, world, c) => programmeOf(world, c),
  notificationId: async (t, world, c) => notificationOf(t, world, c),
  requestId: async (t, world, c) => (c.path.startsWith('/api/admin/change-requests/') ? changeRequest(world, c) : approvalRequest(t, world, c)),
  campaignId: async (_t, world, c) => campaignOf(world, c.side),
  eventId: async (_t, world, c) => openEventOf(world, c.side),
  occurrenceId: async (t, world, c) => occurrenceOf(t, world, c.side),
  date: async (_t, world, c) => cancelledDateOf(world, c),
  messageId: async (t, world, c) => deadMessage(t, world, c),
  token: async (t, world, c) => calendarFeedToken(t, world, c.side),
  id: async (t, world, c) => (c.path.includes('/organizations/') ? world.places[c.side].own.organisationId : publishedListing(t, world, c.side)),
  ...groupParameters,
  // Two kinds of meeting share the name: a conversation group's (under /groups/) and a community meeting.
  meetingId: async (t, world, c) => (c.path.startsWith('/api/groups/') ? (groupParameters.meetingId as Resolve)(t, world, c) : communityMeetingOf(world, c)),
};

export async function resolvePath(t: TestApp, world: World, c: MatrixCase): Promise<string> {
  let url = c.path;
  for (const [, name] of c.path.matchAll(/\{([A-Za-z]+)\}/g)) {
    const resolve = parameters[name as string];
    if (!resolve) throw new Error(`authorization matrix: no value for path parameter {${name}} of ${c.operationId}`);
    url = url.replace(`{${name}}`, encodeURIComponent(await resolve(t, world, c)));
  }
  return url;
}

async function courseChild(t: TestApp, world: World, c: MatrixCase, kind: CourseChild): Promise<string> {
  return givenCourseChild(world, c.side, await courseId(t, world, c), kind);
}

/**
 * A pending request to lower a high-risk course's level, one per case (a decided one is closed), on a course of its
 * own: the course is raised to high directly in the database, as a checklist would, and its counsellor asks.
 */
function riskReduction(t: TestApp, world: World, c: MatrixCase): Promise<{ id: string; courseId: string }> {
  return once(world, `risk-reduction:${c.role}:${c.relation}:${c.side}`, async () => {
    const course = await givenSideCourse(world, c.side, 'open', `risk-reduction:${c.role}:${c.relation}`);
    await t.db.updateTable('courses').set({ risk_level: 'high' }).where('id', '=', course).execute();
    const body = { toLevel: 'medium', reason: 'Samtalen viser, at truslen er mindre nu.' };
    const response = expectStatus(await ownStaff(world, c.side, 'counsellor').client.post(`/api/courses/${course}/risk-reductions`, body), 201);
    return { id: (response.json() as { id: string }).id, courseId: course };
  });
}

/** A colleague in the home organisation: the admin's target. */
async function userOf(t: TestApp, world: World, c: MatrixCase): Promise<string> {
  if (c.path.startsWith('/api/supervision/')) return ownStaff(world, c.side, 'counsellor').user.id;
  if (c.path.startsWith('/api/programmes/')) return spareManager(t, world, c);
  return once(world, `user:${c.side}:${dedicatedTo(c)}`, async () => {
    const user = await t.given.user({ organisationId: world.places[c.side].own.organisationId, role: 'counsellor', serviceLine: world.places[c.side].own.line });
    return user.id;
  });
}

/** A second service of the home organisation: changing its staff or ending it must not touch the cases' own. */
function spareService(t: TestApp, world: World, c: MatrixCase): Promise<string> {
  return once(world, `service:${c.side}:${dedicatedTo(c)}`, async () => {
    const place = world.places[c.side].own;
    return (await t.given.service({ organisationId: place.organisationId, serviceLine: place.line })).id;
  });
}

function directoryListing(world: World, side: Side): Promise<string> {
  return once(world, `listing:${side}`, async () => {
    const response = expectStatus(await ownAdmin(world, side).client.post('/api/directory/services', helpServiceInput()), 201);
    return (response.json() as { id: string }).id;
  });
}

function publishedListing(t: TestApp, world: World, side: Side): Promise<string> {
  return once(world, `published:${side}`, () => givenHelpService(t, world.places[side].own.organisationId));
}

/** A proposed listing per case: a decided request is closed, and a change of the listing replaces its request. */
function approvalRequest(t: TestApp, world: World, c: MatrixCase): Promise<string> {
  return once(world, `approval:${c.operationId}:${c.role}:${c.relation}:${c.side}`, async () => {
    const response = expectStatus(await ownAdmin(world, c.side).client.post('/api/directory/services', helpServiceInput()), 201);
    const listing = (response.json() as { id: string }).id;
    const row = await t.db.selectFrom('publication_requests').select('id').where('content_id', '=', listing).executeTakeFirstOrThrow();
    return row.id;
  });
}

/** A platform admin's new admin for the side's home organisation, pending its own admins' approval; one per case (a decided request is closed). */
function changeRequest(world: World, c: MatrixCase): Promise<string> {
  return once(world, `change-request:${c.operationId}:${c.role}:${c.relation}:${c.side}`, async () => {
    const organisationId = world.places[c.side].own.organisationId;
    const body = { email: `foreslaaet.${c.operationId}.${c.role}.${c.relation}.${c.side}@test.bro.dk`.toLowerCase(), displayName: 'Foreslået admin' };
    const response = expectStatus(await world.fx.people.platformAdmin.client.post(`/api/platform/organisations/${organisationId}/admins`, body), 202);
    return (response.json() as { request: { id: string } }).request.id;
  });
}

function campaignOf(world: World, side: Side): Promise<string> {
  return once(world, `campaign:${side}`, async () => (expectStatus(await ownAdmin(world, side).client.post('/api/campaigns', campaignInput()), 201).json() as { id: string }).id);
}

/** Each side's open event (weekly, at the side's home service), published by its organisation admin. */
function openEventOf(world: World, side: Side): Promise<string> {
  return once(world, `open-event:${side}`, async () => {
    const response = await ownAdmin(world, side).client.post('/api/events', openEventInput(world.places[side].own.serviceId));
    return (expectStatus(response, 201).json() as { id: string }).id;
  });
}

/** An occurrence of the side's event that has been held (its head count can be recorded). */
function occurrenceOf(t: TestApp, world: World, side: Side): Promise<string> {
  return once(world, `open-event-occurrence:${side}`, async () => {
    const eventId = await openEventOf(world, side);
    const row = await t.db.selectFrom('open_event_occurrences').select('id').where('event_id', '=', eventId).orderBy('starts_at').executeTakeFirstOrThrow();
    await t.db.updateTable('open_event_occurrences').set({ starts_at: new Date(t.clock.now().getTime() - 3_600_000) }).where('id', '=', row.id).execute();
    return row.id;
  });
}

let cancelledDates = 0;
/** A cancelled date per case: restoring it removes it. */
function cancelledDateOf(world: World, c: MatrixCase): Promise<string> {
  return once(world, `open-event-exception:${c.operationId}:${c.role}:${c.relation}:${c.side}`, async () => {
    cancelledDates += 1;
    const date = new Date(Date.UTC(2027, 0, 1 + cancelledDates)).toISOString().slice(0, 10);
    expectStatus(await ownAdmin(world, c.side).client.post(`/api/events/${await openEventOf(world, c.side)}/exceptions`, { date, note: 'Lukket' }), 200);
    return date;
  });
}

/** Each side's own programme, managed by that side's organisation admin (a grant, not a role). */
function programmeOf(world: World, c: MatrixCase): Promise<string> {
  return once(world, `programme:${c.side}:${dedicatedTo(c)}`, async () => {
    const body = { name: `Program ${c.side} ${dedicatedTo(c)}`.trim(), managerEmail: ownAdmin(world, c.side).user.email };
    return (expectStatus(await world.fx.people.platformAdmin.client.post('/api/platform/programmes', body), 201).json() as { id: string }).id;
  });
}

/** A second manager to remove, one per caller: once removed, they are gone. */
async function spareManager(t: TestApp, world: World, c: MatrixCase): Promise<string> {
  const side = c.side;
  const programme = await programmeOf(world, { ...c, operationId: '' });
  return once(world, `spare-manager:${c.role}:${c.relation}:${side}`, async () => {
    const user = await t.given.user({ organisationId: world.places[side].own.organisationId, role: 'organisation_admin' });
    expectStatus(await ownAdmin(world, side).client.post(`/api/programmes/${programme}/managers`, { email: user.email }), 200);
    return user.id;
  });
}

/** `own`: the caller's own notification; otherwise a colleague's on the home side. */
async function notificationOf(t: TestApp, world: World, c: MatrixCase): Promise<string> {
  const owner = c.relation === 'own' ? world.actors.get(`${c.role}:own:${c.side}`) : world.fx.people.policeReferrerWithoutUnit;
  const userId = owner?.user.id ?? world.fx.people.policeReferrerWithoutUnit.user.id;
  return once(world, `notification:${userId}:${c.side}`, async () => {
    const row = await t.db
      .insertInto('notifications')
      .values({ user_id: userId, kind: 'directory_check_due', referral_id: null, created_at: t.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/** One per caller: a retried message is no longer dead. */
function deadMessage(t: TestApp, world: World, c: MatrixCase): Promise<string> {
  return once(world, `dead-message:${c.role}:${c.relation}:${c.side}`, async () => {
    const row = await t.db
      .insertInto('outbox_messages')
      .values({ template: 'referral_escalation', channel: 'email', recipient_enc: t.cipher.encrypt('someone@test.bro.dk'), subject_enc: t.cipher.encrypt('Emne'), body_enc: t.cipher.encrypt('Tekst'), status: 'dead', next_attempt_at: t.clock.now(), last_error: 'test', created_at: t.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/** A feed token of a staff member of the side's home organisation who is no caller of the matrix (its writes would replace it). */
function calendarFeedToken(t: TestApp, world: World, side: Side): Promise<string> {
  return once(world, `calendar-feed:${side}`, async () => {
    const user = await t.given.user({ organisationId: world.places[side].own.organisationId, role: 'counsellor', serviceLine: world.places[side].own.line });
    const response = expectStatus(await t.as(await t.given.session(user)).post('/api/calendar/feed'), 201);
    return (/\/kalender\/([^/]+)\.ics$/.exec((response.json() as { url: string }).url)?.[1] ?? '');
  });
}

/** A meeting planned by the side's own counsellor, facilitated by the side's own facilitator. */
function communityMeetingOf(world: World, c: MatrixCase): Promise<string> {
  return once(world, `community-meeting:${c.side}:${dedicatedTo(c)}`, async () => {
    const plan = meetingPlan({ facilitatorMembershipIds: [ownStaff(world, c.side, 'facilitator').user.membershipId] });
    return (expectStatus(await ownStaff(world, c.side, 'counsellor').client.post('/api/community-meetings', plan), 201).json() as { id: string }).id;
  });
}

export { idempotencyKey };
