import type { Programme, ProgrammeChoices } from '@bro/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useFieldArray, useFormState, useWatch, type Control, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AppForm } from '../../forms/AppForm';
import { FormCheckboxField, FormCheckboxGroup, FormRadioGroup, FormSelectField, FormTextAreaField, FormTextField, useFieldError } from '../../forms/fields';
import { useAppForm } from '../../forms/useAppForm';
import { AddButton, ItemFrame, useFocusAfterRender } from '../../ui/repeatable-list';
import { draftOfProgramme, genderChoices, newServiceDraft, programmeSchema, roleChoices, statusChoices, type ProgrammeDraft } from './programme-form';
import { programmeKeys, updateProgramme } from './programmes.api';

type ProgrammeFormProps = { programme: Programme; choices: ProgrammeChoices; onSaved: (programme: Programme) => void };

/** The programme manager's whole set-up in one form, saved as one new version. */
export function ProgrammeForm({ programme, choices, onSaved }: ProgrammeFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const schema = useMemo(() => programmeSchema(t, programme.version), [t, programme.version]);
  const form = useAppForm({
    schema,
    defaultValues: draftOfProgramme(programme),
    idPrefix: 'programme',
    onSubmit: async (request) => {
      const saved = await updateProgramme(programme.id, request);
      void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      onSaved(saved);
    },
  });
  const { control } = form;
  return (
    <section className="app-form-section" aria-labelledby="programme-edit-heading">
      <h2 id="programme-edit-heading">{t('programmes.editHeading')}</h2>
      <p className="app-narrow">{t('programmes.editIntro')}</p>
      <AppForm form={form}>
        <FormTextField control={control} name="name" label={t('programmes.name')} autoComplete="off" />
        <FormTextAreaField control={control} name="description" label={t('programmes.description')} rows={3} />
        <FormTextField control={control} name="funder" label={t('programmes.funder')} autoComplete="off" />
        <FormTextField control={control} name="periodStart" label={t('programmes.periodStart')} hint={t('programmes.periodHint')} type="date" inputClassName="app-short-input" />
        <FormTextField control={control} name="periodEnd" label={t('programmes.periodEnd')} hint={t('programmes.periodHint')} type="date" inputClassName="app-short-input" />
        <FormRadioGroup
          control={control}
          name="status"
          legend={t('programmes.status')}
          hint={t('programmes.statusHint')}
          options={statusChoices.map((value) => ({ value, label: t(`programmes.statuses.${value}`) }))}
          isInline
        />
        <ReferrerList control={control} setValue={form.setValue} choices={choices} />
        <ServiceRows control={control} choices={choices} />
        <button type="submit" className="button button-primary">
          {t('programmes.save')}
        </button>
      </AppForm>
    </section>
  );
}

type ReferrerListProps = { control: Control<ProgrammeDraft, unknown, unknown>; setValue: UseFormSetValue<ProgrammeDraft>; choices: ProgrammeChoices };

/** Chosen organisations as a short list with remove buttons; a select adds one (there are more than a hundred). */
function ReferrerList({ control, setValue, choices }: ReferrerListProps) {
  const { t } = useTranslation();
  const chosen = useWatch({ control, name: 'referrerOrganisationIds' });
  const [toAdd, setToAdd] = useState('');
  const { domKey, error } = useFieldError(control, 'referrerOrganisationIds');
  const nameOf = (id: string) => choices.organisations.find((organisation) => organisation.id === id)?.name ?? id;
  const addable = choices.organisations.filter((organisation) => !chosen.includes(organisation.id));
  const set = (ids: string[]) => setValue('referrerOrganisationIds', ids, { shouldDirty: true });
  return (
    <fieldset className={error ? 'form-group form-error' : 'form-group'}>
      <legend className="form-label">{t('programmes.referrersLegend')}</legend>
      <span className="form-hint">{t('programmes.referrersHint')}</span>
      {error ? <span className="form-error-message">{error}</span> : null}
      {chosen.length === 0 ? <p>{t('programmes.noReferrers')}</p> : null}
      <ul className="app-plain-list">
        {chosen.map((id) => (
          <li key={id}>
            {nameOf(id)}{' '}
            <button type="button" className="button button-secondary" onClick={() => set(chosen.filter((other) => other !== id))}>
              {t('programmes.removeReferrer', { name: nameOf(id) })}
            </button>
          </li>
        ))}
      </ul>
      <label className="form-label" htmlFor={`${domKey}-add`}>
        {t('programmes.addReferrer')}
      </label>
      <div className="app-add-row">
        <select id={`${domKey}-add`} className="form-select" value={toAdd} onChange={(event) => setToAdd(event.target.value)}>
          <option value="">{t('programmes.chooseReferrer')}</option>
          {addable.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-secondary"
          id={domKey}
          disabled={toAdd === ''}
          onClick={() => {
            set([...chosen, toAdd]);
            setToAdd('');
          }}
        >
          {t('programmes.addReferrerButton')}
        </button>
      </div>
    </fieldset>
  );
}

/** The participating services in routing order: each row its own fieldset, movable up, removable. */
function ServiceRows({ control, choices }: { control: Control<ProgrammeDraft, unknown, unknown>; choices: ProgrammeChoices }) {
  const { t } = useTranslation();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'services' });
  const focusLater = useFocusAfterRender();
  const listError = useFieldError(control, 'services');
  return (
    <fieldset className="form-group">
      <legend className="form-label">{t('programmes.servicesLegend')}</legend>
      <span className="form-hint">{t('programmes.servicesHint')}</span>
      {fields.map((field, index) => (
        <ItemFrame
          key={field.id}
          legend={t('programmes.serviceRow', { number: index + 1 })}
          removeLabel={t('programmes.removeService', { number: index + 1 })}
          onRemove={() => {
            remove(index);
            focusLater(listError.domKey);
          }}
        >
          <ServiceRow control={control} index={index} choices={choices} />
          {index > 0 ? (
            <button type="button" className="button button-secondary mr-3" onClick={() => move(index, index - 1)}>
              {t('programmes.moveUp', { number: index + 1 })}
            </button>
          ) : null}
        </ItemFrame>
      ))}
      <AddButton
        fieldKey={listError.domKey}
        label={t('programmes.addService')}
        error={listError.error}
        onAdd={() => {
          append(newServiceDraft(), { shouldFocus: false });
          focusLater(`${listError.domKey}.${fields.length}.serviceId`);
        }}
      />
    </fieldset>
  );
}

function ServiceRow({ control, index, choices }: { control: Control<ProgrammeDraft, unknown, unknown>; index: number; choices: ProgrammeChoices }) {
  const { t } = useTranslation();
  const serviceId = useWatch({ control, name: `services.${index}.serviceId` });
  const service = choices.services.find((candidate) => candidate.id === serviceId);
  const roles = service ? roleChoices.filter((role) => service.receivesRoles.includes(role)) : roleChoices;
  const terms = useWatch({ control, name: `services.${index}` });
  const hasOwnTerms = [terms.minimumAge, terms.maximumAge, terms.firstContactDeadlineHours, terms.highRiskDeadlineHours, terms.maxContactAttempts].some((value) => value.trim() !== '');
  const { errors } = useFormState({ control, name: `services.${index}` });
  const hasTermErrors = errors.services?.[index] !== undefined;
  return (
    <>
      <FormSelectField
        control={control}
        name={`services.${index}.serviceId`}
        label={t('programmes.service')}
        options={choices.services.map((candidate) => ({ value: candidate.id, label: `${candidate.name} (${candidate.organisationName})` }))}
        emptyLabel={t('programmes.chooseService')}
      />
      <FormCheckboxGroup
        control={control}
        name={`services.${index}.receivesRoles`}
        legend={t('programmes.receivesRoles')}
        hint={t('programmes.receivesRolesHint')}
        options={roles.map((value) => ({ value, label: t(`programmes.roles.${value}`) }))}
      />
      <FormCheckboxGroup
        control={control}
        name={`services.${index}.receivesGenders`}
        legend={t('programmes.receivesGenders')}
        hint={t('programmes.receivesGendersHint')}
        options={genderChoices.map((value) => ({ value, label: t(`programmes.genders.${value}`) }))}
      />
      <FormCheckboxField control={control} name={`services.${index}.isProposed`} label={t('programmes.isProposed')} hint={t('programmes.isProposedHint')} />
      <FormCheckboxField control={control} name={`services.${index}.isFallback`} label={t('programmes.isFallback')} />
      {/* Rarely changed: folded away unless set or wrong, so a programme of many services stays readable. */}
      <details className="mb-5" open={hasOwnTerms || hasTermErrors}>
        <summary>{t('programmes.termsSummary')}</summary>
        <FormTextField control={control} name={`services.${index}.minimumAge`} label={t('programmes.minimumAge')} inputMode="numeric" inputClassName="app-short-input" />
        <FormTextField control={control} name={`services.${index}.maximumAge`} label={t('programmes.maximumAge')} inputMode="numeric" inputClassName="app-short-input" />
        <FormTextField control={control} name={`services.${index}.firstContactDeadlineHours`} label={t('programmes.firstContactDeadlineHours')} hint={t('programmes.ownSetting', { value: service?.firstContactDeadlineHours ?? '–' })} inputMode="numeric" inputClassName="app-short-input" />
        <FormTextField control={control} name={`services.${index}.highRiskDeadlineHours`} label={t('programmes.highRiskDeadlineHours')} hint={t('programmes.ownSetting', { value: service?.highRiskDeadlineHours ?? '–' })} inputMode="numeric" inputClassName="app-short-input" />
        <FormTextField control={control} name={`services.${index}.maxContactAttempts`} label={t('programmes.maxContactAttempts')} hint={t('programmes.ownSetting', { value: service?.maxContactAttempts ?? '–' })} inputMode="numeric" inputClassName="app-short-input" />
      </details>
    </>
  );
}
