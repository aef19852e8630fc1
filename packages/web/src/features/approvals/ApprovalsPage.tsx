import type { PublicationRequestView } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../../api/Loaded';
import { useAction } from '../../api/useAction';
import { FormTextAreaField } from '../../forms/fields';
import { FormPanel, SubmitButton } from '../../forms/FormPanel';
import { useAppForm } from '../../forms/useAppForm';
import { useFormat } from '../../i18n/format';
import { ActionFailed } from '../../ui/ActionFailed';
import { Badge } from '../../ui/Badge';
import { LiveMessage } from '../../ui/LiveMessage';
import { PageHeading } from '../../ui/PageHeading';
import { TableFrame } from '../../ui/TableFrame';
import { useOutcome } from '../../ui/useOutcome';
import { usePageTitle } from '../../ui/usePageTitle';
import { approvalKeys, approveListing, pendingListingsQuery, rejectListing } from './approvals.api';
import { fieldLabel, valueText } from './change-text';
import { emptyRejectDraft, rejectSchema } from './reject-form';

type Outcome = { kind: 'approved' | 'rejected'; title: string };
type Decided = (outcome: Outcome) => void;

/**
 * `/approvals`: the directory desk. Each proposed listing with what it changes on the public page, field by field,
 * and the two decisions: approve (it goes public at once) or reject with a reason the proposer reads.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const pending = useQuery(pendingListingsQuery);
  const outcome = useOutcome<Outcome>();
  usePageTitle(t('approvals.heading'));
  const onDecided: Decided = (decided) => {
    outcome.record(decided);
    void queryClient.invalidateQueries({ queryKey: approvalKeys.pending });
  };
  const message = outcome.last ? t(`approvals.${outcome.last.kind}`, { title: outcome.last.title }) : undefined;

  return (
    <>
      <PageHeading>{t('approvals.heading')}</PageHeading>
      <p className="font-lead app-narrow">{t('approvals.intro')}</p>
      <LiveMessage key={outcome.count} message={message} isVisible isFocusedOnChange />
      <Loaded query={pending}>
        {(requests) => (requests.length === 0 ? <p>{t('approvals.empty')}</p> : requests.map((request) => <Proposal key={request.id} request={request} onDecided={onDecided} />))}
      </Loaded>
    </>
  );
}

function Proposal({ request, onDecided }: { request: PublicationRequestView; onDecided: Decided }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `proposal-${request.id}-heading`;
  return (
    <section className="app-form-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{request.title}</h2>
      <p className="app-badges">
        <Badge tone={request.isNew ? 'info' : 'neutral'}>{request.isNew ? t('approvals.isNew') : t('approvals.isChange')}</Badge>
      </p>
      <p>{t('approvals.proposedBy', { name: request.proposedByName, organisation: request.organisationName, date: format.dateTime(request.proposedAt) })}</p>
      <ChangesTable request={request} />
      <ApproveButton request={request} onDecided={onDecided} />
      <RejectForm request={request} onDecided={onDecided} />
    </section>
  );
}

function ChangesTable({ request }: { request: PublicationRequestView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'da-DK';
  if (request.changes.length === 0) return <p>{t('approvals.noChanges')}</p>;
  const columns = [t('approvals.field'), t('approvals.current'), t('approvals.proposed')];
  return (
    <TableFrame caption={`${t('approvals.caption')}: ${request.title}`} columns={columns}>
      {request.changes.map((change) => (
        <tr key={change.field}>
          <th scope="row" data-title={columns[0]}>
            {fieldLabel(t, change.field)}
          </th>
          <td data-title={columns[1]}>{request.isNew ? '–' : valueText(t, change.field, change.current, locale)}</td>
          <td data-title={columns[2]}>{valueText(t, change.field, change.proposed, locale)}</td>
        </tr>
      ))}
    </TableFrame>
  );
}

function ApproveButton({ request, onDecided }: { request: PublicationRequestView; onDecided: Decided }) {
  const { t } = useTranslation();
  const approve = useAction(() => approveListing(request.id), { onSuccess: () => onDecided({ kind: 'approved', title: request.title }) });
  return (
    <div className="app-action-panel">
      <ActionFailed message={approve.error} />
      <button type="button" className="button button-primary" aria-busy={approve.isBusy} onClick={() => void (approve.isBusy ? undefined : approve.run(undefined))}>
        {t('approvals.approve')}
      </button>
    </div>
  );
}

function RejectForm({ request, onDecided }: { request: PublicationRequestView; onDecided: Decided }) {
  const { t } = useTranslation();
  const schema = useMemo(() => rejectSchema(t), [t]);
  const form = useAppForm({
    schema,
    defaultValues: emptyRejectDraft,
    idPrefix: `reject-${request.id}`,
    onSubmit: async (body) => {
      await rejectListing(request.id, body);
      onDecided({ kind: 'rejected', title: request.title });
    },
  });
  return (
    <FormPanel id={`reject-${request.id}`} heading={t('approvals.rejectHeading')} form={form} errorDisplay="alert">
      <FormTextAreaField control={form.control} name="reason" label={t('approvals.reason')} hint={t('approvals.reasonHint')} rows={3} />
      <SubmitButton variant="secondary" isBusy={form.isBusy}>
        {t('approvals.reject')}
      </SubmitButton>
    </FormPanel>
  );
}
