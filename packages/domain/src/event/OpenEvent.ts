import { z } from 'zod';
import { identifier, text } from '../common/text.ts';
import { findPersonalData } from './personal-data.ts';
import { parseRecurrenceRule } from './recurrence.ts';

/**
 * Recurring open events of a service (drop-in coffee, the weekly lunch): no names, no sign-up list. The host records
 * an anonymous head count per occurrence. An online event's link is stored encrypted and never shown on a public
 * page: a person asks for it and gets it by e-mail or SMS.
 */

const line = (max: number) => text({ max }).min(1);

export const LocalDate = z.iso.date();
export const WallClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time_format' });

export const Recurrence = z.strictObject({
  /** RFC 5545 RRULE, e.g. `FREQ=WEEKLY;BYDAY=TU,TH`. */
  rule: identifier({ max: 300 }).check((context) => {
      const parsed = parseRecurrenceRule(context.value);
      if (!parsed.ok) context.issues.push({ code: 'custom', message: parsed.problem, input: context.value });
    }),
  startDate: LocalDate,
  /** Danish wall-clock time: 11:00 stays 11:00 in summer and winter. */
  startTime: WallClockTime,
  durationMinutes: z.number().int().min(15).max(720),
});
export type Recurrence = z.infer<typeof Recurrence>;

/** A public place (never a shelter's confidential address), or online with a link kept from every public page. */
export const OpenEventPlace = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('in_person'), name: line(120), addressLine: line(120), postalCode: z.string().regex(/^\d{4}$/, { message: 'postcode_format' }), city: line(60) }),
  z.strictObject({ kind: z.literal('online'), link: z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(500) }),
]);
export type OpenEventPlace = z.infer<typeof OpenEventPlace>;

const openEventFields = {
  title: line(120),
  description: text({ max: 2000, multiline: true }).min(1),
  recurrence: Recurrence,
  place: OpenEventPlace,
  isRegistrationRequired: z.boolean(),
  capacity: z.number().int().min(1).max(1000).nullable(),
  isPublished: z.boolean(),
};

export const UpdateOpenEventRequest = z.strictObject(openEventFields);
export type UpdateOpenEventRequest = z.infer<typeof UpdateOpenEventRequest>;

export const CreateOpenEventRequest = z.strictObject({ serviceId: z.uuid(), ...openEventFields });
export type CreateOpenEventRequest = z.infer<typeof CreateOpenEventRequest>;

export const OpenEventException = z.object({ date: LocalDate, note: z.string() });
export type OpenEventException = z.infer<typeof OpenEventException>;

export const OpenEvent = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  serviceName: z.string(),
  title: z.string(),
  description: z.string(),
  recurrence: z.object({ rule: z.string(), startDate: LocalDate, startTime: z.string(), durationMinutes: z.number().int() }),
  /** For staff of the service: the online link in full. */
  place: OpenEventPlace,
  isRegistrationRequired: z.boolean(),
  capacity: z.number().int().nullable(),
  isPublished: z.boolean(),
  exceptions: z.array(OpenEventException),
  updatedAt: z.iso.datetime(),
});
export type OpenEvent = z.infer<typeof OpenEvent>;

export const OpenEventSummary = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  serviceName: z.string(),
  title: z.string(),
  isOnline: z.boolean(),
  city: z.string().nullable(),
  isPublished: z.boolean(),
  nextStartsAt: z.iso.datetime().nullable(),
});
export type OpenEventSummary = z.infer<typeof OpenEventSummary>;

export const OpenEventList = z.object({ events: z.array(OpenEventSummary) });
export type OpenEventList = z.infer<typeof OpenEventList>;

/** A service the caller may publish events for (assigned to it, or the organisation's admin). */
export const OpenEventServiceList = z.object({ services: z.array(z.object({ id: z.uuid(), name: z.string() })) });
export type OpenEventServiceList = z.infer<typeof OpenEventServiceList>;

export const HeadCount = z.object({
  total: z.number().int(),
  firstTime: z.number().int(),
  withChildren: z.number().int().nullable(),
  note: z.string().nullable(),
  recordedAt: z.iso.datetime(),
});
export type HeadCount = z.infer<typeof HeadCount>;

export const Occurrence = z.object({
  id: z.uuid(),
  date: LocalDate,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  isCancelled: z.boolean(),
  cancelNote: z.string().nullable(),
  headCount: HeadCount.nullable(),
});
export type Occurrence = z.infer<typeof Occurrence>;

export const OccurrenceList = z.object({ occurrences: z.array(Occurrence) });
export type OccurrenceList = z.infer<typeof OccurrenceList>;

export const OccurrenceQuery = z.strictObject({ from: LocalDate.optional(), to: LocalDate.optional() });
export type OccurrenceQuery = z.infer<typeof OccurrenceQuery>;

/** Cancel one date (a holiday): the occurrence stays, marked cancelled with the note, on every page and feed. */
export const CancelDateRequest = z.strictObject({ date: LocalDate, note: line(200) });
export type CancelDateRequest = z.infer<typeof CancelDateRequest>;

/** Anonymous: numbers, and a short note that must not name or point to anyone. */
export const RecordHeadCountRequest = z
  .strictObject({
    total: z.number().int().min(0).max(1000),
    firstTime: z.number().int().min(0).max(1000),
    withChildren: z.number().int().min(0).max(1000).nullable(),
    note: text({ max: 500, multiline: true })
      .check((context) => {
        const kind = findPersonalData(context.value);
        if (kind) context.issues.push({ code: 'custom', message: `note_contains_${kind}`, input: context.value });
      })
      .nullable(),
  })
  .check((context) => {
    const { total, firstTime, withChildren } = context.value;
    if (firstTime > total) context.issues.push({ code: 'custom', path: ['firstTime'], message: 'more_than_total', input: firstTime });
    if (withChildren !== null && withChildren > total) context.issues.push({ code: 'custom', path: ['withChildren'], message: 'more_than_total', input: withChildren });
  });
export type RecordHeadCountRequest = z.infer<typeof RecordHeadCountRequest>;

export const OpenEventIdParams = z.strictObject({ eventId: z.uuid() });
export const OccurrenceParams = z.strictObject({ eventId: z.uuid(), occurrenceId: z.uuid() });
export const ExceptionParams = z.strictObject({ eventId: z.uuid(), date: LocalDate });
export const OpenEventListQuery = z.strictObject({ serviceId: z.uuid().optional() });

/** The public "what's on" filters: a city (as written on the events), online only, a page. */
export const WhatsOnFilter = z.object({ city: identifier({ max: 60 }).optional(), isOnlineOnly: z.boolean(), page: z.number().int().min(1) });
export type WhatsOnFilter = z.infer<typeof WhatsOnFilter>;
