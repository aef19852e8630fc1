import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormCheckboxField, FormRadioGroup, FormSelectField, FormTextAreaField, FormTextField } from '../../forms/fields';
import { Alert } from '../../ui/Alert';
import type { Choice } from '../../ui/fields';
import { contactLanguages, type ReferralFormValues } from './referral-form';

/** The referral form's parts about the person and their situation. */
type Props = { control: Control<ReferralFormValues, unknown, unknown> };

export function PersonSection({ control }: Props) {
  const { t } = useTranslation();
  return (
    <section className="app-form-section" aria-labelledby="referral-person">
      <h2 id="referral-person">{t('newReferral.person.heading')}</h2>
      <FormTextField control={control} name="person.fullName" label={t('newReferral.person.fullName')} autoComplete="off" spellCheck={false} />
      <FormTextField
        control={control}
        name="person.cpr"
        label={t('newReferral.person.cpr')}
        hint={t('newReferral.person.cprHint')}
        autoComplete="off"
        inputMode="numeric"
        spellCheck={false}
        inputClassName="app-short-input"
      />
      <FormTextField control={control} name="person.birthYear" label={t('newReferral.person.birthYear')} autoComplete="off" inputMode="numeric" maxLength={4} inputClassName="app-short-input" />
      <FormSelectField
        control={control}
        name="person.addressProtection"
        label={t('newReferral.person.addressProtection')}
        options={(['none', 'name_and_address', 'special', 'shelter', 'unknown'] as const).map((value) => ({ value, label: t(`addressProtection.${value}`) }))}
      />
    </section>
  );
}

function useYesNoUnknown(): Choice<'yes' | 'no' | 'unknown'>[] {
  const { t } = useTranslation();
  return (['yes', 'no', 'unknown'] as const).map((value) => ({ value, label: t(`yesNoUnknown.${value}`) }));
}

export function ContactSection({ control }: Props) {
  const { t } = useTranslation();
  const yesNoUnknown = useYesNoUnknown();
  return (
    <section className="app-form-section" aria-labelledby="referral-contact">
      <h2 id="referral-contact">{t('newReferral.contact.heading')}</h2>
      <FormTextField control={control} name="safeContact.phone" label={t('newReferral.contact.phone')} type="tel" inputMode="tel" autoComplete="off" inputClassName="app-short-input" />
      <FormRadioGroup control={control} name="safeContact.isSafeToCall" legend={t('newReferral.contact.isSafeToCall')} options={yesNoUnknown} isInline />
      <FormTextField control={control} name="safeContact.safeTimes" label={t('newReferral.contact.safeTimes')} hint={t('newReferral.contact.safeTimesHint')} autoComplete="off" />
      <FormRadioGroup control={control} name="safeContact.voicemailAllowed" legend={t('newReferral.contact.voicemail')} options={yesNoUnknown} isInline />
      <FormRadioGroup control={control} name="safeContact.smsAllowed" legend={t('newReferral.contact.sms')} options={yesNoUnknown} isInline />
      <FormSelectField control={control} name="safeContact.language" label={t('newReferral.contact.language')} options={contactLanguages.map((value) => ({ value, label: t(`languages.${value}`) }))} />
      <FormCheckboxField control={control} name="safeContact.interpreterNeeded" label={t('newReferral.contact.interpreter')} />
    </section>
  );
}

export function ChildrenSection({ control, isUnderretningAsked }: Props & { isUnderretningAsked: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="app-form-section" aria-labelledby="referral-children">
      <h2 id="referral-children">{t('newReferral.children.heading')}</h2>
      <FormRadioGroup control={control} name="childrenInHome" legend={t('newReferral.children.label')} options={useYesNoUnknown()} isInline />
      {isUnderretningAsked ? (
        <>
          <Alert variant="warning" heading={t('newReferral.children.dutyHeading')} headingLevel={3}>
            <p>{t('newReferral.children.dutyText')}</p>
          </Alert>
          <FormRadioGroup
            control={control}
            name="underretning"
            legend={t('newReferral.children.underretning')}
            options={(['sent', 'will_send', 'not_needed'] as const).map((value) => ({ value, label: t(`underretning.${value}`) }))}
          />
        </>
      ) : null}
    </section>
  );
}

export function SituationSection({ control }: Props) {
  const { t } = useTranslation();
  const situation = useWatch({ control, name: 'situation' });
  return (
    <section className="app-form-section" aria-labelledby="referral-situation">
      <h2 id="referral-situation">{t('newReferral.situation.heading')}</h2>
      <FormTextAreaField control={control} name="situation" label={t('newReferral.situation.label')} hint={t('newReferral.situation.hint', { count: 4000 - situation.length })} maxLength={4000} rows={5} />
      <FormRadioGroup
        control={control}
        name="riskLevel"
        legend={t('newReferral.situation.risk')}
        hint={t('newReferral.situation.riskHint')}
        options={(['standard', 'medium', 'high'] as const).map((value) => ({ value, label: t(`riskLevel.${value}`) }))}
        isInline
      />
    </section>
  );
}
