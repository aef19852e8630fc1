import { AssignableRole, CreateUserRequest, UpdateUserRequest, type AdminUser, type ServiceLine } from '@bro/domain';
import type { TFunction } from 'i18next';
import { byField, checkedBy, requestSchema } from '../../forms/schema';

/**
 * Roles an organisation admin may hand out: exactly the server's `AssignableRole` (every role but the platform's own
 * platform admin), so a role added to the domain is offered here too and an account's role is always one of the
 * choices (a missing choice made the select show its first option, "Henviser", for a "Faglig leder").
 */
export const assignableRoles: readonly AssignableRole[] = AssignableRole.options;

export type UserDraft = { displayName: string; email: string; role: AssignableRole | ''; unitId: string; serviceLine: ServiceLine | '' };

export const emptyUserDraft: UserDraft = { displayName: '', email: '', role: '', unitId: '', serviceLine: '' };

export function draftOfUser(user: AdminUser): UserDraft {
  return {
    displayName: user.displayName,
    email: user.email,
    // A platform admin is never edited here; the empty choice makes the admin pick a real role.
    role: user.role === 'platform_admin' ? '' : user.role,
    unitId: user.unitId ?? '',
    serviceLine: user.serviceLine ?? '',
  };
}

/** The admin's sentences for a person's name and e-mail, also used when a platform admin adds an organisation's admin. */
export const personMessages = (t: TFunction) => ({ displayName: t('users.errors.name'), email: t('users.errors.email') });

const messages = (t: TFunction) => byField({ ...personMessages(t), role: t('users.errors.role') }, t('errors.unexpected'));

/** A new user, checked with the server's CreateUserRequest; an empty unit or service line is left out. */
export const createUserSchema = (t: TFunction) =>
  requestSchema({
    schema: CreateUserRequest,
    toRequest: (draft: UserDraft) => ({ ...draft, role: draft.role || undefined, unitId: draft.unitId || undefined, serviceLine: draft.serviceLine || undefined }),
    messageOf: messages(t),
  });

/** A changed user (the e-mail is not changed here); an empty unit or service line clears it. The role must be chosen. */
export const updateUserSchema = (t: TFunction) =>
  checkedBy<UserDraft>((draft) => (draft.role ? {} : { role: t('users.errors.role') })).pipe(
    requestSchema({
      schema: UpdateUserRequest,
      toRequest: ({ displayName, role, unitId, serviceLine }: UserDraft) => ({ displayName, role: role || undefined, unitId: unitId || null, serviceLine: serviceLine || null }),
      messageOf: messages(t),
    }),
  );
