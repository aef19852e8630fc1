import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';

/** "Handlingen kunne ikke udføres" and why, read out at once; nothing when there is nothing to say. */
export function ActionFailed({ message, headingLevel = 3 }: { message: string | undefined; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert variant="error" heading={t('common.actionFailed')} role="alert" headingLevel={headingLevel}>
      <p>{message}</p>
    </Alert>
  );
}
