// The community-meetings module's surface: staff planning and facilitation routes, the public sign-up and
// evaluation the public site uses, and the meetings a staff member facilitates for the staff calendar.
export { registerCommunityMeetingRoutes } from './community-meeting.routes.ts';
export { communityMeetingCalendarSource } from './facilitation.service.ts';
export { communityMeetingJobs } from './community-meeting.jobs.ts';
export {
  cancelCommunityMeetingSignUp,
  findUpcomingCommunityMeeting,
  listUpcomingCommunityMeetings,
  signUpForCommunityMeeting,
  submitCommunityMeetingEvaluation,
  type PublicCommunityMeeting,
} from './sign-up.service.ts';
