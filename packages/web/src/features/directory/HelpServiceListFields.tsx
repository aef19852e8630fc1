import { Weekday } from '@bro/domain';
import { useMemo, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, CheckboxGroup, RadioGroup, TextField, fieldDomId } from '../../ui/fields';
import { emptyLocation, emptyPhone, emptyRule, type DraftUpdate, type HelpServiceDraft, type LocationDraft, type PhoneDraft, type RuleDraft } from './help-service-form';
import { ItemFrame, updateItem, useFocusAfterRender } from '../../ui/repeatable-list';

type ListProps = { draft: HelpServiceDraft; errors: Record<string, string>; onChange: DraftUpdate };

export function PhoneFields({ draft, errors, onChange }: ListProps) {
  const { t } = useTranslation();
  const focusLater = useFocusAfterRender();
  const change = (index: number, key: Exclude<keyof PhoneDraft, 'key'>) => (event: ChangeEvent<HTMLInputElement>) =>
    onChange((current) => ({ ...current, phones: updateItem(current.phones, index, (phone) => ({ ...phone, [key]: event.target.value })) }));

  return (
    <div className="app-directory-list">
      <h3>{t('directory.fields.phones')}</h3>
      {draft.phones.map((phone, index) => {
        const prefix = `phones.${index}`;
        const number = index + 1;
        return (
          <ItemFrame
            className="app-directory-item"
            key={phone.key}
            legend={t('directory.fields.phoneLegend', { number })}
            removeLabel={t('directory.removePhone', { number })}
            onRemove={() => {
              onChange((current) => ({ ...current, phones: current.phones.filter((_, position) => position !== index) }));
              focusLater('phones');
            }}
          >
            <TextField fieldKey={`${prefix}.number`} label={t('directory.fields.phoneNumber')} type="tel" inputMode="tel" autoComplete="off" inputClassName="app-short-input" value={phone.number} error={errors[`${prefix}.number`]} onChange={change(index, 'number')} />
            <TextField fieldKey={`${prefix}.descriptionDa`} label={t('directory.fields.phoneDescriptionDa')} autoComplete="off" maxLength={200} value={phone.descriptionDa} error={errors[`${prefix}.descriptionDa`]} onChange={change(index, 'descriptionDa')} />
            <TextField fieldKey={`${prefix}.descriptionEn`} label={t('directory.fields.phoneDescriptionEn')} autoComplete="off" maxLength={200} value={phone.descriptionEn} error={errors[`${prefix}.descriptionEn`]} onChange={change(index, 'descriptionEn')} />
          </ItemFrame>
        );
      })}
      <AddButton
        fieldKey="phones"
        label={t('directory.addPhone')}
        error={errors.phones}
        onAdd={() => {
          onChange((current) => ({ ...current, phones: [...current.phones, emptyPhone()] }));
          focusLater(`phones.${draft.phones.length}.number`);
        }}
      />
    </div>
  );
}

export function RuleFields({ draft, errors, onChange }: ListProps) {
  const { t, i18n } = useTranslation();
  const dayNames = useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'da-DK', { weekday: 'long', timeZone: 'UTC' });
    // 1 January 2024 was a Monday, and Weekday.options is Monday-first.
    return Weekday.options.map((day, index) => ({ value: day, label: format.format(new Date(Date.UTC(2024, 0, 1 + index))) }));
  }, [i18n.resolvedLanguage]);
  const focusLater = useFocusAfterRender();
  const update = (index: number, change: (rule: RuleDraft) => RuleDraft) => onChange((current) => ({ ...current, rules: updateItem(current.rules, index, change) }));

  return (
    <div className="app-directory-list">
      <h3>{t('directory.fields.rules')}</h3>
      <p className="form-hint">{t('directory.fields.rulesHint')}</p>
      {draft.rules.map((rule, index) => {
        const prefix = `schedule.rules.${index}`;
        const number = index + 1;
        return (
          <ItemFrame
            className="app-directory-item"
            key={rule.key}
            legend={t('directory.fields.ruleLegend', { number })}
            removeLabel={t('directory.removeRule', { number })}
            onRemove={() => {
              onChange((current) => ({ ...current, rules: current.rules.filter((_, position) => position !== index) }));
              focusLater('schedule.rules');
            }}
          >
            <CheckboxGroup<Weekday>
              fieldKey={`${prefix}.byday`}
              legend={t('directory.fields.byday')}
              options={dayNames}
              values={rule.byday}
              error={errors[`${prefix}.byday`]}
              onChange={(values) => update(index, (current) => ({ ...current, byday: values }))}
            />
            <TextField fieldKey={`${prefix}.opensAt`} label={t('directory.fields.opensAt')} type="time" inputClassName="app-short-input" value={rule.opensAt} error={errors[`${prefix}.opensAt`]} onChange={(event) => update(index, (current) => ({ ...current, opensAt: event.target.value }))} />
            <TextField
              fieldKey={`${prefix}.closesAt`}
              label={t('directory.fields.closesAt')}
              hint={t('directory.fields.timeHint')}
              type="time"
              inputClassName="app-short-input"
              value={rule.closesAt}
              error={errors[`${prefix}.closesAt`]}
              onChange={(event) => update(index, (current) => ({ ...current, closesAt: event.target.value }))}
            />
          </ItemFrame>
        );
      })}
      <AddButton
        fieldKey="schedule.rules"
        label={t('directory.addRule')}
        error={errors['schedule.rules']}
        onAdd={() => {
          onChange((current) => ({ ...current, rules: [...current.rules, emptyRule()] }));
          focusLater(`schedule.rules.${draft.rules.length}.byday`);
        }}
      />
    </div>
  );
}

export function LocationFields({ draft, errors, onChange }: ListProps) {
  const { t } = useTranslation();
  const focusLater = useFocusAfterRender();
  const update = (index: number, change: Partial<LocationDraft>) =>
    onChange((current) => ({ ...current, locations: updateItem(current.locations, index, (location) => ({ ...location, ...change })) }));
  const text = (index: number, location: LocationDraft, key: 'nameDa' | 'nameEn' | 'nameAr' | 'addressLine' | 'postalCode' | 'city' | 'municipalityCode' | 'confidentialAddress') => ({
    fieldKey: `locations.${index}.${key}`,
    value: location[key],
    error: errors[`locations.${index}.${key}`],
    autoComplete: 'off',
    onChange: (event: ChangeEvent<HTMLInputElement>) => update(index, { [key]: event.target.value }),
  });

  return (
    <div className="app-directory-list">
      <h3>{t('directory.fields.locations')}</h3>
      {draft.locations.map((location, index) => {
        const number = index + 1;
        return (
          <ItemFrame
            className="app-directory-item"
            key={location.key}
            legend={t('directory.fields.locationLegend', { number })}
            removeLabel={t('directory.removeLocation', { number })}
            onRemove={() => {
              onChange((current) => ({ ...current, locations: current.locations.filter((_, position) => position !== index) }));
              focusLater('locations');
            }}
          >
            <TextField {...text(index, location, 'nameDa')} label={t('directory.fields.locationNameDa')} maxLength={200} />
            <TextField {...text(index, location, 'nameEn')} label={t('directory.fields.locationNameEn')} maxLength={200} />
            <TextField {...text(index, location, 'nameAr')} lang="ar" dir="rtl" label={t('directory.fields.locationNameAr')} maxLength={200} />
            <RadioGroup<'physical' | 'virtual'>
              fieldKey={`locations.${index}.locationType`}
              legend={t('directory.fields.locationType')}
              options={[
                { value: 'physical', label: t('directory.fields.physical') },
                { value: 'virtual', label: t('directory.fields.virtual') },
              ]}
              value={location.locationType}
              isInline
              onChange={(value) => update(index, { locationType: value })}
            />
            <CheckboxField
              fieldKey={`locations.${index}.isConfidential`}
              label={t('directory.fields.isConfidential')}
              hint={t('directory.fields.isConfidentialHint')}
              isChecked={location.isConfidential}
              error={errors[`locations.${index}.isConfidential`]}
              onChange={(isChecked) => update(index, { isConfidential: isChecked })}
            />
            {location.isConfidential ? (
              <TextField {...text(index, location, 'confidentialAddress')} label={t('directory.fields.confidentialAddress')} hint={t('directory.fields.confidentialAddressHint')} maxLength={500} />
            ) : (
              <>
                <TextField {...text(index, location, 'addressLine')} label={t('directory.fields.addressLine')} maxLength={200} />
                <TextField {...text(index, location, 'postalCode')} label={t('directory.fields.postalCode')} inputMode="numeric" maxLength={4} inputClassName="app-short-input" />
              </>
            )}
            <TextField {...text(index, location, 'city')} label={t('directory.fields.city')} maxLength={100} />
            <TextField {...text(index, location, 'municipalityCode')} label={t('directory.fields.municipalityCode')} inputMode="numeric" maxLength={3} inputClassName="app-short-input" />
          </ItemFrame>
        );
      })}
      <AddButton
        fieldKey="locations"
        label={t('directory.addLocation')}
        error={errors.locations}
        onAdd={() => {
          onChange((current) => ({ ...current, locations: [...current.locations, emptyLocation()] }));
          focusLater(`locations.${draft.locations.length}.nameDa`);
        }}
      />
    </div>
  );
}

/** The "add" button carries the list's field id, so an error about the list as a whole links to it. */
function AddButton({ fieldKey, label, error, onAdd }: { fieldKey: string; label: string; error: string | undefined; onAdd: () => void }) {
  const domId = fieldDomId(fieldKey);
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      {error ? (
        <span className="form-error-message" id={`${domId}-error`}>
          {error}
        </span>
      ) : null}
      <button type="button" id={domId} className="button button-secondary" onClick={onAdd} aria-describedby={error ? `${domId}-error` : undefined}>
        {label}
      </button>
    </div>
  );
}
