// Test helpers other modules' tests may use (the staff calendar across modules): a running conversation group.
export { givenRunningGroup, startGroupTests } from './groups.builders.ts';
