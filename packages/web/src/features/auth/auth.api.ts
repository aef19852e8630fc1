import type { EnrolmentRequest, LoginRequest, LoginResponse, OidcProviderOption, PendingLoginInfo, ReauthenticateRequest, SessionInfo, StartedOidcLogin, TotpCodeRequest, TotpEnrolment, UnlockAccountRequest } from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ApiError, ids, request, setCsrfToken } from '../../api/client';

// Sign-in calls expect 401s as ordinary answers (a wrong password, no session yet): they never mean "signed out".
const asVisitor = { isUnauthenticatedExpected: true };

export const logIn = (body: LoginRequest) => request<LoginResponse>('POST', '/api/auth/login', { body, ...asVisitor });
/** Opens a one-time enrolment link: sets the password and continues at the TOTP enrolment step. */
export const enrolWithLink = (body: EnrolmentRequest) => request<LoginResponse>('POST', '/api/auth/enrolment', { body, ...asVisitor });
/** The account holder's one-time unlock link, e-mailed when the account locked. */
export const unlockAccount = (body: UnlockAccountRequest) => request<void>('POST', '/api/auth/unlock', { body, ...asVisitor });
export const enrolTotp = (body: TotpCodeRequest) => request<SessionInfo>('POST', '/api/auth/totp/enrol', { body, ...asVisitor });
export const verifyTotp = (body: TotpCodeRequest) => request<SessionInfo>('POST', '/api/auth/totp', { body, ...asVisitor });
export const logOut = () => request<void>('POST', '/api/auth/logout', asVisitor);
/** Keeps the session alive while someone types (useInputHeartbeat); a 401 means it is gone, as for any call. */
export const keepSessionAlive = () => request<void>('POST', '/api/auth/heartbeat');
export const fetchSession = (signal?: AbortSignal) => request<SessionInfo>('GET', '/api/session', { signal, ...asVisitor });
/** Password and TOTP code again, before a risky change (the server answered `reauthentication_required`). */
export const reauthenticate = (body: ReauthenticateRequest) => request<void>('POST', '/api/auth/reauthenticate', { body, ...asVisitor });
/** The half-finished login an identity provider's first sign-in left (it still needs the TOTP code). */
export const fetchPendingLogin = () => request<PendingLoginInfo>('GET', '/api/auth/pending-login', asVisitor);
/** Opens a one-time invitation: answers where the browser goes next (the organisation's identity provider). */
export const startInvitedOidcLogin = (token: string) => request<StartedOidcLogin>('POST', '/api/auth/oidc/invitation', { body: { token }, ...asVisitor });
/** A full-page navigation to the organisation's identity provider. */
export const oidcStartUrl = (slug: string) => `/api/auth/oidc/${ids(slug)}/start`;

export const sessionKey = ['session'] as const;

/**
 * The signed-in session, or `null` when there is none (the server answers 401). Its CSRF token goes with every
 * change the app sends from then on (it lives in memory only: a reload asks for it again).
 */
export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: async ({ signal }): Promise<SessionInfo | null> => {
    try {
      const session = await fetchSession(signal);
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: Infinity,
});

/** Organisations with their own identity provider; none shown when the list cannot be had (a convenience only). */
export const oidcProvidersQuery = queryOptions({
  queryKey: ['auth', 'oidc-providers'],
  queryFn: ({ signal }) => request<OidcProviderOption[]>('GET', '/api/auth/oidc/providers', { signal, ...asVisitor }).catch((): OidcProviderOption[] => []),
});

/** The QR code and secret of a first TOTP enrolment, shown once; never kept after the step. */
export const totpEnrolmentQuery = queryOptions({
  queryKey: ['auth', 'totp-enrolment'],
  queryFn: ({ signal }) => request<TotpEnrolment>('GET', '/api/auth/totp/enrolment', { signal, ...asVisitor }),
  gcTime: 0,
});
