import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { createCampaign } from '../../api';
import { PageHeading } from '../../ui/PageHeading';
import { emptyCampaignDraft, type CampaignDraft, type CampaignOutcome } from './campaign-form';
import { CampaignEditor } from './CampaignEditor';

/** `/admin/campaigns/new`: a new campaign, created as a draft; the admin continues on its own page to publish it. */
export function NewCampaignPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<CampaignDraft>(emptyCampaignDraft);

  return (
    <>
      <PageHeading>{t('campaigns.newHeading')}</PageHeading>
      <p>
        <Link to="/admin/campaigns">{t('campaigns.back')}</Link>
      </p>
      <CampaignEditor
        draft={draft}
        onChange={setDraft}
        submitLabel={t('campaigns.create')}
        linkedServices={[]}
        onSubmit={async (request) => {
          const created = await createCampaign(request);
          // The path carries the id only; the outcome travels in history state, never in the URL.
          const outcome: CampaignOutcome = 'created';
          void navigate(`/admin/campaigns/${created.id}`, { replace: true, state: { outcome } });
        }}
      />
    </>
  );
}
