// Test helpers other modules' tests may use: listings with sensible defaults, and a confidential shelter whose
// secret street (a canary) must never appear in a public answer.
export { CANARY_STREET, confidentialShelterInput, givenHelpService, helpServiceInput } from './directory.test-support.ts';
