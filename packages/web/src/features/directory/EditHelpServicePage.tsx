import { checkDueAt, publiclyListedStatuses, type HelpService } from '@bro/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loaded } from '../../api/Loaded';
import { useAction } from '../../api/useAction';
import { useFormat } from '../../i18n/format';
import { ActionFailed } from '../../ui/ActionFailed';
import { Badge } from '../../ui/Badge';
import { LiveMessage } from '../../ui/LiveMessage';
import { useOutcome } from '../../ui/useOutcome';
import { SubPage } from '../../ui/SubPage';
import { useSignedInSession } from '../auth/useSession';
import { directoryKeys, helpServiceQuery, markHelpServiceChecked, updateHelpService } from './directory.api';
import { draftFromService, isSameRequest, type HelpServiceOutcome } from './help-service-form';
import { HelpServiceEditor, useHelpServiceForm } from './HelpServiceEditor';
import { HelpServiceStatusBadge } from './HelpServiceStatusBadge';
import { PublicationBadge, PublicationText } from './PublicationBadge';

type Saved = (service: HelpService, outcome: HelpServiceOutcome) => void;

/** `/admin/directory/:id`: one listing, its six-monthly check, and the form with a preview of its public page. */
export function EditHelpServicePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const service = useQuery(helpServiceQuery(id));
  const outcome = useOutcome<HelpServiceOutcome>();
  const onSaved: Saved = (saved, last) => {
    queryClient.setQueryData(helpServiceQuery(id).queryKey, saved);
    void queryClient.invalidateQueries({ queryKey: directoryKeys.list() });
    outcome.record(last);
  };
  const message = !outcome.last ? undefined : outcome.last.kind === 'checked' ? t('directory.markedChecked', { date: format.date(outcome.last.checkedAt) }) : t(`directory.${outcome.last.kind}`);

  const heading = service.data ? t('directory.editHeading', { name: service.data.nameDa }) : t('directory.headingLoading');
  return (
    <SubPage title={t('directory.headingLoading')} heading={heading} back={{ to: '/admin/directory', label: t('directory.back') }}>
      <LiveMessage key={outcome.count} message={message} isVisible isFocusedOnChange />
      <Loaded query={service}>
        {/* A saved or checked listing comes back from the server: start again from that version. */}
        {(data) => <EditHelpService key={`${data.id}:${data.updatedAt}:${data.lastCheckedAt}`} service={data} onSaved={onSaved} />}
      </Loaded>
    </SubPage>
  );
}

function EditHelpService({ service, onSaved }: { service: HelpService; onSaved: Saved }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const initial = useMemo(() => draftFromService(service), [service]);
  const form = useHelpServiceForm(initial, async (request) => {
    onSaved(await updateHelpService(service.id, request), { kind: 'saved' });
  });
  return (
    <>
      <section className="app-action-panel" aria-labelledby="directory-publication-heading">
        <h2 id="directory-publication-heading" className="h3">
          {t('directory.publicationColumn')}
        </h2>
        <p className="app-badges">
          <PublicationBadge publication={service.publication} />
        </p>
        <PublicationText publication={service.publication} />
      </section>
      <CheckPanel service={service} isDirty={!isSameRequest(form.watch(), initial)} onChecked={onSaved} />
      <p>
        {service.publication.isLive && publiclyListedStatuses.includes(service.status) ? (
          // The public page is server-rendered, outside this app: an ordinary link, in the same tab.
          <a href={`/tilbud/${encodeURIComponent(service.slug)}`}>{t('directory.publicPageLink')}</a>
        ) : (
          t('directory.notListedPublicly')
        )}
      </p>
      <HelpServiceEditor form={form} submitLabel={t('directory.save')} organisationName={session.organisation.name} lastCheckedAt={service.lastCheckedAt} />
    </>
  );
}

/**
 * "Is it still right?": the reminder job asks after six months. Checking means looking, so the button is here,
 * beside the listing and its preview, and not in the list; unsaved edits must be saved first, or the admin would
 * confirm a version the public does not see.
 */
function CheckPanel({ service, isDirty, onChecked }: { service: HelpService; isDirty: boolean; onChecked: Saved }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [isSaveFirstShown, setIsSaveFirstShown] = useState(false);
  const check = useAction(() => markHelpServiceChecked(service.id), { onSuccess: (checked) => onChecked(checked, { kind: 'checked', checkedAt: checked.lastCheckedAt }) });
  const markChecked = () => {
    setIsSaveFirstShown(isDirty);
    if (!isDirty && !check.isBusy) void check.run(undefined);
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
      <ActionFailed message={isSaveFirstShown ? t('directory.saveFirst') : check.error} />
      <button type="button" className="button button-secondary" onClick={markChecked} aria-busy={check.isBusy}>
        {t('directory.markChecked')}
      </button>
    </section>
  );
}
