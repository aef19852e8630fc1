import type { Campaign } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useAction } from '../../api/useAction';
import { useFormat } from '../../i18n/format';
import { ActionFailed } from '../../ui/ActionFailed';
import { LiveMessage } from '../../ui/LiveMessage';
import { useOutcome } from '../../ui/useOutcome';
import { SubPage } from '../../ui/SubPage';
import { draftFromCampaign, isSameCampaign, type CampaignOutcome } from './campaign-form';
import { campaignKeys, campaignQuery, publishCampaign, unpublishCampaign, updateCampaign } from './campaigns.api';
import { CampaignEditor, useCampaignForm } from './CampaignEditor';
import { CampaignStatusBadge } from './CampaignStatusBadge';

type Changed = (campaign: Campaign, outcome: CampaignOutcome) => void;

/** `/admin/campaigns/:id`: one campaign, its publishing, and the form. */
export function EditCampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const campaign = useQuery(campaignQuery(id));
  const outcome = useOutcome<CampaignOutcome>();
  const onChanged: Changed = (changed, last) => {
    queryClient.setQueryData(campaignQuery(id).queryKey, changed);
    void queryClient.invalidateQueries({ queryKey: campaignKeys.list() });
    outcome.record(last);
  };

  const heading = campaign.data ? t('campaigns.editHeading', { title: campaign.data.titleDa }) : t('campaigns.headingLoading');
  return (
    <SubPage title={t('campaigns.headingLoading')} heading={heading} back={{ to: '/admin/campaigns', label: t('campaigns.back') }}>
      <LiveMessage key={outcome.count} message={outcome.last ? t(`campaigns.outcome.${outcome.last}`) : undefined} isVisible isFocusedOnChange />
      <Loaded query={campaign}>
        {/* A saved or published campaign comes back from the server: start again from that version. */}
        {(data) => <EditCampaign key={`${data.id}:${data.updatedAt}:${data.status}`} campaign={data} onChanged={onChanged} />}
      </Loaded>
    </SubPage>
  );
}

function EditCampaign({ campaign, onChanged }: { campaign: Campaign; onChanged: Changed }) {
  const { t } = useTranslation();
  const initial = useMemo(() => draftFromCampaign(campaign), [campaign]);
  const linkedServices = useMemo(() => campaign.services.map((service) => ({ id: service.id, name: service.nameDa })), [campaign]);
  const form = useCampaignForm(initial, async (request) => onChanged(await updateCampaign(campaign.id, request), 'saved'));
  return (
    <>
      <PublishPanel campaign={campaign} isDirty={!isSameCampaign(form.watch(), initial)} onChanged={onChanged} />
      <CampaignEditor form={form} submitLabel={t('campaigns.save')} linkedServices={linkedServices} />
    </>
  );
}

/** Publishing shows the SAVED campaign to everyone: unsaved edits must be saved first, or the public sees something else. */
function PublishPanel({ campaign, isDirty, onChanged }: { campaign: Campaign; isDirty: boolean; onChanged: Changed }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isPublished = campaign.status === 'published';
  const [isSaveFirstShown, setIsSaveFirstShown] = useState(false);
  const change = useAction(() => (isPublished ? unpublishCampaign(campaign.id) : publishCampaign(campaign.id)), {
    onSuccess: (changed) => onChanged(changed, isPublished ? 'unpublished' : 'published'),
  });
  const toggle = () => {
    const mustSaveFirst = !isPublished && isDirty;
    setIsSaveFirstShown(mustSaveFirst);
    if (!mustSaveFirst && !change.isBusy) void change.run(undefined);
  };
  return (
    <section className="app-action-panel" aria-labelledby="campaign-publish-heading">
      <h2 id="campaign-publish-heading" className="h3">
        {t('campaigns.publishHeading')}
      </h2>
      <p className="app-badges">
        <CampaignStatusBadge status={campaign.status} />
      </p>
      {isPublished && campaign.publishedAt ? (
        <>
          <p>{t('campaigns.publishedText', { date: format.date(campaign.publishedAt) })}</p>
          <p>
            {/* The public page is server-rendered, outside this app: an ordinary link, in the same tab. */}
            <a href={campaign.publicPath}>{t('campaigns.publicPageLink')}</a>
          </p>
        </>
      ) : (
        <p>{t('campaigns.draftText')}</p>
      )}
      <ActionFailed message={isSaveFirstShown ? t('campaigns.saveFirst') : change.error} />
      <button type="button" className="button button-secondary" onClick={toggle} aria-busy={change.isBusy}>
        {isPublished ? t('campaigns.unpublish') : t('campaigns.publish')}
      </button>
    </section>
  );
}
