import { z } from 'zod';
import { identifier } from '../common/text.ts';

/**
 * How a user's identity-provider account gets linked to their Bro account: a one-time link the organisation's admin
 * makes and hands over (the token is only in the link), or the provider's stable subject the admin records. Never an
 * e-mail claim.
 */
export const CreateOidcInvitationRequest = z.strictObject({
  /** The provider's `sub` for the person, when the admin knows it: recorded at once, no link needed. */
  subject: identifier({ max: 255 }).min(1).regex(/^[\x21-\x7e]+$/, { message: 'subject_format' }).optional(),
});
export type CreateOidcInvitationRequest = z.infer<typeof CreateOidcInvitationRequest>;

export const OidcInvitation = z.object({
  /** The one-time link (absent when a subject was recorded). Shown once. */
  url: z.string().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  isSubjectRecorded: z.boolean(),
});
export type OidcInvitation = z.infer<typeof OidcInvitation>;

export const StartInvitedOidcLoginRequest = z.strictObject({ token: identifier({ max: 200 }).min(20) });
export type StartInvitedOidcLoginRequest = z.infer<typeof StartInvitedOidcLoginRequest>;

/** Where the browser goes next: the organisation's identity provider. */
export const StartedOidcLogin = z.object({ authorizationUrl: z.string() });
export type StartedOidcLogin = z.infer<typeof StartedOidcLogin>;
