import type { AdminChangeDecision, AdminChangeRequest } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { useAction } from '../../api/useAction';
import { useFormat } from '../../i18n/format';
import { ActionFailed } from '../../ui/ActionFailed';
import { Badge } from '../../ui/Badge';
import { InitialPassword } from '../../ui/InitialPassword';
import { LiveMessage } from '../../ui/LiveMessage';
import { PageHeading } from '../../ui/PageHeading';
import { SummaryList, type SummaryItem } from '../../ui/SummaryList';
import { useOutcome } from '../../ui/useOutcome';
import { usePageTitle } from '../../ui/usePageTitle';
import { approveChangeRequest, changeRequestKeys, changeRequestsQuery, rejectChangeRequest } from './change-requests.api';

type Decided = (decision: AdminChangeDecision) => void;

/**
 * `/admin/change-requests`: four eyes on the powerful roles. What a platform admin asked of this organisation (a new
 * admin, a new identity provider) happens only when one of its own admins approves it here. An approved admin's
 * initial password is shown once, to hand over.
 */
export function ChangeRequestsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const requests = useQuery(changeRequestsQuery);
  const outcome = useOutcome<AdminChangeDecision>();
  const [created, setCreated] = useState<AdminChangeDecision['createdAdmin']>(null);
  usePageTitle(t('changeRequests.heading'));
  const onDecided: Decided = (decision) => {
    outcome.record(decision);
    setCreated(decision.createdAdmin);
    void queryClient.invalidateQueries({ queryKey: changeRequestKeys.all });
  };
  const message = outcome.last ? t(outcome.last.request.status === 'approved' ? 'changeRequests.approved' : 'changeRequests.rejected') : undefined;
  return (
    <>
      <PageHeading>{t('changeRequests.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('changeRequests.intro')}</p>
      <LiveMessage key={outcome.count} message={message} isVisible isFocusedOnChange />
      {created ? <InitialPassword name={created.user.displayName} password={created.initialPassword} onHide={() => setCreated(null)} /> : null}
      <Loaded query={requests}>
        {(list) => (list.length === 0 ? <p>{t('changeRequests.empty')}</p> : list.map((request) => <Request key={request.id} request={request} onDecided={onDecided} />))}
      </Loaded>
    </>
  );
}

function Request({ request, onDecided }: { request: AdminChangeRequest; onDecided: Decided }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `change-request-${request.id}-heading`;
  const tone = request.status === 'pending' ? 'warning' : request.status === 'approved' ? 'success' : 'neutral';
  return (
    <section className="app-form-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`changeRequests.kinds.${request.kind}`)}</h2>
      <p className="app-badges">
        <Badge tone={tone}>{t(`changeRequests.statuses.${request.status}`)}</Badge>
      </p>
      <p>{t('changeRequests.requestedBy', { name: request.requestedByName, date: format.dateTime(request.requestedAt) })}</p>
      <SummaryList items={detailsOf(request, t)} />
      {request.status === 'pending' ? <Decisions request={request} onDecided={onDecided} /> : null}
    </section>
  );
}

function detailsOf(request: AdminChangeRequest, t: TFunction): SummaryItem[] {
  const yesNo = (value: boolean) => (value ? t('changeRequests.yes') : t('changeRequests.no'));
  if (request.admin) {
    return [
      { key: 'name', term: t('changeRequests.adminName'), value: request.admin.displayName },
      { key: 'email', term: t('changeRequests.adminEmail'), value: request.admin.email },
    ];
  }
  if (!request.provider) return [];
  return [
    { key: 'name', term: t('changeRequests.providerName'), value: request.provider.displayName },
    { key: 'issuer', term: t('changeRequests.issuer'), value: request.provider.issuer },
    { key: 'client', term: t('changeRequests.clientId'), value: request.provider.clientId },
    { key: 'enabled', term: t('changeRequests.isEnabled'), value: yesNo(request.provider.isEnabled) },
    { key: 'secret', term: t('changeRequests.isSecretChanged'), value: yesNo(request.provider.isSecretChanged) },
  ];
}

function Decisions({ request, onDecided }: { request: AdminChangeRequest; onDecided: Decided }) {
  const { t } = useTranslation();
  // Approving asks for a fresh proof of identity first (the API client's re-authentication dialog).
  const approve = useAction(() => approveChangeRequest(request.id), { onSuccess: onDecided });
  const reject = useAction(() => rejectChangeRequest(request.id), { onSuccess: onDecided });
  const isBusy = approve.isBusy || reject.isBusy;
  return (
    <div className="app-action-panel">
      <ActionFailed message={approve.error ?? reject.error} />
      <div className="app-button-row">
        <button type="button" className="button button-primary" aria-busy={approve.isBusy} disabled={isBusy} onClick={() => void approve.run(undefined)}>
          {t('changeRequests.approve')}
        </button>
        <button type="button" className="button button-secondary" aria-busy={reject.isBusy} disabled={isBusy} onClick={() => void reject.run(undefined)}>
          {t('changeRequests.reject')}
        </button>
      </div>
    </div>
  );
}
