import { normalisePhone } from '@bro/domain';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Db } from '../../db/tables.ts';
import { appendAuditEntry } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { DANISH_TIME_ZONE, renderICalendarFeed, type FeedEvent } from '../../platform/icalendar.ts';
import { enqueueMessage } from '../messages/index.ts';
import { claimLinkRequest, findActiveServiceName, findPublicEvent, findPublicOnlineLink, listPublicCities, listPublicOccurrences, listPublicOccurrencesOf, type PublicOccurrenceRow } from './event.queries.ts';
import { cityKey } from './event.service.ts';

/**
 * What the public site reads of open events: published events of active services, upcoming occurrences, the
 * iCalendar feed per service, and the one way to an online event's link — asked for, sent through the outbox. No
 * function here returns an online link: the link leaves only inside the message.
 */

/** One occurrence as a public page shows it: the public place, or "online" without any link. */
export type PublicEventOccurrence = {
  id: string;
  eventId: string;
  serviceId: string;
  title: string;
  /** Who runs it: the service and its organisation (both public names). */
  serviceName: string;
  organisationName: string;
  startsAt: Date;
  endsAt: Date;
  isCancelled: boolean;
  cancelNote: string | null;
  isOnline: boolean;
  place: { name: string | null; addressLine: string | null; postalCode: string | null; city: string | null } | null;
  isRegistrationRequired: boolean;
  capacity: number | null;
};

function toPublic(row: PublicOccurrenceRow): PublicEventOccurrence {
  return {
    id: row.id,
    eventId: row.event_id,
    serviceId: row.service_id,
    title: row.title,
    serviceName: row.service_name,
    organisationName: row.organisation_name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    isCancelled: row.is_cancelled,
    cancelNote: row.cancel_note,
    isOnline: row.is_online,
    place: row.is_online ? null : { name: row.place_name, addressLine: row.address_line, postalCode: row.postal_code, city: row.city },
    isRegistrationRequired: row.is_registration_required,
    capacity: row.capacity,
  };
}

export type WhatsOnPage = { occurrences: PublicEventOccurrence[]; hasNextPage: boolean; cities: string[] };

/** "What's on": upcoming occurrences, by city or online only, a page at a time. */
export async function listWhatsOn(input: { db: Db; now: Date; city?: string | undefined; isOnlineOnly: boolean; page: number; perPage: number }): Promise<WhatsOnPage> {
  const [rows, cities] = await Promise.all([
    listPublicOccurrences(input.db, {
      now: input.now,
      cityKey: input.city === undefined ? undefined : cityKey(input.city),
      isOnlineOnly: input.isOnlineOnly,
      limit: input.perPage + 1,
      offset: (input.page - 1) * input.perPage,
    }),
    listPublicCities(input.db),
  ]);
  return { occurrences: rows.slice(0, input.perPage).map(toPublic), hasNextPage: rows.length > input.perPage, cities };
}

export type PublicEventPage = {
  event: { id: string; serviceId: string; title: string; description: string; serviceName: string; organisationName: string; isOnline: boolean; isRegistrationRequired: boolean; capacity: number | null };
  occurrences: PublicEventOccurrence[];
};

export async function findPublicEventPage(input: { db: Db; now: Date; eventId: string }): Promise<PublicEventPage | undefined> {
  const event = await findPublicEvent(input.db, input.eventId);
  if (!event) return undefined;
  const rows = await listPublicOccurrencesOf(input.db, { eventId: event.id, from: input.now, limit: 12 });
  return {
    event: {
      id: event.id,
      serviceId: event.service_id,
      title: event.title,
      description: event.description,
      serviceName: event.service_name,
      organisationName: event.organisation_name,
      isOnline: event.is_online,
      isRegistrationRequired: event.is_registration_required,
      capacity: event.capacity,
    },
    occurrences: rows.map(toPublic),
  };
}

/** The next occurrences of a service's published events: the service page's "upcoming events". */
export async function listUpcomingEventsOfService(input: { db: Db; now: Date; serviceId: string; limit: number }): Promise<PublicEventOccurrence[]> {
  return (await listPublicOccurrencesOf(input.db, { serviceId: input.serviceId, from: input.now, limit: input.limit })).map(toPublic);
}

/** Occurrences this far back stay in the feed, so a calendar program keeps what it showed (and its cancellations). */
const FEED_PAST_DAYS = 30;
const FEED_LIMIT = 1_000;

/**
 * A service's open events as an iCalendar feed (Danish time, cancelled dates as CANCELLED); undefined when the
 * service is not active. Online events say "Online" and link to their public page, where the link can be asked for.
 */
export async function renderServiceFeed(input: { db: Db; now: Date; serviceId: string; publicOrigin: string; eventPath: (eventId: string) => string }): Promise<string | undefined> {
  const service = await findActiveServiceName(input.db, input.serviceId);
  if (!service) return undefined;
  const rows = await listPublicOccurrencesOf(input.db, { serviceId: service.id, from: new Date(input.now.getTime() - FEED_PAST_DAYS * 86_400_000), limit: FEED_LIMIT });
  const events: FeedEvent[] = rows.map((row) => {
    const occurrence = toPublic(row);
    const date = DateTime.fromJSDate(occurrence.startsAt, { zone: DANISH_TIME_ZONE }).toFormat('yyyyLLdd');
    return {
      uid: `open-event-${occurrence.eventId}-${date}@bro`,
      title: occurrence.title,
      startsAt: occurrence.startsAt,
      endsAt: occurrence.endsAt,
      location: occurrence.place ? [occurrence.place.name, occurrence.place.addressLine, [occurrence.place.postalCode, occurrence.place.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : 'Online',
      description: occurrence.isCancelled ? occurrence.cancelNote : null,
      url: `${input.publicOrigin}${input.eventPath(occurrence.eventId)}`,
      isCancelled: occurrence.isCancelled,
    };
  });
  return renderICalendarFeed({ name: service.name, events, now: input.now });
}

export const LinkChannel = z.enum(['email', 'sms']);
export type LinkChannel = z.infer<typeof LinkChannel>;
export type LinkLanguage = 'da' | 'en' | 'ar';

/** The address as the outbox needs it, or undefined when it is not an e-mail address / phone number. */
export function readLinkAddress(channel: LinkChannel, address: string): string | undefined {
  const trimmed = address.trim();
  if (channel === 'sms') return normalisePhone(trimmed);
  return z.email().max(200).safeParse(trimmed).success ? trimmed : undefined;
}

/**
 * The message with the link. Neutral on purpose (the message-text rules): it names neither the event nor the service
 * nor what it is about — someone else may read the phone — only that this is the link that was asked for, and when.
 */
function composeLinkMessage(input: { link: string; next: Date | null; lang: LinkLanguage }): { subject: string; text: string } {
  const when = input.next ? DateTime.fromJSDate(input.next, { zone: DANISH_TIME_ZONE }).setLocale(input.lang === 'ar' ? 'ar' : input.lang === 'en' ? 'en-GB' : 'da').toFormat('cccc d. LLLL HH:mm') : null;
  if (input.lang === 'en') return { subject: 'The link you asked for', text: `Here is the link you asked for${when ? ` (next time: ${when})` : ''}: ${input.link}` };
  if (input.lang === 'ar') return { subject: 'الرابط الذي طلبته', text: `هذا هو الرابط الذي طلبته${when ? ` (المرة القادمة: ${when})` : ''}: ${input.link}` };
  return { subject: 'Linket, du bad om', text: `Her er linket, du bad om${when ? ` (næste gang: ${when})` : ''}: ${input.link}` };
}

export type LinkRequestOutcome = 'sent' | 'already_sent' | 'not_found';

/**
 * A person asked for an online event's link: one message through the outbox, in one transaction with its audit
 * entry (channel only) and the claim of the form's single-use challenge, so a reload sends nothing twice. The address
 * is stored only encrypted in the outbox and erased once sent.
 */
export async function requestOnlineLink(input: { db: Db; clock: Clock; cipher: FieldCipher; eventId: string; channel: LinkChannel; to: string; challenge: string; lang: LinkLanguage }): Promise<LinkRequestOutcome> {
  const now = input.clock.now();
  const event = await findPublicOnlineLink(input.db, input.eventId);
  if (!event || event.online_link_enc === null) return 'not_found';
  const [next] = await listPublicOccurrencesOf(input.db, { eventId: event.id, from: now, limit: 1 });
  return input.db.transaction().execute(async (trx) => {
    const isNew = await claimLinkRequest(trx, { challengeHash: input.cipher.lookupHash(`open-event-link-challenge:${input.challenge}`), eventId: event.id, now });
    if (!isNew) return 'already_sent';
    const message = composeLinkMessage({ link: input.cipher.decrypt(event.online_link_enc ?? ''), next: next?.starts_at ?? null, lang: input.lang });
    await enqueueMessage(trx, { cipher: input.cipher, now, message: { template: 'open_event_link', channel: input.channel, to: input.to, ...(input.channel === 'email' ? { subject: message.subject } : {}), text: message.text } });
    await appendAuditEntry(trx, { occurredAt: now, actorUserId: null, actorOrganisationId: null, action: 'open_event.send_link', objectType: 'open_event', objectId: event.id, details: { channel: input.channel } });
    return 'sent';
  });
}
