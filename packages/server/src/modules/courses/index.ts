// The courses module's surface: counselling courses (forløb) from opening to closing, and their jobs.
export { registerCourseRoutes } from './course.routes.ts';
export { courseJobs, courseMessageChecks } from './sessions/session.jobs.ts';
export {
  countCoursesNotMovable,
  endOpenCoursesOfService,
  type CourseTarget,
} from './service-end/service-end.service.ts';
// How a course's safe contact is sealed in storage: the bench seeds courses with SQL and needs real ciphertext.
export { safeContactFromInput, sealSafeContact } from './core/course-views.ts';
// Sharing a course with someone the person chose (peer support): the course under its access rules, and only the
// safe-contact preferences of consented pairings.
export { getCourseForSharing, readSharedContactPreferences } from './core/course-sharing.ts';
// Opening a course as a counsellor would: the peer-support demo opens the course it matches.
export { openCourse } from './opening/opening.service.ts';
// Other modules that show something on a course (conversation-group notes) check access and log reads the same way.
export { getVisibleCourse, logCourseReads } from './core/course.service.ts';
export { openSafeContact } from './core/course-views.ts';
