import { Channel, HelpServiceStatus, TargetGroup } from '@bro/domain';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, CheckboxGroup, RadioGroup, TextAreaField, TextField } from '../../ui/fields';
import type { DraftUpdate, HelpServiceDraft } from './help-service-form';
import { LocationFields, PhoneFields, RuleFields } from './HelpServiceListFields';

type TextKey = { [K in keyof HelpServiceDraft]: HelpServiceDraft[K] extends string ? K : never }[keyof HelpServiceDraft];

type FieldsProps = { draft: HelpServiceDraft; errors: Record<string, string>; onChange: DraftUpdate };

/**
 * Every field of a listing, grouped as the public page reads (name, how to get in touch, who, when, where). Field
 * keys are the request's paths, so the error summary, the server's field errors and the DOM ids all agree.
 */
export function HelpServiceFields({ draft, errors, onChange }: FieldsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof HelpServiceDraft>(key: K, value: HelpServiceDraft[K]) => onChange((current) => ({ ...current, [key]: value }));
  /** Props of a text input bound to a draft field, under the field key the request (and the server) uses. */
  const bind = (key: TextKey, fieldKey: string = key) => ({
    fieldKey,
    value: draft[key],
    error: errors[fieldKey],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, event.target.value),
  });
  const arabic = { lang: 'ar', dir: 'rtl', hint: t('directory.arabicHint') } as const;

  return (
    <>
      <section className="app-form-section" aria-labelledby="directory-basics">
        <h2 id="directory-basics">{t('directory.sections.basics')}</h2>
        <TextField {...bind('slug')} label={t('directory.fields.slug')} hint={t('directory.fields.slugHint')} autoComplete="off" spellCheck={false} inputClassName="app-short-input" maxLength={80} />
        <RadioGroup
          fieldKey="status"
          legend={t('directory.fields.status')}
          options={HelpServiceStatus.options.map((value) => ({ value, label: t(`directory.statusLabel.${value}`), hint: t(`directory.statusHint.${value}`) }))}
          value={draft.status}
          error={errors.status}
          onChange={(value) => set('status', value)}
        />
      </section>

      <section className="app-form-section" aria-labelledby="directory-texts">
        <h2 id="directory-texts">{t('directory.sections.texts')}</h2>
        <TextField {...bind('nameDa')} label={t('directory.fields.nameDa')} autoComplete="off" maxLength={200} />
        <TextField {...bind('nameEn')} label={t('directory.fields.nameEn')} autoComplete="off" maxLength={200} />
        <TextField {...bind('nameAr')} {...arabic} label={t('directory.fields.nameAr')} autoComplete="off" maxLength={200} />
        <TextAreaField {...bind('descriptionDa')} label={t('directory.fields.descriptionDa')} hint={t('directory.fields.descriptionHint')} rows={5} maxLength={4000} />
        <TextAreaField {...bind('descriptionEn')} label={t('directory.fields.descriptionEn')} rows={5} maxLength={4000} />
        <TextAreaField {...bind('descriptionAr')} {...arabic} label={t('directory.fields.descriptionAr')} rows={5} maxLength={4000} />
      </section>

      <section className="app-form-section" aria-labelledby="directory-contact">
        <h2 id="directory-contact">{t('directory.sections.contact')}</h2>
        <TextAreaField {...bind('howToContactDa')} label={t('directory.fields.howToContactDa')} hint={t('directory.fields.howToContactHint')} rows={4} maxLength={2000} />
        <TextAreaField {...bind('howToContactEn')} label={t('directory.fields.howToContactEn')} rows={4} maxLength={2000} />
        <TextAreaField {...bind('howToContactAr')} {...arabic} label={t('directory.fields.howToContactAr')} rows={4} maxLength={2000} />
        <CheckboxGroup<Channel>
          fieldKey="channels"
          legend={t('directory.fields.channels')}
          options={Channel.options.map((value) => ({ value, label: t(`directory.channel.${value}`) }))}
          values={draft.channels}
          error={errors.channels}
          onChange={(values) => set('channels', values)}
        />
        <CheckboxField
          fieldKey="isAnonymousContactOffered"
          label={t('directory.fields.isAnonymousContactOffered')}
          isChecked={draft.isAnonymousContactOffered}
          error={errors.isAnonymousContactOffered}
          onChange={(isChecked) => set('isAnonymousContactOffered', isChecked)}
        />
        <PhoneFields draft={draft} errors={errors} onChange={onChange} />
        <TextField {...bind('email')} label={t('directory.fields.email')} type="email" autoComplete="off" spellCheck={false} maxLength={200} />
        <TextField {...bind('websiteUrl')} label={t('directory.fields.websiteUrl')} hint={t('directory.fields.websiteHint')} type="url" autoComplete="off" spellCheck={false} maxLength={500} />
      </section>

      <section className="app-form-section" aria-labelledby="directory-who">
        <h2 id="directory-who">{t('directory.sections.who')}</h2>
        <CheckboxGroup<TargetGroup>
          fieldKey="targetGroups"
          legend={t('directory.fields.targetGroups')}
          options={TargetGroup.options.map((value) => ({ value, label: t(`directory.targetGroup.${value}`) }))}
          values={draft.targetGroups}
          error={errors.targetGroups}
          onChange={(values) => set('targetGroups', values)}
        />
        <TextAreaField {...bind('eligibilityDa')} label={t('directory.fields.eligibilityDa')} rows={3} maxLength={2000} />
        <TextAreaField {...bind('eligibilityEn')} label={t('directory.fields.eligibilityEn')} rows={3} maxLength={2000} />
        <TextField {...bind('minimumAge')} label={t('directory.fields.minimumAge')} inputMode="numeric" autoComplete="off" maxLength={3} inputClassName="app-short-input" />
        <TextField {...bind('maximumAge')} label={t('directory.fields.maximumAge')} inputMode="numeric" autoComplete="off" maxLength={3} inputClassName="app-short-input" />
        <TextField {...bind('languages')} label={t('directory.fields.languages')} hint={t('directory.fields.languagesHint')} autoComplete="off" spellCheck={false} inputClassName="app-short-input" />
        <CheckboxField fieldKey="isFreeOfCharge" label={t('directory.fields.isFreeOfCharge')} isChecked={draft.isFreeOfCharge} error={errors.isFreeOfCharge} onChange={(isChecked) => set('isFreeOfCharge', isChecked)} />
      </section>

      <section className="app-form-section" aria-labelledby="directory-hours">
        <h2 id="directory-hours">{t('directory.sections.hours')}</h2>
        <CheckboxField
          fieldKey="schedule.isOpen24Hours"
          label={t('directory.fields.isOpen24Hours')}
          isChecked={draft.isOpen24Hours}
          error={errors['schedule.isOpen24Hours']}
          onChange={(isChecked) => set('isOpen24Hours', isChecked)}
        />
        {draft.isOpen24Hours ? null : <RuleFields draft={draft} errors={errors} onChange={onChange} />}
        <TextAreaField {...bind('scheduleNoteDa', 'schedule.noteDa')} label={t('directory.fields.scheduleNoteDa')} rows={2} maxLength={500} />
        <TextAreaField {...bind('scheduleNoteEn', 'schedule.noteEn')} label={t('directory.fields.scheduleNoteEn')} rows={2} maxLength={500} />
      </section>

      <section className="app-form-section" aria-labelledby="directory-where">
        <h2 id="directory-where">{t('directory.sections.where')}</h2>
        <RadioGroup<'national' | 'selected'>
          fieldKey="serviceArea.isNational"
          legend={t('directory.fields.isNational')}
          options={[
            { value: 'national', label: t('directory.fields.national') },
            { value: 'selected', label: t('directory.fields.selectedMunicipalities') },
          ]}
          value={draft.isNational ? 'national' : 'selected'}
          error={errors['serviceArea.isNational']}
          onChange={(value) => set('isNational', value === 'national')}
        />
        {draft.isNational ? null : (
          <TextField
            {...bind('municipalityCodes', 'serviceArea.municipalityCodes')}
            label={t('directory.fields.municipalityCodes')}
            hint={t('directory.fields.municipalityCodesHint')}
            autoComplete="off"
            inputMode="numeric"
          />
        )}
        <LocationFields draft={draft} errors={errors} onChange={onChange} />
      </section>

      <section className="app-form-section" aria-labelledby="directory-capacity">
        <h2 id="directory-capacity">{t('directory.sections.capacity')}</h2>
        <CheckboxField fieldKey="capacity" label={t('directory.fields.hasCapacity')} isChecked={draft.hasCapacity} error={errors.capacity} onChange={(isChecked) => set('hasCapacity', isChecked)} />
        {draft.hasCapacity ? (
          <>
            <TextField {...bind('capacityAvailable', 'capacity.available')} label={t('directory.fields.capacityAvailable')} inputMode="numeric" autoComplete="off" inputClassName="app-short-input" />
            <TextField {...bind('capacityMaximum', 'capacity.maximum')} label={t('directory.fields.capacityMaximum')} inputMode="numeric" autoComplete="off" inputClassName="app-short-input" />
            <TextField {...bind('capacityUnit', 'capacity.unit')} label={t('directory.fields.capacityUnit')} hint={t('directory.fields.capacityUnitHint')} autoComplete="off" maxLength={50} inputClassName="app-short-input" />
          </>
        ) : null}
      </section>
    </>
  );
}
