import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SubPage } from '../../ui/SubPage';
import { emptyCampaignDraft, type CampaignOutcome } from './campaign-form';
import { campaignKeys, createCampaign } from './campaigns.api';
import { CampaignEditor, useCampaignForm } from './CampaignEditor';

/** `/admin/campaigns/new`: a new campaign, created as a draft; the admin continues on its own page to publish it. */
export function NewCampaignPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useCampaignForm(emptyCampaignDraft(), async (request) => {
    const created = await createCampaign(request);
    void queryClient.invalidateQueries({ queryKey: campaignKeys.list() });
    // The path carries the id only; the outcome travels in history state, never in the URL.
    const outcome: CampaignOutcome = 'created';
    void navigate(`/admin/campaigns/${created.id}`, { replace: true, state: { outcome } });
  });

  return (
    <SubPage title={t('campaigns.newHeading')} heading={t('campaigns.newHeading')} back={{ to: '/admin/campaigns', label: t('campaigns.back') }}>
      <CampaignEditor form={form} submitLabel={t('campaigns.create')} linkedServices={[]} />
    </SubPage>
  );
}
