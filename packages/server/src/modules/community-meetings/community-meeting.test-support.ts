import type { CommunityMeeting, CommunityMeetingPlan } from '@bro/domain';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../test/test-app.ts';
import { challengeOf, postForm, solveProofOfWork } from '../referrals/testing.ts';

/** Test helpers for community meetings: a host organisation with its people, a valid plan, a public sign-up. */

let sequence = 0;

/** A valid plan (in the future of the test clock) with sensible defaults; override what the test is about. */
export function meetingPlan(overrides: Partial<CommunityMeetingPlan> = {}): CommunityMeetingPlan {
  sequence += 1;
  return {
    theme: `Grænser i parforhold ${sequence}`,
    city: 'Aarhus',
    date: '2026-12-03',
    startTime: '18:00',
    endTime: '20:00',
    placeName: 'Foreningshuset',
    address: 'Skolegade 11, 8000 Aarhus C',
    isAddressPublic: false,
    capacity: 20,
    description: 'Et møde i fællesskabet om grænser, vold og hvor man kan få hjælp.',
    facilitatorMembershipIds: [],
    ...overrides,
  };
}

/** A host organisation with a counsellor (plans and facilitates) and a facilitator. */
export async function givenHost(t: TestApp) {
  const planner = await t.given.signedIn('counsellor', { kind: 'ngo' });
  const facilitator = await t.given.signedIn('facilitator', { organisationId: planner.organisationId });
  return { organisationId: planner.organisationId, planner, facilitator, asPlanner: t.as(planner.session), asFacilitator: t.as(facilitator.session) };
}

export async function givenMeeting(_t: TestApp, host: Awaited<ReturnType<typeof givenHost>>, overrides: Partial<CommunityMeetingPlan> = {}): Promise<CommunityMeeting> {
  const response = await host.asPlanner.post('/api/community-meetings', meetingPlan({ facilitatorMembershipIds: [host.facilitator.user.membershipId], ...overrides }));
  if (response.statusCode !== 201) throw new Error(`meeting not planned: ${response.body}`);
  return response.json() as CommunityMeeting;
}

const validSignUpFields = { firstName: 'Alex', contactKind: 'email', email: 'alex@example.org', phone: '', mayMessage: 'yes', mayLeaveMessage: 'no', consent: 'yes' };

export const meetingPathOf = (meetingId: string, lang = 'da') => `${lang === 'da' ? '' : `/${lang}`}/faellesskabsmoeder/${meetingId}`;

/** Fetches the meeting's page and posts its sign-up form, with the proof of work solved unless told otherwise. */
export async function signUp(
  t: TestApp,
  meetingId: string,
  fields: Record<string, string> = {},
  options: { lang?: string; withProof?: boolean; remoteAddress?: string; challenge?: string } = {},
): Promise<{ response: LightMyRequestResponse; challenge: string }> {
  const url = meetingPathOf(meetingId, options.lang);
  const challenge = options.challenge ?? challengeOf((await t.app.inject({ method: 'GET', url })).body);
  const nonce = options.withProof === false ? '' : solveProofOfWork(challenge);
  const response = await postForm(t, url, { ...validSignUpFields, ...fields, challenge, nonce }, options.remoteAddress);
  return { response, challenge };
}

/**
 * Runs `act` with the clock at `instant` and the host's people signed in afresh then (their earlier sessions would
 * have gone idle), and puts the clock back. Their earlier sessions stay usable afterwards.
 */
export async function atTime<T>(
  t: TestApp & { clock: { set: (date: Date) => void } },
  host: Awaited<ReturnType<typeof givenHost>>,
  instant: Date | string,
  act: (people: { asPlanner: ReturnType<TestApp['as']>; asFacilitator: ReturnType<TestApp['as']> }) => Promise<T>,
): Promise<T> {
  const before = t.clock.now();
  t.clock.set(new Date(instant));
  try {
    const asPlanner = t.as(await t.given.session(host.planner.user));
    const asFacilitator = t.as(await t.given.session(host.facilitator.user));
    return await act({ asPlanner, asFacilitator });
  } finally {
    t.clock.set(before);
  }
}
