import { z } from 'zod';
import { name } from '../common/text.ts';
import { Role, ServiceLine } from './access.ts';
import { EmailAddress } from './Session.ts';

/** Roles an organisation admin may hand out. Platform admins are made by the platform operator only. */
export const AssignableRole = Role.exclude(['platform_admin']);
export type AssignableRole = z.infer<typeof AssignableRole>;

const DisplayName = name({ max: 200 }).min(1);

/** A user of the admin's own organisation, as the user administration page lists it. */
export const AdminUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  serviceLine: ServiceLine.nullable(),
  isActive: z.boolean(),
  /** Locked after repeated failed logins; only an admin can unlock. */
  isLocked: z.boolean(),
  isTotpEnrolled: z.boolean(),
  /** When the user last completed sign-in; null if never (since the column came). Finds accounts nobody uses. */
  lastSignedInAt: z.iso.datetime().nullable(),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const AdminUserList = z.array(AdminUser);
export type AdminUserList = z.infer<typeof AdminUserList>;

export const CreateUserRequest = z.strictObject({
  email: EmailAddress,
  displayName: DisplayName,
  role: AssignableRole,
  unitId: z.uuid().nullable().optional(),
  /** Omit or null: every service line of the organisation. */
  serviceLine: ServiceLine.nullable().optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

/** `initialPassword` is shown once, to the admin who made the user; it is stored only as an argon2id hash. */
export const CreateUserResponse = z.object({
  user: AdminUser,
  initialPassword: z.string(),
});
export type CreateUserResponse = z.infer<typeof CreateUserResponse>;

/** Only the fields given change. `null` clears the unit or the service-line limit. */
export const UpdateUserRequest = z.strictObject({
  displayName: DisplayName.optional(),
  role: AssignableRole.optional(),
  unitId: z.uuid().nullable().optional(),
  serviceLine: ServiceLine.nullable().optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

/** What an admin can do to a user with one click (`POST /api/admin/users/:userId/<action>`, answered with `AdminUser`). */
export const UserAction = z.enum(['deactivate', 'reactivate', 'unlock', 'reset-totp']);
export type UserAction = z.infer<typeof UserAction>;

export const UserIdParams = z.strictObject({ userId: z.uuid() });
export type UserIdParams = z.infer<typeof UserIdParams>;

/** A team or department inside an organisation (e.g. a police station's unit). */
export const Unit = z.object({ id: z.uuid(), name: z.string() });
export type Unit = z.infer<typeof Unit>;

export const UnitList = z.array(Unit);
export type UnitList = z.infer<typeof UnitList>;

export const CreateUnitRequest = z.strictObject({ name: name({ max: 200 }).min(1) });
export type CreateUnitRequest = z.infer<typeof CreateUnitRequest>;
