import type { CreatedCalendarFeed } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { useAction } from '../../api/useAction';
import { useFormat } from '../../i18n/format';
import { ActionFailed } from '../../ui/ActionFailed';
import { Alert } from '../../ui/Alert';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { LiveMessage } from '../../ui/LiveMessage';
import { calendarFeedQuery, calendarKeys, createCalendarFeed, revokeCalendarFeed } from './calendar.api';

type Outcome = 'revoked' | 'copied' | 'copyFailed' | undefined;

/**
 * "Subscribe in your calendar program": make, replace or revoke my private feed address. The address is shown once,
 * right after it is made, and kept in this component's state only (never in the query cache or the browser's storage).
 */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery(calendarFeedQuery);
  const [created, setCreated] = useState<CreatedCalendarFeed | undefined>();
  const [outcome, setOutcome] = useState<Outcome>();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: calendarKeys.feed() });
  const create = useAction(createCalendarFeed, {
    onStart: () => setOutcome(undefined),
    onSuccess: (feed) => {
      setCreated(feed);
      refresh();
    },
  });
  const revoke = useAction(revokeCalendarFeed, {
    onStart: () => setOutcome(undefined),
    onSuccess: () => {
      setCreated(undefined);
      setOutcome('revoked');
      refresh();
    },
  });

  return (
    <section aria-labelledby="calendar-feed-heading" className="app-calendar-feed app-narrow">
      <h2 id="calendar-feed-heading">{t('calendar.feed.heading')}</h2>
      <p>{t('calendar.feed.intro')}</p>
      <LiveMessage message={outcome ? t(`calendar.feed.${outcome}`) : undefined} isVisible={outcome === 'revoked' || outcome === 'copied'} />
      {created ? <CreatedFeed feed={created} onCopied={setOutcome} onHide={() => setCreated(undefined)} /> : null}
      <Loaded query={status}>
        {(feed) =>
          feed.hasFeed ? (
            <>
              <FeedStatusText createdAt={feed.createdAt} lastUsedAt={feed.lastUsedAt} />
              <div className="app-button-row">
                <ConfirmButton label={t('calendar.feed.replace')} question={t('calendar.feed.replaceQuestion')} confirmLabel={t('calendar.feed.replaceConfirm')} isBusy={create.isBusy} onConfirm={() => create.run(undefined)} />
                <ConfirmButton label={t('calendar.feed.revoke')} question={t('calendar.feed.revokeQuestion')} confirmLabel={t('calendar.feed.revokeConfirm')} isBusy={revoke.isBusy} variant="warning" onConfirm={() => revoke.run(undefined)} />
              </div>
            </>
          ) : (
            <>
              <p>{t('calendar.feed.none')}</p>
              <button type="button" className="button button-primary" aria-disabled={create.isBusy || undefined} onClick={() => !create.isBusy && void create.run(undefined)}>
                {t('calendar.feed.create')}
              </button>
            </>
          )
        }
      </Loaded>
      <ActionFailed message={create.error ?? revoke.error} />
    </section>
  );
}

function FeedStatusText({ createdAt, lastUsedAt }: { createdAt: string | null; lastUsedAt: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <p>
      {t('calendar.feed.exists', { created: createdAt ? format.dateTime(createdAt) : '–' })} {lastUsedAt ? t('calendar.feed.lastUsed', { used: format.dateTime(lastUsedAt) }) : t('calendar.feed.neverUsed')}
    </p>
  );
}

function CreatedFeed({ feed, onCopied, onHide }: { feed: CreatedCalendarFeed; onCopied: (outcome: Outcome) => void; onHide: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(feed.url);
      onCopied('copied');
    } catch {
      onCopied('copyFailed');
    }
  };
  return (
    <div role="alert">
      <Alert variant="warning" heading={t('calendar.feed.createdHeading')}>
        <p>{t('calendar.feed.createdText')}</p>
        <div className="form-group">
          <label className="form-label" htmlFor={inputId}>
            {t('calendar.feed.urlLabel')}
          </label>
          <input id={inputId} className="form-input input-width-xl app-calendar-feed-url" type="text" readOnly value={feed.url} onFocus={(event) => event.currentTarget.select()} />
        </div>
        <div className="app-button-row mt-3">
          <button type="button" className="button button-primary" onClick={() => void copy()}>
            {t('calendar.feed.copy')}
          </button>
          <button type="button" className="button button-secondary" onClick={onHide}>
            {t('calendar.feed.hide')}
          </button>
        </div>
      </Alert>
    </div>
  );
}
