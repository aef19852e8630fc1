import { z } from 'zod';
import { secret } from '../common/text.ts';

/** The shortest password a person may choose at enrolment. Long beats complex (NIST SP 800-63B §3.1.1.2). */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Opening a one-time enrolment link: the token from the link (its fragment, so it never reaches a server log) and
 * the password the person chooses. The second factor is enrolled next, in the login's own TOTP enrolment step.
 */
export const EnrolmentRequest = z.strictObject({
  // 32 random bytes, base64url: 43 characters. Bounded either side so nothing else is even looked up.
  token: z.string().trim().regex(/^[A-Za-z0-9_-]{32,128}$/, { message: 'enrolment_token_format' }),
  // Bounded so nobody can make argon2 hash megabytes.
  password: secret({ max: 1024 }).min(MIN_PASSWORD_LENGTH, { message: 'password_too_short' }),
});
export type EnrolmentRequest = z.infer<typeof EnrolmentRequest>;
