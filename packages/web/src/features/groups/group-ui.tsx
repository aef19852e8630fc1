import { ApiError } from '../../api/client';
import { actionErrorText } from '../../api/error-text';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert';

/** A failed group request in words: the field problems the groups pages know, else the server's own explanation. */
function groupErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    const known = error.fieldErrors.map((problem) => t(`groups.errors.${problem.message}`, { defaultValue: '' })).filter((text) => text !== '');
    if (known.length > 0) return known.join(' ');
  }
  return actionErrorText(error, t);
}

export function ErrorText({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert variant="error" role="alert" headingLevel={3}>
      {groupErrorText(error, t)}
    </Alert>
  );
}

export function Saved({ text }: { text: string | undefined }) {
  return (
    <p role="status" className="app-group-status">
      {text ?? ''}
    </p>
  );
}
