import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';

/** Every time Bro shows or syncs is Danish wall-clock time. */
export const DANISH_TIME_ZONE = 'Europe/Copenhagen';

/** One entry of a feed. Never a participant's name: a feed is synced into calendar programs Bro does not control. */
export type FeedEvent = {
  /** Stable across fetches (e.g. `open-event-<id>-20270328@bro`), so a calendar program updates rather than duplicates. */
  uid: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  description: string | null;
  url: string | null;
  isCancelled: boolean;
};

/**
 * An iCalendar (RFC 5545) feed in Danish time: every DTSTART/DTEND carries `TZID=Europe/Copenhagen` and the feed
 * holds that zone's VTIMEZONE, so 11:00 stays 11:00 across the last Sundays of March and October in every calendar
 * program. `now` is the DTSTAMP (from the app's clock, so a feed is reproducible in tests).
 */
export function renderICalendarFeed(feed: { name: string; events: readonly FeedEvent[]; now: Date }): string {
  const calendar = ical({
    name: feed.name,
    prodId: { company: 'Bro', product: 'bro', language: 'DA' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone: ical-generator would then write DTSTAMP as local time, and RFC 5545 wants it in UTC.
    // The generator still writes the VTIMEZONE of the zone the events name.
    timezone: { name: null, generator: describeDanishTimeZone },
    x: [['X-WR-TIMEZONE', DANISH_TIME_ZONE]],
  });
  for (const event of feed.events) {
    calendar.createEvent({
      id: event.uid,
      // Named on each event: without it ical-generator writes floating times.
      timezone: DANISH_TIME_ZONE,
      summary: event.title,
      start: inDanishTime(event.startsAt),
      end: inDanishTime(event.endsAt),
      stamp: inDanishTime(feed.now),
      location: event.location,
      description: event.description,
      url: event.url,
      status: event.isCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

function inDanishTime(instant: Date): DateTime {
  return DateTime.fromJSDate(instant, { zone: DANISH_TIME_ZONE });
}

/**
 * The VTIMEZONE of Europe/Copenhagen under the EU rule in force since 1996: summer time from 02:00 on the last
 * Sunday of March to 03:00 on the last Sunday of October. Written out rather than generated: it is the only zone
 * Bro's feeds use, and a calendar program needs it to place TZID times without knowing the zone itself.
 */
function describeDanishTimeZone(timezone: string): string | null {
  if (timezone !== DANISH_TIME_ZONE) return null;
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${DANISH_TIME_ZONE}`,
    `X-LIC-LOCATION:${DANISH_TIME_ZONE}`,
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'TZNAME:CEST',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'TZNAME:CET',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
}

/** The instant of a Danish wall-clock time (e.g. 2027-03-28 11:00), whichever side of a summer-time change it falls. */
export function fromDanishWallClock(date: string, time: string): Date {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: DANISH_TIME_ZONE });
  if (!local.isValid) throw new RangeError(`not a Danish wall-clock time: ${date} ${time}`);
  return local.toJSDate();
}
