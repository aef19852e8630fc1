// Test helpers other modules' tests may use: referrals sent through the real routes, self-referral fixtures and
// the public contact form's challenge and posts.
export { createReferralFixture, givenReferral, idempotencyKey, postReferral, referralRequest, type Member, type ReferralFixture } from './referral.builders.ts';
export { challengeOf, createSelfReferralFixture, postForm, solveProofOfWork, submitContactForm, validContactFields } from './self-referral/self-referral.test-support.ts';
