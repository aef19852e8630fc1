import type { DevelopmentOutboxMessage, OutboxMessageSummary } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { useAction } from '../../api/useAction';
import { useRowAction } from '../../api/useRowAction';
import { useFormat } from '../../i18n/format';
import { ActionFailed } from '../../ui/ActionFailed';
import { LiveMessage } from '../../ui/LiveMessage';
import { PageHeading } from '../../ui/PageHeading';
import { RowButton } from '../../ui/RowActions';
import { TableFrame } from '../../ui/TableFrame';
import { usePageTitle } from '../../ui/usePageTitle';
import { ApiError } from '../../api/client';
import { deadMessagesQuery, developmentOutboxQuery, retryMessage, runMessageJobsNow } from './messages.api';

/** `/platform/messages`: dead messages for the platform admin, with a retry button. Never a recipient or a text. */
export function MessagesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const messages = useQuery(deadMessagesQuery);
  const [message, setMessage] = useState<string>();
  usePageTitle(t('messages.heading'));
  const changed = (text: string) => {
    setMessage(text);
    void queryClient.invalidateQueries({ queryKey: deadMessagesQuery.queryKey });
  };
  return (
    <>
      <PageHeading>{t('messages.heading')}</PageHeading>
      <p>{t('messages.intro')}</p>
      <LiveMessage message={message} isVisible isFocusedOnChange />
      <Loaded query={messages}>{(data) => <DeadMessagesTable messages={data.messages} onChanged={changed} />}</Loaded>
      <DevelopmentOutbox />
    </>
  );
}

/**
 * Outside production only (the server answers 404 there, and then this section is not shown): every message the
 * outbox holds, with its recipient and text, so a developer can see what would have been sent without a transport.
 */
function DevelopmentOutbox() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const outbox = useQuery(developmentOutboxQuery);
  const [message, setMessage] = useState<string>();
  const run = useAction(runMessageJobsNow, {
    onStart: () => setMessage(undefined),
    onSuccess: (data) => {
      queryClient.setQueryData(developmentOutboxQuery.queryKey, data);
      setMessage(t('messages.development.ran'));
    },
  });
  if (outbox.error instanceof ApiError && outbox.error.status === 404) return null;
  return (
    <section className="app-section" aria-labelledby="development-outbox-heading">
      <h2 id="development-outbox-heading">{t('messages.development.heading')}</h2>
      <p>{t('messages.development.intro')}</p>
      <p>
        <button type="button" className="button button-secondary" disabled={run.isBusy} aria-describedby="development-outbox-run-hint" onClick={() => void run.run(undefined)}>
          {t('messages.development.run')}
        </button>
      </p>
      <p className="form-hint" id="development-outbox-run-hint">
        {t('messages.development.runHint')}
      </p>
      <ActionFailed message={run.error} headingLevel={2} />
      <LiveMessage message={message} isVisible />
      <Loaded query={outbox}>{(data) => <DevelopmentOutboxTable messages={data.messages} />}</Loaded>
    </section>
  );
}

function DevelopmentOutboxTable({ messages }: { messages: readonly DevelopmentOutboxMessage[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (messages.length === 0) return <p>{t('messages.development.empty')}</p>;
  const columns = [t('messages.createdAt'), t('messages.template'), t('messages.development.status'), t('messages.development.recipient'), t('messages.development.text')];
  return (
    <TableFrame caption={t('messages.development.caption')} columns={columns}>
      {messages.map((row) => (
        <tr key={row.id}>
          <td data-title={t('messages.createdAt')}>{format.dateTime(row.createdAt)}</td>
          <td data-title={t('messages.template')}>
            {t(`messages.templates.${row.template}`)} ({t(`messages.channels.${row.channel}`)})
          </td>
          <td data-title={t('messages.development.status')}>{t(`messages.development.statuses.${row.status}`)}</td>
          <td data-title={t('messages.development.recipient')} className="app-wrap-anywhere">
            {row.recipient ?? '–'}
          </td>
          <td data-title={t('messages.development.text')} className="app-wrap-anywhere">
            {row.subject ? (
              <>
                <strong>{t('messages.development.subject')}:</strong> {row.subject}
                <br />
              </>
            ) : null}
            {row.body ?? t('messages.development.erased')}
          </td>
        </tr>
      ))}
    </TableFrame>
  );
}

function DeadMessagesTable({ messages, onChanged }: { messages: readonly OutboxMessageSummary[]; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const action = useRowAction(onChanged);
  if (messages.length === 0) return <p>{t('messages.empty')}</p>;
  const columns = [t('messages.template'), t('messages.channel'), t('messages.attempts'), t('messages.lastError'), t('messages.createdAt'), t('messages.lastAttemptAt'), t('messages.actions')];
  return (
    <>
      <ActionFailed message={action.error} headingLevel={2} />
      <TableFrame caption={t('messages.caption')} columns={columns}>
        {messages.map((row) => {
          const name = `${t(`messages.templates.${row.template}`)}, ${format.dateTime(row.createdAt)}`;
          return (
            <tr key={row.id}>
              <td data-title={t('messages.template')}>{t(`messages.templates.${row.template}`)}</td>
              <td data-title={t('messages.channel')}>{t(`messages.channels.${row.channel}`)}</td>
              <td data-title={t('messages.attempts')}>{row.attempts}</td>
              <td data-title={t('messages.lastError')}>{row.lastError ?? '–'}</td>
              <td data-title={t('messages.createdAt')}>{format.dateTime(row.createdAt)}</td>
              <td data-title={t('messages.lastAttemptAt')}>{row.lastAttemptAt ? format.dateTime(row.lastAttemptAt) : '–'}</td>
              <td data-title={t('messages.actions')}>
                <RowButton label={t('messages.retry')} rowName={name} onClick={() => void action.run({ rowId: row.id, call: () => retryMessage(row.id), message: t('messages.retriedMessage') })} />
              </td>
            </tr>
          );
        })}
      </TableFrame>
    </>
  );
}
