import type { CalendarEntry, Occurrence, OccurrenceList, OccurrenceQuery, RecordHeadCountRequest } from '@bro/domain';
import { appendAuditEntryBy } from '../../platform/audit-log.ts';
import type { Actor } from '../../platform/auth/authorization.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-encryption.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import type { StaffCalendarSource } from '../../platform/staff-calendar.ts';
import { findOccurrence, listEventsToExtend, listManageableServices, listOccurrences, listOccurrencesOfServices, updateOccurrence, type OccurrenceRow } from './event.queries.ts';
import { danishToday, getManageableEvent, horizonDate, materialiseOccurrences, type EventDeps } from './event.service.ts';

/** Occurrences of an event: the host's list, the anonymous head count, the staff calendar and the horizon job. */

const LIST_LIMIT = 200;

function toOccurrence(row: OccurrenceRow, cipher: FieldCipher): Occurrence {
  return {
    id: row.id,
    date: row.occurs_on,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    isCancelled: row.is_cancelled,
    cancelNote: row.cancel_note,
    headCount:
      row.head_count === null || row.head_count_recorded_at === null
        ? null
        : {
            total: row.head_count,
            firstTime: row.first_time_count ?? 0,
            withChildren: row.with_children_count,
            note: cipher.decryptOptional(row.head_count_note_enc),
            recordedAt: row.head_count_recorded_at.toISOString(),
          },
  };
}

function shiftDate(date: string, days: number): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}

/** By default the last 4 weeks (for head counts not yet recorded) and the next 12. */
export async function listEventOccurrences(input: EventDeps & { actor: Actor; eventId: string; query: OccurrenceQuery }): Promise<OccurrenceList> {
  const row = await getManageableEvent(input.db, input.actor, input.eventId);
  const today = danishToday(input.clock.now());
  const rows = await listOccurrences(input.db, { eventId: row.id, fromDate: input.query.from ?? shiftDate(today, -28), toDate: input.query.to ?? shiftDate(today, 84), limit: LIST_LIMIT });
  return { occurrences: rows.map((occurrence) => toOccurrence(occurrence, input.cipher)) };
}

/**
 * The anonymous head count of one occurrence: numbers and a short note (encrypted; refused when it holds a CPR
 * number, phone number or e-mail address, by the request schema). Only once the occurrence has begun, not on a
 * cancelled date, and never above the event's capacity when it has one. It can be corrected.
 */
export async function recordHeadCount(input: EventDeps & { actor: Actor; eventId: string; occurrenceId: string; request: RecordHeadCountRequest }): Promise<Occurrence> {
  const { actor, request } = input;
  const now = input.clock.now();
  await input.db.transaction().execute(async (trx) => {
    const event = await getManageableEvent(trx, actor, input.eventId, true);
    const occurrence = await findOccurrence(trx, { eventId: event.id, occurrenceId: input.occurrenceId });
    if (!occurrence) throw new AppError('not_found');
    if (occurrence.is_cancelled) throw new AppError('transition_not_allowed', [{ path: 'occurrence.isCancelled', message: 'occurrence_cancelled' }]);
    if (occurrence.starts_at.getTime() > now.getTime()) throw new AppError('validation_failed', [{ path: 'body.total', message: 'occurrence_not_yet_held' }]);
    if (event.capacity !== null && request.total > event.capacity) throw new AppError('validation_failed', [{ path: 'body.total', message: 'more_than_capacity' }]);
    await updateOccurrence(trx, occurrence.id, {
      head_count: request.total,
      first_time_count: request.firstTime,
      with_children_count: request.withChildren,
      head_count_note_enc: input.cipher.encryptOptional(request.note),
      head_count_recorded_at: now,
      head_count_recorded_by: actor.userId,
    });
    await appendAuditEntryBy(trx, actor, {
      occurredAt: now,
      action: 'open_event.record_head_count',
      objectType: 'open_event_occurrence',
      objectId: occurrence.id,
      details: { eventId: event.id, total: request.total, firstTime: request.firstTime, isCorrection: occurrence.head_count !== null, hasNote: request.note !== null },
    });
  });
  const updated = await findOccurrence(input.db, { eventId: input.eventId, occurrenceId: input.occurrenceId });
  if (!updated) throw new AppError('not_found');
  return toOccurrence(updated, input.cipher);
}

/**
 * The staff calendar's open-event entries: occurrences of events of the services the staff member is assigned to
 * (the organisation's admin: every service), on their side. The place is the public meeting place; an online event
 * shows no link here (the calendar is synced to phones): staff open the event in Bro for it.
 */
export const openEventCalendarSource: StaffCalendarSource = async (db, staff, range) => {
  const services = await listManageableServices(db, { organisationId: staff.organisationId, membershipId: staff.role === 'organisation_admin' ? null : staff.membershipId, serviceLine: staff.serviceLine });
  const rows = await listOccurrencesOfServices(db, { serviceIds: services.map((service) => service.id), from: range.from, to: range.to });
  return rows.map(
    (row): CalendarEntry => ({
      uid: `open-event-${row.event_id}-${row.occurs_on.replaceAll('-', '')}@bro`,
      kind: 'open_event',
      title: row.title,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      location: row.is_online ? null : [row.place_name, row.address_line, [row.postal_code, row.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
      isOnline: row.is_online,
      isCancelled: row.is_cancelled,
      appPath: `/events/${row.event_id}`,
    }),
  );
};

const EXTEND_BATCH = 200;

/**
 * Daily: every event's occurrences reach the rolling horizon (12 months). Idempotent: an event already materialised
 * that far is not selected; each event is its own small transaction.
 */
export async function extendOccurrenceHorizon(input: Pick<EventDeps, 'db' | 'clock'>): Promise<number> {
  const now = input.clock.now();
  const until = horizonDate(now);
  let extended = 0;
  // Bounded even if an event could not be moved on (each round takes the next batch): at most 50 × 200 events a day.
  for (let round = 0; round < 50; round++) {
    const events = await listEventsToExtend(input.db, { until, limit: EXTEND_BATCH });
    for (const event of events) {
      await input.db.transaction().execute((trx) => materialiseOccurrences(trx, { eventId: event.id, organisationId: event.organisation_id, now }));
    }
    extended += events.length;
    if (events.length < EXTEND_BATCH) return extended;
  }
  return extended;
}

export const eventJobs: readonly JobDefinition[] = [
  {
    name: 'extend-open-event-occurrences',
    cron: '20 3 * * *',
    handler: async (context) => {
      const count = await extendOccurrenceHorizon(context);
      context.log?.('info', `open event occurrences extended for ${count} events`);
      return count > 0 ? 'done' : 'skipped';
    },
  },
];
