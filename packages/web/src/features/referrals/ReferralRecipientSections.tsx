import type { Gender, ReferralOptions } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { FormRadioGroup, useFieldError } from '../../forms/fields';
import type { AppForm } from '../../forms/useAppForm';
import { Alert } from '../../ui/Alert';
import { SelectField } from '../../ui/fields';
import { ConsentFields, consentControl } from './ConsentFields';
import type { DerivedReferral, ReferralFormValues } from './referral-form';

/** The referral form's parts that decide who receives it: programme, role and service, and the consent for them. */
export type SectionProps = { form: AppForm<ReferralFormValues>; derived: DerivedReferral; options: ReferralOptions };

export function ProgrammeSection({ form, options }: SectionProps) {
  const { t } = useTranslation();
  const only = options.programmes.length === 1 ? options.programmes[0] : undefined;
  return (
    <section className="app-form-section" aria-labelledby="referral-programme">
      <h2 id="referral-programme">{t('newReferral.programme.heading')}</h2>
      {only ? (
        <p>{t('newReferral.programme.only', { name: only.name })}</p>
      ) : (
        <FormRadioGroup
          control={form.control}
          name="programmeId"
          legend={t('newReferral.programme.label')}
          options={options.programmes.map((programme) => ({ value: programme.id, label: programme.name }))}
          // Another programme has other services: the proposal starts again.
          onValueChange={() => form.setValue('serviceId', '')}
        />
      )}
    </section>
  );
}

const genders: readonly Gender[] = ['woman', 'man', 'other', 'unknown'];

export function WhoSection({ form, derived }: SectionProps) {
  const { t } = useTranslation();
  const proposed = derived.proposedService;
  return (
    <section className="app-form-section" aria-labelledby="referral-who">
      <h2 id="referral-who">{t('newReferral.who.heading')}</h2>
      <FormRadioGroup
        control={form.control}
        name="role"
        legend={t('newReferral.who.role')}
        options={(['exposed', 'uses_violence', 'both'] as const).map((value) => ({ value, label: t(`personRole.${value}`) }))}
      />
      <FormRadioGroup control={form.control} name="person.gender" legend={t('newReferral.who.gender')} options={genders.map((value) => ({ value, label: t(`gender.${value}`) }))} isInline />
      {proposed ? (
        <p className="font-lead" aria-live="polite">
          {t('newReferral.who.proposed', { service: proposed.name, organisation: proposed.organisationName })}
        </p>
      ) : (
        <p className="form-hint" aria-live="polite">
          {t('newReferral.who.proposalHint')}
        </p>
      )}
      {derived.programme ? <ServiceField form={form} derived={derived} /> : null}
    </section>
  );
}

/** Shows the proposed service until the officer picks another. */
function ServiceField({ form, derived }: Pick<SectionProps, 'form' | 'derived'>) {
  const { t } = useTranslation();
  const { domKey, error } = useFieldError(form.control, 'serviceId');
  return (
    <SelectField
      fieldKey={domKey}
      label={t('newReferral.who.service')}
      hint={t('newReferral.who.serviceHint')}
      options={derived.services.map((service) => ({ value: service.id, label: `${service.name} – ${service.organisationName}` }))}
      value={derived.service?.id ?? ''}
      emptyLabel={derived.service ? undefined : t('newReferral.who.chooseService')}
      error={error}
      onChange={(value) => form.setValue('serviceId', value)}
    />
  );
}

export function ConsentSection({ form, derived }: SectionProps) {
  const { t } = useTranslation();
  const recipientName = derived.service?.organisationName ?? '';
  return (
    <section className="app-form-section" aria-labelledby="referral-consent">
      <h2 id="referral-consent">{t('newReferral.consent.heading')}</h2>
      {derived.isConsentForOtherRecipient ? (
        <Alert variant="warning" heading={t('newReferral.consent.recipientChangedHeading')} role="alert" headingLevel={3}>
          <p>{t('newReferral.consent.recipientChanged', { organisation: recipientName })}</p>
        </Alert>
      ) : null}
      {derived.service ? <ReferralConsentFields form={form} derived={derived} /> : <p className="form-hint">{t('newReferral.consent.chooseServiceFirst')}</p>}
    </section>
  );
}

function ReferralConsentFields({ form, derived }: Pick<SectionProps, 'form' | 'derived'>) {
  const { t } = useTranslation();
  const gender = form.watch('person.gender');
  const pronoun = gender === 'woman' ? t('newReferral.consent.her') : gender === 'man' ? t('newReferral.consent.him') : t('newReferral.consent.them');
  return (
    <ConsentFields
      control={consentControl(form.control)}
      recipientId={derived.service?.organisationId ?? ''}
      statement={t('newReferral.consent.statement', { organisation: derived.service?.organisationName ?? '', pronoun })}
      methodLegend={t('newReferral.consent.method')}
      methodLabel={(method) => t(`consentMethod.${method}`)}
      categoriesHint={t('newReferral.consent.categoriesHint')}
    />
  );
}
