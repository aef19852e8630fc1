import type { CommunityMeeting, CommunityMeetingEvaluations, CommunityMeetingSignUpList, EvaluationCode, FacilitatedCommunityMeeting } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { postForm } from '../referrals/testing.ts';
import { atTime, givenHost, givenMeeting, meetingPlan, signUp } from './community-meeting.test-support.ts';
import { communityMeetingCalendarSource, communityMeetingJobs } from './index.ts';

/** Planning, running and evaluating community meetings through the API, against a real database. */
describe('community meetings: planning, facilitation and evaluation', () => {
  let t: TestApp;
  let host: Awaited<ReturnType<typeof givenHost>>;

  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    host = await givenHost(t);
  });
  afterAll(async () => t.close());

  it('plans a meeting in Danish local time, seals the address, lists the facilitators and audits without the texts', async () => {
    const options = (await host.asPlanner.get('/api/community-meetings/facilitator-options')).json() as { membershipId: string }[];
    expect(options.map((option) => option.membershipId).sort()).toEqual([host.planner.user.membershipId, host.facilitator.user.membershipId].sort());
    const response = await host.asPlanner.post('/api/community-meetings', meetingPlan({ date: '2027-03-28', startTime: '18:30', endTime: '20:00', facilitatorMembershipIds: [host.facilitator.user.membershipId] }));
    expect(response.statusCode).toBe(201);
    const meeting = response.json() as CommunityMeeting;
    // 28 March 2027 is the Sunday summer time begins: 18:30 in Copenhagen is 16:30 UTC.
    expect(meeting).toMatchObject({ date: '2027-03-28', startTime: '18:30', endTime: '20:00', startsAt: '2027-03-28T16:30:00.000Z', status: 'planned', signUpCount: 0, report: null });
    expect(meeting.facilitators).toEqual([{ membershipId: host.facilitator.user.membershipId, displayName: expect.any(String) }]);
    const row = await t.db.selectFrom('community_meetings').select(['address_enc']).where('id', '=', meeting.id).executeTakeFirstOrThrow();
    expect(row.address_enc).not.toContain('Skolegade');
    expect(t.cipher.decrypt(row.address_enc)).toBe('Skolegade 11, 8000 Aarhus C');
    const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('object_id', '=', meeting.id).execute();
    expect(audit).toEqual([{ action: 'community_meeting.plan', details: { facilitators: 1, capacity: 20, isAddressPublic: false } }]);
    expect(((await host.asPlanner.get('/api/community-meetings')).json() as CommunityMeeting[]).map((entry) => entry.id)).toContain(meeting.id);
  });

  it('refuses a meeting in the past, a facilitator who may not facilitate and a bad time (422 problem in the caller’s language)', async () => {
    const referrer = await t.given.signedIn('supervisor', { organisationId: host.organisationId });
    const cases = [
      [meetingPlan({ date: '2026-11-01' }), 'body.date'],
      [meetingPlan({ facilitatorMembershipIds: [referrer.user.membershipId] }), 'body.facilitatorMembershipIds'],
      [meetingPlan({ startTime: '20:00', endTime: '18:00' }), 'body.endTime'],
    ] as const;
    for (const [plan, path] of cases) {
      const response = await host.asPlanner.post('/api/community-meetings', plan, { 'accept-language': 'en' });
      expect(response.statusCode, path).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['content-language']).toBe('en');
      expect((response.json() as { errors: { path: string }[] }).errors.map((error) => error.path)).toContain(path);
    }
  });

  it('changes a planned meeting, but not its capacity below those signed up', async () => {
    const meeting = await givenMeeting(t, host, { isAddressPublic: true });
    expect((await signUp(t, meeting.id)).response.statusCode).toBe(200);
    expect((await signUp(t, meeting.id, { firstName: 'Sam' })).response.statusCode).toBe(200);
    const changed = await host.asPlanner.put(`/api/community-meetings/${meeting.id}`, meetingPlan({ theme: 'Ny titel', capacity: 2, isAddressPublic: true }));
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ theme: 'Ny titel', capacity: 2, signUpCount: 2, facilitators: [] });
    const tooSmall = await host.asPlanner.put(`/api/community-meetings/${meeting.id}`, meetingPlan({ capacity: 1 }));
    expect(tooSmall.statusCode).toBe(422);
  });

  it('cancels a meeting: each registered person who may be written to gets a neutral message through the outbox', async () => {
    const meeting = await givenMeeting(t, host, { theme: 'LGBT+ og vold', isAddressPublic: true });
    await signUp(t, meeting.id, { firstName: 'Kim', email: 'kim@example.org' });
    await signUp(t, meeting.id, { firstName: 'Jo', contactKind: 'phone', email: '', phone: '20 30 40 50' });
    await signUp(t, meeting.id, { firstName: 'Ib', email: 'ib@example.org', mayMessage: 'no' });
    const before = new Date(t.clock.now().getTime() - 1);
    const cancelled = await host.asPlanner.post(`/api/community-meetings/${meeting.id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect((cancelled.json() as CommunityMeeting).status).toBe('cancelled');
    const messages = await t.db.selectFrom('outbox_messages').select(['template', 'channel', 'recipient_enc', 'body_enc']).where('template', '=', 'community_meeting_cancelled').where('created_at', '>', before).execute();
    const opened = messages.map((message) => ({ channel: message.channel, to: t.cipher.decryptOptional(message.recipient_enc), text: t.cipher.decryptOptional(message.body_enc) ?? '' }));
    expect(opened.map((message) => message.to).sort()).toEqual(['20304050', 'kim@example.org']);
    for (const message of opened) {
      expect(message.text).toMatch(/^Mødet .* er aflyst\.$/);
      expect(message.text).not.toMatch(/LGBT|vold|Aarhus/);
    }
    // Cancelled stays cancelled; it can no longer be changed.
    expect((await host.asPlanner.put(`/api/community-meetings/${meeting.id}`, meetingPlan())).statusCode).toBe(409);
  });

  it('the facilitator sees the sign-ups by first name only (access-logged), records the report after the start and issues one evaluation code', async () => {
    const meeting = await givenMeeting(t, host, { isAddressPublic: true });
    await signUp(t, meeting.id, { firstName: 'Robin' });
    const listed = (await host.asFacilitator.get('/api/facilitation/community-meetings')).json() as FacilitatedCommunityMeeting[];
    expect(listed.map((entry) => entry.id)).toContain(meeting.id);
    const signUps = await host.asFacilitator.get(`/api/facilitation/community-meetings/${meeting.id}/sign-ups`);
    expect(signUps.statusCode).toBe(200);
    const list = signUps.json() as CommunityMeetingSignUpList;
    expect(list).toMatchObject({ count: 1, capacity: 20, signUps: [{ firstName: 'Robin' }] });
    expect(signUps.body).not.toContain('example.org');
    const access = await t.db.selectFrom('access_log').select(['user_id', 'object_type', 'purpose', 'action']).where('object_id', '=', meeting.id).execute();
    expect(access).toEqual([{ user_id: host.facilitator.user.id, object_type: 'community_meeting_sign_ups', purpose: 'community_meeting_facilitation', action: 'list' }]);

    const report = { headCount: 14, themesRaised: 'Jalousi og kontrol', referralCount: 2, note: 'God stemning' };
    expect((await host.asFacilitator.put(`/api/facilitation/community-meetings/${meeting.id}/report`, report)).statusCode).toBe(409);
    await atTime(t, host, meeting.startsAt, async ({ asFacilitator }) => {
      const recorded = await asFacilitator.put(`/api/facilitation/community-meetings/${meeting.id}/report`, report);
      expect(recorded.statusCode).toBe(200);
      expect(recorded.json()).toMatchObject({ status: 'held', report });
      const first = (await asFacilitator.post(`/api/facilitation/community-meetings/${meeting.id}/evaluation-code`)).json() as EvaluationCode;
      expect(first.code).toMatch(/^[0-9A-Z]{10}$/);
      expect((await asFacilitator.post(`/api/facilitation/community-meetings/${meeting.id}/evaluation-code`)).json()).toEqual(first);
      expect(((await asFacilitator.get(`/api/facilitation/community-meetings/${meeting.id}`)).json() as FacilitatedCommunityMeeting).evaluationCode).toEqual(first);
      const stored = await t.db.selectFrom('community_meetings').select(['themes_raised_enc', 'evaluation_code_hash']).where('id', '=', meeting.id).executeTakeFirstOrThrow();
      expect(stored.themes_raised_enc).not.toContain('Jalousi');
      expect(stored.evaluation_code_hash).not.toBe(first.code);
      const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('object_id', '=', meeting.id).orderBy('id').execute();
      expect(audit.map((entry) => entry.action)).toEqual(['community_meeting.plan', 'community_meeting.sign_up', 'community_meeting.report', 'community_meeting.issue_evaluation_code']);
      expect(JSON.stringify(audit)).not.toMatch(/Robin|Jalousi|Skolegade/);
    });
  });

  it('shows evaluations per meeting and across meetings, suppressing fewer than 5 answers', async () => {
    const few = await givenMeeting(t, host, { isAddressPublic: true });
    const many = await givenMeeting(t, host, { isAddressPublic: true });
    const codeOf = async (meetingId: string) => ((await host.asFacilitator.post(`/api/facilitation/community-meetings/${meetingId}/evaluation-code`)).json() as EvaluationCode).code;
    const [fewCode, manyCode] = [await codeOf(few.id), await codeOf(many.id)];
    await atTime(t, host, few.endsAt, async () => {
      const evaluate = (code: string, feltSafe: string, intends: string) => postForm(t, '/evaluering', { code, feltSafe, learnedWhereToGetHelp: '4', intendsToSeekHelp: intends });
      for (const [feltSafe, intends] of [['5', 'yes'], ['4', 'yes'], ['5', 'unsure'], ['3', 'yes'], ['5', 'yes'], ['4', 'no']] as const) {
        expect((await evaluate(manyCode, feltSafe, intends)).statusCode).toBe(200);
      }
      expect((await evaluate(fewCode, '1', 'no')).statusCode).toBe(200);
    });
    const evaluations = (await host.asPlanner.get('/api/community-meetings/evaluations')).json() as CommunityMeetingEvaluations;
    const summaryOf = (meetingId: string) => evaluations.meetings.find((entry) => entry.meetingId === meetingId)?.summary;
    expect(summaryOf(many.id)).toEqual({ responses: 6, feltSafeAverage: 4.3, learnedWhereToGetHelpAverage: 4, intendsToSeekHelp: { yes: '<5', no: '<5', unsure: '<5' } });
    expect(summaryOf(few.id)).toEqual({ responses: '<5', feltSafeAverage: null, learnedWhereToGetHelpAverage: null, intendsToSeekHelp: null });
    expect(evaluations.overall).toMatchObject({ responses: 7, feltSafeAverage: 3.9 });
    // Nothing but the answers and the meeting is stored.
    const columns = Object.keys((await t.db.selectFrom('community_meeting_evaluations').selectAll().executeTakeFirstOrThrow()) as object).sort();
    expect(columns).toEqual(['felt_safe', 'id', 'intends_to_seek_help', 'learned_where_to_get_help', 'meeting_id']);
  });

  it('gives the staff calendar the meetings one facilitates: theme and city, the place, never who signed up', async () => {
    const meeting = await givenMeeting(t, host, { theme: 'Kalendermøde', city: 'Aalborg', placeName: 'Huset', date: '2026-12-10' });
    await signUp(t, meeting.id, { firstName: 'Kalenderperson' });
    const range = { from: new Date('2026-12-09T00:00:00.000Z'), to: new Date('2026-12-11T00:00:00.000Z') };
    const entries = await communityMeetingCalendarSource(t.db, { userId: host.facilitator.user.id, membershipId: host.facilitator.user.membershipId, organisationId: host.organisationId, role: 'facilitator', serviceLine: null }, range);
    expect(entries).toEqual([
      {
        uid: `community-meeting-${meeting.id}@bro`,
        kind: 'community_meeting',
        title: 'Kalendermøde · Aalborg',
        startsAt: '2026-12-10T17:00:00.000Z',
        endsAt: '2026-12-10T19:00:00.000Z',
        location: 'Huset, Aalborg',
        isOnline: false,
        isCancelled: false,
        appPath: `/community-meetings/facilitated/${meeting.id}`,
      },
    ]);
    expect(JSON.stringify(entries)).not.toContain('Kalenderperson');
    const colleague = await t.given.signedIn('facilitator', { organisationId: host.organisationId });
    expect(await communityMeetingCalendarSource(t.db, { userId: colleague.user.id, membershipId: colleague.user.membershipId, organisationId: host.organisationId, role: 'facilitator', serviceLine: null }, range)).toEqual([]);
  });

  it('erases the names and contacts of sign-ups a week after the meeting, keeping the count', async () => {
    const meeting = await givenMeeting(t, host, { isAddressPublic: true, date: '2026-12-01' });
    await signUp(t, meeting.id, { firstName: 'Snart-Slettet' });
    const job = communityMeetingJobs.find((definition) => definition.name === 'erase-community-meeting-sign-ups');
    const stored = () => t.db.selectFrom('community_meeting_sign_ups').select(['first_name_enc', 'contact_enc', 'erased_at', 'status']).where('meeting_id', '=', meeting.id).executeTakeFirstOrThrow();
    await atTime(t, host, '2026-12-07T12:00:00.000Z', async () => {
      await job?.handler(t.jobContext());
      expect((await stored()).erased_at).toBeNull();
    });
    await atTime(t, host, '2026-12-09T12:00:00.000Z', async ({ asFacilitator }) => {
      expect(await job?.handler(t.jobContext())).toBe('done');
      expect(await stored()).toEqual({ first_name_enc: null, contact_enc: null, erased_at: expect.any(Date), status: 'registered' });
      const list = (await asFacilitator.get(`/api/facilitation/community-meetings/${meeting.id}/sign-ups`)).json() as CommunityMeetingSignUpList;
      expect(list).toMatchObject({ count: 1, signUps: [{ firstName: '–' }] });
    });
  });
});
