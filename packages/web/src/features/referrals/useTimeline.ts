import type { ReferralTimelineEntry } from '@bro/domain';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat, type Formatters } from '../../i18n/format';
import type { TimelineItem } from '../../ui/Timeline';

/**
 * A referral's events as readable lines, oldest first: the closed loop the referrer sees (received, contact
 * attempts, first contact, decision, hand-over) and, on the receiver's side, with their notes.
 */
export function timelineItems(entries: readonly ReferralTimelineEntry[], t: TFunction, format: Pick<Formatters, 'dateTime'>): TimelineItem[] {
  let hasSeenFirstContact = false;
  const describe = (entry: ReferralTimelineEntry): string => {
    const isFirstContact = entry.action === 'log_contact_attempt' && entry.contactOutcome === 'reached' && !hasSeenFirstContact;
    if (isFirstContact) hasSeenFirstContact = true;
    return describeEntry(entry, t, isFirstContact);
  };
  return [...entries]
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
    .map((entry) => ({ id: entry.id, dateTime: entry.at, time: format.dateTime(entry.at), text: describe(entry), note: entry.note ?? undefined }));
}

function describeEntry(entry: ReferralTimelineEntry, t: TFunction, isFirstContact: boolean): string {
  const organisation = entry.organisationName ?? '';
  const by = (text: string) => (organisation ? t('timeline.byOrganisation', { text, organisation }) : text);
  switch (entry.action) {
    case 'create':
    case 'receive':
    case 'accept':
    case 'withdraw':
    case 'hand_over':
      return by(t(`timeline.${entry.action === 'hand_over' ? 'handOver' : entry.action}`));
    case 'send':
      return entry.toServiceName ? t('timeline.sendTo', { service: entry.toServiceName }) : by(t('timeline.send'));
    case 'decline': {
      const reason = entry.declineReason ? t(`declineReason.${entry.declineReason}`) : '';
      const decidedBy = entry.declinedBy ? t(`declinedBy.${entry.declinedBy}`) : '';
      return by(reason ? t('timeline.declineWithReason', { reason, decidedBy: decidedBy.toLowerCase() }) : t('timeline.decline'));
    }
    case 'reroute':
      return t('timeline.reroute', { from: entry.fromServiceName ?? '–', to: entry.toServiceName ?? '–' });
    case 'transfer':
      return t('timeline.transfer', { from: entry.fromServiceName ?? '–', to: entry.toServiceName ?? '–' });
    case 'close':
      return by(t('timeline.close', { reason: entry.closingReason ? t(`serviceEndReason.${entry.closingReason}`) : '–' }));
    case 'log_contact_attempt':
      if (isFirstContact) return by(t('timeline.firstContact'));
      return by(t('timeline.contactAttempt', { outcome: entry.contactOutcome ? t(`contactOutcome.${entry.contactOutcome}`) : '–' }));
    case 'expire':
      return t('timeline.expire');
    case 'consent_withdrawn':
      return t('timeline.consentWithdrawn');
    case 'escalate':
      return t('timeline.escalate');
  }
}

export function useTimeline(entries: readonly ReferralTimelineEntry[]): TimelineItem[] {
  const { t } = useTranslation();
  return timelineItems(entries, t, useFormat());
}
