import type { CourseSafeContactInput, GroupOfferView, GroupView, WaitingEntryView } from '@bro/domain';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createCourseFixture, expectStatus, givenWalkInCourse, type CourseFixture } from '../courses/testing.ts';

/**
 * Test data for conversation groups, on the course fixture: LOKK's group service ("LOKK samtalegrupper", victim
 * line) with its group counsellor as facilitator. DmV's perpetrator-line counsellor is also assigned to DmV's
 * victim-line service, so the other service line can be tried at a service they are assigned to.
 */
export async function startGroupTests(): Promise<{ t: TestApp; fx: CourseFixture }> {
  const t = await createTestApp();
  const fx = await createCourseFixture(t);
  expectStatus(await fx.people.dmvAdmin.client.put(`/api/course-config/services/${fx.services.dmvVictims.id}/staff`, { membershipIds: [fx.people.dmvVictimCounsellor.user.membershipId, fx.people.dmvCounsellor.user.membershipId] }), 200);
  return { t, fx };
}

export const safeSmsAnyTime: CourseSafeContactInput = {
  phone: '+45 20 30 40 51',
  preferences: {
    channels: { sms: 'safe', email: 'unknown', phoneCall: 'safe', voicemail: 'unsafe', letter: 'unsafe' },
    safeTimeWindows: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '23:59' }],
    messageContent: 'neutral',
    language: 'da',
  },
};

/** The offer of the seed text: 6–8 women, 8 weekly meetings, Tuesdays 17:00–18:30. */
export function offerBody(fx: CourseFixture, overrides: Record<string, unknown> = {}) {
  return {
    serviceId: fx.services.lokkGroups.id,
    name: 'Samtalegruppe for kvinder',
    targetGroup: 'Kvinder, der har forladt en voldelig partner for mindst 6 måneder siden.',
    eligibilityRules: {
      targetGroups: [{ id: 'left_6_months', label: { da: 'Forladt partneren for mindst 6 måneder siden', en: 'Left the partner at least 6 months ago' }, conditions: [{ fact: 'monthsSinceLeftPartner', min: 6 }] }],
      exclusions: [],
      notInTargetGroupOnward: null,
    },
    minParticipants: 6,
    maxParticipants: 8,
    meetingCount: 8,
    rhythm: { weekday: 2, startTime: '17:00', intervalWeeks: 1, durationMinutes: 90 },
    mode: 'in_person',
    place: 'Mødelokalet, 1. sal',
    facilitatorUserIds: [fx.people.lokkGroupCounsellor.user.id],
    reconfirmAfterDays: 60,
    ...overrides,
  };
}

export async function givenOffer(fx: CourseFixture, overrides: Record<string, unknown> = {}): Promise<GroupOfferView> {
  return expectStatus(await fx.people.lokkGroupCounsellor.client.post('/api/group-offers', offerBody(fx, overrides)), 201).json() as GroupOfferView;
}

/** A course at the group service and its place on the offer's waiting list. */
export async function givenWaiting(fx: CourseFixture, offerId: string, options: { safeContact?: CourseSafeContactInput; label?: string } = {}): Promise<WaitingEntryView> {
  const course = await givenWalkInCourse(fx, { by: fx.people.lokkGroupCounsellor, serviceId: fx.services.lokkGroups.id, ...options });
  const body = { courseId: course.id, preferences: { dayTimes: ['evening'], language: 'da', mode: 'in_person' } };
  return expectStatus(await fx.people.lokkGroupCounsellor.client.post(`/api/group-offers/${offerId}/waiting-list`, body), 201).json() as WaitingEntryView;
}

/** An offer with `waiting` people on its list and a group of the first `size` started on Tuesday 24 November 2026. */
export async function givenRunningGroup(fx: CourseFixture, options: { waiting?: number; size?: number; safeContact?: CourseSafeContactInput } = {}) {
  const offer = await givenOffer(fx);
  const entries: WaitingEntryView[] = [];
  for (let index = 0; index < (options.waiting ?? 7); index += 1) entries.push(await givenWaiting(fx, offer.id, options.safeContact ? { safeContact: options.safeContact } : {}));
  const picked = entries.slice(0, options.size ?? 7).map((entry) => entry.id);
  const group = expectStatus(await fx.people.lokkGroupCounsellor.client.post(`/api/group-offers/${offer.id}/groups`, { firstDate: '2026-11-24', entryIds: picked }), 201).json() as GroupView;
  return { offer, entries, group };
}
