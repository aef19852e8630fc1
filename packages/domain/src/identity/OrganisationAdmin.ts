import { z } from 'zod';
import { identifier, name, secret } from '../common/text.ts';
import { OrganisationKind } from './access.ts';
import { EmailAddress } from './Session.ts';

/** An organisation as the platform admin manages it: no case content, only its settings and size. */
export const PlatformOrganisation = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: OrganisationKind,
  /** Three-digit municipality code (kommunekode), for municipalities. */
  municipalityCode: z.string().nullable(),
  isActive: z.boolean(),
  /** When false the organisation's users must sign in through its identity provider (OIDC). */
  isLocalLoginEnabled: z.boolean(),
  userCount: z.number().int().nonnegative(),
  /** Changes waiting for one of the organisation's own admins (four eyes): kind and time only. */
  pendingChanges: z.array(z.object({ id: z.uuid(), kind: z.enum(['organisation_admin', 'oidc_provider']), requestedAt: z.iso.datetime() })),
});
export type PlatformOrganisation = z.infer<typeof PlatformOrganisation>;

export const PlatformOrganisationList = z.array(PlatformOrganisation);
export type PlatformOrganisationList = z.infer<typeof PlatformOrganisationList>;

export const OrganisationSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'slug_format' });
export type OrganisationSlug = z.infer<typeof OrganisationSlug>;

const OrganisationName = name({ max: 200 }).min(1);

export const CreateOrganisationRequest = z.strictObject({
  slug: OrganisationSlug,
  name: OrganisationName,
  kind: OrganisationKind,
  municipalityCode: z
    .string()
    .trim()
    .regex(/^[0-9]{3}$/, { message: 'municipality_code_format' })
    .nullable()
    .optional(),
});
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequest>;

/** Only the fields given change. Deactivating an organisation ends its users' sessions at once. */
export const UpdateOrganisationRequest = z.strictObject({
  name: OrganisationName.optional(),
  isActive: z.boolean().optional(),
  isLocalLoginEnabled: z.boolean().optional(),
});
export type UpdateOrganisationRequest = z.infer<typeof UpdateOrganisationRequest>;

export const OrganisationIdParams = z.strictObject({ organisationId: z.uuid() });
export type OrganisationIdParams = z.infer<typeof OrganisationIdParams>;

/** The first organisation admin of an organisation; answered with `CreateUserResponse`. */
export const CreateOrganisationAdminRequest = z.strictObject({
  email: EmailAddress,
  displayName: name({ max: 200 }).min(1),
});
export type CreateOrganisationAdminRequest = z.infer<typeof CreateOrganisationAdminRequest>;

/**
 * An organisation's own identity provider (OIDC: a MitID Erhverv broker, Entra ID, Keycloak). The client secret
 * is write-only: it is stored encrypted and never returned.
 */
export const OidcProviderSettings = z.object({
  issuer: z.string(),
  clientId: z.string(),
  displayName: z.string(),
  isEnabled: z.boolean(),
  hasClientSecret: z.boolean(),
  redirectUri: z.string(),
});
export type OidcProviderSettings = z.infer<typeof OidcProviderSettings>;

export const PutOidcProviderRequest = z.strictObject({
  issuer: z.url({ protocol: /^https?$/ }).max(500),
  clientId: identifier({ max: 200 }).min(1),
  /** Required the first time; leave out to keep the stored secret. */
  clientSecret: secret({ max: 500 }).min(1).optional(),
  displayName: name({ max: 100 }).min(1),
  isEnabled: z.boolean(),
});
export type PutOidcProviderRequest = z.infer<typeof PutOidcProviderRequest>;
