import type { DuplicateCheckResponse, InboxItem, ReferralForReceiver } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import { advanceClock, givenReferral, postReferral, referralRequest, startReferralTests, type Member, type ReferralFixture } from '../referral.builders.ts';

/**
 * Possible duplicates: the referring officer's check (POST /api/referrals/duplicate-check) and the receiving
 * service's "Mulig dublet" flag. The rule: same CPR, or same name and birth year; same referring organisation,
 * same programme, within 30 days. Neither side may learn of a referral it may not see.
 */
describe('possible duplicates', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  let secondProgrammeId: string;
  let cprDay = 0;
  /** A plausible CPR number of someone born in 1990 (the builders' birth year), unique in this file. */
  const nextCpr = () => `${String(++cprDay).padStart(2, '0')}0390-1234`;

  beforeAll(async () => {
    ({ t, fx } = await startReferralTests({ isRateLimitEnabled: false }));
    const second = await t.given.programme({ name: 'Andet program', referrerOrganisationIds: [fx.organisations.police.id], services: [{ serviceId: fx.services.lokk.id, role: 'exposed', priority: 10 }] });
    secondProgrammeId = second.id;
  });
  afterAll(async () => t.close());

  const check = (member: Member, body: Record<string, unknown>) => member.client.post('/api/referrals/duplicate-check', { programmeId: fx.programme.id, ...body });
  const referencesFound = async (member: Member, body: Record<string, unknown>) => {
    const response = await check(member, body);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as DuplicateCheckResponse).possibleDuplicates.map((duplicate) => duplicate.reference);
  };

  describe('the referring officer’s check', () => {
    it('finds a referral of the same CPR number, from the officer or a colleague in the unit, with where it went', async () => {
      const cpr = nextCpr();
      const earlier = await givenReferral(t, fx, { cpr });
      const response = await check(fx.people.policeColleague, { cpr: cpr.replace('-', ''), fullName: 'Et helt andet navn' });
      expect(response.json()).toEqual({ possibleDuplicates: [{ reference: earlier.created.reference, createdAt: earlier.created.createdAt, serviceName: 'LOKK rådgivning' }] });
      expect(response.body).not.toContain(earlier.request.person.fullName);
    });

    it('finds a referral without CPR by the same name and birth year, spelled with other case and spacing', async () => {
      const earlier = await givenReferral(t, fx, { cpr: '' });
      const name = `  ${earlier.request.person.fullName.toUpperCase().replace(' ', '   ')} `;
      expect(await referencesFound(fx.people.policeReferrer, { fullName: name, birthYear: 1990 })).toEqual([earlier.created.reference]);
      // The birth year can come from the CPR number typed.
      expect(await referencesFound(fx.people.policeReferrer, { fullName: name, cpr: nextCpr() })).toEqual([earlier.created.reference]);
      expect(await referencesFound(fx.people.policeReferrer, { fullName: name, birthYear: 1991 })).toEqual([]);
      // A name alone is too weak.
      expect(await referencesFound(fx.people.policeReferrer, { fullName: name })).toEqual([]);
    });

    it('does not match the same name and birth year when both CPR numbers are known and differ', async () => {
      const earlier = await givenReferral(t, fx, { cpr: nextCpr() });
      expect(await referencesFound(fx.people.policeReferrer, { fullName: earlier.request.person.fullName, cpr: nextCpr() })).toEqual([]);
    });

    it('finds nothing in another programme, from another organisation, or from outside the caller’s unit', async () => {
      const cpr = nextCpr();
      await givenReferral(t, fx, { cpr });
      expect(await referencesFound(fx.people.policeReferrer, { cpr, fullName: 'X', programmeId: secondProgrammeId })).toEqual([]);
      expect(await referencesFound(fx.people.policeReferrer, { cpr, fullName: 'X', programmeId: fx.otherProgramme.id })).toEqual([]);
      // Other organisations (and a police officer without a unit, who sees only their own) cannot learn of it.
      for (const member of [fx.people.municipalityReferrer, fx.people.otherPoliceReferrer, fx.people.policeReferrerWithoutUnit]) {
        expect(await referencesFound(member, { cpr, fullName: 'X' }), member.user.email).toEqual([]);
      }
    });

    it('leaves out drafts', async () => {
      const cpr = nextCpr();
      await givenReferral(t, fx, { cpr, status: 'draft' });
      expect(await referencesFound(fx.people.policeReferrer, { cpr, fullName: 'X' })).toEqual([]);
    });

    it('answers 401 without a session and 403 to roles that cannot refer', async () => {
      const body = { programmeId: fx.programme.id, fullName: 'X', cpr: nextCpr() };
      const anonymous = await t.as(undefined).post('/api/referrals/duplicate-check', body);
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      for (const member of [fx.people.lokkCoordinator, fx.people.lokkCounsellor, fx.people.platformAdmin]) {
        expect((await member.client.post('/api/referrals/duplicate-check', body)).statusCode, member.user.role).toBe(403);
      }
    });

    it.each([
      { name: 'no programme', body: { programmeId: undefined, fullName: 'X' } },
      { name: 'a programme that is not a uuid', body: { programmeId: 'abc', fullName: 'X' } },
      { name: 'an empty name', body: { fullName: '  ' } },
      { name: 'an implausible CPR number', body: { fullName: 'X', cpr: '999999-9999' } },
      { name: 'a birth year out of range', body: { fullName: 'X', birthYear: 1800 } },
      { name: 'an unknown field', body: { fullName: 'X', name: 'Y' } },
    ])('answers 422 problem+json to $name', async ({ body }) => {
      const response = await check(fx.people.policeReferrer, body);
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).not.toContain('999999');
    });

    it('forgets referrals older than 30 days', async () => {
      const cpr = nextCpr();
      const earlier = await givenReferral(t, fx, { cpr });
      await advanceClock(t, fx, 29 * 86_400_000);
      expect(await referencesFound(fx.people.policeReferrer, { cpr, fullName: 'X' })).toEqual([earlier.created.reference]);
      await advanceClock(t, fx, 2 * 86_400_000);
      expect(await referencesFound(fx.people.policeReferrer, { cpr, fullName: 'X' })).toEqual([]);
    });
  });

  describe('the receiving service’s flag', () => {
    const inboxItem = async (member: Member, id: string) => ((await member.client.get('/api/inbox')).json() as InboxItem[]).find((item) => item.id === id);
    const flagsOf = async (member: Member, id: string) => (await inboxItem(member, id))?.possibleDuplicates.map((duplicate) => duplicate.reference);

    it('flags two referrals of the same person at the same service, each pointing to the other, in the inbox and on the page', async () => {
      const cpr = nextCpr();
      const first = await givenReferral(t, fx, { cpr });
      // Someone else born the same year, without CPR: another name, so no match.
      const second = await givenReferral(t, fx, { cpr: '' });
      // The same person again without CPR: matched by name and birth year.
      const byName = await postReferral(fx.people.policeReferrer, { ...referralRequest(t, fx, { cpr: '' }), person: { ...first.request.person, cpr: undefined } });
      expect(byName.statusCode).toBe(201);
      const third = byName.json() as { id: string; reference: string };
      expect(await flagsOf(fx.people.lokkCoordinator, first.id)).toEqual([third.reference]);
      expect(await flagsOf(fx.people.lokkCoordinator, third.id)).toEqual([first.created.reference]);
      expect(await flagsOf(fx.people.lokkCoordinator, second.id)).toEqual([]);
      const page = (await fx.people.lokkCoordinator.client.get(`/api/inbox/${first.id}`)).json() as ReferralForReceiver;
      expect(page.possibleDuplicates).toEqual([{ id: third.id, reference: third.reference }]);
    });

    it('never flags a referral another service holds, nor reveals it to a service that cannot see it', async () => {
      const cpr = nextCpr();
      const atLokk = await givenReferral(t, fx, { cpr });
      const atHotline = await givenReferral(t, fx, { cpr, to: 'hotline', consentTo: fx.organisations.hotline.id });
      expect(await flagsOf(fx.people.lokkCoordinator, atLokk.id)).toEqual([]);
      expect(await flagsOf(fx.people.hotlineCoordinator, atHotline.id)).toEqual([]);
      const lokkPage = await fx.people.lokkCoordinator.client.get(`/api/inbox/${atLokk.id}`);
      expect(lokkPage.body).not.toContain(atHotline.id);
      expect(lokkPage.body).not.toContain(atHotline.created.reference);
    });

    it('does not flag referrals from different organisations or programmes', async () => {
      const cpr = nextCpr();
      const byPolice = await givenReferral(t, fx, { cpr });
      await givenReferral(t, fx, { cpr, by: fx.people.municipalityReferrer });
      const inSecond = await postReferral(fx.people.policeReferrer, { ...referralRequest(t, fx, { cpr }), programmeId: secondProgrammeId });
      expect(inSecond.statusCode, inSecond.body).toBe(201);
      expect(await flagsOf(fx.people.lokkCoordinator, byPolice.id)).toEqual([]);
    });

    it('compares only what the consents let the service see', async () => {
      const cpr = nextCpr();
      const first = await givenReferral(t, fx, { cpr, consentCategories: ['contact'] });
      await givenReferral(t, fx, { cpr, consentCategories: ['contact'] });
      expect(await flagsOf(fx.people.lokkCoordinator, first.id)).toEqual([]);
    });
  });
});
