import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import { advanceClock, postReferral, referralRequest, startReferralTests, type ReferralFixture } from '../referral.builders.ts';
import { purgeExpiredReferralDrafts } from './draft.jobs.ts';

const HOUR = 3_600_000;

/** The referral an officer is writing, kept on the server as they go (issue 11 §1). */
describe('/api/referrals/draft', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  beforeAll(async () => { ({ t, fx } = await startReferralTests({ isRateLimitEnabled: false })); });
  afterAll(async () => t.close());

  const draft = (name: string) => ({ values: { person: { fullName: name, cpr: '010190-1234' }, safeContact: { phone: '20 30 40 50' } }, reachedStep: 'contact' });
  const rowOf = (userId: string) => t.db.selectFrom('referral_drafts').selectAll().where('author_user_id', '=', userId).executeTakeFirst();

  it('gives the author back what they saved, with the step they reached, for 24 hours', async () => {
    const officer = fx.people.policeReferrer;
    const saved = await officer.client.put('/api/referrals/draft', draft('Mette Kladde'));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ updatedAt: t.clock.now().toISOString(), expiresAt: new Date(t.clock.now().getTime() + 24 * HOUR).toISOString() });

    const read = await officer.client.get('/api/referrals/draft');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ values: draft('Mette Kladde').values, reachedStep: 'contact' });

    // A second save replaces the first: one draft per author.
    await officer.client.put('/api/referrals/draft', draft('Mette Anden'));
    expect((await officer.client.get('/api/referrals/draft')).json().values.person.fullName).toBe('Mette Anden');
    expect(Number((await t.db.selectFrom('referral_drafts').select((eb) => eb.fn.countAll().as('n')).where('author_user_id', '=', officer.user.id).executeTakeFirstOrThrow()).n)).toBe(1);
  });

  it('keeps the draft encrypted at rest, and its content out of the audit log', async () => {
    const officer = fx.people.municipalityReferrer;
    await officer.client.put('/api/referrals/draft', draft('Kanariefugl Kladdesen'));
    const row = await rowOf(officer.user.id);
    for (const secret of ['Kanariefugl', '010190-1234', '20 30 40 50']) expect(row?.values_enc).not.toContain(secret);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('object_type', '=', 'referral_draft').execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain('Kanariefugl');
  });

  it('is nobody else’s: a colleague in the same organisation and another organisation get 404', async () => {
    await fx.people.policeReferrer.client.put('/api/referrals/draft', draft('Mette Kladde'));
    for (const other of [fx.people.policeReferrerWithoutUnit, fx.people.otherPoliceReferrer]) {
      const response = await other.client.get('/api/referrals/draft');
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('Mette');
      // Discarding "theirs" leaves the author's alone.
      expect((await other.client.delete('/api/referrals/draft')).statusCode).toBe(204);
    }
    expect((await fx.people.policeReferrer.client.get('/api/referrals/draft')).statusCode).toBe(200);
  });

  it('is gone once the referral is created, or when the officer discards it', async () => {
    const officer = fx.people.policeReferrer;
    await officer.client.put('/api/referrals/draft', draft('Mette Kladde'));
    expect((await postReferral(officer, referralRequest(t, fx))).statusCode).toBe(201);
    expect((await officer.client.get('/api/referrals/draft')).statusCode).toBe(404);

    await officer.client.put('/api/referrals/draft', draft('Mette Kladde'));
    expect((await officer.client.delete('/api/referrals/draft')).statusCode).toBe(204);
    expect((await officer.client.get('/api/referrals/draft')).statusCode).toBe(404);
  });

  it('refuses a draft that is too large or names an unknown step', async () => {
    const officer = fx.people.policeReferrer;
    expect((await officer.client.put('/api/referrals/draft', { values: { situation: 'x'.repeat(40_000) }, reachedStep: 'who' })).statusCode).toBe(422);
    expect((await officer.client.put('/api/referrals/draft', { values: {}, reachedStep: 'elsewhere' })).statusCode).toBe(422);
  });

  it('expires after 24 hours: refused on read, then deleted by the purge job', async () => {
    const officer = fx.people.policeReferrer;
    await officer.client.put('/api/referrals/draft', draft('Mette Kladde'));
    await advanceClock(t, fx, 24 * HOUR + 60_000);
    expect((await officer.client.get('/api/referrals/draft')).statusCode).toBe(404);
    expect(await rowOf(officer.user.id)).toBeDefined();
    expect(await purgeExpiredReferralDrafts(t.jobContext())).toBe('done');
    expect(await rowOf(officer.user.id)).toBeUndefined();
  });
});
