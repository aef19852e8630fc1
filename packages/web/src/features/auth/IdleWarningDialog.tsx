import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../ui/ModalDialog';
import { useSession } from './useSession';

/**
 * Shortly before an idle session ends: a modal in the middle of the screen, wherever the person has scrolled to (on
 * a phone the long referral form put a warning at the top of the page far out of sight). Its button, Escape, or
 * any input (which sends a heartbeat) keeps the session.
 */
export function IdleWarningDialog() {
  const { t } = useTranslation();
  const { session, isIdleWarningShown, refresh } = useSession();
  if (!session || !isIdleWarningShown) return null;
  // A refresh that fails on the network leaves the warning up, so the person can try again; a 401 signs out.
  const stay = () => void refresh().catch(() => undefined);
  return (
    <ModalDialog
      role="alertdialog"
      heading={t('shell.idleHeading')}
      onEscape={stay}
      actions={
        <button type="button" className="button button-primary" onClick={stay}>
          {t('shell.idleStay')}
        </button>
      }
    >
      <p>{t('shell.idleText')}</p>
    </ModalDialog>
  );
}
