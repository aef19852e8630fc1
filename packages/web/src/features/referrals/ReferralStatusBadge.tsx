import type { ReferralStatus, RiskLevel } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui/Badge';

const toneByStatus: Record<ReferralStatus, BadgeTone> = {
  draft: 'neutral',
  sent: 'info',
  received: 'info',
  accepted: 'success',
  handed_over: 'success',
  declined: 'warning',
  not_reached: 'warning',
  expired: 'warning',
  withdrawn: 'neutral',
  closed: 'warning',
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return <Badge tone={toneByStatus[status]}>{t(`status.${status}`)}</Badge>;
}

const toneByRisk: Record<RiskLevel, BadgeTone> = { high: 'error', medium: 'warning', standard: 'neutral' };

export function RiskBadge({ level }: { level: RiskLevel }) {
  const { t } = useTranslation();
  return <Badge tone={toneByRisk[level]}>{t(`riskBadge.${level}`)}</Badge>;
}
