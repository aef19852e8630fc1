import { expandRecurrence, RECURRENCE_LIMITS, type CancelDateRequest, type CreateOpenEventRequest, type OpenEvent, type OpenEventList, type OpenEventPlace, type OpenEventServiceList, type UpdateOpenEventRequest } from '@bro/domain';
import type { Transaction } from 'kysely';
import { DateTime } from 'luxon';
import type { Database, Db, NewRow } from '../../db/tables.ts';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import { DANISH_TIME_ZONE, fromDanishWallClock } from '../../platform/icalendar.ts';
import {
  deleteException,
  findEvent,
  findService,
  insertEvent,
  isAssignedToService,
  listEventsOfServices,
  listExceptions,
  listManageableServices,
  replaceFutureOccurrences,
  updateEvent,
  upsertException,
  type EventRow,
  type OccurrenceValues,
} from './event.queries.ts';

/**
 * Recurring open events of a service: publish, change, cancel a date. Who: `events:manage` and assigned to the
 * service (service_staff), or the organisation's admin; another organisation's event, a service one is not assigned
 * to, or one of the other service line answers 404. Each change writes its audit entry and re-materialises the
 * occurrences in the same transaction.
 */

export type EventDeps = { db: Db; clock: Clock; cipher: FieldCipher };
type Trx = Transaction<Database>;

/** How far ahead occurrences are materialised (the daily job keeps it rolling). */
const HORIZON_MONTHS = RECURRENCE_LIMITS.maxMonthsAhead;

/** Today's date on the Danish calendar. */
export function danishToday(now: Date): string {
  return DateTime.fromJSDate(now, { zone: DANISH_TIME_ZONE }).toISODate() ?? now.toISOString().slice(0, 10);
}

function addMonthsToDate(date: string, months: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ months }).toISODate() ?? date;
}

/** The last date occurrences are materialised to, seen from now: one definition for saving and for the daily job. */
export function horizonDate(now: Date): string {
  return addMonthsToDate(danishToday(now), HORIZON_MONTHS);
}

function isOtherSide(actor: Pick<Actor, 'serviceLine'>, serviceLine: string | null): boolean {
  return actor.serviceLine !== null && serviceLine !== null && actor.serviceLine !== serviceLine;
}

/** Only the organisation's admin manages every service's events; staff those of the services they are assigned to. */
function isOrganisationWide(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'organisation_admin';
}

async function checkServiceAccess(db: Db, actor: Actor, service: { id: string; service_line: string | null }): Promise<void> {
  if (isOtherSide(actor, service.service_line)) throw new AppError('not_found');
  if (!isOrganisationWide(actor) && !(await isAssignedToService(db, { serviceId: service.id, membershipId: actor.membershipId }))) throw new AppError('not_found');
}

/** The event, if the caller may manage it; 404 otherwise. */
export async function getManageableEvent(db: Db, actor: Actor, eventId: string, isForUpdate = false): Promise<EventRow> {
  const row = await findEvent(db, { eventId, organisationId: actor.organisationId, isForUpdate });
  if (!row) throw new AppError('not_found');
  await checkServiceAccess(db, actor, { id: row.service_id, service_line: row.service_line });
  return row;
}

/** The services the caller may manage events for (for the staff form's choice and list filter). */
export async function listEventServices(input: { db: Db; actor: Actor }): Promise<OpenEventServiceList> {
  const { actor } = input;
  const services = await listManageableServices(input.db, { organisationId: actor.organisationId, membershipId: isOrganisationWide(actor) ? null : actor.membershipId, serviceLine: actor.serviceLine });
  return { services };
}

export async function listEvents(input: { db: Db; clock: Clock; actor: Actor; serviceId?: string | undefined }): Promise<OpenEventList> {
  const { services } = await listEventServices(input);
  const serviceIds = services.map((service) => service.id).filter((id) => input.serviceId === undefined || id === input.serviceId);
  const rows = await listEventsOfServices(input.db, { serviceIds, now: input.clock.now() });
  return {
    events: rows.map((row) => ({
      id: row.id,
      serviceId: row.service_id,
      serviceName: row.service_name,
      title: row.title,
      isOnline: row.is_online,
      city: row.city,
      isPublished: row.is_published,
      nextStartsAt: row.next_starts_at === null ? null : new Date(row.next_starts_at).toISOString(),
    })),
  };
}

export async function getEvent(input: EventDeps & { actor: Actor; eventId: string }): Promise<OpenEvent> {
  const row = await getManageableEvent(input.db, input.actor, input.eventId);
  return toOpenEvent(input.db, row, input.cipher);
}

async function toOpenEvent(db: Db, row: EventRow, cipher: FieldCipher): Promise<OpenEvent> {
  const exceptions = await listExceptions(db, row.id);
  const place: OpenEventPlace = row.is_online
    ? { kind: 'online', link: cipher.decrypt(row.online_link_enc ?? '') }
    : { kind: 'in_person', name: row.place_name ?? '', addressLine: row.address_line ?? '', postalCode: row.postal_code ?? '', city: row.city ?? '' };
  return {
    id: row.id,
    serviceId: row.service_id,
    serviceName: row.service_name,
    title: row.title,
    description: row.description,
    recurrence: { rule: row.recurrence_rule, startDate: row.start_date, startTime: row.start_time, durationMinutes: row.duration_minutes },
    place,
    isRegistrationRequired: row.is_registration_required,
    capacity: row.capacity,
    isPublished: row.is_published,
    exceptions,
    updatedAt: row.updated_at.toISOString(),
  };
}

function toEventValues(request: UpdateOpenEventRequest, cipher: FieldCipher, now: Date) {
  const { place } = request;
  const isOnline = place.kind === 'online';
  return {
    title: request.title,
    description: request.description,
    recurrence_rule: request.recurrence.rule.trim().replace(/^RRULE:/i, '').toUpperCase(),
    start_date: request.recurrence.startDate,
    start_time: request.recurrence.startTime,
    duration_minutes: request.recurrence.durationMinutes,
    is_online: isOnline,
    place_name: isOnline ? null : place.name,
    address_line: isOnline ? null : place.addressLine,
    postal_code: isOnline ? null : place.postalCode,
    city: isOnline ? null : place.city,
    online_link_enc: isOnline ? cipher.encrypt(place.link) : null,
    is_registration_required: request.isRegistrationRequired,
    capacity: request.capacity,
    is_published: request.isPublished,
    updated_at: now,
  } satisfies Partial<NewRow<'open_events'>>;
}

/** A rule that gives no date from today within the horizon is refused: an event nobody can ever come to. */
function checkRuleGivesDates(request: UpdateOpenEventRequest, now: Date): void {
  const today = danishToday(now);
  const from = request.recurrence.startDate > today ? request.recurrence.startDate : today;
  const dates = expandRecurrence(request.recurrence, { from, to: addMonthsToDate(from, HORIZON_MONTHS) });
  if (dates.length === 0) throw new AppError('validation_failed', [{ path: 'body.recurrence.rule', message: 'rule_produces_no_date' }]);
}

export async function createEvent(input: EventDeps & { actor: Actor; request: CreateOpenEventRequest }): Promise<OpenEvent> {
  const { actor, request } = input;
  const now = input.clock.now();
  const service = await findService(input.db, { serviceId: request.serviceId, organisationId: actor.organisationId });
  if (!service || !service.is_active) throw new AppError('validation_failed', [{ path: 'body.serviceId', message: 'unknown_or_inactive_service' }]);
  await checkServiceAccess(input.db, actor, service).catch(() => {
    throw new AppError('validation_failed', [{ path: 'body.serviceId', message: 'unknown_or_inactive_service' }]);
  });
  checkRuleGivesDates(request, now);
  const eventId = await input.db.transaction().execute(async (trx) => {
    const id = await insertEvent(trx, { ...toEventValues(request, input.cipher, now), organisation_id: actor.organisationId, service_id: service.id, created_at: now });
    await materialiseOccurrences(trx, { eventId: id, organisationId: actor.organisationId, now });
    await appendAuditEntryBy(trx, actor, { occurredAt: now, action: 'open_event.create', objectType: 'open_event', objectId: id, details: { serviceId: service.id, isOnline: request.place.kind === 'online', isPublished: request.isPublished } });
    return id;
  });
  return getEvent({ ...input, eventId });
}

export async function changeEvent(input: EventDeps & { actor: Actor; eventId: string; request: UpdateOpenEventRequest }): Promise<OpenEvent> {
  const { actor, request } = input;
  const now = input.clock.now();
  checkRuleGivesDates(request, now);
  await input.db.transaction().execute(async (trx) => {
    const row = await getManageableEvent(trx, actor, input.eventId, true);
    await updateEvent(trx, row.id, toEventValues(request, input.cipher, now));
    await materialiseOccurrences(trx, { eventId: row.id, organisationId: actor.organisationId, now });
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'open_event.update',
      objectType: 'open_event',
      objectId: row.id,
      details: { isRuleChanged: row.recurrence_rule !== request.recurrence.rule, isOnline: request.place.kind === 'online', isPublished: request.isPublished },
    });
  });
  return getEvent(input);
}

/** Cancels one date (a holiday) with a note: the occurrence stays, marked cancelled, on every page and in the feed. */
export async function cancelDate(input: EventDeps & { actor: Actor; eventId: string; request: CancelDateRequest }): Promise<OpenEvent> {
  const { actor } = input;
  const now = input.clock.now();
  await input.db.transaction().execute(async (trx) => {
    const row = await getManageableEvent(trx, actor, input.eventId, true);
    await upsertException(trx, { eventId: row.id, date: input.request.date, note: input.request.note, now });
    await materialiseOccurrences(trx, { eventId: row.id, organisationId: actor.organisationId, now });
    await appendAuditEntryBy(trx, actor, { occurredAt: now, action: 'open_event.cancel_date', objectType: 'open_event', objectId: row.id, details: { date: input.request.date } });
  });
  return getEvent(input);
}

export async function restoreDate(input: EventDeps & { actor: Actor; eventId: string; date: string }): Promise<OpenEvent> {
  const { actor } = input;
  const now = input.clock.now();
  await input.db.transaction().execute(async (trx) => {
    const row = await getManageableEvent(trx, actor, input.eventId, true);
    if (!(await deleteException(trx, { eventId: row.id, date: input.date }))) throw new AppError('not_found');
    await materialiseOccurrences(trx, { eventId: row.id, organisationId: actor.organisationId, now });
    await appendAuditEntryBy(trx, actor, { occurredAt: now, action: 'open_event.restore_date', objectType: 'open_event', objectId: row.id, details: { date: input.date } });
  });
  return getEvent(input);
}

/**
 * Expands the rule from today to the horizon and writes the occurrences (with cancelled dates marked), so the public
 * list is one indexed query. Times are Danish wall-clock: 11:00 is 11:00 on both sides of a summer-time change.
 */
export async function materialiseOccurrences(trx: Trx, input: { eventId: string; organisationId: string; now: Date }): Promise<number> {
  const row = await findEvent(trx, { eventId: input.eventId, organisationId: input.organisationId });
  if (!row) return 0;
  const today = danishToday(input.now);
  const until = horizonDate(input.now);
  const exceptions = new Map((await listExceptions(trx, row.id)).map((exception) => [exception.date, exception.note]));
  const dates = expandRecurrence({ rule: row.recurrence_rule, startDate: row.start_date, startTime: row.start_time }, { from: today, to: until });
  const isPublic = row.is_published && row.is_service_active;
  const occurrences: OccurrenceValues[] = dates.map((date) => {
    const startsAt = fromDanishWallClock(date, row.start_time);
    return {
      event_id: row.id,
      occurs_on: date,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + row.duration_minutes * 60_000),
      is_public: isPublic,
      is_online: row.is_online,
      city_key: row.city === null ? null : cityKey(row.city),
      is_cancelled: exceptions.has(date),
      cancel_note: exceptions.get(date) ?? null,
    };
  });
  await replaceFutureOccurrences(trx, { eventId: row.id, fromDate: today, occurrences });
  await updateEvent(trx, row.id, { materialised_until: until });
  return occurrences.length;
}

/** How a city is compared in the public filter: trimmed and lower-cased ("København" = "københavn "). */
export function cityKey(city: string): string {
  return city.trim().toLocaleLowerCase('da');
}
