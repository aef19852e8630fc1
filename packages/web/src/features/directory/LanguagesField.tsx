import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormMultiComboboxField } from '../../forms/fields';
import type { DraftControl } from './help-service-form';
import { languageOptions } from '../../ui/reference-data';

/** The languages a listing offers, picked by name in the staff app's language ("Dansk", "Arabisk"); stored as codes. */
export function LanguagesField({ control }: DraftControl) {
  const { t, i18n } = useTranslation();
  const held = useWatch({ control, name: 'languages' });
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'da-DK';
  // A language the listing holds that is not among the common ones is still named (and can be removed).
  const heldKey = held.join(',');
  const options = useMemo(() => languageOptions(locale, heldKey ? heldKey.split(',') : []), [locale, heldKey]);
  return <FormMultiComboboxField control={control} name="languages" label={t('directory.fields.languages')} hint={t('directory.fields.languagesHint')} options={options} />;
}
