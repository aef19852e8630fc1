import type { DevelopmentOutboxList, OutboxMessageList, OutboxMessageSummary } from '@bro/domain';
import { queryOptions } from '@tanstack/react-query';
import { ids, request } from '../../api/client';

/** Messages that failed every delivery attempt: template, channel, status and times, never recipient or text. */
export const deadMessagesQuery = queryOptions({
  queryKey: ['platform', 'messages', 'dead'],
  queryFn: ({ signal }) => request<OutboxMessageList>('GET', '/api/platform/messages/dead', { signal }),
});

export const retryMessage = (id: string) => request<OutboxMessageSummary>('POST', `/api/platform/messages/${ids(id)}/retry`, { body: {} });

/** Development only: every message with its recipient and text. The server answers 404 in production. */
export const developmentOutboxQuery = queryOptions({
  queryKey: ['platform', 'messages', 'development-outbox'],
  queryFn: ({ signal }) => request<DevelopmentOutboxList>('GET', '/api/platform/messages/development-outbox', { signal }),
});

/** Development only: runs session reminders and delivery now; answers the development outbox as it is afterwards. */
export const runMessageJobsNow = () => request<DevelopmentOutboxList>('POST', '/api/platform/messages/development-outbox/run', { body: {} });
