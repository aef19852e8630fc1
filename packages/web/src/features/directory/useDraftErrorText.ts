import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { directoryDa } from './directory.da';
import type { DraftError } from './help-service-form';

/** A field's label; the legends of list rows take a number and are composed separately. */
type FieldLabel = Exclude<keyof typeof directoryDa.fields, 'phoneLegend' | 'locationLegend' | 'ruleLegend'>;

/** Field keys (request paths) whose label has another name in the dictionary. */
const labelByFieldKey: Record<string, FieldLabel> = {
  'schedule.isOpen24Hours': 'isOpen24Hours',
  'schedule.rules': 'rules',
  'schedule.noteDa': 'scheduleNoteDa',
  'schedule.noteEn': 'scheduleNoteEn',
  'serviceArea.isNational': 'isNational',
  'serviceArea.municipalityCodes': 'municipalityCodes',
  capacity: 'hasCapacity',
  'capacity.available': 'capacityAvailable',
  'capacity.maximum': 'capacityMaximum',
  'capacity.unit': 'capacityUnit',
};

const phoneLabels: Record<string, FieldLabel> = { number: 'phoneNumber', descriptionDa: 'phoneDescriptionDa', descriptionEn: 'phoneDescriptionEn' };
const locationLabels: Record<string, FieldLabel> = {
  nameDa: 'locationNameDa',
  nameEn: 'locationNameEn',
  nameAr: 'locationNameAr',
  locationType: 'locationType',
  isConfidential: 'isConfidential',
  addressLine: 'addressLine',
  postalCode: 'postalCode',
  city: 'city',
  municipalityCode: 'municipalityCode',
  confidentialAddress: 'confidentialAddress',
  // Coordinates are not edited in the form; a problem with them is reported on the address.
  latitude: 'addressLine',
  longitude: 'addressLine',
};
// The Danish texts are the source of keys (the English ones are type-checked against them).
const isFieldLabel = (key: string): key is FieldLabel => Object.hasOwn(directoryDa.fields, key) && !key.endsWith('Legend');
const ruleLabels: Record<string, FieldLabel> = { byday: 'byday', opensAt: 'opensAt', closesAt: 'closesAt' };

/**
 * Turns a form error into a sentence that names its field ("Udfyld "Navn på engelsk""), so each line of the error
 * summary makes sense on its own, including the fields of the n-th phone, location or opening hours.
 */
export function useDraftErrorText(): (error: DraftError) => string {
  const { t } = useTranslation();
  const label = useCallback(
    (fieldKey: string): string => {
      const item = /^(phones|locations|schedule\.rules)\.(\d+)\.(\w+)$/.exec(fieldKey);
      if (item) {
        const [, list, index, field = ''] = item;
        const number = Number(index) + 1;
        const [itemLabel, fieldLabel] =
          list === 'phones'
            ? [t('directory.fields.phoneLegend', { number }), phoneLabels[field]]
            : list === 'locations'
              ? [t('directory.fields.locationLegend', { number }), locationLabels[field]]
              : [t('directory.fields.ruleLegend', { number }), ruleLabels[field]];
        return fieldLabel ? t('directory.itemField', { item: itemLabel, field: t(`directory.fields.${fieldLabel}`) }) : itemLabel;
      }
      const direct = labelByFieldKey[fieldKey] ?? (isFieldLabel(fieldKey) ? fieldKey : undefined);
      return direct ? t(`directory.fields.${direct}`) : fieldKey;
    },
    [t],
  );
  return useCallback((error: DraftError) => t(`directory.errors.${error.code}`, { field: label(error.fieldKey), maximum: error.maximum ?? 0 }), [t, label]);
}

