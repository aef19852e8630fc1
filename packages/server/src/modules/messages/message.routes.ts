import { DevelopmentOutboxList, MessageIdParams, OutboxMessageList, OutboxMessageSummary } from '@bro/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/app-deps.ts';
import { requireActor } from '../../platform/auth/authorization.ts';
import { AppError } from '../../platform/errors.ts';
import { listDeadMessages, listDevelopmentOutbox, retryDeadMessage } from './message.service.ts';

/** The outbox for the platform admin: how delivery went, never to whom or what. */
export function registerMessageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, cipher } = deps;
  const config = { permission: 'platform:messages' as const };
  const tags = ['messages'];

  api.get(
    '/platform/messages/dead',
    { config, schema: { tags, summary: 'Messages that failed every attempt: template, channel, status and times only', response: { 200: OutboxMessageList } } },
    async () => ({ messages: await listDeadMessages({ db }) }),
  );

  api.post(
    '/platform/messages/:messageId/retry',
    { config, schema: { tags, summary: 'Queues a dead message again with a fresh set of attempts', params: MessageIdParams, response: { 200: OutboxMessageSummary } } },
    async (request) => retryDeadMessage({ db, clock, actor: requireActor(request), messageId: request.params.messageId }),
  );

  api.get(
    '/platform/messages/development-outbox',
    {
      config,
      schema: { tags, summary: 'Development only (404 in production): messages with recipient and text, to check them by hand', response: { 200: DevelopmentOutboxList } },
    },
    async () => {
      // Decrypted addresses and texts: only ever outside production, where the data is made up.
      if (deps.config.isDevelopmentOutboxEnabled !== true) throw new AppError('not_found');
      return { messages: await listDevelopmentOutbox({ db, cipher }) };
    },
  );

  api.post(
    '/platform/messages/development-outbox/run',
    {
      config,
      schema: {
        tags,
        summary: 'Development only (404 in production): runs session reminders and delivery now, then answers the development outbox',
        response: { 200: DevelopmentOutboxList },
      },
    },
    async () => {
      const run = deps.config.runMessageJobsNow;
      if (deps.config.isDevelopmentOutboxEnabled !== true || !run) throw new AppError('not_found');
      // The same handlers the worker runs (safe-contact checks included); safe beside it: rows are claimed.
      await run();
      return { messages: await listDevelopmentOutbox({ db, cipher }) };
    },
  );
}
