// The one request core of the Bro API client. Each feature folder holds its own calls (`<feature>.api.ts`) on top of
// it, typed with the shapes from @bro/domain (the same zod schemas the server validates with), so the two sides
// cannot drift. Nothing here stores anything: the CSRF token lives in memory for this tab only.
import type { Problem } from '@bro/domain';

/** One field error of an RFC 9457 problem; `path` is like `body.person.fullName`. */
export type ProblemFieldError = NonNullable<Problem['errors']>[number];
/** A problem document as it may arrive: a proxy's error page has none of it, an older server another `code`. */
export type ProblemDocument = Partial<Omit<Problem, 'code'>> & { code?: string };

/** A failed API call. `status` 0 means the network failed before the server answered. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly fieldErrors: readonly ProblemFieldError[];

  constructor(status: number, problem: ProblemDocument | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem?.code ?? (status === 0 ? 'network' : 'unknown');
    this.detail = problem?.detail ?? problem?.title;
    this.fieldErrors = problem?.errors ?? [];
  }
}

/** Anything a call threw, as an ApiError: what is not one is treated as a network failure. */
function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, undefined);
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

export type RequestOptions = {
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Makes the call idempotent on the server: a retry with the same key is answered with the first answer. */
  idempotencyKey?: string;
  /** Auth-flow calls expect 401s as ordinary answers (wrong password, no session yet). */
  isUnauthenticatedExpected?: boolean;
};

const signedOutCodes = new Set(['session_expired', 'unauthenticated']);

/**
 * Asks the person to prove who they are again (password + TOTP) when the server answers `reauthentication_required`;
 * resolves `true` once they did, `false` when they cancelled. Set by the ReauthenticationDialog while it is mounted.
 */
type ReauthenticationHandler = () => Promise<boolean>;
let reauthenticationHandler: ReauthenticationHandler | undefined;

export function setReauthenticationHandler(handler: ReauthenticationHandler | undefined): void {
  reauthenticationHandler = handler;
}

/** One call to the API: JSON in and out, the CSRF header on every change, `no-store` so nothing lands in a cache. */
export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await requestOnce<T>(method, path, options);
  } catch (error) {
    // A risky change after the last sign-in is too old: once the person has re-authenticated, the same request goes
    // again (with the same idempotency key, if any). Cancelled, the server's refusal stands.
    if (!(error instanceof ApiError) || error.code !== 'reauthentication_required' || !reauthenticationHandler) throw error;
    if (!(await reauthenticationHandler())) throw error;
    return requestOnce<T>(method, path, options);
  }
}

async function requestOnce<T>(method: string, path: string, options: RequestOptions): Promise<T> {
  const response = await send(method, path, options);
  if (response.status !== 401) hooks.onActivity();
  if (response.ok) return (await readBody(response)) as T;

  const error = new ApiError(response.status, await readProblem(response));
  if (response.status === 401 && !options.isUnauthenticatedExpected && signedOutCodes.has(error.code)) hooks.onSignedOut('expired');
  throw error;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': hooks.getLanguage() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  try {
    return await fetch(path, {
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
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(response.status, undefined);
  }
}

async function readProblem(response: Response): Promise<ProblemDocument | undefined> {
  try {
    return (await response.json()) as ProblemDocument;
  } catch {
    // Not every failure carries a problem document (a proxy's 502, say); the status alone must do.
    return undefined;
  }
}

/** A path segment from an id: ids only ever reach URLs encoded, never names or search terms. */
export const ids = (id: string) => encodeURIComponent(id);

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

/** A refusal that means nothing was created, so a corrected form may go with a fresh idempotency key. */
export function isDefinitiveRefusal(error: unknown): boolean {
  const { status } = asApiError(error);
  return status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 429;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends an idempotent request again while the server says the first one with the same key is still being
 * processed (`idempotency_in_flight`), a few times a second apart; any other answer stands.
 */
export async function whileInFlight<T>(call: () => Promise<T>, { tries = 5, delayMs = 1000 } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'idempotency_in_flight' || attempt > tries) throw error;
      await wait(delayMs);
    }
  }
}
