import { createHash, randomBytes } from 'node:crypto';
import { addDaysToDate, CalendarEntry, listWeekDates, Role, ServiceLine, type CalendarFeedStatus, type CalendarWeek, type CreatedCalendarFeed } from '@bro/domain';
import { DateTime } from 'luxon';
import type { Db } from '../../db/tables.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { DANISH_TIME_ZONE, fromDanishWallClock, renderICalendarFeed, type FeedEvent } from '../../platform/icalendar.ts';
import type { StaffCalendarSource } from '../../platform/staff-calendar.ts';
import { staffAppUrl } from '../../platform/staff-app.ts';
import { deleteFeedTokenOfMembership, findFeedOwner, findFeedTokenOfMembership, markFeedTokenUsed, upsertFeedToken } from './calendar.queries.ts';

type Staff = Parameters<StaffCalendarSource>[1];
type Range = { from: Date; to: Date };

/** The feed reaches this far back and ahead: enough for a calendar program, bounded for the sources. */
const FEED_DAYS_BACK = 28;
const FEED_DAYS_AHEAD = 183;
/** `last_used_at` is written at most this often: calendar programs fetch every few minutes. */
const FEED_USE_RESOLUTION_MS = 60 * 60_000;
/** A feed address path: `/kalender/<token>.ics`; the token is 32 random bytes, base64url. */
const FEED_PATH_PREFIX = '/kalender/';
const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const danishOrder = new Intl.Collator('da');

/**
 * Every source's entries for one staff member in a range, merged: each validated, those starting outside the range
 * left out, one per uid (two sources may know the same meeting), by start, end, title. A failing source fails the
 * whole calendar: a calendar that silently lacks a meeting is worse than none.
 */
async function collectCalendarEntries(input: { db: Db; sources: readonly StaffCalendarSource[]; staff: Staff; range: Range }): Promise<CalendarEntry[]> {
  const lists = await Promise.all(input.sources.map((source) => source(input.db, input.staff, input.range)));
  const byUid = new Map<string, CalendarEntry>();
  for (const entry of lists.flat().map((candidate) => CalendarEntry.parse(candidate))) {
    const startsAt = Date.parse(entry.startsAt);
    if (startsAt < input.range.from.getTime() || startsAt >= input.range.to.getTime() || byUid.has(entry.uid)) continue;
    byUid.set(entry.uid, entry);
  }
  return [...byUid.values()].sort(
    (a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || Date.parse(a.endsAt) - Date.parse(b.endsAt) || danishOrder.compare(a.title, b.title) || a.uid.localeCompare(b.uid),
  );
}

function danishDateOf(instant: Date | string): string {
  const time = typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  return time.setZone(DANISH_TIME_ZONE).toISODate() ?? '';
}

/** The caller's own Monday-to-Sunday week in Danish time (the week of `start`, or of today). */
export async function getCalendarWeek(input: { db: Db; clock: Clock; sources: readonly StaffCalendarSource[]; actor: Actor; start: string | undefined }): Promise<CalendarWeek> {
  const dates = listWeekDates(input.start ?? danishDateOf(input.clock.now()));
  const monday = dates[0] as string;
  const nextMonday = addDaysToDate(monday, 7);
  // Danish midnights: 00:30 on a Monday in summer time is 22:30 UTC on the Sunday, and belongs to the Monday's week.
  const range = { from: fromDanishWallClock(monday, '00:00'), to: fromDanishWallClock(nextMonday, '00:00') };
  const entries = await collectCalendarEntries({ db: input.db, sources: input.sources, staff: input.actor, range });
  return {
    start: monday,
    end: dates[6] as string,
    previousStart: addDaysToDate(monday, -7),
    nextStart: nextMonday,
    days: dates.map((date) => ({ date, entries: entries.filter((entry) => danishDateOf(entry.startsAt) === date) })),
  };
}

export async function getCalendarFeedStatus(input: { db: Db; actor: Actor }): Promise<CalendarFeedStatus> {
  const row = await findFeedTokenOfMembership(input.db, input.actor.membershipId);
  return { hasFeed: row !== undefined, createdAt: row?.created_at.toISOString() ?? null, lastUsedAt: row?.last_used_at?.toISOString() ?? null };
}

function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new private feed address for the caller's membership, replacing any earlier one. The token is only in the answer. */
export async function createCalendarFeed(input: { db: Db; clock: Clock; actor: Actor; publicOrigin: string }): Promise<CreatedCalendarFeed> {
  const now = input.clock.now();
  const token = randomBytes(32).toString('base64url');
  await input.db.transaction().execute(async (trx) => {
    const row = await upsertFeedToken(trx, { membershipId: input.actor.membershipId, userId: input.actor.userId, tokenHash: hashFeedToken(token), now });
    await appendAuditEntryBy(trx, input.actor, { occurredAt: now, action: 'calendar_feed.create', objectType: 'calendar_feed', objectId: row.id, details: { isReplacement: row.isReplacement } });
  });
  return { url: new URL(`${FEED_PATH_PREFIX}${token}.ics`, input.publicOrigin).href, createdAt: now.toISOString() };
}

/** Revokes the caller's feed address; nothing to do (and nothing audited) when there is none. */
export async function revokeCalendarFeed(input: { db: Db; clock: Clock; actor: Actor }): Promise<void> {
  const now = input.clock.now();
  await input.db.transaction().execute(async (trx) => {
    const row = await deleteFeedTokenOfMembership(trx, input.actor.membershipId);
    if (row) await appendAuditEntryBy(trx, input.actor, { occurredAt: now, action: 'calendar_feed.revoke', objectType: 'calendar_feed', objectId: row.id });
  });
}

/**
 * The iCalendar text of a private feed, read as its owner's current membership; `undefined` for a malformed,
 * unknown, replaced or revoked token, or an owner who is deactivated or lost the membership (the caller answers a
 * plain 404 and tells none of these apart). No participant's name: entries never carry one, and the feed names
 * neither its owner nor their organisation.
 */
export async function readCalendarFeed(input: { db: Db; clock: Clock; sources: readonly StaffCalendarSource[]; token: string; publicOrigin: string }): Promise<string | undefined> {
  if (!FEED_TOKEN_PATTERN.test(input.token)) return undefined;
  const owner = await findFeedOwner(input.db, hashFeedToken(input.token));
  if (!owner) return undefined;
  const now = input.clock.now();
  const staff: Staff = { userId: owner.userId, membershipId: owner.membershipId, organisationId: owner.organisationId, role: Role.parse(owner.role), serviceLine: owner.serviceLine === null ? null : ServiceLine.parse(owner.serviceLine) };
  const range = { from: new Date(now.getTime() - FEED_DAYS_BACK * 86_400_000), to: new Date(now.getTime() + FEED_DAYS_AHEAD * 86_400_000) };
  const entries = await collectCalendarEntries({ db: input.db, sources: input.sources, staff, range });
  if (owner.lastUsedAt === null || now.getTime() - owner.lastUsedAt.getTime() >= FEED_USE_RESOLUTION_MS) await markFeedTokenUsed(input.db, { tokenId: owner.tokenId, now });
  return renderICalendarFeed({ name: 'Bro – min kalender', events: entries.map((entry) => toFeedEvent(entry, input.publicOrigin)), now });
}

function toFeedEvent(entry: CalendarEntry, publicOrigin: string): FeedEvent {
  return {
    uid: entry.uid,
    title: entry.title,
    startsAt: new Date(entry.startsAt),
    endsAt: new Date(entry.endsAt),
    location: entry.isOnline ? 'Online' : entry.location,
    description: null,
    url: entry.appPath ? new URL(staffAppUrl(entry.appPath), publicOrigin).href : null,
    isCancelled: entry.isCancelled,
  };
}
