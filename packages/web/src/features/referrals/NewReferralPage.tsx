import type { ReferralForReferrer, ReferralOptions } from '@bro/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { Alert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { initialReferralForm, oppositeRole, restoreReferralForm } from './referral-form';
import { ReferralDraftOffer } from './ReferralDraftOffer';
import { ReferralForm, type SentAnswers } from './ReferralForm';
import { ReferralReceipt } from './ReferralReceipt';
import { discardReferralDraft, myReferralQuery, referralDraftQuery, referralKeys, referralOptionsQuery } from './referrals.api';
import { useReferralDraft } from './useReferralDraft';
import { referralFormKeyOf, useReferralStep } from './useReferralStep';

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
                <ReferralWithDraft options={data} linked={linked.data} onCreated={onCreated} />
              </>
            )
          }
        </Loaded>
      )}
    </>
  );
}

type WithDraftProps = { options: ReferralOptions; linked: ReferralForReferrer | undefined; onCreated: (referral: ReferralForReferrer, answers: SentAnswers) => void };

/**
 * The form, with the officer's unsent referral offered first if the server holds one (after a timeout, a reload or a
 * lost connection), and saved there again each time a step is passed. A draft that cannot be read never blocks a
 * referral: the form then starts empty.
 */
function ReferralWithDraft({ options, linked, onCreated }: WithDraftProps) {
  const saved = useQuery(referralDraftQuery);
  const [choice, setChoice] = useState<'undecided' | 'continue' | 'fresh'>('undecided');
  const [, goTo] = useReferralStep();
  const autosave = useReferralDraft();
  // Whether or not the discard reached the server, the next save replaces the old draft.
  const discard = useMutation({ mutationFn: discardReferralDraft, onSettled: () => setChoice('fresh') });
  if (saved.isPending) return <Loading />;
  const initialRole = linked ? oppositeRole(linked.role) : 'exposed';
  if (saved.data && choice === 'undecided') {
    const draft = saved.data;
    const onContinue = () => {
      setChoice('continue');
      goTo(draft.reachedStep);
    };
    return <ReferralDraftOffer draft={draft} onContinue={onContinue} onStartOver={() => discard.mutate()} isBusy={discard.isPending} />;
  }
  const draft =
    saved.data && choice === 'continue'
      ? { values: restoreReferralForm(initialReferralForm(options.programmes, initialRole, new Date()), saved.data.values), reachedStep: saved.data.reachedStep }
      : undefined;
  return <ReferralForm options={options} initialRole={initialRole} linkedReferralId={linked?.id} onCreated={onCreated} draft={draft} onSaveDraft={autosave.save} draftStatus={autosave.status} />;
}

