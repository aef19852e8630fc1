import { z } from 'zod';
import { CreateUserResponse } from './UserAdmin.ts';

/**
 * Four eyes on the powerful roles: what a platform admin asks of an organisation that already has an admin of its
 * own (a new organisation admin, or a new identity provider) waits for one of that organisation's admins.
 */
export const AdminChangeKind = z.enum(['organisation_admin', 'oidc_provider']);
export type AdminChangeKind = z.infer<typeof AdminChangeKind>;

export const AdminChangeStatus = z.enum(['pending', 'approved', 'rejected']);
export type AdminChangeStatus = z.infer<typeof AdminChangeStatus>;

/** What the platform admin sees of a request: its kind and when, never what the organisation decides on. */
export const PendingAdminChange = z.object({
  id: z.uuid(),
  kind: AdminChangeKind,
  requestedAt: z.iso.datetime(),
});
export type PendingAdminChange = z.infer<typeof PendingAdminChange>;

/** The platform admin's answer when a change must wait for the organisation (`202 Accepted`). */
export const AdminChangeRequested = z.object({ status: z.literal('pending'), request: PendingAdminChange });
export type AdminChangeRequested = z.infer<typeof AdminChangeRequested>;

/** What the organisation's admin decides on: the proposed admin, or the proposed provider (never its secret). */
export const AdminChangeRequest = PendingAdminChange.extend({
  status: AdminChangeStatus,
  requestedByName: z.string(),
  /** For `organisation_admin`. */
  admin: z.object({ email: z.string(), displayName: z.string() }).nullable(),
  /** For `oidc_provider`. */
  provider: z.object({ issuer: z.string(), clientId: z.string(), displayName: z.string(), isEnabled: z.boolean(), isSecretChanged: z.boolean() }).nullable(),
});
export type AdminChangeRequest = z.infer<typeof AdminChangeRequest>;

export const AdminChangeRequestList = z.array(AdminChangeRequest);
export type AdminChangeRequestList = z.infer<typeof AdminChangeRequestList>;

export const AdminChangeRequestIdParams = z.strictObject({ requestId: z.uuid() });
export type AdminChangeRequestIdParams = z.infer<typeof AdminChangeRequestIdParams>;

/** An approved new admin: the initial password is answered once, to the approving admin, who hands it over. */
export const AdminChangeDecision = z.object({
  request: AdminChangeRequest,
  createdAdmin: CreateUserResponse.nullable(),
});
export type AdminChangeDecision = z.infer<typeof AdminChangeDecision>;
