import type { ReferralTimelineEntry } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { TimelineItem } from '../../ui/Timeline';

/**
 * Turns a referral's events into readable lines: the closed loop the referrer sees (received, contact attempts,
 * first contact, decision, hand-over) and, on the receiver's side, with their notes.
 */
export function useTimeline(entries: readonly ReferralTimelineEntry[]): TimelineItem[] {
  const { t } = useTranslation();
  const format = useFormat();
  let hasSeenFirstContact = false;

  const describe = (entry: ReferralTimelineEntry): string => {
    const organisation = entry.organisationName ?? '';
    const by = (text: string) => (organisation ? t('timeline.byOrganisation', { text, organisation }) : text);
    switch (entry.action) {
      case 'create':
        return by(t('timeline.create'));
      case 'send':
        return entry.toServiceName ? t('timeline.sendTo', { service: entry.toServiceName }) : by(t('timeline.send'));
      case 'receive':
        return by(t('timeline.receive'));
      case 'accept':
        return by(t('timeline.accept'));
      case 'decline': {
        const reason = entry.declineReason ? t(`declineReason.${entry.declineReason}`) : '';
        const decidedBy = entry.declinedBy ? t(`declinedBy.${entry.declinedBy}`) : '';
        return by(reason ? t('timeline.declineWithReason', { reason, decidedBy: decidedBy.toLowerCase() }) : t('timeline.decline'));
      }
      case 'reroute':
        return t('timeline.reroute', { from: entry.fromServiceName ?? '–', to: entry.toServiceName ?? '–' });
      case 'withdraw':
        return by(t('timeline.withdraw'));
      case 'expire':
        return t('timeline.expire');
      case 'log_contact_attempt': {
        if (entry.contactOutcome === 'reached' && !hasSeenFirstContact) {
          hasSeenFirstContact = true;
          return by(t('timeline.firstContact'));
        }
        return by(t('timeline.contactAttempt', { outcome: entry.contactOutcome ? t(`contactOutcome.${entry.contactOutcome}`) : '–' }));
      }
      case 'hand_over':
        return by(t('timeline.handOver'));
      case 'consent_withdrawn':
        return t('timeline.consentWithdrawn');
      case 'escalate':
        return t('timeline.escalate');
    }
  };

  return [...entries]
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
    .map((entry) => ({ id: entry.id, dateTime: entry.at, time: format.dateTime(entry.at), text: describe(entry), note: entry.note ?? undefined }));
}
