import { weekdayCodes, type OpenEvent, type UpdateOpenEventRequest } from '@bro/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../forms/AppForm';
import { FormCheckboxField, FormCheckboxGroup, FormRadioGroup, FormSelectField, FormTextAreaField, FormTextField } from '../../forms/fields';
import { SubmitRow } from '../../forms/FormPanel';
import { useAppForm } from '../../forms/useAppForm';
import { draftOfEvent, emptyEventDraft, eventFieldAliases, eventFormSchema, toEventRequest, type EventDraft } from './event-form';
import { eventServicesQuery } from './events.api';

type EventFormProps = {
  event?: OpenEvent;
  today: string;
  submitLabel: string;
  onSubmit: (request: UpdateOpenEventRequest & { serviceId?: string }) => Promise<unknown>;
};

/**
 * Create or edit an open event. The recurrence is chosen the readable way (weekday checkboxes, every N weeks, time,
 * duration) and written as an RRULE; the advanced field takes any rule the server accepts.
 */
export function EventForm({ event, today, submitLabel, onSubmit }: EventFormProps) {
  const { t } = useTranslation();
  const isNew = event === undefined;
  const schema = useMemo(() => eventFormSchema(t, isNew), [t, isNew]);
  const defaultValues = useMemo(() => (event ? draftOfEvent(event) : emptyEventDraft(today)), [event, today]);
  const form = useAppForm({
    schema,
    defaultValues,
    aliases: eventFieldAliases(defaultValues.ruleMode),
    messageOf: (message) => (message in eventCodes ? t(`events.errors.${message as keyof typeof eventCodes}`) : message),
    onSubmit: (values) => onSubmit({ ...toEventRequest(values), ...(isNew ? { serviceId: values.serviceId } : {}) }),
  });
  return (
    <AppForm form={form}>
      {isNew ? <ServiceField control={form.control} /> : null}
      <FormTextField control={form.control} name="title" label={t('events.fields.title')} hint={t('events.fields.titleHint')} maxLength={120} />
      <FormTextAreaField control={form.control} name="description" label={t('events.fields.description')} rows={4} maxLength={2000} />
      <RecurrenceFields control={form.control} />
      <PlaceFields control={form.control} />
      <FormCheckboxField control={form.control} name="isRegistrationRequired" label={t('events.fields.isRegistrationRequired')} />
      <FormTextField control={form.control} name="capacity" label={t('events.fields.capacity')} hint={t('events.fields.capacityHint')} inputMode="numeric" inputClassName="input-width-xs" />
      <FormCheckboxField control={form.control} name="isPublished" label={t('events.fields.isPublished')} />
      <SubmitRow isBusy={form.isBusy}>{submitLabel}</SubmitRow>
    </AppForm>
  );
}

/** The codes the server may answer with on this form, in words (events.errors.<code>). */
const eventCodes = {
  rule_unparseable: true,
  frequency_not_supported: true,
  rule_part_not_supported: true,
  rule_produces_no_date: true,
  unknown_or_inactive_service: true,
} as const;

function ServiceField({ control }: { control: Control<EventDraft, unknown, unknown> }) {
  const { t } = useTranslation();
  const services = useQuery(eventServicesQuery);
  const options = (services.data?.services ?? []).map((service) => ({ value: service.id, label: service.name }));
  return <FormSelectField control={control} name="serviceId" label={t('events.fields.serviceId')} options={options} emptyLabel={t('events.fields.chooseService')} />;
}

function RecurrenceFields({ control }: { control: Control<EventDraft, unknown, unknown> }) {
  const { t } = useTranslation();
  const ruleMode = useWatch({ control, name: 'ruleMode' });
  return (
    <fieldset className="form-group">
      <legend className="h3">{t('events.fields.recurrence')}</legend>
      <FormRadioGroup<EventDraft, EventDraft['ruleMode']>
        control={control}
        name="ruleMode"
        legend={t('events.fields.ruleMode')}
        options={[
          { value: 'weekly', label: t('events.fields.weekly') },
          { value: 'advanced', label: t('events.fields.advanced') },
        ]}
      />
      {ruleMode === 'weekly' ? (
        <>
          <FormCheckboxGroup control={control} name="weekdays" legend={t('events.fields.weekdays')} options={weekdayCodes.map((code) => ({ value: code, label: t(`events.weekday.${code}`) }))} />
          <FormTextField control={control} name="intervalWeeks" label={t('events.fields.intervalWeeks')} inputMode="numeric" inputClassName="input-width-xs" />
        </>
      ) : (
        <FormTextField control={control} name="advancedRule" label={t('events.fields.advancedRule')} hint={t('events.fields.advancedRuleHint')} spellCheck={false} maxLength={300} />
      )}
      <FormTextField control={control} name="startDate" label={t('events.fields.startDate')} type="date" inputClassName="input-width-s" />
      <FormTextField control={control} name="startTime" label={t('events.fields.startTime')} hint={t('events.fields.startTimeHint')} type="time" inputClassName="input-width-xs" />
      <FormTextField control={control} name="durationMinutes" label={t('events.fields.durationMinutes')} inputMode="numeric" inputClassName="input-width-xs" />
    </fieldset>
  );
}

function PlaceFields({ control }: { control: Control<EventDraft, unknown, unknown> }) {
  const { t } = useTranslation();
  const placeKind = useWatch({ control, name: 'placeKind' });
  return (
    <fieldset className="form-group">
      <legend className="h3">{t('events.fields.placeKind')}</legend>
      <FormRadioGroup<EventDraft, EventDraft['placeKind']>
        control={control}
        name="placeKind"
        legend={t('events.fields.placeKind')}
        options={[
          { value: 'in_person', label: t('events.fields.inPerson') },
          { value: 'online', label: t('events.fields.onlinePlace') },
        ]}
      />
      {placeKind === 'online' ? (
        <FormTextField control={control} name="link" label={t('events.fields.link')} hint={t('events.fields.linkHint')} type="url" spellCheck={false} maxLength={500} />
      ) : (
        <>
          <FormTextField control={control} name="placeName" label={t('events.fields.placeName')} maxLength={120} />
          <FormTextField control={control} name="addressLine" label={t('events.fields.addressLine')} hint={t('events.fields.addressHint')} maxLength={120} />
          <FormTextField control={control} name="postalCode" label={t('events.fields.postalCode')} inputMode="numeric" inputClassName="input-width-xs" maxLength={4} />
          <FormTextField control={control} name="city" label={t('events.fields.city')} maxLength={60} />
        </>
      )}
    </fieldset>
  );
}
