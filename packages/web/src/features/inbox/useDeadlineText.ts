import { firstContactDeadlineOf, openStatuses, type InboxItem } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

export type DeadlineText = { text: string; isOverdue: boolean };

/**
 * The first-contact deadline as its state says it: "Frist for første kontakt: om 2 dage (…)" while it runs,
 * "overskredet" once past, and once the person is reached, when that was ("Første kontakt: i går kl. 14.05").
 * Undefined when no deadline runs.
 */
export function useDeadlineText(): (item: Pick<InboxItem, 'status' | 'dueAt' | 'firstContactAt'>, now: Date) => DeadlineText | undefined {
  const { t } = useTranslation();
  const format = useFormat();
  return (item, now) => {
    const deadline = firstContactDeadlineOf({
      dueAt: item.dueAt === null ? null : new Date(item.dueAt),
      firstContactAt: item.firstContactAt === null ? null : new Date(item.firstContactAt),
      now,
      isOpen: openStatuses.includes(item.status),
    });
    switch (deadline.kind) {
      case 'none':
        return undefined;
      case 'due':
      case 'overdue': {
        const when = { relative: format.relative(deadline.dueAt.toISOString(), now), at: format.dateTime(deadline.dueAt.toISOString()) };
        return { text: t(`deadline.${deadline.kind}`, when), isOverdue: deadline.kind === 'overdue' };
      }
      case 'met':
        return { text: t(deadline.wasLate ? 'deadline.metLate' : 'deadline.met', { at: format.dayAndTime(deadline.firstContactAt.toISOString(), now) }), isOverdue: false };
    }
  };
}
