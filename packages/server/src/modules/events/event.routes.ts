import {
  CancelDateRequest,
  CreateOpenEventRequest,
  ExceptionParams,
  OccurrenceList,
  OccurrenceParams,
  OccurrenceQuery,
  Occurrence,
  OpenEvent,
  OpenEventIdParams,
  OpenEventList,
  OpenEventListQuery,
  OpenEventServiceList,
  RecordHeadCountRequest,
  UpdateOpenEventRequest,
} from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor } from '../../platform/auth/authorization.ts';
import { cancelDate, changeEvent, createEvent, getEvent, listEvents, listEventServices, restoreDate } from './event.service.ts';
import { listEventOccurrences, recordHeadCount } from './occurrence.service.ts';

/**
 * Recurring open events (drop-in, weekly lunch) for the staff app. `events:manage`, and the object is checked: the
 * caller's organisation, a service they are assigned to (the organisation's admin: any), on their side; otherwise
 * 404. Recurrence rules the platform cannot expand within its bounds are a 422 at `body.recurrence.rule`.
 */
export function registerEventRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, cipher } = deps;
  const config = { permission: 'events:manage' as const };
  const tags = ['events'];
  const on = (request: Parameters<typeof requireActor>[0]) => ({ db, clock, cipher, actor: requireActor(request) });

  api.get('/events/services', { config, schema: { tags, summary: 'The services I may publish open events for', response: { 200: OpenEventServiceList } } }, async (request) =>
    listEventServices({ db, actor: requireActor(request) }),
  );

  api.get('/events', { config, schema: { tags, summary: 'Open events of my services, with the next date of each', querystring: OpenEventListQuery, response: { 200: OpenEventList } } }, async (request) =>
    listEvents({ ...on(request), serviceId: request.query.serviceId }),
  );

  api.post(
    '/events',
    {
      config,
      schema: {
        tags,
        summary: 'Publishes a recurring open event',
        description: 'The recurrence is an RFC 5545 RRULE in Danish wall-clock time (DAILY, WEEKLY, MONTHLY, YEARLY). A public place or an online link (stored encrypted, never on a public page).',
        body: CreateOpenEventRequest,
        response: { 201: OpenEvent },
      },
    },
    async (request, reply) => reply.status(201).send(await createEvent({ ...on(request), request: request.body })),
  );

  api.get('/events/:eventId', { config, schema: { tags, summary: 'One open event, with its cancelled dates and (for staff) its online link', params: OpenEventIdParams, response: { 200: OpenEvent } } }, async (request) =>
    getEvent({ ...on(request), eventId: request.params.eventId }),
  );

  api.put(
    '/events/:eventId',
    { config, schema: { tags, summary: 'Changes an open event (future occurrences follow; past ones and recorded head counts stay)', params: OpenEventIdParams, body: UpdateOpenEventRequest, response: { 200: OpenEvent } } },
    async (request) => changeEvent({ ...on(request), eventId: request.params.eventId, request: request.body }),
  );

  api.post(
    '/events/:eventId/exceptions',
    { config, schema: { tags, summary: 'Cancels one date with a note (the occurrence stays, marked cancelled)', params: OpenEventIdParams, body: CancelDateRequest, response: { 200: OpenEvent } } },
    async (request) => cancelDate({ ...on(request), eventId: request.params.eventId, request: request.body }),
  );

  api.delete('/events/:eventId/exceptions/:date', { config, schema: { tags, summary: 'Restores a cancelled date', params: ExceptionParams, response: { 200: OpenEvent } } }, async (request) =>
    restoreDate({ ...on(request), eventId: request.params.eventId, date: request.params.date }),
  );

  registerOccurrenceRoutes(app, deps);
}

/** An event's occurrences and their anonymous head counts: the same permission and object check as the event. */
function registerOccurrenceRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, cipher } = deps;
  const config = { permission: 'events:manage' as const };
  const tags = ['events'];
  const on = (request: Parameters<typeof requireActor>[0]) => ({ db, clock, cipher, actor: requireActor(request) });

  api.get(
    '/events/:eventId/occurrences',
    { config, schema: { tags, summary: 'Occurrences with their head counts (default: 4 weeks back, 12 ahead)', params: OpenEventIdParams, querystring: OccurrenceQuery, response: { 200: OccurrenceList } } },
    async (request) => listEventOccurrences({ ...on(request), eventId: request.params.eventId, query: request.query }),
  );

  api.put(
    '/events/:eventId/occurrences/:occurrenceId/head-count',
    {
      config,
      schema: {
        tags,
        summary: 'Records the anonymous head count of an occurrence',
        description: 'Numbers only, and a short note without personal data (a CPR number, phone number or e-mail address is refused).',
        params: OccurrenceParams,
        body: RecordHeadCountRequest,
        response: { 200: Occurrence },
      },
    },
    async (request) => recordHeadCount({ ...on(request), eventId: request.params.eventId, occurrenceId: request.params.occurrenceId, request: request.body }),
  );
}
