import type { CampaignStatus } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge';

/** A campaign's status in words (the colour only repeats it). */
export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <Badge tone={status === 'published' ? 'success' : 'neutral'}>{t(`campaigns.statusLabel.${status}`)}</Badge>;
}
