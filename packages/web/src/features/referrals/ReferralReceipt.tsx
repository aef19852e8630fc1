import type { ReferralForReferrer } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { PageHeading } from '../../ui/PageHeading';
import { SummaryList } from '../../ui/SummaryList';
import { useHasPermission } from '../auth/useSession';
import type { SentAnswers } from './ReferralForm';
import { ReferralStatusBadge } from './ReferralStatusBadge';

/** The receipt: the reference, and what happens next: who contacts the person, by when, and the duty about children. */
export function ReferralReceipt({ referral, answers }: { referral: ReferralForReferrer; answers: SentAnswers }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const canTrack = useHasPermission('referral:track');
  const who = { service: referral.serviceName, organisation: referral.receivingOrganisationName };
  return (
    <>
      <PageHeading>{referral.status === 'draft' ? t('newReferral.sent.draftHeading') : t('newReferral.sent.heading')}</PageHeading>
      <Alert variant="success" heading={t('newReferral.sent.alertHeading', { reference: referral.reference })} role="status">
        <p>{t('newReferral.sent.text', who)}</p>
      </Alert>
      <h2>{t('newReferral.sent.nextHeading')}</h2>
      <p className="font-lead">{referral.dueAt ? t('newReferral.sent.nextContactBy', { ...who, dueAt: format.dateTime(referral.dueAt) }) : t('newReferral.sent.nextContact', who)}</p>
      <UnderretningReminder answers={answers} />
      <p>{t('newReferral.sent.nextFollow')}</p>
      <SummaryList
        items={[
          { key: 'reference', term: t('referral.reference'), value: referral.reference },
          { key: 'status', term: t('referral.status'), value: <ReferralStatusBadge status={referral.status} /> },
          { key: 'person', term: t('referral.person'), value: referral.personName },
          { key: 'service', term: t('referral.service'), value: `${referral.serviceName} – ${referral.receivingOrganisationName}` },
        ]}
      />
      <div className="app-button-row">
        <button type="button" className="button button-primary" onClick={() => void navigate(`/referrals/new?linkedTo=${encodeURIComponent(referral.id)}`)}>
          {t('newReferral.sent.referOtherParty')}
        </button>
        {canTrack ? (
          <Link className="button button-secondary" to="/referrals">
            {t('newReferral.sent.myReferrals')}
          </Link>
        ) : null}
      </div>
    </>
  );
}

const dutyKeys = { sent: 'newReferral.sent.dutySent', will_send: 'newReferral.sent.dutyWillSend', not_needed: 'newReferral.sent.dutyNotNeeded' } as const;

/** A public employee told us there are children: the referral does not replace the underretning (Barnets Lov § 133). */
function UnderretningReminder({ answers }: { answers: SentAnswers }) {
  const { t } = useTranslation();
  const status = answers.values.underretning;
  if (!answers.derived.isUnderretningAsked || !status) return null;
  return (
    <Alert variant={status === 'sent' ? 'info' : 'warning'} heading={t('newReferral.sent.dutyHeading')} headingLevel={3}>
      <p>{t(dutyKeys[status])}</p>
    </Alert>
  );
}
