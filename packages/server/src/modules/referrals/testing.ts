// Test helpers other modules' tests may use: referrals sent through the real routes, self-referral fixtures.
export { createReferralFixture, givenReferral, idempotencyKey, type Member, type ReferralFixture } from './referral.builders.ts';
export { createSelfReferralFixture, validContactFields } from './self-referral/self-referral.test-support.ts';
