// Test helpers other modules' tests may use: listings with sensible defaults.
export { givenHelpService, helpServiceInput } from './directory.test-support.ts';
