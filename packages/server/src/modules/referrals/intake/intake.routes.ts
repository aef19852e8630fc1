import { ContactAttemptRequest, DeclineReferralRequest, InboxItem, NoteInput, ReferralForReceiver, RerouteReferralRequest, ServiceOption, type ReferralChangedEvent } from '@bro/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { requireActor } from '../../../platform/auth/authorization.ts';
import { onReferral, ReferralParams, referralRoute } from '../core/referral-http.ts';
import {
  acceptReferral,
  declineReferral,
  handOverReferral,
  endWithSession,
  isSessionStillLive,
  listInbox,
  listRerouteOptions,
  logContactAttempt,
  openReferralForReceiver,
  rerouteReferral,
  subscribeToInbox,
} from './intake.service.ts';

const tag = 'inbox';
const InboxQuery = z.strictObject({ serviceId: z.uuid().optional() });

/** Proxies drop idle connections after about a minute; a comment line keeps the stream open. */
const HEARTBEAT_MS = 25_000;

/** The receiving service's side: intake inbox, live updates, and the decisions and contact work on a referral. */
export function registerIntakeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const openStreams = new Set<() => void>();
  // Open event streams would hold the server open on shutdown: end them first.
  app.addHook('preClose', async () => {
    for (const end of openStreams) end();
  });
  registerInboxRoutes(app, deps, openStreams);
  registerDecisionRoutes(app, deps);
}

function registerInboxRoutes(app: FastifyInstance, deps: AppDeps, openStreams: Set<() => void>): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/inbox',
    referralRoute('referral:intake', tag, {
      summary: 'Open referrals for my organisation and service line, most urgent first',
      description: 'No names or contact details: enough to sort and pick. High risk first, then the earliest first-contact deadline.',
      querystring: InboxQuery,
      response: { 200: z.array(InboxItem) },
    }),
    async (request) => listInbox({ db: deps.db, clock: deps.clock, cipher: deps.cipher, actor: requireActor(request), serviceId: request.query.serviceId }),
  );

  api.get(
    '/inbox/events',
    referralRoute('referral:intake', tag, {
      summary: 'Live inbox updates (server-sent events)',
      description:
        '`text/event-stream`. Starts with the comment `: connected`; then `event: referral_changed` with `data: {"referralId":"…"}` (ids only) whenever a referral the caller can see changes; a comment heartbeat every 25 s. The stream ends with the session.',
      response: { 200: z.string().describe('text/event-stream') },
    }),
    async (request, reply) => streamInboxEvents(deps, openStreams, request, reply),
  );

  api.get(
    '/inbox/reroute-options',
    referralRoute('referral:decide', tag, { summary: 'Services a referral can be rerouted to', response: { 200: z.array(ServiceOption) } }),
    async () => listRerouteOptions({ db: deps.db }),
  );

  api.get(
    '/inbox/:referralId',
    referralRoute('referral:intake', tag, {
      summary: 'Open a referral (marks it received the first time)',
      description: 'Shows only what the person’s consent covers; nothing personal once consent is withdrawn. Access-logged.',
      params: ReferralParams,
      response: { 200: ReferralForReceiver },
    }),
    async (request) => openReferralForReceiver(onReferral(deps, request)),
  );
}

/**
 * The live inbox: subscribed before announcing `connected` (a client that acts on it cannot miss the first event),
 * then a heartbeat that also ends the stream when the session does.
 */
async function streamInboxEvents(deps: AppDeps, openStreams: Set<() => void>, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const actor = requireActor(request);
  reply.hijack();
  const stream = reply.raw;
  // Filled in as the stream is set up; `end` may run at any point (client gone, session over, shutdown).
  const resources: { heartbeat?: NodeJS.Timeout; unsubscribe?: () => void; unwatch?: () => void } = {};
  let isEnded = false;
  const end = () => {
    if (isEnded) return;
    isEnded = true;
    clearInterval(resources.heartbeat);
    resources.unsubscribe?.();
    resources.unwatch?.();
    openStreams.delete(end);
    stream.end();
  };
  openStreams.add(end);
  resources.unwatch = endWithSession({ db: deps.db, clock: deps.clock, liveUpdates: deps.liveUpdates, actor, end });
  // The response's `close` fires when the client goes away (or the response ends): the one signal to clean up on.
  stream.on('close', end);
  stream.on('error', end);

  // Keep the security headers already set for this reply (helmet), then the stream's own.
  const headers = Object.fromEntries(Object.entries(reply.getHeaders()).filter(([, value]) => value !== undefined)) as Record<string, string | number | string[]>;
  stream.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no', connection: 'keep-alive' });

  try {
    resources.unsubscribe = await subscribeToInbox({
      db: deps.db,
      liveUpdates: deps.liveUpdates,
      actor,
      onChange: (referralId) => {
        if (!isEnded) stream.write(`event: referral_changed\ndata: ${JSON.stringify({ referralId } satisfies ReferralChangedEvent)}\n\n`);
      },
    });
  } catch (error) {
    // The reply is hijacked, so the error handler cannot answer: end the stream; EventSource reconnects.
    request.log.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'inbox stream could not subscribe');
    end();
    return;
  }
  if (isEnded) {
    // The client left while we subscribed.
    resources.unsubscribe();
    return;
  }
  stream.write(': connected\n\n');
  resources.heartbeat = setInterval(() => {
    void isSessionStillLive({ db: deps.db, clock: deps.clock, actor }).then(
      (isLive) => (isLive ? stream.write(': heartbeat\n\n') : end()),
      () => end(),
    );
  }, HEARTBEAT_MS);
}

function registerDecisionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/inbox/:referralId/accept',
    referralRoute('referral:decide', tag, { summary: 'Accept a received referral', params: ReferralParams, body: NoteInput, response: { 200: ReferralForReceiver } }),
    async (request) => acceptReferral({ ...onReferral(deps, request), note: request.body.note }),
  );

  api.post(
    '/inbox/:referralId/decline',
    referralRoute('referral:decide', tag, {
      summary: 'Decline a referral, by the service (no capacity, not eligible) or for the citizen (not wanted, other help)',
      params: ReferralParams,
      body: DeclineReferralRequest,
      response: { 200: ReferralForReceiver },
    }),
    async (request) => declineReferral({ ...onReferral(deps, request), reason: request.body.reason, decidedBy: request.body.decidedBy, note: request.body.note }),
  );

  api.post(
    '/inbox/:referralId/reroute',
    referralRoute('referral:decide', tag, {
      summary: 'Send the referral on to another service, with the person’s consent to that organisation',
      description: 'Answers 204: the referral leaves this inbox. 409 `consent_withdrawn` once the person has withdrawn consent.',
      params: ReferralParams,
      body: RerouteReferralRequest,
      response: { 204: z.null().describe('No content') },
    }),
    async (request, reply) => {
      await rerouteReferral({ ...onReferral(deps, request), ...request.body });
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/inbox/:referralId/contact-attempts',
    referralRoute('referral:contact', tag, {
      summary: 'Log an attempt to reach the person',
      description: 'After the service’s maximum of unsuccessful attempts without ever reaching the person, the referral ends as `not_reached`.',
      params: ReferralParams,
      body: ContactAttemptRequest,
      response: { 200: ReferralForReceiver },
    }),
    async (request) => logContactAttempt({ ...onReferral(deps, request), outcome: request.body.outcome, note: request.body.note }),
  );

  api.post(
    '/inbox/:referralId/hand-over',
    referralRoute('referral:contact', tag, { summary: 'Hand the person over to a course (needs first contact)', params: ReferralParams, body: NoteInput, response: { 200: ReferralForReceiver } }),
    async (request) => handOverReferral({ ...onReferral(deps, request), note: request.body.note }),
  );
}
