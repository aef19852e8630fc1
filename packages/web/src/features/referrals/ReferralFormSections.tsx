import { genderHintFromCpr } from '@bro/domain';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormCheckboxField, FormRadioGroup, FormSelectField, FormTextAreaField, FormTextField } from '../../forms/fields';
import { Alert } from '../../ui/Alert';
import type { Choice } from '../../ui/fields';
import { contactLanguages, type DerivedReferral, type ReferralFormValues, type ReferralStep } from './referral-form';

/** The referral form's steps about the person, how to reach them and their situation. */
type Props = { control: Control<ReferralFormValues, unknown, unknown> };

type PersonProps = Props & { derived: DerivedReferral; onGoTo: (step: ReferralStep) => void };

/** Step 3. A plausible CPR number gives the birth year (not asked then) and may hint at the gender, never set it. */
export function PersonStep({ control, derived, onGoTo }: PersonProps) {
  const { t } = useTranslation();
  const organisation = derived.service?.organisationName ?? '';
  return (
    <>
      <FormTextField control={control} name="person.fullName" label={t('newReferral.person.fullName')} autoComplete="off" spellCheck={false} />
      <FormTextField
        control={control}
        name="person.cpr"
        label={t('newReferral.person.cpr')}
        hint={t(derived.isCprShared ? 'newReferral.person.cprShared' : 'newReferral.person.cprNotShared', { organisation })}
        autoComplete="off"
        inputMode="numeric"
        spellCheck={false}
        inputClassName="app-short-input"
      />
      <GenderHint control={control} onGoTo={onGoTo} />
      {derived.birthYearFromCpr === undefined ? (
        <FormTextField control={control} name="person.birthYear" label={t('newReferral.person.birthYear')} autoComplete="off" inputMode="numeric" maxLength={4} inputClassName="app-short-input" />
      ) : (
        <p aria-live="polite">{t('newReferral.person.birthYearFromCpr', { year: derived.birthYearFromCpr })}</p>
      )}
      <FormSelectField
        control={control}
        name="person.addressProtection"
        label={t('newReferral.person.addressProtection')}
        options={(['none', 'name_and_address', 'special', 'shelter', 'unknown'] as const).map((value) => ({ value, label: t(`addressProtection.${value}`) }))}
      />
    </>
  );
}

/** "The CPR number says a man, you chose woman": a hint with a way back to the gender, never a silent change. */
function GenderHint({ control, onGoTo }: Props & { onGoTo: (step: ReferralStep) => void }) {
  const { t } = useTranslation();
  const [cpr, gender] = useWatch({ control, name: ['person.cpr', 'person.gender'] });
  const hint = genderHintFromCpr(cpr);
  if (!hint || !gender || gender === hint || gender === 'other') return null;
  return (
    <Alert variant="info" headingLevel={3}>
      <p>
        {t(`newReferral.person.genderHint_${hint}`, { chosen: t(`gender.${gender}`) })}{' '}
        <button type="button" className="function-link" onClick={() => onGoTo('who')}>
          {t('newReferral.person.changeGender')}
        </button>
      </p>
    </Alert>
  );
}

function useYesNoUnknown(): Choice<'yes' | 'no' | 'unknown'>[] {
  const { t } = useTranslation();
  return (['yes', 'no', 'unknown'] as const).map((value) => ({ value, label: t(`yesNoUnknown.${value}`) }));
}

/** Step 4: a phone (any common way of writing it), or no phone and how to reach the person instead. */
export function ContactStep({ control }: Props) {
  const { t } = useTranslation();
  const yesNoUnknown = useYesNoUnknown();
  const hasNoPhone = useWatch({ control, name: 'safeContact.hasNoPhone' });
  return (
    <>
      {hasNoPhone ? null : (
        <FormTextField control={control} name="safeContact.phone" label={t('newReferral.contact.phone')} hint={t('newReferral.contact.phoneHint')} type="tel" inputMode="tel" autoComplete="off" inputClassName="app-short-input" />
      )}
      <FormCheckboxField control={control} name="safeContact.hasNoPhone" label={t('newReferral.contact.hasNoPhone')} />
      {hasNoPhone ? (
        <FormTextAreaField control={control} name="safeContact.otherWayToReach" label={t('newReferral.contact.otherWayToReach')} hint={t('newReferral.contact.otherWayToReachHint')} maxLength={500} rows={3} />
      ) : (
        <>
          <FormRadioGroup control={control} name="safeContact.isSafeToCall" legend={t('newReferral.contact.isSafeToCall')} options={yesNoUnknown} isInline />
          <FormTextField control={control} name="safeContact.safeTimes" label={t('newReferral.contact.safeTimes')} hint={t('newReferral.contact.safeTimesHint')} autoComplete="off" />
          <FormRadioGroup control={control} name="safeContact.voicemailAllowed" legend={t('newReferral.contact.voicemail')} options={yesNoUnknown} isInline />
          <FormRadioGroup control={control} name="safeContact.smsAllowed" legend={t('newReferral.contact.sms')} options={yesNoUnknown} isInline />
        </>
      )}
      <FormSelectField control={control} name="safeContact.language" label={t('newReferral.contact.language')} options={contactLanguages.map((value) => ({ value, label: t(`languages.${value}`) }))} />
      <FormCheckboxField control={control} name="safeContact.interpreterNeeded" label={t('newReferral.contact.interpreter')} />
    </>
  );
}

/** Step 5: the risk (no default: the deadline depends on it), children in the home and a short description. */
export function SituationStep({ control, isUnderretningAsked }: Props & { isUnderretningAsked: boolean }) {
  const { t } = useTranslation();
  const situation = useWatch({ control, name: 'situation' });
  return (
    <>
      <FormRadioGroup
        control={control}
        name="riskLevel"
        legend={t('newReferral.situation.risk')}
        hint={t('newReferral.situation.riskHint')}
        options={(['standard', 'medium', 'high'] as const).map((value) => ({ value, label: t(`riskLevel.${value}`) }))}
        isInline
      />
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
      <FormTextAreaField control={control} name="situation" label={t('newReferral.situation.label')} hint={t('newReferral.situation.hint', { count: 4000 - situation.length })} maxLength={4000} rows={4} />
    </>
  );
}
