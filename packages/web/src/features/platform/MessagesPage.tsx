import type { OutboxMessageSummary } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { useRowAction } from '../../api/useRowAction';
import { useFormat } from '../../i18n/format';
import { ActionFailed } from '../../ui/ActionFailed';
import { LiveMessage } from '../../ui/LiveMessage';
import { PageHeading } from '../../ui/PageHeading';
import { RowButton } from '../../ui/RowActions';
import { TableFrame } from '../../ui/TableFrame';
import { usePageTitle } from '../../ui/usePageTitle';
import { deadMessagesQuery, retryMessage } from './messages.api';

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
    </>
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
