import type { InAppNotification, InboxItem } from '@bro/domain';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useAction } from '../../api/useAction';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { LiveMessage } from '../../ui/LiveMessage';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { ReferralStatusBadge, RiskBadge } from '../referrals/ReferralStatusBadge';
import { InboxViewChoices } from './InboxViewChoices';
import { defaultInboxView, inboxViewFrom, viewInbox, type InboxView } from './inbox-view';
import { useDeadlineText } from './useDeadlineText';
import { useInbox, useNow } from './useInbox';
import { useInboxLive } from './useInboxLive';

/** `/inbox`: the service's referrals, most urgent first (the server's order), to filter and sort (inbox-view.ts). */
export function InboxPage() {
  const { t } = useTranslation();
  const { inbox, announcement } = useInbox();
  const now = useNow();
  const resultMessage = (useLocation().state as { message?: string } | null)?.message;
  usePageTitle(t('inbox.heading'));

  return (
    <>
      <PageHeading>{t('inbox.heading')}</PageHeading>
      {resultMessage ? (
        <Alert variant="success" role="status">
          {resultMessage}
        </Alert>
      ) : null}
      <LiveMessage message={announcement} />
      <Notifications />
      <section className="app-section" aria-labelledby="inbox-referrals-heading">
        <h2 id="inbox-referrals-heading">{t('inbox.referralsHeading')}</h2>
        <Loaded query={inbox}>{(items) => (items.length === 0 ? <p>{t('inbox.empty')}</p> : <InboxList items={items} now={now} />)}</Loaded>
      </section>
    </>
  );
}

/** The list as chosen: the choice lives in the address, so back, reload and a shared link keep it. */
function InboxList({ items, now }: { items: InboxItem[]; now: Date }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = inboxViewFrom(params);
  const shown = viewInbox(items, view, now);
  const change = (next: InboxView) => {
    const changed = Object.entries(next).filter(([key, value]) => defaultInboxView[key as keyof InboxView] !== value);
    setParams(new URLSearchParams(changed), { replace: true });
  };
  return (
    <>
      <InboxViewChoices view={view} onChange={change} />
      <p className="form-hint" role="status">
        {t('inbox.view.count', { shown: shown.length, total: items.length })}
      </p>
      {shown.length === 0 ? (
        <p>
          {t('inbox.view.noMatch')}{' '}
          <button type="button" className="button button-tertiary" onClick={() => change(defaultInboxView)}>
            {t('inbox.view.reset')}
          </button>
        </p>
      ) : (
        <ul className="app-cards">
          {shown.map((item) => (
            <InboxCard key={item.id} item={item} now={now} />
          ))}
        </ul>
      )}
    </>
  );
}

function InboxCard({ item, now }: { item: InboxItem; now: Date }) {
  const { t } = useTranslation();
  const format = useFormat();
  const deadline = useDeadlineText()(item, now);
  return (
    <li className={item.riskLevel === 'high' ? 'app-card-high-risk' : undefined}>
      <h3 className="h4 m-0">
        <Link to={`/inbox/${encodeURIComponent(item.id)}`}>{t('inbox.cardTitle', { reference: item.reference })}</Link>
      </h3>
      <div className="app-badges">
        {item.status === 'sent' ? <Badge tone="info">{t('inbox.tagNew')}</Badge> : null}
        <ReferralStatusBadge status={item.status} />
        <RiskBadge level={item.riskLevel} />
        {item.isOverdue ? <Badge tone="error">{t('inbox.tagOverdue')}</Badge> : null}
        {item.isEscalated ? <Badge tone="warning">{t('inbox.tagEscalated')}</Badge> : null}
        {item.isConsentWithdrawn ? <Badge tone="error">{t('inbox.tagConsentWithdrawn')}</Badge> : null}
        {item.possibleDuplicates.length > 0 ? <Badge tone="warning">{t('inbox.tagPossibleDuplicate')}</Badge> : null}
      </div>
      {deadline ? <p className={deadline.isOverdue ? 'm-0 app-deadline-overdue' : 'm-0'}>{deadline.text}</p> : null}
      <dl className="app-card-facts">
        <div>
          <dt>{t('referral.service')}:</dt>
          <dd>{item.serviceName}</dd>
        </div>
        <div>
          <dt>{t('inbox.referredBy')}:</dt>
          <dd>
            {item.source === 'self' ? t('referralSource.selfReferral') : `${item.referringOrganisationName} (${t(`referralSource.${item.source}`)})`}
          </dd>
        </div>
        <div>
          <dt>{t('referral.role')}:</dt>
          <dd>{t(`personRole.${item.role}`)}</dd>
        </div>
        <div>
          <dt>{t('inbox.contactAttempts')}:</dt>
          <dd>{item.hasFirstContact ? t('inbox.reached') : format.number(item.contactAttemptCount)}</dd>
        </div>
      </dl>
    </li>
  );
}

const knownNotificationKinds = ['referral_received', 'referral_overdue', 'referral_unseen', 'referral_escalated', 'referral_withdrawn', 'consent_withdrawn', 'referral_rerouted'] as const;
type KnownNotificationKind = (typeof knownNotificationKinds)[number];

function Notifications() {
  const { t } = useTranslation();
  const format = useFormat();
  const live = useInboxLive();
  const markRead = useAction((id: string) => live?.markRead(id) ?? Promise.resolve());
  const unread = live?.notifications.filter((notification) => !notification.isRead) ?? [];
  if (!live || unread.length === 0) return null;

  const text = (notification: InAppNotification) =>
    (knownNotificationKinds as readonly string[]).includes(notification.kind)
      ? t(`notificationKind.${notification.kind as KnownNotificationKind}`)
      : t('notificationKind.other');

  return (
    <section className="app-section" aria-labelledby="inbox-notifications-heading">
      <h2 id="inbox-notifications-heading">{t('inbox.notificationsHeading', { count: unread.length })}</h2>
      {markRead.error ? <p className="form-error-message">{markRead.error}</p> : null}
      <ul className="app-cards">
        {unread.map((notification) => (
          <li key={notification.id}>
            <p className="m-0">
              <strong>{text(notification)}</strong>
            </p>
            <p className="m-0 form-hint">{format.dateTime(notification.createdAt)}</p>
            <div className="app-button-row mt-3">
              {notification.referralId ? <Link to={`/inbox/${encodeURIComponent(notification.referralId)}`}>{t('inbox.openReferral')}</Link> : null}
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void markRead.run(notification.id)}
              >
                {t('inbox.markRead')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
