import type { AdminService } from '@bro/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../forms/AppForm';
import { FormCheckboxField, FormCheckboxGroup, FormSelectField, FormTextAreaField, FormTextField } from '../../forms/fields';
import { SubmitOrCancel } from '../../forms/FormPanel';
import { useAppForm } from '../../forms/useAppForm';
import { createServiceSchema, draftOfService, emptyServiceDraft, genderChoices, lineChoices, updateServiceSchema, type LineChoice, type ServiceDraft } from './service-form';
import { createService, serviceKeys, updateService } from './services.api';

type FieldsetProps = { control: Control<ServiceDraft, unknown, unknown>; isLineLocked: boolean };

/** The fields both forms share. A service with open cases keeps its line: the field is then read-only, with why. */
function ServiceFieldset({ control, isLineLocked }: FieldsetProps) {
  const { t } = useTranslation();
  const hasLine = Boolean(useWatch({ control, name: 'serviceLine' }));
  return (
    <>
      <FormTextField control={control} name="name" label={t('services.name')} autoComplete="off" />
      <FormSelectField<ServiceDraft, LineChoice>
        control={control}
        name="serviceLine"
        label={t('services.serviceLine')}
        hint={isLineLocked ? t('services.inUseHint') : t('services.serviceLineHint')}
        options={lineChoices.map((value) => ({ value, label: t(`services.lines.${value}`) }))}
        emptyLabel={hasLine ? undefined : t('services.chooseLine')}
        disabled={isLineLocked}
      />
      <FormCheckboxGroup<ServiceDraft, (typeof genderChoices)[number]>
        control={control}
        name="receivesGenders"
        legend={t('services.receivesGenders')}
        hint={t('services.receivesGendersHint')}
        options={genderChoices.map((value) => ({ value, label: t(`services.genders.${value}`) }))}
      />
      <FormTextField control={control} name="minimumAge" label={t('services.minimumAge')} hint={t('services.ageHint')} inputMode="numeric" inputClassName="app-short-input" />
      <FormTextField control={control} name="maximumAge" label={t('services.maximumAge')} hint={t('services.ageHint')} inputMode="numeric" inputClassName="app-short-input" />
      <FormTextAreaField control={control} name="description" label={t('services.description')} hint={t('services.descriptionHint')} rows={3} />
      <FormTextField control={control} name="intakePhone" label={t('services.intakePhone')} hint={t('services.intakePhoneHint')} type="tel" autoComplete="off" inputClassName="app-short-input" />
      <FormTextField control={control} name="intakeHours" label={t('services.intakeHours')} hint={t('services.intakeHoursHint')} autoComplete="off" />
      <FormTextField control={control} name="firstContactDeadlineHours" label={t('services.firstContactDeadlineHours')} inputMode="numeric" inputClassName="app-short-input" />
      <FormTextField control={control} name="highRiskDeadlineHours" label={t('services.highRiskDeadlineHours')} inputMode="numeric" inputClassName="app-short-input" />
      <FormTextField control={control} name="maxContactAttempts" label={t('services.maxContactAttempts')} inputMode="numeric" inputClassName="app-short-input" />
    </>
  );
}

export function CreateService({ onCreated }: { onCreated: (service: AdminService) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const schema = useMemo(() => createServiceSchema(t), [t]);
  const form = useAppForm({
    schema,
    defaultValues: emptyServiceDraft,
    idPrefix: 'create-service',
    onSubmit: async (request) => {
      const created = await createService(request);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: serviceKeys.services });
      onCreated(created);
    },
  });
  return (
    <section className="app-form-section" aria-labelledby="services-create-heading">
      <h2 id="services-create-heading">{t('services.createHeading')}</h2>
      <AppForm form={form}>
        <ServiceFieldset control={form.control} isLineLocked={false} />
        <button type="submit" className="button button-primary">
          {t('services.create')}
        </button>
      </AppForm>
    </section>
  );
}

type EditServiceProps = { service: AdminService; onClose: () => void; onSaved: (service: AdminService) => void };

export function EditService({ service, onClose, onSaved }: EditServiceProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const schema = useMemo(() => updateServiceSchema(t), [t]);
  const form = useAppForm({
    schema,
    defaultValues: draftOfService(service),
    idPrefix: 'edit-service',
    onSubmit: async (request) => {
      const saved = await updateService(service.id, request);
      void queryClient.invalidateQueries({ queryKey: serviceKeys.services });
      onSaved(saved);
    },
  });
  const hasOpenCases = service.openReferralCount > 0 || service.openCourseCount > 0;
  return (
    <section className="app-form-section" aria-labelledby="services-edit-heading">
      <h2 id="services-edit-heading" tabIndex={-1} className="app-page-heading" ref={headingRef}>
        {t('services.editHeading', { name: service.name })}
      </h2>
      <AppForm form={form}>
        <ServiceFieldset control={form.control} isLineLocked={hasOpenCases} />
        <FormCheckboxField control={form.control} name="isActive" label={t('services.isActive')} hint={hasOpenCases ? t('services.inUseHint') : undefined} />
        <SubmitOrCancel submitLabel={t('services.save')} onCancel={onClose} />
      </AppForm>
    </section>
  );
}
