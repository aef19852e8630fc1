import { z } from 'zod';
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

const OrganisationName = z.string().trim().min(1).max(200);

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
  displayName: z.string().trim().min(1).max(200),
});
export type CreateOrganisationAdminRequest = z.infer<typeof CreateOrganisationAdminRequest>;
