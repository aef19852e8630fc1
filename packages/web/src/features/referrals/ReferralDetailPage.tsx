import type { ReferralForReferrer } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useAction } from '../../api/useAction';
import { useFormat } from '../../i18n/format';
import { ActionFailed } from '../../ui/ActionFailed';
import { ActionsSection } from '../../ui/ActionsSection';
import { Alert } from '../../ui/Alert';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { TextAreaField } from '../../ui/fields';
import { SubPage } from '../../ui/SubPage';
import { SummaryList } from '../../ui/SummaryList';
import { Timeline } from '../../ui/Timeline';
import { myReferralQuery, myReferralsQuery, referralKeys, sendReferral, withdrawConsent, withdrawReferral } from './referrals.api';
import { ConsentSummary } from './ConsentSummary';
import { ReferralStatusBadge, RiskBadge } from './ReferralStatusBadge';
import { useTimeline } from './useTimeline';

/** `/referrals/:id`: the referrer's closed loop. The receiver's notes and counselling content never reach this view. */
export function ReferralDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const referral = useQuery(myReferralQuery(id));
  const heading = referral.data ? t('referralDetail.heading', { reference: referral.data.reference }) : t('referralDetail.headingLoading');
  return (
    <SubPage title={t('referralDetail.headingLoading')} heading={heading} back={{ to: '/referrals', label: t('referralDetail.back') }}>
      <Loaded query={referral}>
        {(data) => (
          <>
            <ReferralSummary referral={data} />
            <ReferrerActions key={data.id} referral={data} />
            {data.linkedReferralIds.length ? <LinkedReferrals ids={data.linkedReferralIds} /> : null}
          </>
        )}
      </Loaded>
    </SubPage>
  );
}

function ReferralSummary({ referral }: { referral: ReferralForReferrer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const timeline = useTimeline(referral.timeline);
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
      <ConsentSection referral={referral} />
      <section className="app-section" aria-labelledby="referral-timeline-heading">
        <h2 id="referral-timeline-heading">{t('referralDetail.timelineHeading')}</h2>
        {timeline.length ? <Timeline items={timeline} noteLabel={t('referral.note')} /> : <p>{t('referralDetail.timelineEmpty')}</p>}
      </section>
    </>
  );
}

function ConsentSection({ referral }: { referral: ReferralForReferrer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const consent = referral.consent;
  return (
    <section className="app-section" aria-labelledby="referral-consent-heading">
      <h2 id="referral-consent-heading">{t('referralDetail.consentHeading')}</h2>
      {consent ? (
        <>
          {consent.withdrawnAt ? (
            <Alert variant="warning" heading={t('referralDetail.consentWithdrawnHeading')} headingLevel={3}>
              <p>{t('referralDetail.consentWithdrawn', { when: format.dateTime(consent.withdrawnAt) })}</p>
            </Alert>
          ) : null}
          <ConsentSummary consent={consent} />
        </>
      ) : (
        <p>{t('referralDetail.noConsent')}</p>
      )}
    </section>
  );
}

type Change = { call: () => Promise<ReferralForReferrer>; message: string };

/** Send, withdraw, withdraw consent: what the referral's state allows. The answer replaces the referral shown. */
function useReferrerAction(referral: ReferralForReferrer) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const action = useAction((change: Change) => change.call(), {
    onStart: () => setMessage(undefined),
    onSuccess: (updated, change) => {
      queryClient.setQueryData(myReferralQuery(referral.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: referralKeys.mine() });
      setMessage(change.message);
      // The button just used often disappears with the new status; keep focus in the same place.
      heading.current?.focus();
    },
  });
  return { action, message, heading };
}

function ReferrerActions({ referral }: { referral: ReferralForReferrer }) {
  const { t } = useTranslation();
  const { action, message, heading } = useReferrerAction(referral);
  const [note, setNote] = useState('');
  const canSend = referral.allowedActions.includes('send');
  const canWithdraw = referral.allowedActions.includes('withdraw');
  const canWithdrawConsent = referral.consent !== null && referral.consent.withdrawnAt === null;
  return (
    <ActionsSection id="referral-actions-heading" heading={t('referralDetail.actionsHeading')} headingRef={heading} message={message}>
      {canSend || canWithdraw || canWithdrawConsent ? null : <p>{t('referralDetail.noActions')}</p>}
      <ActionFailed message={action.error} />
      <div className="app-button-row">
        {canSend ? (
          <button type="button" className="button button-primary" onClick={() => void action.run({ call: () => sendReferral(referral.id), message: t('referralDetail.sentMessage') })}>
            {t('newReferral.send')}
          </button>
        ) : null}
        {canWithdraw ? (
          <ConfirmButton
            label={t('referralDetail.withdraw')}
            question={t('referralDetail.withdrawQuestion')}
            confirmLabel={t('referralDetail.withdrawConfirm')}
            isBusy={action.isBusy}
            onConfirm={() => action.run({ call: () => withdrawReferral(referral.id, { note: note.trim() || undefined }), message: t('referralDetail.withdrawnMessage') })}
          >
            <TextAreaField fieldKey="withdraw.note" label={t('referralDetail.withdrawNote')} maxLength={2000} rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
          </ConfirmButton>
        ) : null}
        {canWithdrawConsent ? (
          <ConfirmButton
            label={t('referralDetail.withdrawConsent')}
            question={t('referralDetail.withdrawConsentQuestion')}
            confirmLabel={t('referralDetail.withdrawConsentConfirm')}
            isBusy={action.isBusy}
            onConfirm={() => action.run({ call: () => withdrawConsent(referral.id), message: t('referralDetail.consentWithdrawnMessage') })}
          />
        ) : null}
      </div>
    </ActionsSection>
  );
}

function LinkedReferrals({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  const mine = useQuery(myReferralsQuery);
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
