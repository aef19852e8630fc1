import type { AdminUser, ServiceLine, Unit } from '@bro/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../forms/AppForm';
import { FormSelectField, FormTextField } from '../../forms/fields';
import { SubmitOrCancel, SubmitRow } from '../../forms/FormPanel';
import { useAppForm } from '../../forms/useAppForm';
import { assignableRoles, createUserSchema, draftOfUser, emptyUserDraft, updateUserSchema, type UserDraft } from './user-form';
import { createUser, updateUser, userKeys } from './users.api';

type FieldsetProps = { control: Control<UserDraft, unknown, unknown>; units: readonly Unit[]; isEmailShown: boolean };

function UserFieldset({ control, units, isEmailShown }: FieldsetProps) {
  const { t } = useTranslation();
  return (
    <>
      <FormTextField control={control} name="displayName" label={t('users.name')} autoComplete="off" />
      {isEmailShown ? <FormTextField control={control} name="email" label={t('users.email')} type="email" autoComplete="off" spellCheck={false} /> : null}
      <RoleField control={control} />
      <FormSelectField control={control} name="unitId" label={t('users.unit')} options={units.map((unit) => ({ value: unit.id, label: unit.name }))} emptyLabel={t('users.noUnit')} />
      <FormSelectField<UserDraft, ServiceLine>
        control={control}
        name="serviceLine"
        label={t('users.serviceLine')}
        hint={t('users.serviceLineHint')}
        options={(['victim', 'perpetrator'] as const).map((value) => ({ value, label: t(`serviceLine.${value}`) }))}
        emptyLabel={t('serviceLine.all')}
      />
    </>
  );
}

function RoleField({ control }: { control: Control<UserDraft, unknown, unknown> }) {
  const { t } = useTranslation();
  const hasRole = Boolean(useWatch({ control, name: 'role' }));
  return (
    <FormSelectField
      control={control}
      name="role"
      label={t('users.role')}
      options={assignableRoles.map((value) => ({ value, label: t(`roles.${value}`) }))}
      emptyLabel={hasRole ? undefined : t('users.chooseRole')}
    />
  );
}

/** The new user form, on its own page (`/admin/users/new`); it starts empty again after each user made. */
export function CreateUser({ units, onCreated }: { units: readonly Unit[]; onCreated: (user: AdminUser, password: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const schema = useMemo(() => createUserSchema(t), [t]);
  const form = useAppForm({
    schema,
    defaultValues: emptyUserDraft,
    idPrefix: 'create',
    codeFields: { email_taken: 'email' },
    onSubmit: async (request) => {
      const result = await createUser(request);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: userKeys.users });
      onCreated(result.user, result.initialPassword);
    },
  });
  return (
    <AppForm form={form}>
      <UserFieldset control={form.control} units={units} isEmailShown />
      <SubmitRow isBusy={form.isBusy}>{t('users.create')}</SubmitRow>
    </AppForm>
  );
}

type EditUserProps = { user: AdminUser; units: readonly Unit[]; onClose: () => void; onSaved: (user: AdminUser) => void };

export function EditUser({ user, units, onClose, onSaved }: EditUserProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const schema = useMemo(() => updateUserSchema(t), [t]);
  const form = useAppForm({
    schema,
    defaultValues: draftOfUser(user),
    idPrefix: 'edit',
    onSubmit: async (request) => {
      const saved = await updateUser(user.id, request);
      void queryClient.invalidateQueries({ queryKey: userKeys.users });
      onSaved(saved);
    },
  });
  return (
    <section className="app-form-section" aria-labelledby="users-edit-heading">
      <h2 id="users-edit-heading" tabIndex={-1} className="app-page-heading" ref={headingRef}>
        {t('users.editHeading', { name: user.displayName })}
      </h2>
      <AppForm form={form}>
        <UserFieldset control={form.control} units={units} isEmailShown={false} />
        <SubmitOrCancel submitLabel={t('users.save')} onCancel={onClose} />
      </AppForm>
    </section>
  );
}
