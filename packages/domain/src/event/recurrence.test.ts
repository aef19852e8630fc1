import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandRecurrence, parseRecurrenceRule, readWeeklyRule, RECURRENCE_LIMITS, weeklyRule } from './recurrence.ts';
import { findPersonalData } from './personal-data.ts';

const start = { startDate: '2027-01-05', startTime: '11:00' };

describe('recurrence rules', () => {
  it('expands a weekly lunch on Danish calendar dates, the same across the summer-time change', () => {
    const dates = expandRecurrence({ ...start, rule: 'FREQ=WEEKLY;BYDAY=TU' }, { from: '2027-03-20', to: '2027-04-10' });
    expect(dates).toEqual(['2027-03-23', '2027-03-30', '2027-04-06']);
  });

  it('refuses what it cannot read, unsupported frequencies and parts, and rules that can never match', () => {
    expect(parseRecurrenceRule('hver tirsdag')).toEqual({ ok: false, problem: 'rule_unparseable' });
    expect(parseRecurrenceRule('FREQ=WEEKLY;BYDAY=XX')).toEqual({ ok: false, problem: 'rule_unparseable' });
    expect(parseRecurrenceRule('FREQ=HOURLY')).toEqual({ ok: false, problem: 'frequency_not_supported' });
    expect(parseRecurrenceRule('FREQ=MINUTELY;INTERVAL=5')).toEqual({ ok: false, problem: 'frequency_not_supported' });
    expect(parseRecurrenceRule('FREQ=MONTHLY;BYDAY=MO;BYSETPOS=9')).toEqual({ ok: false, problem: 'rule_part_not_supported' });
    expect(parseRecurrenceRule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30')).toEqual({ ok: false, problem: 'rule_produces_no_date' });
    expect(parseRecurrenceRule('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE')).toMatchObject({ ok: true });
  });

  it('round-trips the readable editor', () => {
    const rule = weeklyRule({ weekdays: ['TH', 'MO'], intervalWeeks: 2 });
    expect(rule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH');
    expect(readWeeklyRule(rule)).toEqual({ weekdays: ['MO', 'TH'], intervalWeeks: 2 });
    expect(readWeeklyRule('FREQ=MONTHLY;BYDAY=1TU')).toBeNull();
  });

  it('is bounded for any accepted rule: within the window, within the count, and quickly', () => {
    const day = fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU');
    const part = fc.oneof(
      fc.integer({ min: 1, max: 60 }).map((n) => `INTERVAL=${n}`),
      fc.array(fc.tuple(fc.constantFrom('', '1', '-1', '2', '5', '-5'), day), { minLength: 1, maxLength: 3 }).map((days) => `BYDAY=${days.map(([n, d]) => n + d).join(',')}`),
      fc.array(fc.integer({ min: -31, max: 31 }), { minLength: 1, maxLength: 3 }).map((days) => `BYMONTHDAY=${days.join(',')}`),
      fc.array(fc.integer({ min: 0, max: 13 }), { minLength: 1, maxLength: 2 }).map((months) => `BYMONTH=${months.join(',')}`),
      fc.integer({ min: 0, max: 2000 }).map((n) => `COUNT=${n}`),
      fc.constantFrom('UNTIL=20270601', 'UNTIL=20200101T000000Z', 'BYSETPOS=3', 'BYHOUR=9', 'WKST=SU', 'X=Y', ''),
    );
    const rule = fc.tuple(fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'HOURLY', 'SECONDLY', 'BOGUS'), fc.uniqueArray(part, { maxLength: 4, selector: (p) => p.split('=')[0] }))
      .map(([frequency, parts]) => [`FREQ=${frequency}`, ...parts].join(';'));
    const date = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(rule, date, date, (text, startDate, from) => {
        const parsed = parseRecurrenceRule(text);
        if (!parsed.ok) return;
        const began = Date.now();
        const dates = expandRecurrence({ rule: text, startDate, startTime: '11:00' }, { from, to: '2099-12-31' });
        // Generous for a shared CI machine; an unbounded walk takes tens of seconds.
        expect(Date.now() - began).toBeLessThan(2_000);
        expect(dates.length).toBeLessThanOrEqual(RECURRENCE_LIMITS.maxOccurrences);
        const latest = new Date(`${from}T00:00:00Z`);
        latest.setUTCMonth(latest.getUTCMonth() + RECURRENCE_LIMITS.maxMonthsAhead);
        for (const found of dates) {
          expect(found >= from && found >= startDate).toBe(true);
          expect(found <= latest.toISOString().slice(0, 10)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('personal data in a note', () => {
  it('finds CPR numbers, phone numbers and e-mail addresses, and leaves counts alone', () => {
    expect(findPersonalData('Kom med 010190-1234')).toBe('cpr_number');
    expect(findPersonalData('ring 12 34 56 78')).toBe('phone_number');
    expect(findPersonalData('+45 12345678')).toBe('phone_number');
    expect(findPersonalData('skriv til anna@example.dk')).toBe('email_address');
    expect(findPersonalData('12 kom, 3 nye, kl. 11-13, 2026')).toBeUndefined();
  });
});
