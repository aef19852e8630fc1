import type { Gender, ReferralOptions } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { FormRadioGroup, useFieldError } from '../../forms/fields';
import type { AppForm } from '../../forms/useAppForm';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { SelectField } from '../../ui/fields';
import { ConsentFields, consentControl } from './ConsentFields';
import type { DerivedReferral, ReferralFormValues } from './referral-form';

/** The referral form's parts that decide who receives it: programme, role and service, and the consent for them. */
export type SectionProps = { form: AppForm<ReferralFormValues>; derived: DerivedReferral; options: ReferralOptions };

/** Step 1, who receives the referral: programme, the person's role and gender, and the (proposed) service. */
export function WhoStep(props: SectionProps) {
  return (
    <>
      <ProgrammeField {...props} />
      <WhoFields {...props} />
    </>
  );
}

function ProgrammeField({ form, options }: SectionProps) {
  const { t } = useTranslation();
  const only = options.programmes.length === 1 ? options.programmes[0] : undefined;
  if (only) return <p>{t('newReferral.programme.only', { name: only.name })}</p>;
  return (
    <FormRadioGroup
      control={form.control}
      name="programmeId"
      legend={t('newReferral.programme.label')}
      options={options.programmes.map((programme) => ({ value: programme.id, label: programme.name }))}
      // Another programme has other services: the proposal starts again.
      onValueChange={() => form.setValue('serviceId', '')}
    />
  );
}

const genders: readonly Gender[] = ['woman', 'man', 'other', 'unknown'];

function WhoFields({ form, derived }: SectionProps) {
  const { t } = useTranslation();
  const proposed = derived.proposedService;
  return (
    <>
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
    </>
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

/** Step 2: consent for the organisation chosen in step 1, and plainly whether a typed CPR number goes with it. */
export function ConsentStep({ form, derived }: SectionProps) {
  const { t } = useTranslation();
  const recipientName = derived.service?.organisationName ?? '';
  return (
    <>
      {derived.isConsentForOtherRecipient ? (
        <Alert variant="warning" heading={t('newReferral.consent.recipientChangedHeading')} role="alert" headingLevel={3}>
          <p>{t('newReferral.consent.recipientChanged', { organisation: recipientName })}</p>
        </Alert>
      ) : null}
      {derived.service ? <ReferralConsentFields form={form} derived={derived} /> : <p className="form-hint">{t('newReferral.consent.chooseServiceFirst')}</p>}
      {derived.service ? (
        <p className="font-lead" aria-live="polite">
          {t(derived.isCprShared ? 'newReferral.consent.cprShared' : 'newReferral.consent.cprNotShared', { organisation: recipientName })}
        </p>
      ) : null}
    </>
  );
}

function ReferralConsentFields({ form, derived }: Pick<SectionProps, 'form' | 'derived'>) {
  const { t } = useTranslation();
  const format = useFormat();
  const [gender, method, obtainedAt] = form.watch(['person.gender', 'consent.method', 'consent.obtainedAt']);
  const at = new Date(obtainedAt);
  const pronoun = gender === 'woman' ? t('newReferral.consent.her') : gender === 'man' ? t('newReferral.consent.him') : t('newReferral.consent.them');
  return (
    <ConsentFields
      control={consentControl(form.control)}
      recipientId={derived.service?.organisationId ?? ''}
      statement={t('newReferral.consent.statement', { organisation: derived.service?.organisationName ?? '', pronoun })}
      methodLegend={t('newReferral.consent.method')}
      methodLabel={(method) => t(`consentMethod.${method}`)}
      categoriesHint={t('newReferral.consent.categoriesHint')}
      howAndWhenSummary={t('newReferral.consent.howAndWhen', { method: t(`consentMethod.${method}`).toLowerCase(), time: Number.isNaN(at.getTime()) ? obtainedAt : format.dateTime(at.toISOString()) })}
    />
  );
}
