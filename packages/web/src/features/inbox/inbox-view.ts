import { RiskLevel, type InboxItem } from '@bro/domain';

/**
 * Filtering and sorting the inbox in the browser. The list is bounded (the server sends at most 500 open
 * referrals of one service, without names), it is kept live by server-sent events as one query, and every choice
 * must answer at once on a phone: so the whole list is fetched once and narrowed here, not asked for again.
 */
export const inboxStatusFilters = ['all', 'new', 'not_reached', 'reached', 'accepted'] as const;
type InboxStatusFilter = (typeof inboxStatusFilters)[number];
export const inboxDeadlineFilters = ['all', 'overdue', 'within_24_hours', 'met'] as const;
type InboxDeadlineFilter = (typeof inboxDeadlineFilters)[number];
export const inboxRiskFilters = ['all', ...RiskLevel.options] as const;
type InboxRiskFilter = (typeof inboxRiskFilters)[number];
export const inboxSorts = ['urgency', 'deadline', 'newest', 'oldest'] as const;
type InboxSort = (typeof inboxSorts)[number];

export type InboxView = { status: InboxStatusFilter; deadline: InboxDeadlineFilter; risk: InboxRiskFilter; sort: InboxSort };
export const defaultInboxView: InboxView = { status: 'all', deadline: 'all', risk: 'all', sort: 'urgency' };

const HOUR_MS = 3_600_000;

function matchesStatus(item: InboxItem, filter: InboxStatusFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'new':
      return item.status === 'sent';
    case 'not_reached':
      return item.status !== 'sent' && !item.hasFirstContact;
    case 'reached':
      return item.status === 'received' && item.hasFirstContact;
    case 'accepted':
      return item.status === 'accepted';
  }
}

function matchesDeadline(item: InboxItem, filter: InboxDeadlineFilter, now: Date): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'overdue':
      return item.isOverdue;
    case 'within_24_hours':
      return !item.hasFirstContact && item.dueAt !== null && !item.isOverdue && new Date(item.dueAt).getTime() - now.getTime() <= 24 * HOUR_MS;
    case 'met':
      return item.hasFirstContact;
  }
}

const time = (iso: string | null, fallback: number) => (iso === null ? fallback : new Date(iso).getTime());

/** `urgency` keeps the server's order: high risk first, then the earliest deadline. */
function compareBy(sort: InboxSort): ((a: InboxItem, b: InboxItem) => number) | undefined {
  switch (sort) {
    case 'urgency':
      return undefined;
    case 'deadline':
      // A met deadline no longer presses: those go last.
      return (a, b) => time(a.hasFirstContact ? null : a.dueAt, Infinity) - time(b.hasFirstContact ? null : b.dueAt, Infinity);
    case 'newest':
      return (a, b) => time(b.sentAt, 0) - time(a.sentAt, 0);
    case 'oldest':
      return (a, b) => time(a.sentAt, 0) - time(b.sentAt, 0);
  }
}

export function viewInbox(items: readonly InboxItem[], view: InboxView, now: Date): InboxItem[] {
  const shown = items.filter((item) => matchesStatus(item, view.status) && matchesDeadline(item, view.deadline, now) && (view.risk === 'all' || item.riskLevel === view.risk));
  const compare = compareBy(view.sort);
  // Array.prototype.sort is stable: equal items keep the server's order.
  return compare ? shown.sort(compare) : shown;
}

/** The view from the address (`?status=…&deadline=…&risk=…&sort=…`), so back and reload keep it; unknown values fall back. */
export function inboxViewFrom(params: URLSearchParams): InboxView {
  const pick = <T extends string>(name: string, options: readonly T[], fallback: T): T => {
    const value = params.get(name);
    return options.includes(value as T) ? (value as T) : fallback;
  };
  return {
    status: pick('status', inboxStatusFilters, defaultInboxView.status),
    deadline: pick('deadline', inboxDeadlineFilters, defaultInboxView.deadline),
    risk: pick('risk', inboxRiskFilters, defaultInboxView.risk),
    sort: pick('sort', inboxSorts, defaultInboxView.sort),
  };
}
