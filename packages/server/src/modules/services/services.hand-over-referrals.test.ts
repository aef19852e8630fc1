import type { ReferralForReferrer } from '@bro/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createReferralFixture, postReferral, referralRequest, type ReferralFixture } from '../referrals/testing.ts';
import { handOverOpenReferrals } from './index.ts';

/** The building block for ending a programme: a programme's open referrals handed over or closed, in the caller's transaction. */
describe('handOverOpenReferrals', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  beforeAll(async () => {
    t = await createTestApp({ isRateLimitEnabled: false });
    fx = await createReferralFixture(t);
  });
  afterAll(async () => t.close());

  async function givenProgrammeWithTwoServices() {
    const first = await t.given.service({ organisationId: fx.organisations.lokk.id, name: 'LOKK nord', serviceLine: 'victim' });
    const second = await t.given.service({ organisationId: fx.organisations.lokk.id, name: 'LOKK syd', serviceLine: 'victim' });
    const programme = await t.given.programme({
      referrerOrganisationIds: [fx.organisations.police.id],
      services: [
        { serviceId: first.id, priority: 10 },
        { serviceId: second.id, priority: 20 },
      ],
    });
    return { first: first.id, second: second.id, programmeId: programme.id };
  }

  async function referTo(programmeId: string, serviceId: string): Promise<string> {
    const response = await postReferral(fx.people.policeReferrer, { ...referralRequest(t, fx), programmeId, serviceId });
    expect(response.statusCode).toBe(201);
    return (response.json() as ReferralForReferrer).id;
  }

  const run = (input: Omit<Parameters<typeof handOverOpenReferrals>[1], 'deps' | 'actor'>) =>
    t.db.transaction().execute((trx) => handOverOpenReferrals(trx, { deps: { clock: t.clock, cipher: t.cipher }, actor: { userId: fx.people.platformAdmin.user.id, organisationId: fx.organisations.operator.id }, ...input }));
  const placeOf = (id: string) => t.db.selectFrom('referrals').select(['status', 'service_id']).where('id', '=', id).executeTakeFirstOrThrow();

  it('hands a programme’s open referrals over to one of its services; those already there stay', async () => {
    const { first, second, programmeId } = await givenProgrammeWithTwoServices();
    const atFirst = await referTo(programmeId, first);
    const atSecond = await referTo(programmeId, second);
    const elsewhere = await referTo(fx.programme.id, fx.services.lokk.id);

    const result = await run({ referralFilter: { programmeId }, target: { kind: 'hand_over', serviceId: second } });
    expect(result).toMatchObject({ handedOverCount: 1, closedCount: 0 });
    expect(result.changes).toEqual([
      { serviceId: first, referralId: atFirst },
      { serviceId: second, referralId: atFirst },
    ]);
    expect(await placeOf(atFirst)).toEqual({ status: 'sent', service_id: second });
    expect(await placeOf(atSecond)).toEqual({ status: 'sent', service_id: second });
    expect(await placeOf(elsewhere)).toEqual({ status: 'sent', service_id: fx.services.lokk.id });
  });

  it('closes a programme’s open referrals at one service with the reason, and only those', async () => {
    const { first, second, programmeId } = await givenProgrammeWithTwoServices();
    const atFirst = await referTo(programmeId, first);
    const atSecond = await referTo(programmeId, second);

    const result = await run({ referralFilter: { programmeId, serviceId: first }, target: { kind: 'close', reason: 'programme_ended' } });
    expect(result).toMatchObject({ handedOverCount: 0, closedCount: 1 });
    expect(await placeOf(atFirst)).toEqual({ status: 'closed', service_id: first });
    expect(await placeOf(atSecond)).toEqual({ status: 'sent', service_id: second });
    const event = await t.db.selectFrom('referral_events').select(['action', 'closing_reason', 'actor_user_id']).where('referral_id', '=', atFirst).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(event).toEqual({ action: 'close', closing_reason: 'programme_ended', actor_user_id: fx.people.platformAdmin.user.id });
  });

  it('throws 422 open_work_not_movable, and the transaction rolls back, when the target cannot take them', async () => {
    const { first, programmeId } = await givenProgrammeWithTwoServices();
    const referral = await referTo(programmeId, first);
    // Dialog mod Vold's perpetrator line does not take a woman exposed to violence.
    const refused = run({ referralFilter: { programmeId }, target: { kind: 'hand_over', serviceId: fx.services.dmv.id } });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'open_work_not_movable', detailValues: { referrals: '1', courses: '0' } });
    expect(await placeOf(referral)).toEqual({ status: 'sent', service_id: first });
  });
});
