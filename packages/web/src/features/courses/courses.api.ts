import type {
  AccessHistoryExtract,
  AssignCounsellorRequest,
  BridgingView,
  CaseloadOverview,
  CloseCourseRequest,
  CounsellorCaseloadSummary,
  Course,
  CourseListStatus,
  CourseSafeContactInput,
  CourseServiceOption,
  CourseSummary,
  CreateOnwardReferralRequest,
  DecideTriageRequest,
  EvaluateTriageRequest,
  OnwardServiceOption,
  OpenCourseRequest,
  OutcomePhase,
  OutcomeView,
  PlanSessionRequest,
  ProduceAccessHistoryRequest,
  RecordAttendanceRequest,
  RecordOutcomeRequest,
  RecordRiskAssessmentRequest,
  DecideRiskReductionRequest,
  RequestRiskReductionRequest,
  RiskReductionView,
  RecordShelterStayRequest,
  RecordUnderretningReceiptRequest,
  RecordUnderretningRequest,
  ReferralForReferrer,
  RiskAssessmentView,
  RiskInstrumentView,
  SafetyPlanVersionView,
  SafetyPlanView,
  SavedSafetyPlan,
  SaveSafetyPlanRequest,
  SessionList,
  SessionNoteRequest,
  SessionView,
  ShelterStayView,
  TriageEvaluationView,
  TriageView,
  UnderretningView,
  UpdateProtectionRequest,
  UpdateShelterStayRequest,
} from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ids, request } from '../../api/client';

// Counselling courses (forløb): the course's own service only; another organisation's course answers 404.
const course = (id: string) => `/api/courses/${ids(id)}`;

/** Each part of a course has its own key, so a change refetches only what it changed (every read is access-logged). */
export const courseKeys = {
  list: (status: CourseListStatus) => ['courses', 'list', status] as const,
  services: () => ['courses', 'services'] as const,
  one: (id: string) => ['courses', 'one', id] as const,
  part: (id: string, part: 'triage' | 'risk' | 'risk-reductions' | 'sessions' | 'safety-plan' | 'bridging' | 'onward-options') => ['courses', part, id] as const,
  pendingRiskReductions: () => ['supervision', 'risk-reductions'] as const,
  caseload: (userId?: string) => ['caseload', userId ?? 'mine'] as const,
  supervision: () => ['supervision'] as const,
};

const get = <T>(path: string) => ({ signal }: { signal: AbortSignal }) => request<T>('GET', path, { signal });

export const courseListQuery = (status: CourseListStatus) => queryOptions({ queryKey: courseKeys.list(status), queryFn: get<CourseSummary[]>(`/api/courses?status=${status}`) });
/** The services the user may open courses at: their service assignments, on the sides they work. */
export const courseServicesQuery = queryOptions({ queryKey: courseKeys.services(), queryFn: get<CourseServiceOption[]>('/api/courses/services') });
export const courseQuery = (id: string) => queryOptions({ queryKey: courseKeys.one(id), queryFn: get<Course>(course(id)) });
export const myCaseloadQuery = queryOptions({ queryKey: courseKeys.caseload(), queryFn: get<CaseloadOverview>('/api/caseload') });
export const supervisedCaseloadsQuery = queryOptions({ queryKey: courseKeys.supervision(), queryFn: get<CounsellorCaseloadSummary[]>('/api/supervision/caseloads') });
/** One counsellor's caseload, read for supervision (and logged as such by the server). */
export const caseloadOfQuery = (userId: string) => queryOptions({ queryKey: courseKeys.caseload(userId), queryFn: get<CaseloadOverview>(`/api/supervision/caseloads/${ids(userId)}`) });
export const triageHistoryQuery = (id: string) => queryOptions({ queryKey: courseKeys.part(id, 'triage'), queryFn: get<TriageView[]>(`${course(id)}/triage`) });
export const riskInstrumentsQuery = queryOptions({ queryKey: ['risk-instruments'], queryFn: get<RiskInstrumentView[]>('/api/risk-instruments') });
export const riskAssessmentsQuery = (id: string) => queryOptions({ queryKey: courseKeys.part(id, 'risk'), queryFn: get<RiskAssessmentView[]>(`${course(id)}/risk-assessments`) });
export const riskReductionsQuery = (id: string) => queryOptions({ queryKey: courseKeys.part(id, 'risk-reductions'), queryFn: get<RiskReductionView[]>(`${course(id)}/risk-reductions`) });
/** What waits for a supervisor's confirmation on the courses of their services (reasons: access-logged). */
export const pendingRiskReductionsQuery = queryOptions({ queryKey: courseKeys.pendingRiskReductions(), queryFn: get<RiskReductionView[]>('/api/risk-reductions/pending') });
export const sessionsQuery = (id: string) => queryOptions({ queryKey: courseKeys.part(id, 'sessions'), queryFn: get<SessionList>(`${course(id)}/sessions`) });
export const safetyPlanQuery = (id: string) => queryOptions({ queryKey: courseKeys.part(id, 'safety-plan'), queryFn: get<SafetyPlanView>(`${course(id)}/safety-plan`) });
export const bridgingQuery = (id: string) => queryOptions({ queryKey: courseKeys.part(id, 'bridging'), queryFn: get<BridgingView>(`${course(id)}/bridging`) });
export const onwardOptionsQuery = (id: string) => queryOptions({ queryKey: courseKeys.part(id, 'onward-options'), queryFn: get<OnwardServiceOption[]>(`${course(id)}/onward-options`) });

export const safetyPlanVersionQuery = (id: string, version: number) =>
  queryOptions({ queryKey: [...courseKeys.part(id, 'safety-plan'), version], queryFn: get<SafetyPlanVersionView>(`${course(id)}/safety-plan/versions/${version}`) });
/** The print pages are the server's (no scripts, addresses left out when protected); opened in a new tab. */
export const safetyPlanPrintUrl = (id: string, lang: 'da' | 'en', version?: number) => `${course(id)}/safety-plan/print?lang=${lang}${version === undefined ? '' : `&version=${version}`}`;
export const accessHistoryPrintUrl = (id: string, extractId: string, lang: 'da' | 'en') => `${course(id)}/access-history/${ids(extractId)}/print?lang=${lang}`;

/** @idempotent with the same key: a double click or a retry opens one course. */
export const openCourse = (body: OpenCourseRequest, idempotencyKey: string) => request<Course>('POST', '/api/courses', { body, idempotencyKey });
export const assignCourseCounsellor = (id: string, body: AssignCounsellorRequest) => request<Course>('PUT', `${course(id)}/counsellor`, { body });
export const updateCourseSafeContact = (id: string, body: CourseSafeContactInput) => request<Course>('PUT', `${course(id)}/safe-contact`, { body });
export const updateCourseProtection = (id: string, body: UpdateProtectionRequest) => request<Course>('PUT', `${course(id)}/address-protection`, { body });
export const closeCourse = (id: string, body: CloseCourseRequest) => request<Course>('POST', `${course(id)}/close`, { body });
export const evaluateTriage = (id: string, body: EvaluateTriageRequest) => request<TriageEvaluationView>('POST', `${course(id)}/triage/evaluate`, { body });
export const decideTriage = (id: string, body: DecideTriageRequest) => request<TriageView>('POST', `${course(id)}/triage`, { body });
export const recordRiskAssessment = (id: string, body: RecordRiskAssessmentRequest) => request<RiskAssessmentView>('POST', `${course(id)}/risk-assessments`, { body });
/** Pending until a supervisor confirms it: the course's level is unchanged until then. */
export const requestRiskReduction = (id: string, body: RequestRiskReductionRequest) => request<RiskReductionView>('POST', `${course(id)}/risk-reductions`, { body });
export const decideRiskReduction = (id: string, reductionId: string, body: DecideRiskReductionRequest) =>
  request<RiskReductionView>('POST', `${course(id)}/risk-reductions/${ids(reductionId)}/decision`, { body });
export const planCourseSession = (id: string, body: PlanSessionRequest) => request<SessionView>('POST', `${course(id)}/sessions`, { body });
export const recordSessionAttendance = (id: string, sessionId: string, body: RecordAttendanceRequest) =>
  request<SessionView>('POST', `${course(id)}/sessions/${ids(sessionId)}/attendance`, { body });
export const writeSessionNote = (id: string, sessionId: string, body: SessionNoteRequest) => request<SessionView>('PUT', `${course(id)}/sessions/${ids(sessionId)}/note`, { body });
/** 409 when someone saved a newer version meanwhile (`basedOnVersion` is stale). */
export const saveSafetyPlan = (id: string, body: SaveSafetyPlanRequest) => request<SavedSafetyPlan>('PUT', `${course(id)}/safety-plan`, { body });
/** @idempotent with the same key. */
export const referOnward = (id: string, body: CreateOnwardReferralRequest, idempotencyKey: string) =>
  request<ReferralForReferrer>('POST', `${course(id)}/onward-referrals`, { body, idempotencyKey });
export const recordShelterStay = (id: string, body: RecordShelterStayRequest) => request<ShelterStayView>('POST', `${course(id)}/shelter-stays`, { body });
export const updateShelterStay = (id: string, stayId: string, body: UpdateShelterStayRequest) => request<ShelterStayView>('PATCH', `${course(id)}/shelter-stays/${ids(stayId)}`, { body });
export const recordUnderretning = (id: string, body: RecordUnderretningRequest) => request<UnderretningView>('POST', `${course(id)}/underretninger`, { body });
export const recordUnderretningReceipt = (id: string, underretningId: string, body: RecordUnderretningReceiptRequest) =>
  request<UnderretningView>('POST', `${course(id)}/underretninger/${ids(underretningId)}/receipt`, { body });
export const recordOutcome = (id: string, phase: OutcomePhase, body: RecordOutcomeRequest) => request<OutcomeView[]>('PUT', `${course(id)}/outcomes/${phase}`, { body });
export const produceAccessHistory = (id: string, body: ProduceAccessHistoryRequest) => request<AccessHistoryExtract>('POST', `${course(id)}/access-history`, { body });
