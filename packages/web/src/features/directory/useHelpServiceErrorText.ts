import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOfField, type DraftError, type DraftLabels } from '../../forms/draft-errors';
import { directoryDa } from './directory.da';

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
const ruleLabels: Record<string, FieldLabel> = { byday: 'byday', opensAt: 'opensAt', closesAt: 'closesAt' };
// The Danish texts are the source of keys (the English ones are type-checked against them).
const isFieldLabel = (key: string): key is FieldLabel => Object.hasOwn(directoryDa.fields, key) && !key.endsWith('Legend');

/**
 * Turns a form error into a sentence that names its field ("Udfyld "Navn på engelsk""), so each line of the error
 * summary makes sense on its own, including the fields of the n-th phone, location or opening hours.
 */
export function useHelpServiceErrorText(): (error: DraftError) => string {
  const { t } = useTranslation();
  return useMemo(() => {
    const label = (key: FieldLabel | undefined) => (key ? t(`directory.fields.${key}`) : undefined);
    const labels: DraftLabels = {
      field: (fieldKey) => label(labelByFieldKey[fieldKey] ?? (isFieldLabel(fieldKey) ? fieldKey : undefined)),
      lists: {
        phones: { item: (number) => t('directory.fields.phoneLegend', { number }), field: (name) => label(phoneLabels[name]) },
        locations: { item: (number) => t('directory.fields.locationLegend', { number }), field: (name) => label(locationLabels[name]) },
        'schedule.rules': { item: (number) => t('directory.fields.ruleLegend', { number }), field: (name) => label(ruleLabels[name]) },
      },
      itemField: (item, field) => t('directory.itemField', { item, field }),
    };
    return (error: DraftError) => t(`directory.errors.${error.code as 'invalid'}`, { field: labelOfField(error.fieldKey, labels), maximum: error.maximum ?? 0 });
  }, [t]);
}
