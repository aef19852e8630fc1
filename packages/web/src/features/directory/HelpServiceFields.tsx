import { Channel, HelpServiceStatus, TargetGroup } from '@bro/domain';
import type { ReactNode } from 'react';
import { useController, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { FormCheckboxField, FormCheckboxGroup, FormMultiComboboxField, FormRadioGroup, FormSelectField, FormTextAreaField, FormTextField, useFieldError } from '../../forms/fields';
import { useSignedInSession } from '../auth/useSession';
import { servicesQuery } from '../services/services.api';
import { RadioGroup } from '../../ui/fields';
import type { DraftControl, HelpServiceDraft } from './help-service-form';
import { LocationFields, PhoneFields, RuleFields } from './HelpServiceListFields';
import { LanguagesField } from './LanguagesField';
import { municipalityOptions } from '../../ui/reference-data';

/** Each part of the listing form gets the form's control. */

/**
 * Every field of a listing, grouped as the public page reads (name, how to get in touch, who, when, where). Field
 * keys are the request's paths, so the error summary, the server's field errors and the DOM ids all agree.
 */
export function HelpServiceFields({ control }: DraftControl) {
  return (
    <>
      <BasicsSection control={control} />
      <TextsSection control={control} />
      <ContactSection control={control} />
      <WhoSection control={control} />
      <HoursSection control={control} />
      <WhereSection control={control} />
      <CapacitySection control={control} />
    </>
  );
}

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="app-form-section" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

function useArabic() {
  const { t } = useTranslation();
  return { lang: 'ar', dir: 'rtl', hint: t('directory.arabicHint') } as const;
}

function BasicsSection({ control }: DraftControl) {
  const { t } = useTranslation();
  return (
    <Section id="directory-basics" heading={t('directory.sections.basics')}>
      <FormTextField control={control} name="slug" label={t('directory.fields.slug')} hint={t('directory.fields.slugHint')} autoComplete="off" spellCheck={false} inputClassName="app-short-input" maxLength={80} />
      <FormRadioGroup
        control={control}
        name="status"
        legend={t('directory.fields.status')}
        options={HelpServiceStatus.options.map((value) => ({ value, label: t(`directory.statusLabel.${value}`), hint: t(`directory.statusHint.${value}`) }))}
      />
      <ReferralServiceField control={control} />
    </Section>
  );
}

/**
 * The link from the listing to the service it describes (the organisation's "Tilbud"): the listing then points to
 * that service instead of repeating it. Only for those who may read the services; for others the link stays as it is.
 */
function ReferralServiceField({ control }: DraftControl) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const mayReadServices = session.permissions.includes('services:manage');
  const services = useQuery({ ...servicesQuery, enabled: mayReadServices });
  if (!mayReadServices || !services.data) return null;
  const options = [{ value: '', label: t('directory.noReferralService') }, ...services.data.map((service) => ({ value: service.id, label: service.name }))];
  return <FormSelectField control={control} name="referralServiceId" label={t('directory.referralService')} hint={t('directory.referralServiceHint')} options={options} />;
}

function TextsSection({ control }: DraftControl) {
  const { t } = useTranslation();
  const arabic = useArabic();
  return (
    <Section id="directory-texts" heading={t('directory.sections.texts')}>
      <FormTextField control={control} name="nameDa" label={t('directory.fields.nameDa')} autoComplete="off" maxLength={200} />
      <FormTextField control={control} name="nameEn" label={t('directory.fields.nameEn')} autoComplete="off" maxLength={200} />
      <FormTextField control={control} name="nameAr" {...arabic} label={t('directory.fields.nameAr')} autoComplete="off" maxLength={200} />
      <FormTextAreaField control={control} name="descriptionDa" label={t('directory.fields.descriptionDa')} hint={t('directory.fields.descriptionHint')} rows={5} maxLength={4000} />
      <FormTextAreaField control={control} name="descriptionEn" label={t('directory.fields.descriptionEn')} rows={5} maxLength={4000} />
      <FormTextAreaField control={control} name="descriptionAr" {...arabic} label={t('directory.fields.descriptionAr')} rows={5} maxLength={4000} />
    </Section>
  );
}

function ContactSection({ control }: DraftControl) {
  const { t } = useTranslation();
  const arabic = useArabic();
  return (
    <Section id="directory-contact" heading={t('directory.sections.contact')}>
      <FormTextAreaField control={control} name="howToContactDa" label={t('directory.fields.howToContactDa')} hint={t('directory.fields.howToContactHint')} rows={4} maxLength={2000} />
      <FormTextAreaField control={control} name="howToContactEn" label={t('directory.fields.howToContactEn')} rows={4} maxLength={2000} />
      <FormTextAreaField control={control} name="howToContactAr" {...arabic} label={t('directory.fields.howToContactAr')} rows={4} maxLength={2000} />
      <FormCheckboxGroup<HelpServiceDraft, Channel>
        control={control}
        name="channels"
        legend={t('directory.fields.channels')}
        options={Channel.options.map((value) => ({ value, label: t(`directory.channel.${value}`) }))}
      />
      <FormCheckboxField control={control} name="isAnonymousContactOffered" label={t('directory.fields.isAnonymousContactOffered')} />
      <PhoneFields control={control} />
      <FormTextField control={control} name="email" label={t('directory.fields.email')} type="email" autoComplete="off" spellCheck={false} maxLength={200} />
      <FormTextField control={control} name="websiteUrl" label={t('directory.fields.websiteUrl')} hint={t('directory.fields.websiteHint')} type="url" autoComplete="off" spellCheck={false} maxLength={500} />
    </Section>
  );
}

function WhoSection({ control }: DraftControl) {
  const { t } = useTranslation();
  const short = { autoComplete: 'off', inputMode: 'numeric', maxLength: 3, inputClassName: 'app-short-input' } as const;
  return (
    <Section id="directory-who" heading={t('directory.sections.who')}>
      <FormCheckboxGroup<HelpServiceDraft, TargetGroup>
        control={control}
        name="targetGroups"
        legend={t('directory.fields.targetGroups')}
        options={TargetGroup.options.map((value) => ({ value, label: t(`directory.targetGroup.${value}`) }))}
      />
      <FormTextAreaField control={control} name="eligibilityDa" label={t('directory.fields.eligibilityDa')} rows={3} maxLength={2000} />
      <FormTextAreaField control={control} name="eligibilityEn" label={t('directory.fields.eligibilityEn')} rows={3} maxLength={2000} />
      <FormTextField control={control} name="minimumAge" label={t('directory.fields.minimumAge')} {...short} />
      <FormTextField control={control} name="maximumAge" label={t('directory.fields.maximumAge')} {...short} />
      <LanguagesField control={control} />
      <FormCheckboxField control={control} name="isFreeOfCharge" label={t('directory.fields.isFreeOfCharge')} />
    </Section>
  );
}

function HoursSection({ control }: DraftControl) {
  const { t } = useTranslation();
  const isOpen24Hours = useWatch({ control, name: 'isOpen24Hours' });
  return (
    <Section id="directory-hours" heading={t('directory.sections.hours')}>
      <FormCheckboxField control={control} name="isOpen24Hours" fieldKey="schedule.isOpen24Hours" label={t('directory.fields.isOpen24Hours')} />
      {isOpen24Hours ? null : <RuleFields control={control} />}
      <FormTextAreaField control={control} name="scheduleNoteDa" fieldKey="schedule.noteDa" label={t('directory.fields.scheduleNoteDa')} rows={2} maxLength={500} />
      <FormTextAreaField control={control} name="scheduleNoteEn" fieldKey="schedule.noteEn" label={t('directory.fields.scheduleNoteEn')} rows={2} maxLength={500} />
    </Section>
  );
}

function WhereSection({ control }: DraftControl) {
  const { t } = useTranslation();
  const isNational = useWatch({ control, name: 'isNational' });
  return (
    <Section id="directory-where" heading={t('directory.sections.where')}>
      <NationalChoice control={control} isNational={isNational} />
      {isNational ? null : (
        <FormMultiComboboxField
          control={control}
          name="municipalityCodes"
          fieldKey="serviceArea.municipalityCodes"
          label={t('directory.fields.municipalityCodes')}
          hint={t('directory.fields.municipalityCodesHint')}
          options={municipalityOptions}
        />
      )}
      <LocationFields control={control} />
    </Section>
  );
}

/** "Hele Danmark" or chosen municipalities: a yes/no value shown as two choices. */
function NationalChoice({ control, isNational }: DraftControl & { isNational: boolean }) {
  const { t } = useTranslation();
  const { field } = useController({ control, name: 'isNational' });
  const { domKey, error } = useFieldError(control, 'serviceArea.isNational');
  return (
    <RadioGroup<'national' | 'selected'>
      fieldKey={domKey}
      legend={t('directory.fields.isNational')}
      options={[
        { value: 'national', label: t('directory.fields.national') },
        { value: 'selected', label: t('directory.fields.selectedMunicipalities') },
      ]}
      value={isNational ? 'national' : 'selected'}
      error={error}
      onChange={(value) => field.onChange(value === 'national')}
    />
  );
}

function CapacitySection({ control }: DraftControl) {
  const { t } = useTranslation();
  const hasCapacity = useWatch({ control, name: 'hasCapacity' });
  const short = { inputMode: 'numeric', autoComplete: 'off', inputClassName: 'app-short-input' } as const;
  return (
    <Section id="directory-capacity" heading={t('directory.sections.capacity')}>
      <FormCheckboxField control={control} name="hasCapacity" fieldKey="capacity" label={t('directory.fields.hasCapacity')} />
      {hasCapacity ? (
        <>
          <FormTextField control={control} name="capacityAvailable" fieldKey="capacity.available" label={t('directory.fields.capacityAvailable')} {...short} />
          <FormTextField control={control} name="capacityMaximum" fieldKey="capacity.maximum" label={t('directory.fields.capacityMaximum')} {...short} />
          <FormTextField control={control} name="capacityUnit" fieldKey="capacity.unit" label={t('directory.fields.capacityUnit')} hint={t('directory.fields.capacityUnitHint')} autoComplete="off" maxLength={50} inputClassName="app-short-input" />
        </>
      ) : null}
    </Section>
  );
}
