import type { ReferralForReferrer } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { Alert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { oppositeRole } from './referral-form';
import { ReferralForm, type SentAnswers } from './ReferralForm';
import { ReferralReceipt } from './ReferralReceipt';
import { myReferralQuery, referralKeys, referralOptionsQuery } from './referrals.api';
import { referralFormKeyOf } from './useReferralStep';

/** `/referrals/new` and `/referrals/new?linkedTo=<id>` (the other party of the same call-out; an id, never a name). */
export function NewReferralPage() {
  const location = useLocation();
  const [params] = useSearchParams();
  // A new key per "Ny henvisning" (and "refer the other party"): a fresh form with a fresh idempotency key. Moving
  // between the form's steps keeps the key (useReferralStep), so the answers stay.
  return <NewReferral key={referralFormKeyOf(location)} linkedTo={params.get('linkedTo') ?? undefined} />;
}

function NewReferral({ linkedTo }: { linkedTo: string | undefined }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<{ referral: ReferralForReferrer; answers: SentAnswers }>();
  usePageTitle(created ? t('newReferral.sent.heading') : t('newReferral.heading'));
  const options = useQuery(referralOptionsQuery);
  const linked = useQuery({ ...myReferralQuery(linkedTo ?? ''), enabled: linkedTo !== undefined });
  const queryClient = useQueryClient();
  const onCreated = (referral: ReferralForReferrer, answers: SentAnswers) => {
    setCreated({ referral, answers });
    void queryClient.invalidateQueries({ queryKey: referralKeys.mine() });
  };

  if (created) return <ReferralReceipt referral={created.referral} answers={created.answers} />;
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
