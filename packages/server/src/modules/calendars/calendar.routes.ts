import { CalendarFeedStatus, CalendarWeek, CalendarWeekQuery, CreatedCalendarFeed } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor } from '../../platform/auth/authorization.ts';
import { sendProblem } from '../../platform/errors.ts';
import type { StaffCalendarSource } from '../../platform/staff-calendar.ts';
import { createCalendarFeed, getCalendarFeedStatus, getCalendarWeek, readCalendarFeed, revokeCalendarFeed } from './calendar.service.ts';

/** Feed fetches per client address and minute: a calendar program polls every few minutes; guessing needs millions. */
const FEED_FETCHES_PER_MINUTE = 30;

/**
 * Every signed-in staff member's own calendar (issue 14 §5–6), merged from the sources other modules give app.ts
 * (group meetings, open events, community meetings): the week view and the private feed address.
 *
 * Permission `session`: the calendar is the caller's own; what is in it is each source's decision for that caller.
 */
export function registerCalendarRoutes(app: FastifyInstance, deps: AppDeps, sources: readonly StaffCalendarSource[]): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;
  const config = { permission: 'session' as const };
  const tags = ['calendar'];

  api.get(
    '/calendar/week',
    {
      config,
      schema: {
        tags,
        operationId: 'getCalendarWeek',
        summary: 'My own week, Monday to Sunday in Danish time',
        description: 'The week that holds `start` (any day of it; today without it): my meetings and events from every source, by start time. No participant names.',
        querystring: CalendarWeekQuery,
        response: { 200: CalendarWeek },
      },
    },
    async (request) => getCalendarWeek({ db, clock, sources, actor: requireActor(request), start: request.query.start }),
  );

  api.get(
    '/calendar/feed',
    { config, schema: { tags, operationId: 'getCalendarFeed', summary: 'Whether I have a private calendar feed address (never the address)', response: { 200: CalendarFeedStatus } } },
    async (request) => getCalendarFeedStatus({ db, actor: requireActor(request) }),
  );

  api.post(
    '/calendar/feed',
    {
      config,
      schema: {
        tags,
        operationId: 'createCalendarFeed',
        summary: 'Makes my private calendar feed address, replacing any earlier one',
        description: 'The address is shown this once: only a hash of its token is kept. An earlier address stops working at once.',
        body: z.strictObject({}).optional(),
        response: { 201: CreatedCalendarFeed },
      },
    },
    async (request, reply) => reply.status(201).send(await createCalendarFeed({ db, clock, actor: requireActor(request), publicOrigin: deps.config.publicOrigin })),
  );

  api.delete(
    '/calendar/feed',
    { config, schema: { tags, operationId: 'revokeCalendarFeed', summary: 'Revokes my private calendar feed address (if any)', response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeCalendarFeed({ db, clock, actor: requireActor(request) });
      return reply.status(204).send(null);
    },
  );
}

/** Any token-shaped text: a malformed token is the same 404 as an unknown one (the service checks its form). */
const FeedParams = z.object({ token: z.string().regex(/^[^/]{1,200}$/) });

/**
 * The private feed a calendar program subscribes to: `GET /kalender/<token>.ics`, outside `/api/` (it is fetched
 * without a session). The token is the credential, so the route is public and rate-limited per client address;
 * whatever is wrong with a token is the same plain 404 (`not_found`, nothing more). The request log never holds the token: app.ts's request
 * serializer logs this path with the token replaced (platform/request-log.ts), and nothing else logs a URL.
 */
export function registerCalendarFeedRoute(app: FastifyInstance, deps: AppDeps, sources: readonly StaffCalendarSource[]): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const rateLimit = deps.config.isRateLimitEnabled === false ? {} : { rateLimit: { max: FEED_FETCHES_PER_MINUTE, timeWindow: 60_000 } };
  api.get(
    '/kalender/:token.ics',
    {
      config: { permission: 'public', ...rateLimit },
      schema: {
        tags: ['calendar'],
        operationId: 'readCalendarFeedFile',
        summary: 'A private iCalendar feed (text/calendar, RFC 5545), by the token in its address',
        description: 'Four weeks back to six months ahead, times in Europe/Copenhagen. An unknown, replaced or revoked token, or one whose owner is no longer active, is 404.',
        params: FeedParams,
        response: { 200: z.string().describe('text/calendar') },
      },
    },
    async (request, reply) => {
      const feed = await readCalendarFeed({ db: deps.db, clock: deps.clock, sources, token: request.params.token, publicOrigin: deps.config.publicOrigin });
      if (feed === undefined) return sendProblem(request, reply.header('cache-control', 'no-store'), 'not_found');
      return reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex').type('text/calendar; charset=utf-8').send(feed);
    },
  );
}
