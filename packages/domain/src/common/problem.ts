import { z } from 'zod';

/**
 * Machine-readable error codes carried in RFC 9457 problem documents (`code`). The server turns each into a
 * Danish or English `detail`; the web app may show that text directly.
 */
export const ProblemCode = z.enum([
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'csrf_failed',
  'invalid_credentials',
  'account_locked',
  'invalid_totp',
  'session_expired',
  'consent_required',
  'consent_withdrawn',
  'transition_not_allowed',
  'service_not_allowed',
  'role_not_received',
  'person_not_received',
  'service_in_use',
  'programme_changed',
  'programme_role_not_seen',
  'programme_has_open_referrals',
  'manager_not_found',
  /** Ending a service by handing its open work over: the chosen service cannot take some of it (nothing changed). */
  'open_work_not_movable',
  'idempotency_in_flight',
  'idempotency_mismatch',
  'idempotency_key_invalid',
  'email_taken',
  'slug_taken',
  'oidc_failed',
  /** A demo account (published password and TOTP secret) tried to sign in to a production system. */
  'demo_account_refused',
  /** An enrolment link that is unknown, already used or more than 24 hours old. */
  'enrolment_link_invalid',
  /** The approver of a proposal (new or changed public content) is the person who proposed it: it takes another. */
  'approval_by_proposer',
  /** The proposal was already approved, rejected or superseded by a newer one. */
  'publication_request_closed',
  /** The change needs a recent proof of identity (password + TOTP, or a fresh OIDC sign-in): re-authenticate and retry. */
  'reauthentication_required',
  /** The change request was already approved or rejected. */
  'change_request_closed',
  /** An organisation admin tried to deactivate their own account: another admin must do it. */
  'cannot_deactivate_self',
  /** Sign-in attempts for this e-mail address failed recently: wait `Retry-After` seconds before the next. */
  'login_throttled',
  /** An unlock link that is unknown, already used or expired. */
  'unlock_link_invalid',
  'service_unavailable',
  'internal_error',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: ProblemCode,
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;
