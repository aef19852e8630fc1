import type { ReferralForReferrer } from '@bro/domain';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, sendReferral, withdrawConsent, withdrawReferral } from '../../api';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { TextAreaField } from '../../ui/fields';
import { LiveMessage } from '../../ui/LiveMessage';
import { LoadFailed, Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { SummaryList } from '../../ui/SummaryList';
import { Timeline } from '../../ui/Timeline';
import { ReferralStatusBadge, RiskBadge } from './ReferralStatusBadge';
import { useMyReferral, useMyReferrals } from './useReferrals';
import { useTimeline } from './useTimeline';

/** `/referrals/:id`: the referrer's closed loop. The receiver's notes and counselling content never reach this view. */
export function ReferralDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const referral = useMyReferral(id);

  return (
    <>
      <PageHeading>{referral.data ? t('referralDetail.heading', { reference: referral.data.reference }) : t('referralDetail.headingLoading')}</PageHeading>
      <p>
        <Link to="/referrals">{t('referralDetail.back')}</Link>
      </p>
      {referral.error ? (
        <LoadFailed message={referral.error.detail ?? t('errors.network')} onRetry={() => void referral.reload()} />
      ) : !referral.data ? (
        <Loading />
      ) : (
        <ReferralDetail key={referral.data.id} referral={referral.data} onChanged={referral.setData} />
      )}
    </>
  );
}

function ReferralDetail({ referral, onChanged }: { referral: ReferralForReferrer; onChanged: (referral: ReferralForReferrer) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const timeline = useTimeline(referral.timeline);
  const [message, setMessage] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  const [isBusy, setIsBusy] = useState(false);
  const [note, setNote] = useState('');
  const actionsHeading = useRef<HTMLHeadingElement>(null);

  const act = async (run: () => Promise<ReferralForReferrer>, doneMessage: string) => {
    setIsBusy(true);
    setActionError(undefined);
    setMessage(undefined);
    try {
      onChanged(await run());
      setMessage(doneMessage);
      // The button just used often disappears with the new status; keep focus in the same place.
      actionsHeading.current?.focus();
    } catch (error) {
      setActionError(error instanceof ApiError && error.status !== 0 ? (error.detail ?? t('errors.unexpected')) : t('errors.network'));
    } finally {
      setIsBusy(false);
    }
  };

  const consent = referral.consent;
  const canSend = referral.allowedActions.includes('send');
  const canWithdraw = referral.allowedActions.includes('withdraw');
  const canWithdrawConsent = consent !== null && consent.withdrawnAt === null;

  return (
    <>
      <SummaryList
        items={[
          { key: 'status', term: t('referral.status'), value: <ReferralStatusBadge status={referral.status} /> },
          { key: 'person', term: t('referral.person'), value: referral.personName },
          { key: 'role', term: t('referral.role'), value: t(`personRole.${referral.role}`) },
          { key: 'service', term: t('referral.service'), value: `${referral.serviceName} – ${referral.receivingOrganisationName}` },
          { key: 'risk', term: t('referral.riskLevel'), value: <RiskBadge level={referral.riskLevel} /> },
          { key: 'created', term: t('referral.createdAt'), value: format.dateTime(referral.createdAt) },
          { key: 'lastChange', term: t('referral.lastChange'), value: format.dateTime(referral.lastEventAt) },
          { key: 'firstContact', term: t('referral.firstContact'), value: referral.hasFirstContact ? t('yesNoUnknown.yes') : t('yesNoUnknown.no') },
        ]}
      />

      <section className="app-section" aria-labelledby="referral-consent-heading">
        <h2 id="referral-consent-heading">{t('referralDetail.consentHeading')}</h2>
        {consent ? (
          <>
            {consent.withdrawnAt ? (
              <Alert variant="warning" heading={t('referralDetail.consentWithdrawnHeading')} headingLevel={3}>
                <p>{t('referralDetail.consentWithdrawn', { when: format.dateTime(consent.withdrawnAt) })}</p>
              </Alert>
            ) : null}
            <SummaryList
              items={[
                { key: 'recipient', term: t('consent.recipient'), value: consent.recipientOrganisationName },
                { key: 'categories', term: t('consent.categories'), value: consent.dataCategories.map((c) => t(`consentCategory.${c}`)).join(', ') },
                { key: 'method', term: t('consent.method'), value: t(`consentMethod.${consent.method}`) },
                { key: 'obtainedAt', term: t('consent.obtainedAt'), value: format.dateTime(consent.obtainedAt) },
              ]}
            />
          </>
        ) : (
          <p>{t('referralDetail.noConsent')}</p>
        )}
      </section>

      <section className="app-section" aria-labelledby="referral-timeline-heading">
        <h2 id="referral-timeline-heading">{t('referralDetail.timelineHeading')}</h2>
        {timeline.length ? <Timeline items={timeline} noteLabel={t('referral.note')} /> : <p>{t('referralDetail.timelineEmpty')}</p>}
      </section>

      <section className="app-section" aria-labelledby="referral-actions-heading">
          <h2 id="referral-actions-heading" ref={actionsHeading} tabIndex={-1} className="app-page-heading">
            {t('referralDetail.actionsHeading')}
          </h2>
          <LiveMessage message={message} isVisible />
          {canSend || canWithdraw || canWithdrawConsent ? null : <p>{t('referralDetail.noActions')}</p>}
          {actionError ? (
            <Alert variant="error" heading={t('common.actionFailed')} role="alert" headingLevel={3}>
              <p>{actionError}</p>
            </Alert>
          ) : null}
          <div className="app-button-row">
            {canSend ? (
              <button
                type="button"
                className="button button-primary"
                onClick={() => void act(() => sendReferral(referral.id), t('referralDetail.sentMessage'))}
              >
                {t('newReferral.send')}
              </button>
            ) : null}
            {canWithdraw ? (
              <ConfirmButton
                label={t('referralDetail.withdraw')}
                question={t('referralDetail.withdrawQuestion')}
                confirmLabel={t('referralDetail.withdrawConfirm')}
                isBusy={isBusy}
                onConfirm={() => act(() => withdrawReferral(referral.id, { note: note.trim() || undefined }), t('referralDetail.withdrawnMessage'))}
              >
                <TextAreaField
                  fieldKey="withdraw.note"
                  label={t('referralDetail.withdrawNote')}
                  maxLength={2000}
                  rows={3}
                  value={note}
                  onChange={(event) => setNote(event.target.value)}
                />
              </ConfirmButton>
            ) : null}
            {canWithdrawConsent ? (
              <ConfirmButton
                label={t('referralDetail.withdrawConsent')}
                question={t('referralDetail.withdrawConsentQuestion')}
                confirmLabel={t('referralDetail.withdrawConsentConfirm')}
                isBusy={isBusy}
                onConfirm={() => act(() => withdrawConsent(referral.id), t('referralDetail.consentWithdrawnMessage'))}
              />
            ) : null}
          </div>
        </section>

      {referral.linkedReferralIds.length ? <LinkedReferrals ids={referral.linkedReferralIds} /> : null}
    </>
  );
}

function LinkedReferrals({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  const mine = useMyReferrals();
  const referenceOf = (id: string) => mine.data?.find((referral) => referral.id === id)?.reference;
  return (
    <section className="app-section" aria-labelledby="referral-linked-heading">
      <h2 id="referral-linked-heading">{t('referralDetail.linkedHeading')}</h2>
      <ul>
        {ids.map((id, index) => {
          const reference = referenceOf(id);
          return (
            <li key={id}>
              <Link to={`/referrals/${encodeURIComponent(id)}`}>
                {reference ? t('referralDetail.linkedReferral', { reference }) : t('referralDetail.linkedFallback', { number: index + 1 })}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
