import type { ReferralDraft } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import type { DraftStatus } from './useReferralDraft';

type OfferProps = { draft: ReferralDraft; onContinue: () => void; onStartOver: () => void; isBusy: boolean };

/** After a timeout, a reload or a lost connection: "you have a referral you have not sent", go on or start over. */
export function ReferralDraftOffer({ draft, onContinue, onStartOver, isBusy }: OfferProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Alert variant="info" heading={t('newReferral.draft.heading')}>
      <p>{t('newReferral.draft.text', { savedAt: format.dateTime(draft.updatedAt), expiresAt: format.dateTime(draft.expiresAt) })}</p>
      <div className="app-button-row">
        <button type="button" className="button button-primary" onClick={onContinue}>
          {t('newReferral.draft.continue')}
        </button>
        <button type="button" className="button button-secondary" onClick={onStartOver} disabled={isBusy}>
          {t('newReferral.draft.startOver')}
        </button>
      </div>
    </Alert>
  );
}

/** Under the form: when the draft was last saved, or that it could not be (the referral can still be sent). */
export function DraftStatusLine({ status }: { status: DraftStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <p className="form-hint" aria-live="polite">
      {status.state === 'saved' ? t('newReferral.draft.saved', { at: format.dateTime(status.at) }) : status.state === 'failed' ? t('newReferral.draft.failed') : null}
    </p>
  );
}
