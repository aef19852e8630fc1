import {
  fetchBridging,
  fetchCaseloadOf,
  fetchCourse,
  fetchCourses,
  fetchCourseServices,
  fetchCourseSessions,
  fetchMyCaseload,
  fetchOnwardOptions,
  fetchRiskAssessments,
  fetchRiskInstruments,
  fetchSafetyPlan,
  fetchSupervisedCaseloads,
  fetchTriage,
  type CourseListStatus,
} from '../../api';
import { useResource } from '../../useResource';

/** Each hook loads one API resource into component state; nothing is cached or stored beyond the page. */

export const useCourse = (id: string) => useResource((signal) => fetchCourse(id, signal), [id]);
export const useCourseList = (status: CourseListStatus) => useResource((signal) => fetchCourses(status, signal), [status]);
export const useMyCaseload = () => useResource((signal) => fetchMyCaseload(signal), []);
export const useSupervisedCaseloads = () => useResource((signal) => fetchSupervisedCaseloads(signal), []);
export const useCaseloadOf = (userId: string) => useResource((signal) => fetchCaseloadOf(userId, signal), [userId]);
export const useTriageHistory = (id: string) => useResource((signal) => fetchTriage(id, signal), [id]);
export const useRiskInstruments = () => useResource((signal) => fetchRiskInstruments(signal), []);
export const useRiskAssessments = (id: string) => useResource((signal) => fetchRiskAssessments(id, signal), [id]);
export const useCourseSessions = (id: string) => useResource((signal) => fetchCourseSessions(id, signal), [id]);
export const useSafetyPlan = (id: string) => useResource((signal) => fetchSafetyPlan(id, signal), [id]);
export const useBridging = (id: string) => useResource((signal) => fetchBridging(id, signal), [id]);
export const useOnwardOptions = (id: string) => useResource((signal) => fetchOnwardOptions(id, signal), [id]);

/** The services the user may open a course at: their service assignments, on the sides they work. */
export const useCourseServices = () => useResource((signal) => fetchCourseServices(signal), []);
