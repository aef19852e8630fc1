// Typed fetch helpers for the Bro API. Shapes come from @bro/domain (the same zod schemas the server validates with),
// so the two sides cannot drift. Nothing here stores anything: the CSRF token lives in memory for this tab only.
import type {
  AdminUser,
  ContactAttemptRequest,
  CreateHelpServiceRequest,
  CreateOrganisationAdminRequest,
  CreateOrganisationRequest,
  CreateReferralRequest,
  CreateUserRequest,
  CreateUserResponse,
  DeclineReferralRequest,
  HelpService,
  HelpServiceSummary,
  InAppNotification,
  InboxItem,
  LoginRequest,
  LoginResponse,
  NoteInput,
  PlatformOrganisation,
  ReferralForReceiver,
  ReferralForReferrer,
  ReferralOptions,
  ReferralSummaryForReferrer,
  RerouteReferralRequest,
  ServiceOption,
  SessionInfo,
  TotpEnrolment,
  Unit,
  UpdateHelpServiceRequest,
  UpdateOrganisationRequest,
  UpdateUserRequest,
} from '@bro/domain';
import type {
  AccessHistoryExtract,
  AssignCounsellorRequest,
  AssignServiceStaffRequest,
  BridgingView,
  CaseloadOverview,
  CloseCourseRequest,
  CounsellorCaseloadSummary,
  Course,
  CourseSafeContactInput,
  CourseServiceConfig,
  CourseSummary,
  CourseTemplateInput,
  CreateOnwardReferralRequest,
  DecideTriageRequest,
  EligibilityRuleSetView,
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
  RecordShelterStayRequest,
  RecordUnderretningRequest,
  RescheduleSessionRequest,
  RiskAssessmentView,
  RiskInstrumentView,
  SafetyPlanVersionView,
  SafetyPlanView,
  SaveSafetyPlanRequest,
  ServiceLine,
  SessionList,
  SessionView,
  ShelterStayView,
  TriageEvaluationView,
  TriageView,
  UnderretningView,
  UpdateProtectionRequest,
} from '@bro/domain';
import type { Campaign, CampaignSummary, CreateCampaignRequest, HeardAboutStatistics, HsdsServicesPage, UpdateCampaignRequest } from '@bro/domain';

export type {
  AdminUser,
  CreateUserResponse,
  InAppNotification,
  PlatformOrganisation,
  SessionInfo,
  TotpEnrolment,
  Unit,
  UpdateOrganisationRequest,
};

/** One identity provider button on the login page (GET /api/auth/oidc/providers). */
export type OidcProvider = { organisationSlug: string; displayName: string };
export type UserAction = 'deactivate' | 'reactivate' | 'unlock' | 'reset-totp';

/** One field error of an RFC 9457 problem; `path` is like `body.person.fullName`. */
export type ProblemFieldError = { path: string; message: string };
export type ProblemDocument = { title?: string; detail?: string; status?: number; code?: string; errors?: ProblemFieldError[] };

/** A failed API call. `status` 0 means the network failed before the server answered. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly fieldErrors: ProblemFieldError[];

  constructor(status: number, problem: ProblemDocument | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem?.code ?? (status === 0 ? 'network' : 'unknown');
    this.detail = problem?.detail ?? problem?.title;
    this.fieldErrors = problem?.errors ?? [];
  }
}

export type SignedOutReason = 'expired' | 'idle' | 'logout';

type ApiHooks = {
  getLanguage: () => string;
  /** Called when the server says the session is gone; the app returns to the login page. */
  onSignedOut: (reason: SignedOutReason) => void;
  /** Called after every answered request: the server counts each as activity for the idle timeout. */
  onActivity: () => void;
};

let hooks: ApiHooks = { getLanguage: () => 'da', onSignedOut: () => undefined, onActivity: () => undefined };
let csrfToken: string | undefined;

export function configureApi(next: ApiHooks): void {
  hooks = next;
}

/** The token lives only in memory: a reload asks GET /api/session for it again. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type RequestOptions = {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Auth-flow calls expect 401s as ordinary answers (wrong password, no session yet). */
  isUnauthenticatedExpected?: boolean;
};

const signedOutCodes = new Set(['session_expired', 'unauthenticated']);

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': hooks.getLanguage(), ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, undefined);
  }

  if (response.status !== 401) hooks.onActivity();
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const problem = await readProblem(response);
  const error = new ApiError(response.status, problem);
  if (response.status === 401 && !options.isUnauthenticatedExpected && signedOutCodes.has(error.code)) {
    hooks.onSignedOut('expired');
  }
  throw error;
}

async function readProblem(response: Response): Promise<ProblemDocument | undefined> {
  try {
    return (await response.json()) as ProblemDocument;
  } catch {
    // Not every failure carries a problem document (a proxy's 502, say); the status alone must do.
    return undefined;
  }
}

const ids = (id: string) => encodeURIComponent(id);

/**
 * A fresh Idempotency-Key (a UUID v4). `crypto.randomUUID` exists only in secure contexts; the fallback keeps a
 * plain-HTTP test host working with the same randomness source.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Auth
export const logIn = (body: LoginRequest) =>
  request<LoginResponse>('POST', '/api/auth/login', { body, isUnauthenticatedExpected: true });
export const fetchTotpEnrolment = () => request<TotpEnrolment>('GET', '/api/auth/totp/enrolment', { isUnauthenticatedExpected: true });
export const enrolTotp = (code: string) => request<SessionInfo>('POST', '/api/auth/totp/enrol', { body: { code }, isUnauthenticatedExpected: true });
export const verifyTotp = (code: string) => request<SessionInfo>('POST', '/api/auth/totp', { body: { code }, isUnauthenticatedExpected: true });
export const fetchSession = (signal?: AbortSignal) => request<SessionInfo>('GET', '/api/session', { signal, isUnauthenticatedExpected: true });
export const logOut = () => request<void>('POST', '/api/auth/logout', { isUnauthenticatedExpected: true });
export const fetchOidcProviders = (signal?: AbortSignal) =>
  request<OidcProvider[]>('GET', '/api/auth/oidc/providers', { signal, isUnauthenticatedExpected: true });
export const oidcStartUrl = (slug: string) => `/api/auth/oidc/${ids(slug)}/start`;

// Referrer
export const fetchReferralOptions = (signal?: AbortSignal) => request<ReferralOptions>('GET', '/api/referrals/options', { signal });
/** @idempotent with the same key: a double click or a retry creates one referral. */
export const createReferral = (body: CreateReferralRequest, idempotencyKey: string) =>
  request<ReferralForReferrer>('POST', '/api/referrals', { body, headers: { 'idempotency-key': idempotencyKey } });
export const fetchMyReferrals = (signal?: AbortSignal) => request<ReferralSummaryForReferrer[]>('GET', '/api/referrals', { signal });
export const fetchMyReferral = (id: string, signal?: AbortSignal) => request<ReferralForReferrer>('GET', `/api/referrals/${ids(id)}`, { signal });
export const sendReferral = (id: string) => request<ReferralForReferrer>('POST', `/api/referrals/${ids(id)}/send`, { body: {} });
export const withdrawReferral = (id: string, body: NoteInput) => request<ReferralForReferrer>('POST', `/api/referrals/${ids(id)}/withdraw`, { body });
export const withdrawConsent = (id: string) => request<ReferralForReferrer>('POST', `/api/referrals/${ids(id)}/consent/withdraw`, { body: {} });

// Receiver
export const fetchInbox = (signal?: AbortSignal) => request<InboxItem[]>('GET', '/api/inbox', { signal });
export const inboxEventsUrl = '/api/inbox/events';
export const fetchInboxReferral = (id: string, signal?: AbortSignal) => request<ReferralForReceiver>('GET', `/api/inbox/${ids(id)}`, { signal });
export const fetchRerouteOptions = (signal?: AbortSignal) => request<ServiceOption[]>('GET', '/api/inbox/reroute-options', { signal });
export const acceptReferral = (id: string, body: NoteInput) => request<ReferralForReceiver>('POST', `/api/inbox/${ids(id)}/accept`, { body });
export const declineReferral = (id: string, body: DeclineReferralRequest) =>
  request<ReferralForReceiver>('POST', `/api/inbox/${ids(id)}/decline`, { body });
/** 204: after a reroute the referral belongs to the new service, and this one can no longer open it. */
export const rerouteReferral = (id: string, body: RerouteReferralRequest) => request<void>('POST', `/api/inbox/${ids(id)}/reroute`, { body });
export const logContactAttempt = (id: string, body: ContactAttemptRequest) =>
  request<ReferralForReceiver>('POST', `/api/inbox/${ids(id)}/contact-attempts`, { body });
export const handOverReferral = (id: string, body: NoteInput) => request<ReferralForReceiver>('POST', `/api/inbox/${ids(id)}/hand-over`, { body });
export const fetchNotifications = (signal?: AbortSignal) => request<InAppNotification[]>('GET', '/api/notifications', { signal });
export const markNotificationRead = (id: string) => request<InAppNotification>('POST', `/api/notifications/${ids(id)}/read`, { body: {} });

// Organisation admin
export const fetchUsers = (signal?: AbortSignal) => request<AdminUser[]>('GET', '/api/admin/users', { signal });
export const createUser = (body: CreateUserRequest) => request<CreateUserResponse>('POST', '/api/admin/users', { body });
export const updateUser = (id: string, body: UpdateUserRequest) => request<AdminUser>('PATCH', `/api/admin/users/${ids(id)}`, { body });
export const changeUser = (id: string, action: UserAction) => request<AdminUser>('POST', `/api/admin/users/${ids(id)}/${action}`, { body: {} });
export const fetchUnits = (signal?: AbortSignal) => request<Unit[]>('GET', '/api/admin/units', { signal });
export const createUnit = (body: { name: string }) => request<Unit>('POST', '/api/admin/units', { body });

// Platform admin
export const fetchOrganisations = (signal?: AbortSignal) => request<PlatformOrganisation[]>('GET', '/api/platform/organisations', { signal });
export const createOrganisation = (body: CreateOrganisationRequest) => request<PlatformOrganisation>('POST', '/api/platform/organisations', { body });
export const updateOrganisation = (id: string, body: UpdateOrganisationRequest) =>
  request<PlatformOrganisation>('PATCH', `/api/platform/organisations/${ids(id)}`, { body });
export const createOrganisationAdmin = (id: string, body: CreateOrganisationAdminRequest) =>
  request<CreateUserResponse>('POST', `/api/platform/organisations/${ids(id)}/admins`, { body });

// Help directory (organisation admin): the organisation's own public listings
export const fetchHelpServices = (signal?: AbortSignal) => request<HelpServiceSummary[]>('GET', '/api/directory/services', { signal });
export const fetchHelpService = (id: string, signal?: AbortSignal) => request<HelpService>('GET', `/api/directory/services/${ids(id)}`, { signal });
export const createHelpService = (body: CreateHelpServiceRequest) => request<HelpService>('POST', '/api/directory/services', { body });
/** Lists (phones, locations, opening hours …) are replaced as a whole, so the form sends them complete. */
export const updateHelpService = (id: string, body: UpdateHelpServiceRequest) =>
  request<HelpService>('PATCH', `/api/directory/services/${ids(id)}`, { body });
export const markHelpServiceChecked = (id: string) => request<HelpService>('POST', `/api/directory/services/${ids(id)}/mark-checked`, { body: {} });

// Counselling courses (forløb): the course's own service only; another organisation's course answers 404
export type CourseListStatus = 'open' | 'closed' | 'all';
/**
 * A service the signed-in user may open courses at (their service assignments). Served by `GET /api/courses/services`;
 * until the server has that route, the new-course page falls back to the services of the user's own courses.
 */
export type CourseServiceOption = { id: string; name: string; serviceLine: ServiceLine | null };
const course = (id: string) => `/api/courses/${ids(id)}`;
export const fetchCourses = (status: CourseListStatus, signal?: AbortSignal) => request<CourseSummary[]>('GET', `/api/courses?status=${status}`, { signal });
export const fetchCourseServices = (signal?: AbortSignal) => request<CourseServiceOption[]>('GET', '/api/courses/services', { signal });
/** @idempotent with the same key: a double click or a retry opens one course. */
export const openCourse = (body: OpenCourseRequest, idempotencyKey: string) =>
  request<Course>('POST', '/api/courses', { body, headers: { 'idempotency-key': idempotencyKey } });
export const fetchCourse = (id: string, signal?: AbortSignal) => request<Course>('GET', course(id), { signal });
export const assignCourseCounsellor = (id: string, body: AssignCounsellorRequest) => request<Course>('PUT', `${course(id)}/counsellor`, { body });
export const updateCourseSafeContact = (id: string, body: CourseSafeContactInput) => request<Course>('PUT', `${course(id)}/safe-contact`, { body });
export const updateCourseProtection = (id: string, body: UpdateProtectionRequest) => request<Course>('PUT', `${course(id)}/address-protection`, { body });
export const closeCourse = (id: string, body: CloseCourseRequest) => request<Course>('POST', `${course(id)}/close`, { body });
export const fetchMyCaseload = (signal?: AbortSignal) => request<CaseloadOverview>('GET', '/api/caseload', { signal });
export const fetchSupervisedCaseloads = (signal?: AbortSignal) => request<CounsellorCaseloadSummary[]>('GET', '/api/supervision/caseloads', { signal });
export const fetchCaseloadOf = (userId: string, signal?: AbortSignal) =>
  request<CaseloadOverview>('GET', `/api/supervision/caseloads/${ids(userId)}`, { signal });
export const evaluateTriage = (id: string, body: EvaluateTriageRequest) => request<TriageEvaluationView>('POST', `${course(id)}/triage/evaluate`, { body });
export const decideTriage = (id: string, body: DecideTriageRequest) => request<TriageView>('POST', `${course(id)}/triage`, { body });
export const fetchTriage = (id: string, signal?: AbortSignal) => request<TriageView[]>('GET', `${course(id)}/triage`, { signal });
export const fetchRiskInstruments = (signal?: AbortSignal) => request<RiskInstrumentView[]>('GET', '/api/risk-instruments', { signal });
export const recordRiskAssessment = (id: string, body: RecordRiskAssessmentRequest) => request<RiskAssessmentView>('POST', `${course(id)}/risk-assessments`, { body });
export const fetchRiskAssessments = (id: string, signal?: AbortSignal) => request<RiskAssessmentView[]>('GET', `${course(id)}/risk-assessments`, { signal });
export const fetchCourseSessions = (id: string, signal?: AbortSignal) => request<SessionList>('GET', `${course(id)}/sessions`, { signal });
export const planCourseSession = (id: string, body: PlanSessionRequest) => request<SessionView>('POST', `${course(id)}/sessions`, { body });
export const rescheduleCourseSession = (id: string, sessionId: string, body: RescheduleSessionRequest) =>
  request<SessionView>('PATCH', `${course(id)}/sessions/${ids(sessionId)}`, { body });
export const recordSessionAttendance = (id: string, sessionId: string, body: RecordAttendanceRequest) =>
  request<SessionView>('POST', `${course(id)}/sessions/${ids(sessionId)}/attendance`, { body });
export const writeSessionNote = (id: string, sessionId: string, note: string) =>
  request<SessionView>('PUT', `${course(id)}/sessions/${ids(sessionId)}/note`, { body: { note } });
export const fetchSafetyPlan = (id: string, signal?: AbortSignal) => request<SafetyPlanView>('GET', `${course(id)}/safety-plan`, { signal });
/** 409 when someone saved a newer version meanwhile (`basedOnVersion` is stale). */
export const saveSafetyPlan = (id: string, body: SaveSafetyPlanRequest) => request<SafetyPlanView>('PUT', `${course(id)}/safety-plan`, { body });
export const fetchSafetyPlanVersion = (id: string, version: number, signal?: AbortSignal) =>
  request<SafetyPlanVersionView>('GET', `${course(id)}/safety-plan/versions/${version}`, { signal });
/** The print page is the server's (no scripts, addresses left out when protected); opened in a new tab. */
export const safetyPlanPrintUrl = (id: string, lang: 'da' | 'en', version?: number) =>
  `${course(id)}/safety-plan/print?lang=${lang}${version === undefined ? '' : `&version=${version}`}`;
export const fetchBridging = (id: string, signal?: AbortSignal) => request<BridgingView>('GET', `${course(id)}/bridging`, { signal });
export const fetchOnwardOptions = (id: string, signal?: AbortSignal) => request<OnwardServiceOption[]>('GET', `${course(id)}/onward-options`, { signal });
/** @idempotent with the same key. */
export const referOnward = (id: string, body: CreateOnwardReferralRequest, idempotencyKey: string) =>
  request<ReferralForReferrer>('POST', `${course(id)}/onward-referrals`, { body, headers: { 'idempotency-key': idempotencyKey } });
export const recordShelterStay = (id: string, body: RecordShelterStayRequest) => request<ShelterStayView>('POST', `${course(id)}/shelter-stays`, { body });
export const updateShelterStay = (id: string, stayId: string, dischargedOn: string | null) =>
  request<ShelterStayView>('PATCH', `${course(id)}/shelter-stays/${ids(stayId)}`, { body: { dischargedOn } });
export const recordUnderretning = (id: string, body: RecordUnderretningRequest) => request<UnderretningView>('POST', `${course(id)}/underretninger`, { body });
export const recordUnderretningReceipt = (id: string, underretningId: string, receiptReceivedAt: string) =>
  request<UnderretningView>('POST', `${course(id)}/underretninger/${ids(underretningId)}/receipt`, { body: { receiptReceivedAt } });
export const recordOutcome = (id: string, phase: OutcomePhase, body: RecordOutcomeRequest) => request<OutcomeView[]>('PUT', `${course(id)}/outcomes/${phase}`, { body });
export const produceAccessHistory = (id: string, body: ProduceAccessHistoryRequest) => request<AccessHistoryExtract>('POST', `${course(id)}/access-history`, { body });
export const accessHistoryPrintUrl = (id: string, extractId: string, lang: 'da' | 'en') => `${course(id)}/access-history/${ids(extractId)}/print?lang=${lang}`;

// Course configuration (organisation admin): templates, eligibility rules, staff; no course content
const configService = (serviceId: string) => `/api/course-config/services/${ids(serviceId)}`;
export const fetchCourseConfig = (signal?: AbortSignal) => request<CourseServiceConfig[]>('GET', '/api/course-config/services', { signal });
export const saveCourseTemplate = (serviceId: string, body: CourseTemplateInput) => request<CourseServiceConfig>('PUT', `${configService(serviceId)}/template`, { body });
/** The admin's rules go as written: the server validates them and names each problem's place (422). */
export const saveEligibilityRules = (serviceId: string, rules: unknown) => request<EligibilityRuleSetView>('POST', `${configService(serviceId)}/eligibility-rules`, { body: rules });
export const fetchEligibilityRuleVersions = (serviceId: string, signal?: AbortSignal) =>
  request<EligibilityRuleSetView[]>('GET', `${configService(serviceId)}/eligibility-rules`, { signal });
export const assignServiceStaff = (serviceId: string, body: AssignServiceStaffRequest) => request<CourseServiceConfig>('PUT', `${configService(serviceId)}/staff`, { body });

/**
 * Maps a problem's field errors (`body.person.fullName`) to our form field keys (`person.fullName`). Errors for
 * fields the form does not show come back under `''` so the form can still show them in its summary.
 */
export function fieldErrorsOf(error: ApiError, knownFields: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { path, message } of error.fieldErrors) {
    const key = path
      .replace(/^\//, '')
      .replace(/\//g, '.')
      .replace(/^(body|params|querystring)\./, '');
    const field = knownFields.find((known) => key === known || key.startsWith(`${known}.`)) ?? '';
    if (result[field] === undefined) result[field] = message;
  }
  return result;
}

// Campaign pages (organisation admin): content on the public site; public only once published
const campaign = (id: string) => `/api/campaigns/${ids(id)}`;
export const fetchCampaigns = (signal?: AbortSignal) => request<CampaignSummary[]>('GET', '/api/campaigns', { signal });
export const fetchCampaign = (id: string, signal?: AbortSignal) => request<Campaign>('GET', campaign(id), { signal });
export const createCampaign = (body: CreateCampaignRequest) => request<Campaign>('POST', '/api/campaigns', { body });
/** Lists (testimonials, videos, services) are replaced as a whole, so the form sends them complete. */
export const updateCampaign = (id: string, body: UpdateCampaignRequest) => request<Campaign>('PATCH', campaign(id), { body });
export const publishCampaign = (id: string) => request<Campaign>('POST', `${campaign(id)}/publish`, { body: {} });
export const unpublishCampaign = (id: string) => request<Campaign>('POST', `${campaign(id)}/unpublish`, { body: {} });
/** Counts only, cells below 5 as "<5". */
export const fetchHeardAboutStatistics = (signal?: AbortSignal) => request<HeardAboutStatistics>('GET', '/api/statistics/heard-about', { signal });
/** One page of the public directory (HSDS API): what a campaign may point to beyond the organisation's own listings. */
export const fetchPublicServicesPage = (page: number, signal?: AbortSignal) =>
  request<HsdsServicesPage>('GET', `/api/hsds/services?per_page=100&page=${page}`, { signal });
