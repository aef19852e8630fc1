import type { HelpServiceStatus } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui/Badge';

const toneByStatus: Record<HelpServiceStatus, BadgeTone> = { active: 'success', 'temporarily closed': 'warning', inactive: 'neutral', defunct: 'neutral' };

/** A listing's status in words (the colour only repeats it). */
export function HelpServiceStatusBadge({ status }: { status: HelpServiceStatus }) {
  const { t } = useTranslation();
  return <Badge tone={toneByStatus[status]}>{t(`directory.statusLabel.${status}`)}</Badge>;
}
