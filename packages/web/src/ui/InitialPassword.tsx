import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';

/** Shown once: the server never returns this password again. It is held in component state only. */
export function InitialPassword({ name, password, onHide }: { name: string; password: string; onHide: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert">
      <Alert variant="warning" heading={t('initialPassword.heading', { name })}>
        <p>{t('initialPassword.label')}</p>
        <p className="app-password">
          <code>{password}</code>
        </p>
        <p>{t('initialPassword.warning')}</p>
        <button type="button" className="button button-secondary mt-3" onClick={onHide}>
          {t('initialPassword.hide')}
        </button>
      </Alert>
    </div>
  );
}
