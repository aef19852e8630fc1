import { describe, expect, it } from 'vitest';
import { fromDanishWallClock, renderICalendarFeed, type FeedEvent } from './icalendar.ts';

const now = new Date('2027-03-01T08:00:00Z');

function lunch(date: string): FeedEvent {
  return { uid: `open-event-lunch-${date}@bro`, title: 'Fællesfrokost', startsAt: fromDanishWallClock(date, '11:00'), endsAt: fromDanishWallClock(date, '13:00'), location: 'Netværkshuset', description: null, url: null, isCancelled: false };
}

/** The unfolded content lines of a feed (RFC 5545 folds long lines with CRLF + space). */
function linesOf(feed: string): string[] {
  return feed.replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe('renderICalendarFeed', () => {
  it('keeps a weekly 11:00 at 11:00 Danish time across the last Sunday of March and of October', () => {
    const dates = ['2027-03-21', '2027-03-28', '2027-04-04', '2027-10-24', '2027-10-31', '2027-11-07'];
    const lines = linesOf(renderICalendarFeed({ name: 'Frokost', events: dates.map(lunch), now }));
    const starts = lines.filter((line) => line.startsWith('DTSTART;'));
    expect(starts).toEqual(dates.map((date) => `DTSTART;TZID=Europe/Copenhagen:${date.replaceAll('-', '')}T110000`));
    expect(lines.filter((line) => line.startsWith('DTEND;'))).toEqual(dates.map((date) => `DTEND;TZID=Europe/Copenhagen:${date.replaceAll('-', '')}T130000`));
  });

  it('carries the zone it names, with the EU summer-time rule', () => {
    const lines = linesOf(renderICalendarFeed({ name: 'Frokost', events: [lunch('2027-03-28')], now }));
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/Copenhagen');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    // RFC 5545 §3.8.7.2: the stamp is UTC.
    expect(lines).toContain('DTSTAMP:20270301T080000Z');
  });

  it('marks a cancelled date as cancelled and escapes text', () => {
    const cancelled = { ...lunch('2027-12-24'), isCancelled: true, title: 'Frokost; lukket, jul' };
    const lines = linesOf(renderICalendarFeed({ name: 'Frokost', events: [cancelled], now }));
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SUMMARY:Frokost\\; lukket\\, jul');
  });
});

describe('fromDanishWallClock', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(fromDanishWallClock('2027-03-27', '11:00').toISOString()).toBe('2027-03-27T10:00:00.000Z');
    expect(fromDanishWallClock('2027-03-28', '11:00').toISOString()).toBe('2027-03-28T09:00:00.000Z');
    expect(fromDanishWallClock('2027-10-31', '11:00').toISOString()).toBe('2027-10-31T10:00:00.000Z');
  });

  it('refuses what is no time', () => {
    expect(() => fromDanishWallClock('2027-02-30', '11:00')).toThrow(RangeError);
  });
});
