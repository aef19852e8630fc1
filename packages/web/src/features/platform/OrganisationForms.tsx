import { CreateOrganisationAdminRequest, CreateOrganisationRequest, type OrganisationKind, type PlatformOrganisation } from '@bro/domain';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../forms/AppForm';
import { FormComboboxField, FormSelectField, FormTextField } from '../../forms/fields';
import { SubmitOrCancel } from '../../forms/FormPanel';
import { byField, requestSchema } from '../../forms/schema';
import { useAppForm } from '../../forms/useAppForm';
import { useRequestSchema } from '../../forms/useRequestSchema';
import { municipalityOptions } from '../../ui/reference-data';
import { personMessages } from '../admin/user-form';
import { createOrganisation, createOrganisationAdmin, isChangeRequested } from './organisations.api';

/** Kinds a platform admin may create; the platform operator exists once, from installation. */
const creatableKinds: readonly OrganisationKind[] = ['police_district', 'municipality', 'national_hotline', 'counselling_service', 'shelter', 'perpetrator_programme', 'ngo'];

type OrganisationDraft = { name: string; slug: string; kind: OrganisationKind | ''; municipalityCode: string };

const organisationSchema = (t: TFunction) =>
  requestSchema({
    schema: CreateOrganisationRequest,
    toRequest: (draft: OrganisationDraft) => ({ ...draft, kind: draft.kind || undefined, municipalityCode: draft.municipalityCode.trim() || undefined }),
    messageOf: byField(
      { name: t('organisations.errors.name'), slug: t('organisations.errors.slug'), kind: t('organisations.errors.kind'), municipalityCode: t('organisations.errors.municipalityCode') },
      t('errors.unexpected'),
    ),
  });

export function CreateOrganisation({ onCreated }: { onCreated: (organisation: PlatformOrganisation) => void }) {
  const { t } = useTranslation();
  const schema = useMemo(() => organisationSchema(t), [t]);
  const form = useAppForm({
    schema,
    defaultValues: { name: '', slug: '', kind: '', municipalityCode: '' },
    idPrefix: 'organisation',
    codeFields: { slug_taken: 'slug' },
    onSubmit: async (request) => {
      const organisation = await createOrganisation(request);
      form.reset();
      onCreated(organisation);
    },
  });
  const kind = form.watch('kind');
  return (
    <section className="app-form-section" aria-labelledby="organisations-create-heading">
      <h2 id="organisations-create-heading">{t('organisations.createHeading')}</h2>
      <AppForm form={form}>
        <FormTextField control={form.control} name="name" label={t('organisations.name')} autoComplete="off" />
        <FormTextField
          control={form.control}
          name="slug"
          label={t('organisations.slug')}
          hint={t('organisations.slugHint')}
          autoComplete="off"
          spellCheck={false}
          inputClassName="app-short-input"
          transform={(value) => value.toLowerCase()}
        />
        <FormSelectField
          control={form.control}
          name="kind"
          label={t('organisations.kind')}
          options={creatableKinds.map((value) => ({ value, label: t(`organisationKind.${value}`) }))}
          emptyLabel={kind ? undefined : t('organisations.chooseKind')}
        />
        <FormComboboxField
          control={form.control}
          name="municipalityCode"
          label={t('organisations.municipalityCodeOptional')}
          hint={t('organisations.municipalityCodeHint')}
          options={municipalityOptions}
        />
        <button type="submit" className="button button-primary">
          {t('organisations.create')}
        </button>
      </AppForm>
    </section>
  );
}

type CreateAdminProps = { organisation: PlatformOrganisation; onClose: () => void; onCreated: (name: string, password: string) => void; onRequested: () => void };

/**
 * An organisation admin (a name and an e-mail): the first one is made at once and its initial password shown once;
 * for an organisation with an admin of its own it becomes a request that one of them must approve.
 */
export function CreateAdmin({ organisation, onClose, onCreated, onRequested }: CreateAdminProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const schema = useRequestSchema(CreateOrganisationAdminRequest, (draft: { displayName: string; email: string }) => draft, personMessages);
  const form = useAppForm({
    schema,
    defaultValues: { displayName: '', email: '' },
    idPrefix: 'admin',
    codeFields: { email_taken: 'email' },
    onSubmit: async (request) => {
      const result = await createOrganisationAdmin(organisation.id, request);
      if (isChangeRequested(result)) onRequested();
      else onCreated(result.user.displayName, result.initialPassword);
    },
  });
  return (
    <section className="app-form-section" aria-labelledby="organisations-admin-heading">
      <h2 id="organisations-admin-heading" ref={headingRef} tabIndex={-1} className="app-page-heading">
        {t('organisations.addAdminHeading', { name: organisation.name })}
      </h2>
      <AppForm form={form}>
        <FormTextField control={form.control} name="displayName" label={t('users.name')} autoComplete="off" />
        <FormTextField control={form.control} name="email" label={t('users.email')} type="email" autoComplete="off" spellCheck={false} />
        <SubmitOrCancel submitLabel={t('organisations.createAdmin')} onCancel={onClose} />
      </AppForm>
    </section>
  );
}
