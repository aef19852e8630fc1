import type { ReferralTimelineEntry } from '@bro/domain';
import { describe, expect, it } from 'vitest';
import { i18next } from '../../i18n';
import { timelineItems } from './useTimeline';

const t = i18next.getFixedT('da');
const format = { dateTime: (iso: string) => `at ${iso}` };

function entry(action: ReferralTimelineEntry['action'], at: string, extra: Partial<ReferralTimelineEntry> = {}): ReferralTimelineEntry {
  return {
    id: `${action}-${at}`,
    action,
    at,
    organisationName: 'LOKK',
    toStatus: null,
    declineReason: null,
    declinedBy: null,
    contactOutcome: null,
    fromServiceName: null,
    toServiceName: null,
    note: null,
    ...extra,
  } as ReferralTimelineEntry;
}

describe('timelineItems', () => {
  it('puts the events oldest first and names who did what', () => {
    const items = timelineItems([entry('receive', '2026-01-02T10:00:00Z'), entry('create', '2026-01-01T10:00:00Z', { organisationName: null })], t, format);
    expect(items.map((item) => item.id)).toEqual(['create-2026-01-01T10:00:00Z', 'receive-2026-01-02T10:00:00Z']);
    expect(items[1]?.text).toContain('LOKK');
    expect(items[0]?.time).toBe('at 2026-01-01T10:00:00Z');
  });

  it('calls only the first successful contact attempt "first contact"', () => {
    const reached = { contactOutcome: 'reached' as const };
    const items = timelineItems([entry('log_contact_attempt', '2026-01-01T10:00:00Z', reached), entry('log_contact_attempt', '2026-01-02T10:00:00Z', reached)], t, format);
    expect(items[0]?.text).toMatch(/^Første kontakt/);
    expect(items[1]?.text).not.toMatch(/^Første kontakt/);
  });

  it('says why a referral was declined, and keeps the receiver’s note', () => {
    const [item] = timelineItems([entry('decline', '2026-01-01T10:00:00Z', { declineReason: 'no_capacity', declinedBy: 'service', note: 'Full' })], t, format);
    expect(item?.text).toContain(t('declineReason.no_capacity'));
    expect(item?.note).toBe('Full');
  });
});
