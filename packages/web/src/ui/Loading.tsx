import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="app-loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A failed load: the server's own explanation when it gave one, and a way to try again. */
export function LoadFailed({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert variant="error" heading={t('common.loadFailed')} role="alert">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button button-secondary mt-3" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </Alert>
  );
}
