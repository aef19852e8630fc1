import { z } from 'zod';
import { identifier, secret } from '../common/text.ts';
import { OrganisationKind, Permission, Role, ServiceLine } from './access.ts';

/** How the session was authenticated: local password + TOTP, or an organisation's identity provider. */
export const AuthMethod = z.enum(['password', 'oidc']);
export type AuthMethod = z.infer<typeof AuthMethod>;

/** E-mail as stored: trimmed and lower-case (the users table enforces lower case). */
export const EmailAddress = identifier({ max: 254 }).toLowerCase().check(z.email());
export type EmailAddress = z.infer<typeof EmailAddress>;

export const LoginRequest = z.strictObject({
  // Not checked as an e-mail format: a malformed address must answer exactly like an unknown one.
  email: identifier({ max: 254 }).toLowerCase().min(1),
  // Bounded so nobody can make argon2 hash megabytes.
  password: secret({ max: 1024 }).min(1),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** After the password: enrol a second factor first (`mfa_enrolment`), or give the TOTP code (`mfa_required`). */
export const LoginStage = z.enum(['mfa_required', 'mfa_enrolment']);
export type LoginStage = z.infer<typeof LoginStage>;

export const LoginResponse = z.object({
  stage: LoginStage,
  /** Send as `x-csrf-token` on the next (state-changing) request of this half-finished login. */
  csrfToken: z.string(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** A six-digit code from the authenticator app. */
export const TotpCodeRequest = z.strictObject({
  code: z.string().trim().regex(/^[0-9]{6}$/, { message: 'totp_format' }),
});
export type TotpCodeRequest = z.infer<typeof TotpCodeRequest>;

/** Re-authentication before a risky change (`reauthentication_required`): the password and a TOTP code again. */
export const ReauthenticateRequest = z.strictObject({
  password: secret({ max: 1024 }).min(1),
  code: z.string().trim().regex(/^[0-9]{6}$/, { message: 'totp_format' }),
});
export type ReauthenticateRequest = z.infer<typeof ReauthenticateRequest>;

/** A half-finished login the browser holds (after an identity provider's redirect that still needs the TOTP code). */
export const PendingLoginInfo = z.object({ stage: z.enum(['mfa_required', 'mfa_enrolment']), csrfToken: z.string() });
export type PendingLoginInfo = z.infer<typeof PendingLoginInfo>;

/** What the enrolment page shows once: the QR code and, for manual entry, the secret itself. */
export const TotpEnrolment = z.object({
  otpauthUri: z.string(),
  /** `data:image/png;base64,…` */
  qrCodeDataUrl: z.string(),
  secret: z.string(),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

/** The signed-in user as the web app sees them. `permissions` comes from the role matrix, never from the client. */
export const SessionInfo = z.object({
  user: z.object({ id: z.uuid(), displayName: z.string(), email: z.string() }),
  organisation: z.object({ id: z.uuid(), name: z.string(), kind: OrganisationKind }),
  role: Role,
  serviceLine: ServiceLine.nullable(),
  permissions: z.array(Permission),
  csrfToken: z.string(),
  authMethod: AuthMethod,
  /** The server ends a session idle this long; the web app warns before it. */
  idleTimeoutSeconds: z.number().int().positive(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** One "sign in through your organisation" button on the login page (`GET /api/auth/oidc/providers`). */
export const OidcProviderOption = z.object({ organisationSlug: z.string(), displayName: z.string() });
export type OidcProviderOption = z.infer<typeof OidcProviderOption>;
