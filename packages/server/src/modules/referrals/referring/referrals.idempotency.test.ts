import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import { idempotencyKey, postReferral, referralRequest, startReferralTests, type ReferralFixture } from '../referral.builders.ts';

describe('POST /api/referrals with Idempotency-Key', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  beforeAll(async () => { ({ t, fx } = await startReferralTests({ isRateLimitEnabled: false })); });
  afterAll(async () => t.close());

  const referralCount = async () => Number((await t.db.selectFrom('referrals').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('replays the first response byte for byte for the same key and body, and creates one referral', async () => {
    const key = idempotencyKey();
    const body = referralRequest(t, fx);
    const before = await referralCount();
    const first = await postReferral(fx.people.policeReferrer, body, key);
    t.clock.advance(5_000);
    const second = await postReferral(fx.people.policeReferrer, body, key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await referralCount()).toBe(before + 1);
  });

  it('treats the same body with other key order or formatting as the same request', async () => {
    const key = idempotencyKey();
    const body = referralRequest(t, fx);
    const first = await postReferral(fx.people.policeReferrer, body, key);
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(body).reverse()), null, 2);
    const second = await fx.people.policeReferrer.client.post('/api/referrals', reordered, { 'content-type': 'application/json', 'idempotency-key': key });
    expect(second.statusCode).toBe(201);
    expect(second.body).toBe(first.body);
  });

  it('answers 422 idempotency_mismatch for the same key with another body', async () => {
    const key = idempotencyKey();
    await postReferral(fx.people.policeReferrer, referralRequest(t, fx), key);
    const before = await referralCount();
    const other = await postReferral(fx.people.policeReferrer, referralRequest(t, fx), key);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_mismatch');
    expect(await referralCount()).toBe(before);
  });

  it('scopes keys per user: a colleague’s request with the same key is a new request', async () => {
    const key = idempotencyKey();
    const mine = await postReferral(fx.people.policeReferrer, referralRequest(t, fx), key);
    const theirs = await postReferral(fx.people.policeColleague, referralRequest(t, fx), key);
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(mine.json().id);
  });

  it('creates exactly one referral from five concurrent duplicates; the others get 409 or the replay', async () => {
    const key = idempotencyKey();
    const body = referralRequest(t, fx);
    const before = await referralCount();
    const responses = await Promise.all(Array.from({ length: 5 }, () => postReferral(fx.people.policeReferrer, body, key)));
    expect(await referralCount()).toBe(before + 1);
    const created = responses.filter((response) => response.statusCode === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((response) => response.body)).size).toBe(1);
    for (const response of responses.filter((candidate) => candidate.statusCode !== 201)) {
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('idempotency_in_flight');
    }
  });

  it('lets the client retry with the same key after a failed attempt', async () => {
    const key = idempotencyKey();
    const withoutConsent = referralRequest(t, fx, { withConsent: false });
    const failed = await postReferral(fx.people.policeReferrer, withoutConsent, key);
    expect(failed.statusCode).toBe(422);
    expect(await t.db.selectFrom('idempotency_keys').select('key').where('key', '=', key).executeTakeFirst()).toBeUndefined();
    const retried = await postReferral(fx.people.policeReferrer, withoutConsent, key);
    expect(retried.statusCode).toBe(422);
    expect(retried.json().code).toBe('consent_required');
  });

  it('answers 400 idempotency_key_invalid without a key or with a malformed one, and creates nothing', async () => {
    const before = await referralCount();
    const missing = await fx.people.policeReferrer.client.post('/api/referrals', referralRequest(t, fx));
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'idempotency_key_invalid', status: 400 });
    for (const key of ['short', 'x'.repeat(129), 'has space in it', 'æøå-not-ascii', 'semi;colon1']) {
      const response = await postReferral(fx.people.policeReferrer, referralRequest(t, fx), key);
      expect(response.statusCode, key).toBe(400);
      expect(response.json().code, key).toBe('idempotency_key_invalid');
    }
    expect(await referralCount()).toBe(before);
  });

  it('stores the replayable response encrypted, not as readable personal data', async () => {
    const key = idempotencyKey();
    const body = referralRequest(t, fx);
    await postReferral(fx.people.policeReferrer, body, key);
    const row = await t.db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
    expect(row.state).toBe('completed');
    expect(row.response_status).toBe(201);
    expect(JSON.stringify(row)).not.toContain(body.person.fullName);
  });
});
