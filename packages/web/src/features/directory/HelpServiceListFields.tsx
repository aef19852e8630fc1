import { Weekday } from '@bro/domain';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormCheckboxField, FormCheckboxGroup, FormComboboxField, FormRadioGroup, FormTextField } from '../../forms/fields';
import { RepeatableRows } from '../../forms/RepeatableRows';
import { emptyLocation, emptyPhone, emptyRule, type DraftControl } from './help-service-form';
import { municipalityOptions } from '../../ui/reference-data';

export function PhoneFields({ control }: DraftControl) {
  const { t } = useTranslation();
  return (
    <div className="app-directory-list">
      <h3>{t('directory.fields.phones')}</h3>
      <RepeatableRows
        control={control}
        name="phones"
        legend={(number) => t('directory.fields.phoneLegend', { number })}
        removeLabel={(number) => t('directory.removePhone', { number })}
        addLabel={t('directory.addPhone')}
        newRow={emptyPhone}
        firstField="number"
      >
        {(index) => (
          <>
            <FormTextField control={control} name={`phones.${index}.number`} label={t('directory.fields.phoneNumber')} type="tel" inputMode="tel" autoComplete="off" inputClassName="app-short-input" />
            <FormTextField control={control} name={`phones.${index}.descriptionDa`} label={t('directory.fields.phoneDescriptionDa')} autoComplete="off" maxLength={200} />
            <FormTextField control={control} name={`phones.${index}.descriptionEn`} label={t('directory.fields.phoneDescriptionEn')} autoComplete="off" maxLength={200} />
          </>
        )}
      </RepeatableRows>
    </div>
  );
}

/** The weekdays in the staff app's language, Monday first (1 January 2024 was a Monday, and Weekday.options is Monday-first). */
function useDayNames() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'da-DK', { weekday: 'long', timeZone: 'UTC' });
    return Weekday.options.map((day, index) => ({ value: day, label: format.format(new Date(Date.UTC(2024, 0, 1 + index))) }));
  }, [i18n.resolvedLanguage]);
}

/** Opening hours: the rows are `rules` in the draft and `schedule.rules` in the request (and its errors). */
export function RuleFields({ control }: DraftControl) {
  const { t } = useTranslation();
  const dayNames = useDayNames();
  return (
    <div className="app-directory-list">
      <h3>{t('directory.fields.rules')}</h3>
      <p className="form-hint">{t('directory.fields.rulesHint')}</p>
      <RepeatableRows
        control={control}
        name="rules"
        fieldKey="schedule.rules"
        legend={(number) => t('directory.fields.ruleLegend', { number })}
        removeLabel={(number) => t('directory.removeRule', { number })}
        addLabel={t('directory.addRule')}
        newRow={emptyRule}
        firstField="byday"
      >
        {(index) => (
          <>
            <FormCheckboxGroup control={control} name={`rules.${index}.byday`} fieldKey={`schedule.rules.${index}.byday`} legend={t('directory.fields.byday')} options={dayNames} />
            <FormTextField control={control} name={`rules.${index}.opensAt`} fieldKey={`schedule.rules.${index}.opensAt`} label={t('directory.fields.opensAt')} type="time" inputClassName="app-short-input" />
            <FormTextField
              control={control}
              name={`rules.${index}.closesAt`}
              fieldKey={`schedule.rules.${index}.closesAt`}
              label={t('directory.fields.closesAt')}
              hint={t('directory.fields.timeHint')}
              type="time"
              inputClassName="app-short-input"
            />
          </>
        )}
      </RepeatableRows>
    </div>
  );
}

export function LocationFields({ control }: DraftControl) {
  const { t } = useTranslation();
  return (
    <div className="app-directory-list">
      <h3>{t('directory.fields.locations')}</h3>
      <RepeatableRows
        control={control}
        name="locations"
        legend={(number) => t('directory.fields.locationLegend', { number })}
        removeLabel={(number) => t('directory.removeLocation', { number })}
        addLabel={t('directory.addLocation')}
        newRow={emptyLocation}
        firstField="nameDa"
      >
        {(index) => <LocationRow control={control} index={index} />}
      </RepeatableRows>
    </div>
  );
}

/** One place: a confidential one (a shelter) has only a hidden address, never a public one. */
function LocationRow({ control, index }: DraftControl & { index: number }) {
  const { t } = useTranslation();
  const isConfidential = useWatch({ control, name: `locations.${index}.isConfidential` });
  const at = `locations.${index}` as const;
  const text = { control, autoComplete: 'off' } as const;
  return (
    <>
      <FormTextField {...text} name={`${at}.nameDa`} label={t('directory.fields.locationNameDa')} maxLength={200} />
      <FormTextField {...text} name={`${at}.nameEn`} label={t('directory.fields.locationNameEn')} maxLength={200} />
      <FormTextField {...text} name={`${at}.nameAr`} lang="ar" dir="rtl" label={t('directory.fields.locationNameAr')} maxLength={200} />
      <FormRadioGroup
        control={control}
        name={`${at}.locationType`}
        legend={t('directory.fields.locationType')}
        options={[
          { value: 'physical', label: t('directory.fields.physical') },
          { value: 'virtual', label: t('directory.fields.virtual') },
        ]}
        isInline
      />
      <FormCheckboxField control={control} name={`${at}.isConfidential`} label={t('directory.fields.isConfidential')} hint={t('directory.fields.isConfidentialHint')} />
      {isConfidential ? (
        <FormTextField {...text} name={`${at}.confidentialAddress`} label={t('directory.fields.confidentialAddress')} hint={t('directory.fields.confidentialAddressHint')} maxLength={500} />
      ) : (
        <>
          <FormTextField {...text} name={`${at}.addressLine`} label={t('directory.fields.addressLine')} maxLength={200} />
          <FormTextField {...text} name={`${at}.postalCode`} label={t('directory.fields.postalCode')} inputMode="numeric" maxLength={4} inputClassName="app-short-input" />
        </>
      )}
      <FormTextField {...text} name={`${at}.city`} label={t('directory.fields.city')} maxLength={100} />
      <FormComboboxField control={control} name={`${at}.municipalityCode`} label={t('directory.fields.municipalityCode')} options={municipalityOptions} />
    </>
  );
}
