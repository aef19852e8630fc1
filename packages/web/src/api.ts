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
