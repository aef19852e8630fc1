import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import { startReferralTests, type ReferralFixture } from '../referral.builders.ts';

/** Only people who may create referrals have a draft; everyone else is refused before anything is read. */
describe('/api/referrals/draft: access', () => {
  let t: TestApp;
  let fx: ReferralFixture;
  beforeAll(async () => { ({ t, fx } = await startReferralTests({ isRateLimitEnabled: false })); });
  afterAll(async () => t.close());

  const body = { values: {}, reachedStep: 'who' };

  it('answers 401 without a session', async () => {
    const anonymous = t.as(undefined);
    for (const response of [await anonymous.get('/api/referrals/draft'), await anonymous.put('/api/referrals/draft', body), await anonymous.delete('/api/referrals/draft')]) {
      expect(response.statusCode).toBe(401);
    }
  });

  it('answers 403 to receiving staff and the platform admin', async () => {
    for (const member of [fx.people.lokkCoordinator, fx.people.lokkCounsellor, fx.people.platformAdmin]) {
      for (const response of [await member.client.get('/api/referrals/draft'), await member.client.put('/api/referrals/draft', body), await member.client.delete('/api/referrals/draft')]) {
        expect(response.statusCode, member.user.role).toBe(403);
      }
    }
  });
});
