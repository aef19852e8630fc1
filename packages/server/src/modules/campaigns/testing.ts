// Test helpers other modules' tests may use: a valid campaign with sensible defaults.
export { campaignInput } from './campaign.test-support.ts';
