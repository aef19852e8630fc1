import { checkDueAt, publiclyListedStatuses, type HelpService } from '@bro/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError, markHelpServiceChecked, updateHelpService } from '../../api';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { LiveMessage } from '../../ui/LiveMessage';
import { LoadFailed, Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { useSignedInSession } from '../auth/useSession';
import { draftFromService, isSameRequest, type HelpServiceDraft, type HelpServiceOutcome } from './help-service-form';
import { HelpServiceEditor } from './HelpServiceEditor';
import { HelpServiceStatusBadge } from './HelpServiceStatusBadge';
import { useHelpService } from './useDirectory';

/** `/admin/directory/:id`: one listing, its six-monthly check, and the form with a preview of its public page. */
export function EditHelpServicePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const service = useHelpService(id);
  const arrivedWith = (useLocation().state as { outcome?: HelpServiceOutcome } | null)?.outcome;
  // Counted, so the same outcome twice ("saved", "saved") still takes focus: the form it came from is rebuilt.
  const [outcome, setOutcome] = useState({ last: arrivedWith, count: 0 });

  const onSaved = (saved: HelpService, last: HelpServiceOutcome) => {
    service.setData(saved);
    setOutcome((current) => ({ last, count: current.count + 1 }));
  };
  const message = !outcome.last
    ? undefined
    : outcome.last.kind === 'checked'
      ? t('directory.markedChecked', { date: format.date(outcome.last.checkedAt) })
      : t(`directory.${outcome.last.kind}`);

  return (
    <>
      <PageHeading>{service.data ? t('directory.editHeading', { name: service.data.nameDa }) : t('directory.headingLoading')}</PageHeading>
      <p>
        <Link to="/admin/directory">{t('directory.back')}</Link>
      </p>
      <LiveMessage key={outcome.count} message={message} isVisible isFocusedOnChange />
      {service.error ? (
        <LoadFailed message={service.error.detail ?? t('errors.network')} onRetry={() => void service.reload()} />
      ) : !service.data ? (
        <Loading />
      ) : (
        // A saved or checked listing comes back from the server: start again from that version.
        <EditHelpService key={`${service.data.id}:${service.data.updatedAt}:${service.data.lastCheckedAt}`} service={service.data} onSaved={onSaved} />
      )}
    </>
  );
}

function EditHelpService({ service, onSaved }: { service: HelpService; onSaved: (service: HelpService, outcome: HelpServiceOutcome) => void }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const initial = useMemo(() => draftFromService(service), [service]);
  const [draft, setDraft] = useState<HelpServiceDraft>(initial);
  const isDirty = !isSameRequest(draft, initial);

  return (
    <>
      <CheckPanel service={service} isDirty={isDirty} onChecked={onSaved} />
      <p>
        {publiclyListedStatuses.includes(service.status) ? (
          // The public page is server-rendered, outside this app: an ordinary link, in the same tab.
          <a href={`/tilbud/${encodeURIComponent(service.slug)}`}>{t('directory.publicPageLink')}</a>
        ) : (
          t('directory.notListedPublicly')
        )}
      </p>
      <HelpServiceEditor
        draft={draft}
        onChange={setDraft}
        submitLabel={t('directory.save')}
        organisationName={session.organisation.name}
        lastCheckedAt={service.lastCheckedAt}
        onSubmit={async (request) => {
          // The link to a referral service is not edited here; leaving it out keeps it as it is.
          const { referralServiceId: _unchanged, ...changes } = request;
          onSaved(await updateHelpService(service.id, changes), { kind: 'saved' });
        }}
      />
    </>
  );
}

/**
 * "Is it still right?": the reminder job asks after six months. Checking means looking, so the button is here,
 * beside the listing and its preview, and not in the list; unsaved edits must be saved first, or the admin would
 * confirm a version the public does not see.
 */
function CheckPanel({ service, isDirty, onChecked }: { service: HelpService; isDirty: boolean; onChecked: (service: HelpService, outcome: HelpServiceOutcome) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [error, setError] = useState<string>();
  const [isBusy, setIsBusy] = useState(false);

  const markChecked = async () => {
    if (isBusy) return;
    if (isDirty) return setError(t('directory.saveFirst'));
    setError(undefined);
    setIsBusy(true);
    try {
      const checked = await markHelpServiceChecked(service.id);
      onChecked(checked, { kind: 'checked', checkedAt: checked.lastCheckedAt });
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status !== 0 ? (caught.detail ?? t('errors.unexpected')) : t('errors.network'));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="app-action-panel app-directory-check" aria-labelledby="directory-check-heading">
      <h2 id="directory-check-heading" className="h3">
        {t('directory.checkHeading')}
      </h2>
      <p className="app-badges">
        <HelpServiceStatusBadge status={service.status} />
        {service.isCheckDue ? <Badge tone="warning">{t('directory.checkDue')}</Badge> : null}
      </p>
      <p>{t('directory.checkText', { date: format.date(service.lastCheckedAt), due: format.date(checkDueAt(new Date(service.lastCheckedAt)).toISOString()) })}</p>
      {service.isCheckDue ? <p>{t('directory.checkDueText')}</p> : null}
      {error ? (
        <Alert variant="error" heading={t('common.actionFailed')} role="alert" headingLevel={3}>
          <p>{error}</p>
        </Alert>
      ) : null}
      <button type="button" className="button button-secondary" onClick={() => void markChecked()} aria-busy={isBusy}>
        {t('directory.markChecked')}
      </button>
    </section>
  );
}
