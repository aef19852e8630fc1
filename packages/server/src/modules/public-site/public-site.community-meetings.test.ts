import type { CommunityMeeting, EvaluationCode } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { atTime, givenHost, givenMeeting, meetingPathOf, signUp } from '../community-meetings/testing.ts';
import { postForm } from '../referrals/testing.ts';
import { communityMeetingTexts } from './community-meeting-pages.text.ts';
import { expectPublicPage } from './public-site.test-support.ts';

const receiptCodeOf = (page: string) => /<p class="receipt-code"><strong[^>]*>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})<\/strong>/.exec(page)?.[1];
const escaped = (text: string) => text.replaceAll("'", '&#39;').replaceAll('"', '&quot;');

describe('public site: community meetings', () => {
  let t: TestApp;
  let host: Awaited<ReturnType<typeof givenHost>>;
  let hidden: CommunityMeeting;
  let open: CommunityMeeting;

  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    host = await givenHost(t);
    hidden = await givenMeeting(t, host, { city: 'Aarhus', theme: 'Fællesskab og grænser', address: 'Hemmeligvej 7, 8000 Aarhus C', isAddressPublic: false });
    open = await givenMeeting(t, host, { city: 'Aalborg', theme: 'Kærlighed uden kontrol', address: 'Offentliggade 1, 9000 Aalborg', isAddressPublic: true });
  });
  afterAll(async () => t.close());

  it('lists upcoming meetings in da/en/ar, filters by city, and never shows an address meant for registered participants', async () => {
    for (const lang of ['da', 'en', 'ar'] as const) {
      const url = `${lang === 'da' ? '' : `/${lang}`}/faellesskabsmoeder`;
      const body = expectPublicPage(await t.app.inject({ method: 'GET', url }), url, lang);
      expect(body).toContain(communityMeetingTexts[lang].listHeading);
      expect(body).toContain('Fællesskab og grænser');
      expect(body).not.toContain('Hemmeligvej');
      const meetingPage = expectPublicPage(await t.app.inject({ method: 'GET', url: meetingPathOf(hidden.id, lang) }), meetingPathOf(hidden.id, lang), lang);
      expect(meetingPage).not.toContain('Hemmeligvej');
      expect(meetingPage).toContain(escaped(communityMeetingTexts[lang].addressOnSignUp));
      expect(expectPublicPage(await t.app.inject({ method: 'GET', url: meetingPathOf(open.id, lang) }), meetingPathOf(open.id, lang), lang)).toContain('Offentliggade 1');
    }
    const aalborg = (await t.app.inject({ method: 'GET', url: '/faellesskabsmoeder?by=aalborg' })).body;
    expect(aalborg).toContain('Kærlighed uden kontrol');
    expect(aalborg).not.toContain('Fællesskab og grænser');
    expect((await t.app.inject({ method: 'GET', url: meetingPathOf('00000000-0000-4000-8000-000000000000') })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/faellesskabsmoeder/ikke-et-id' })).statusCode).toBe(404);
  });

  it('signs a person up with a receipt code shown once; the name and contact are sealed and the address goes by the outbox', async () => {
    const { response } = await signUp(t, hidden.id, { firstName: 'Mika', email: 'mika@example.org' }, { lang: 'en' });
    const page = expectPublicPage(response, 'sign-up', 'en');
    expect(page).toContain(communityMeetingTexts.en.receiptAddressSent);
    expect(page).not.toContain('Hemmeligvej');
    const code = receiptCodeOf(page) ?? 'missing';
    const row = await t.db.selectFrom('community_meeting_sign_ups').selectAll().where('meeting_id', '=', hidden.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toMatch(/Mika|mika@/);
    expect(JSON.stringify(row)).not.toContain(code.replaceAll('-', ''));
    expect(t.cipher.decryptOptional(row.first_name_enc)).toBe('Mika');
    const message = await t.db.selectFrom('outbox_messages').select(['channel', 'recipient_enc', 'body_enc', 'subject_enc']).where('template', '=', 'community_meeting_address').executeTakeFirstOrThrow();
    expect(message.channel).toBe('email');
    expect(t.cipher.decryptOptional(message.recipient_enc)).toBe('mika@example.org');
    const text = t.cipher.decryptOptional(message.body_enc) ?? '';
    expect(text).toMatch(/^You are signed up for the meeting on .*\. Address: Hemmeligvej 7, 8000 Aarhus C$/);
    expect(`${text} ${t.cipher.decryptOptional(message.subject_enc)}`).not.toMatch(/Fællesskab|LGBT|vold|violence/i);
  });

  it('requires permission to write when the address is for registered participants only, and marks wrong fields', async () => {
    const refused = await signUp(t, hidden.id, { mayMessage: 'no' });
    expect(expectPublicPage(refused.response, 'sign-up', 'da', 422)).toContain(escaped(communityMeetingTexts.da.fieldErrors.needed_for_address ?? ''));
    const badEmail = await signUp(t, hidden.id, { email: 'ikke en adresse' });
    expect(badEmail.response.statusCode).toBe(422);
    expect(badEmail.response.body).toContain('aria-invalid="true"');
    const noConsent = await signUp(t, open.id, { consent: '' });
    expect(noConsent.response.statusCode).toBe(422);
    // With a public address no permission to write is needed, and nothing is queued.
    const before = await t.db.selectFrom('outbox_messages').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect((await signUp(t, open.id, { mayMessage: 'no', contactKind: 'phone', email: '', phone: '+45 20 30 40 50' })).response.statusCode).toBe(200);
    expect(await t.db.selectFrom('outbox_messages').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('refuses a second sign-up with the same form (the same receipt code) clearly, and stores nothing new', async () => {
    const meeting = await givenMeeting(t, host, { isAddressPublic: true });
    const first = await signUp(t, meeting.id, { firstName: 'Noa' });
    expect(first.response.statusCode).toBe(200);
    const again = await signUp(t, meeting.id, { firstName: 'Noa' }, { challenge: first.challenge });
    expect(expectPublicPage(again.response, 'again', 'da', 409)).toContain(communityMeetingTexts.da.alreadyHeading);
    expect(receiptCodeOf(again.response.body)).toBeUndefined();
    const rows = await t.db.selectFrom('community_meeting_sign_ups').select('id').where('meeting_id', '=', meeting.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('never overbooks: of many sign-ups at once for the last places, exactly the capacity get in; the rest are told it is full', async () => {
    const meeting = await givenMeeting(t, host, { isAddressPublic: true, capacity: 3 });
    const responses = await Promise.all(Array.from({ length: 7 }, (_, index) => signUp(t, meeting.id, { firstName: `Person ${index}` }, { withProof: false })));
    const statuses = responses.map(({ response }) => response.statusCode).sort();
    expect(statuses).toEqual([200, 200, 200, 409, 409, 409, 409]);
    for (const { response } of responses.filter(({ response }) => response.statusCode === 409)) expect(response.body).toContain(communityMeetingTexts.da.fullText);
    const registered = await t.db.selectFrom('community_meeting_sign_ups').select('id').where('meeting_id', '=', meeting.id).where('status', '=', 'registered').execute();
    expect(registered).toHaveLength(3);
    // A full meeting's page says so and shows no form.
    const page = (await t.app.inject({ method: 'GET', url: meetingPathOf(meeting.id) })).body;
    expect(page).toContain(communityMeetingTexts.da.fullHeading);
    expect(page).not.toContain('name="firstName"');
  });

  it('cancels a sign-up by its receipt code, which frees the place; an unknown or malformed code changes nothing', async () => {
    const meeting = await givenMeeting(t, host, { isAddressPublic: true, capacity: 1 });
    const code = receiptCodeOf((await signUp(t, meeting.id)).response.body) ?? '';
    // The full meeting's page has no form: a challenge from another meeting's page stands in for a form kept open.
    const challengeFromElsewhere = async () => /name="challenge" value="([^"]+)"/.exec((await t.app.inject({ method: 'GET', url: meetingPathOf(open.id) })).body)?.[1] ?? '';
    expect((await signUp(t, meeting.id, {}, { challenge: await challengeFromElsewhere() })).response.statusCode).toBe(409);
    expect(expectPublicPage(await postForm(t, '/faellesskabsmoeder/afmeld', { code: 'abc' }), 'cancel', 'da', 422)).toContain(communityMeetingTexts.da.codeFormat);
    expect((await postForm(t, '/faellesskabsmoeder/afmeld', { code: '0000-0000-00' })).statusCode).toBe(404);
    const cancelled = await postForm(t, '/ar/faellesskabsmoeder/afmeld', { code: code.toLowerCase() });
    expect(expectPublicPage(cancelled, 'cancel', 'ar')).toContain(communityMeetingTexts.ar.cancelled);
    expect((await postForm(t, '/faellesskabsmoeder/afmeld', { code })).statusCode).toBe(404);
    expect((await signUp(t, meeting.id)).response.statusCode).toBe(200);
    // The cancelled sign-up's name and contact are gone at once.
    const cancelledRow = await t.db.selectFrom('community_meeting_sign_ups').select(['first_name_enc', 'contact_enc', 'erased_at']).where('meeting_id', '=', meeting.id).where('status', '=', 'cancelled').executeTakeFirstOrThrow();
    expect(cancelledRow).toEqual({ first_name_enc: null, contact_enc: null, erased_at: expect.any(Date) });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('object_id', '=', meeting.id).where('action', '=', 'community_meeting.cancel_sign_up').execute();
    expect(audit).toEqual([{ action: 'community_meeting.cancel_sign_up', actor_user_id: null }]);
  });

  it('takes an anonymous evaluation only with a right code, from the meeting’s start until the code expires', async () => {
    const meeting = await givenMeeting(t, host, { isAddressPublic: true });
    const { code } = (await host.asFacilitator.post(`/api/facilitation/community-meetings/${meeting.id}/evaluation-code`)).json() as EvaluationCode;
    const answers = { feltSafe: '5', learnedWhereToGetHelp: '4', intendsToSeekHelp: 'unsure' };
    const evaluate = (fields: Record<string, string>, url = '/evaluering') => postForm(t, url, { ...answers, ...fields });
    for (const lang of ['da', 'en', 'ar'] as const) {
      const url = `${lang === 'da' ? '' : `/${lang}`}/evaluering`;
      expect(expectPublicPage(await t.app.inject({ method: 'GET', url }), url, lang)).toContain(communityMeetingTexts[lang].feltSafeLegend);
    }
    expect((await evaluate({ code })).body).toContain(communityMeetingTexts.da.evaluationNotStarted);
    await atTime(t, host, meeting.startsAt, async () => {
      expect(expectPublicPage(await evaluate({ code: 'ZZZZ-ZZZZ-ZZ' }), 'wrong', 'da', 422)).toContain(communityMeetingTexts.da.evaluationWrongCode);
      expect((await evaluate({ code, feltSafe: '9' })).statusCode).toBe(422);
      expect(expectPublicPage(await evaluate({ code }, '/en/evaluering'), 'right', 'en')).toContain(communityMeetingTexts.en.evaluationThanks);
    });
    await atTime(t, host, new Date(Date.parse(meeting.endsAt) + 15 * 24 * 3_600_000), async () => {
      expect(expectPublicPage(await evaluate({ code }), 'expired', 'da', 410)).toContain(communityMeetingTexts.da.evaluationExpired);
    });
    const stored = await t.db.selectFrom('community_meeting_evaluations').selectAll().where('meeting_id', '=', meeting.id).execute();
    expect(stored).toEqual([{ id: expect.any(String), meeting_id: meeting.id, felt_safe: 5, learned_where_to_get_help: 4, intends_to_seek_help: 'unsure' }]);
  });
});

describe('public site: community meeting rate limits', () => {
  let t: TestApp;
  let meeting: CommunityMeeting;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: true });
    meeting = await givenMeeting(t, await givenHost(t), { isAddressPublic: true });
  });
  afterAll(async () => t.close());

  it('without proof of work an address may sign up twice an hour; with proof more; the limits are the contact form’s', async () => {
    const from = { remoteAddress: '198.51.100.20', withProof: false };
    expect((await signUp(t, meeting.id, {}, from)).response.statusCode).toBe(200);
    expect((await signUp(t, meeting.id, {}, from)).response.statusCode).toBe(200);
    const limited = await signUp(t, meeting.id, { firstName: 'Tre' }, from);
    expect(expectPublicPage(limited.response, 'limited', 'da', 429)).toContain(communityMeetingTexts.da.rateLimited);
    expect(limited.response.headers['retry-after']).toBeDefined();
    expect((await signUp(t, meeting.id, {}, { remoteAddress: '198.51.100.20' })).response.statusCode).toBe(200);
  });

  it('cancelling and evaluating: 10 tries per 10 minutes per address', async () => {
    for (const url of ['/faellesskabsmoeder/afmeld', '/evaluering']) {
      for (let attempt = 0; attempt < 10; attempt += 1) expect((await postForm(t, url, { code: '0000-0000-00' }, '198.51.100.30')).statusCode).not.toBe(429);
      expect((await postForm(t, url, { code: '0000-0000-00' }, '198.51.100.30')).statusCode).toBe(429);
    }
  });
});
