import { describe, expect, it } from 'vitest';
import { computeFirstContactDueAt, firstContactDeadlineOf, isReferralOverdue } from './deadline.ts';

const HOUR = 3_600_000;
const sentAt = new Date('2026-11-23T09:00:00.000Z');
const policy = { firstContactDeadlineHours: 48, highRiskDeadlineHours: 24 };

describe('computeFirstContactDueAt', () => {
  it.each([
    { riskLevel: 'standard', hours: 48 },
    { riskLevel: 'medium', hours: 48 },
    { riskLevel: 'high', hours: 24 },
  ] as const)('$riskLevel risk: $hours hours after sending', ({ riskLevel, hours }) => {
    expect(computeFirstContactDueAt(sentAt, riskLevel, policy)).toEqual(new Date(sentAt.getTime() + hours * HOUR));
  });

  it('never gives high risk a longer deadline than standard, even if a service misconfigures it', () => {
    const misconfigured = { firstContactDeadlineHours: 24, highRiskDeadlineHours: 72 };
    expect(computeFirstContactDueAt(sentAt, 'high', misconfigured)).toEqual(new Date(sentAt.getTime() + 24 * HOUR));
  });
});

describe('isReferralOverdue', () => {
  const dueAt = new Date(sentAt.getTime() + 48 * HOUR);
  const late = new Date(dueAt.getTime() + 1);
  const base = { dueAt, now: late, hasFirstContact: false, isOpen: true };

  it('is overdue when open, without first contact, and past due', () => {
    expect(isReferralOverdue(base)).toBe(true);
  });

  it.each([
    { name: 'closed', input: { ...base, isOpen: false } },
    { name: 'first contact made', input: { ...base, hasFirstContact: true } },
    { name: 'exactly at the deadline', input: { ...base, now: dueAt } },
    { name: 'before the deadline', input: { ...base, now: new Date(dueAt.getTime() - HOUR) } },
    { name: 'no deadline (e.g. a draft)', input: { ...base, dueAt: null } },
  ])('is not overdue when $name', ({ input }) => {
    expect(isReferralOverdue(input)).toBe(false);
  });
});

describe('firstContactDeadlineOf', () => {
  const dueAt = new Date(sentAt.getTime() + 48 * HOUR);
  const before = new Date(dueAt.getTime() - HOUR);
  const after = new Date(dueAt.getTime() + HOUR);

  it('runs as a countdown before first contact', () => {
    expect(firstContactDeadlineOf({ dueAt, firstContactAt: null, now: before, isOpen: true })).toEqual({ kind: 'due', dueAt });
  });

  it('is overdue once past due without first contact', () => {
    expect(firstContactDeadlineOf({ dueAt, firstContactAt: null, now: after, isOpen: true })).toEqual({ kind: 'overdue', dueAt });
  });

  it('is met, in time, once first contact is made before the deadline, however late it is now', () => {
    expect(firstContactDeadlineOf({ dueAt, firstContactAt: before, now: after, isOpen: true })).toEqual({ kind: 'met', firstContactAt: before, wasLate: false });
  });

  it('is met, late, when first contact came after the deadline', () => {
    expect(firstContactDeadlineOf({ dueAt, firstContactAt: after, now: after, isOpen: true })).toEqual({ kind: 'met', firstContactAt: after, wasLate: true });
  });

  it('stays met after the referral is handed over', () => {
    expect(firstContactDeadlineOf({ dueAt, firstContactAt: before, now: after, isOpen: false })).toMatchObject({ kind: 'met' });
  });

  it.each([
    { name: 'without a deadline', input: { dueAt: null, firstContactAt: null, now: after, isOpen: true } },
    { name: 'once ended without contact', input: { dueAt, firstContactAt: null, now: after, isOpen: false } },
  ])('runs no deadline $name', ({ input }) => {
    expect(firstContactDeadlineOf(input)).toEqual({ kind: 'none' });
  });
});
