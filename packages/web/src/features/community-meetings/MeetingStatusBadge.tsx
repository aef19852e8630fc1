import type { CommunityMeetingStatus } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui/Badge';

const tones: Record<CommunityMeetingStatus, BadgeTone> = { planned: 'info', cancelled: 'warning', held: 'success' };

export function MeetingStatusBadge({ status }: { status: CommunityMeetingStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`communityMeetings.status.${status}`)}</Badge>;
}
