// Test helpers other modules' tests may use: a host organisation, a planned meeting, a public sign-up.
export { atTime, givenHost, givenMeeting, meetingPathOf, meetingPlan, signUp } from './community-meeting.test-support.ts';
