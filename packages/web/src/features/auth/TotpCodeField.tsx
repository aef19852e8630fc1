import type { Control, FieldPathByValue, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormTextField } from '../../forms/fields';

/** The six-digit code from the authenticator app, as the login page and the re-authentication dialog ask for it. */
export function TotpCodeField<V extends FieldValues & { code: string }>({ control }: { control: Control<V> }) {
  const { t } = useTranslation();
  return (
    <FormTextField
      control={control}
      name={'code' as FieldPathByValue<V, string>}
      label={t('login.code')}
      hint={t('login.codeHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={7}
      spellCheck={false}
      inputClassName="app-code-input"
    />
  );
}
