import type { ReferralForReferrer } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { Alert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { SummaryList } from '../../ui/SummaryList';
import { usePageTitle } from '../../ui/usePageTitle';
import { useHasPermission } from '../auth/useSession';
import { oppositeRole } from './referral-form';
import { ReferralForm } from './ReferralForm';
import { myReferralQuery, referralKeys, referralOptionsQuery } from './referrals.api';
import { ReferralStatusBadge } from './ReferralStatusBadge';

/** `/referrals/new` and `/referrals/new?linkedTo=<id>` (the other party of the same call-out; an id, never a name). */
export function NewReferralPage() {
  const location = useLocation();
  const [params] = useSearchParams();
  // A new key per navigation: "refer the other party" must start a fresh form with a fresh idempotency key.
  return <NewReferral key={location.key} linkedTo={params.get('linkedTo') ?? undefined} />;
}

function NewReferral({ linkedTo }: { linkedTo: string | undefined }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<ReferralForReferrer>();
  usePageTitle(created ? t('newReferral.sent.heading') : t('newReferral.heading'));
  const options = useQuery(referralOptionsQuery);
  const linked = useQuery({ ...myReferralQuery(linkedTo ?? ''), enabled: linkedTo !== undefined });
  const queryClient = useQueryClient();
  const onCreated = (referral: ReferralForReferrer) => {
    setCreated(referral);
    void queryClient.invalidateQueries({ queryKey: referralKeys.mine() });
  };

  if (created) return <ReferralSent referral={created} />;
  return (
    <>
      <PageHeading>{t('newReferral.heading')}</PageHeading>
      {linked.error ? (
        <Loaded query={linked}>{() => null}</Loaded>
      ) : linkedTo !== undefined && !linked.data ? (
        <Loading />
      ) : (
        <Loaded query={options}>
          {(data) =>
            data.programmes.length === 0 ? (
              <Alert variant="warning" heading={t('newReferral.noProgrammesHeading')}>
                <p>{t('newReferral.noProgrammes')}</p>
              </Alert>
            ) : (
              <>
                <p className="font-lead">{t('newReferral.intro')}</p>
                {linked.data ? (
                  <Alert variant="info" heading={t('newReferral.linkedHeading')}>
                    <p>{t('newReferral.linked', { reference: linked.data.reference })}</p>
                  </Alert>
                ) : null}
                <ReferralForm options={data} initialRole={linked.data ? oppositeRole(linked.data.role) : 'exposed'} linkedReferralId={linked.data?.id} onCreated={onCreated} />
              </>
            )
          }
        </Loaded>
      )}
    </>
  );
}

function ReferralSent({ referral }: { referral: ReferralForReferrer }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canTrack = useHasPermission('referral:track');
  return (
    <>
      <PageHeading>{referral.status === 'draft' ? t('newReferral.sent.draftHeading') : t('newReferral.sent.heading')}</PageHeading>
      <Alert variant="success" heading={t('newReferral.sent.alertHeading', { reference: referral.reference })} role="status">
        <p>{t('newReferral.sent.text', { service: referral.serviceName, organisation: referral.receivingOrganisationName })}</p>
      </Alert>
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
