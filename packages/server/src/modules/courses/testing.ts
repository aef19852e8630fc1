// Test helpers other modules' tests may use: the course fixture (on top of the referral fixture) and courses opened
// through the real routes.
export { createCourseFixture, expectStatus, givenWalkInCourse, type CourseFixture } from './course.builders.ts';
