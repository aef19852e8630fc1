import type { Campaign } from '@bro/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError, publishCampaign, unpublishCampaign, updateCampaign } from '../../api';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { LiveMessage } from '../../ui/LiveMessage';
import { LoadFailed, Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { draftFromCampaign, isSameCampaign, type CampaignDraft, type CampaignOutcome } from './campaign-form';
import { CampaignEditor } from './CampaignEditor';
import { CampaignStatusBadge } from './CampaignStatusBadge';
import { useCampaign } from './useCampaigns';

/** `/admin/campaigns/:id`: one campaign, its publishing, and the form. */
export function EditCampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const arrivedWith = (useLocation().state as { outcome?: CampaignOutcome } | null)?.outcome;
  // Counted, so the same outcome twice ("saved", "saved") still takes focus: the form it came from is rebuilt.
  const [outcome, setOutcome] = useState({ last: arrivedWith, count: 0 });

  const onChanged = (changed: Campaign, last: CampaignOutcome) => {
    campaign.setData(changed);
    setOutcome((current) => ({ last, count: current.count + 1 }));
  };

  return (
    <>
      <PageHeading>{campaign.data ? t('campaigns.editHeading', { title: campaign.data.titleDa }) : t('campaigns.headingLoading')}</PageHeading>
      <p>
        <Link to="/admin/campaigns">{t('campaigns.back')}</Link>
      </p>
      <LiveMessage key={outcome.count} message={outcome.last ? t(`campaigns.outcome.${outcome.last}`) : undefined} isVisible isFocusedOnChange />
      {campaign.error ? (
        <LoadFailed message={campaign.error.detail ?? t('errors.network')} onRetry={() => void campaign.reload()} />
      ) : !campaign.data ? (
        <Loading />
      ) : (
        // A saved or published campaign comes back from the server: start again from that version.
        <EditCampaign key={`${campaign.data.id}:${campaign.data.updatedAt}:${campaign.data.status}`} campaign={campaign.data} onChanged={onChanged} />
      )}
    </>
  );
}

function EditCampaign({ campaign, onChanged }: { campaign: Campaign; onChanged: (campaign: Campaign, outcome: CampaignOutcome) => void }) {
  const { t } = useTranslation();
  const initial = useMemo(() => draftFromCampaign(campaign), [campaign]);
  const [draft, setDraft] = useState<CampaignDraft>(initial);
  const linkedServices = useMemo(() => campaign.services.map((service) => ({ id: service.id, name: service.nameDa })), [campaign]);

  return (
    <>
      <PublishPanel campaign={campaign} isDirty={!isSameCampaign(draft, initial)} onChanged={onChanged} />
      <CampaignEditor
        draft={draft}
        onChange={setDraft}
        submitLabel={t('campaigns.save')}
        linkedServices={linkedServices}
        onSubmit={async (request) => onChanged(await updateCampaign(campaign.id, request), 'saved')}
      />
    </>
  );
}

/** Publishing shows the SAVED campaign to everyone: unsaved edits must be saved first, or the public sees something else. */
function PublishPanel({ campaign, isDirty, onChanged }: { campaign: Campaign; isDirty: boolean; onChanged: (campaign: Campaign, outcome: CampaignOutcome) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [error, setError] = useState<string>();
  const [isBusy, setIsBusy] = useState(false);
  const isPublished = campaign.status === 'published';

  const change = async () => {
    if (isBusy) return;
    if (!isPublished && isDirty) return setError(t('campaigns.saveFirst'));
    setError(undefined);
    setIsBusy(true);
    try {
      onChanged(isPublished ? await unpublishCampaign(campaign.id) : await publishCampaign(campaign.id), isPublished ? 'unpublished' : 'published');
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status !== 0 ? (caught.detail ?? t('errors.unexpected')) : t('errors.network'));
    } finally {
      setIsBusy(false);
    }
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
      {error ? (
        <Alert variant="error" heading={t('common.actionFailed')} role="alert" headingLevel={3}>
          <p>{error}</p>
        </Alert>
      ) : null}
      <button type="button" className="button button-secondary" onClick={() => void change()} aria-busy={isBusy}>
        {isPublished ? t('campaigns.unpublish') : t('campaigns.publish')}
      </button>
    </section>
  );
}
