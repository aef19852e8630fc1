import type { InboxItem } from '@bro/domain';
import { describe, expect, it } from 'vitest';
import { testReceiverReferral } from '../../test/builders';
import { defaultInboxView, inboxViewFrom, viewInbox } from './inbox-view';

const now = new Date('2026-01-06T10:00:00Z');
const item = (reference: string, overrides: Partial<InboxItem>): InboxItem => ({ ...testReceiverReferral(), id: reference, reference, ...overrides });
// In the server's order: high risk first, then the earliest deadline.
const items = [
  item('high-overdue', { riskLevel: 'high', status: 'received', dueAt: '2026-01-06T08:00:00Z', isOverdue: true, sentAt: '2026-01-05T08:00:00Z' }),
  item('medium-new', { riskLevel: 'medium', status: 'sent', dueAt: '2026-01-06T20:00:00Z', sentAt: '2026-01-06T09:00:00Z' }),
  item('standard-reached', { riskLevel: 'standard', status: 'received', hasFirstContact: true, firstContactAt: '2026-01-05T12:00:00Z', dueAt: '2026-01-06T09:00:00Z', sentAt: '2026-01-04T09:00:00Z' }),
  item('standard-accepted', { riskLevel: 'standard', status: 'accepted', dueAt: '2026-01-08T10:00:00Z', sentAt: '2026-01-05T09:00:00Z' }),
];
const references = (view: Partial<typeof defaultInboxView>) => viewInbox(items, { ...defaultInboxView, ...view }, now).map((shown) => shown.reference);

describe('viewInbox', () => {
  it('keeps the server’s order by default', () => {
    expect(references({})).toEqual(['high-overdue', 'medium-new', 'standard-reached', 'standard-accepted']);
  });

  it.each([
    { view: { status: 'new' as const }, expected: ['medium-new'] },
    { view: { status: 'not_reached' as const }, expected: ['high-overdue', 'standard-accepted'] },
    { view: { status: 'reached' as const }, expected: ['standard-reached'] },
    { view: { status: 'accepted' as const }, expected: ['standard-accepted'] },
    { view: { deadline: 'overdue' as const }, expected: ['high-overdue'] },
    { view: { deadline: 'within_24_hours' as const }, expected: ['medium-new'] },
    { view: { deadline: 'met' as const }, expected: ['standard-reached'] },
    { view: { risk: 'standard' as const }, expected: ['standard-reached', 'standard-accepted'] },
    { view: { risk: 'standard' as const, status: 'accepted' as const }, expected: ['standard-accepted'] },
  ])('filters by $view', ({ view, expected }) => {
    expect(references(view)).toEqual(expected);
  });

  it('sorts by deadline (met deadlines last), newest or oldest', () => {
    expect(references({ sort: 'deadline' })).toEqual(['high-overdue', 'medium-new', 'standard-accepted', 'standard-reached']);
    expect(references({ sort: 'newest' })).toEqual(['medium-new', 'standard-accepted', 'high-overdue', 'standard-reached']);
    expect(references({ sort: 'oldest' })).toEqual(['standard-reached', 'high-overdue', 'standard-accepted', 'medium-new']);
  });
});

describe('inboxViewFrom', () => {
  it('reads the choice from the address, and falls back on unknown values', () => {
    expect(inboxViewFrom(new URLSearchParams('status=new&risk=high&sort=deadline'))).toEqual({ status: 'new', deadline: 'all', risk: 'high', sort: 'deadline' });
    expect(inboxViewFrom(new URLSearchParams('status=nonsense&deadline=<script>'))).toEqual(defaultInboxView);
  });
});
