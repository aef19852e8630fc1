import type { ChangeValue } from '@bro/domain';
import type { TFunction } from 'i18next';
import { languageName, municipalityName } from '../../ui/reference-data';

/** The directory form's label key of a leaf field, by the list or group it is in (`locations.0.nameDa` → `locationNameDa`). */
function labelKey(parts: readonly string[]): string {
  const leaf = parts.at(-1) ?? '';
  const capitalised = leaf.charAt(0).toUpperCase() + leaf.slice(1);
  switch (parts[0]) {
    case 'locations':
      return leaf.startsWith('name') ? `location${capitalised}` : leaf;
    case 'phones':
      return leaf === 'number' ? 'phoneNumber' : `phone${capitalised}`;
    case 'capacity':
      return `capacity${capitalised}`;
    case 'schedule':
      return leaf.startsWith('note') ? `schedule${capitalised}` : leaf;
    default:
      return leaf;
  }
}

/** A changed field's name as the directory form calls it, with the place in its list: "By (sted 2)". */
export function fieldLabel(t: TFunction, field: string): string {
  const parts = field.split('.');
  if (field === 'referralServiceId') return t('approvals.referralService');
  const key = `directory.fields.${labelKey(parts.filter((part) => !/^\d+$/.test(part)))}`;
  const label = t(key as 'directory.fields.status', { defaultValue: field });
  const index = parts.find((part) => /^\d+$/.test(part));
  return index === undefined ? label : `${label} (${Number(index) + 1})`;
}

/** Reference data by name, never by code: municipalities ("Københavns Kommune") and languages ("Dansk"). */
function nameOf(field: string, code: string, locale: string): string {
  if (field === 'languages') return languageName(code, locale);
  if (field === 'serviceArea.municipalityCodes' || /^locations\.\d+\.municipalityCode$/.test(field)) return municipalityName(code);
  return code;
}

/** A value in words: yes/no, lists with the directory's vocabulary, reference data by name, a secret never shown. */
export function valueText(t: TFunction, field: string, value: ChangeValue, locale = 'da-DK'): string {
  if (value === null || value === '') return t('approvals.empty_value');
  if (typeof value === 'boolean') return value ? t('approvals.yes') : t('approvals.no');
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (field === 'targetGroups') return value.map((item) => t(`directory.targetGroup.${item}` as 'directory.targetGroup.women', { defaultValue: item })).join(', ');
    if (field === 'channels') return value.map((item) => t(`directory.channel.${item}` as 'directory.channel.phone', { defaultValue: item })).join(', ');
    return value.length === 0 ? t('approvals.empty_value') : value.map((item) => nameOf(field, String(item), locale)).join(', ');
  }
  if (typeof value === 'object') return t('approvals.secret');
  if (field === 'status') return t(`directory.statusLabel.${value}` as 'directory.statusLabel.active', { defaultValue: value });
  return nameOf(field, value, locale);
}
