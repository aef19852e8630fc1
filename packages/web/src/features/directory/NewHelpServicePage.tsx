import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { createHelpService } from '../../api';
import { PageHeading } from '../../ui/PageHeading';
import { useSignedInSession } from '../auth/useSession';
import { emptyDraft, type HelpServiceDraft, type HelpServiceOutcome } from './help-service-form';
import { HelpServiceEditor } from './HelpServiceEditor';

/** `/admin/directory/new`: a new listing; once created the admin continues on its own page. */
export function NewHelpServicePage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<HelpServiceDraft>(emptyDraft);

  return (
    <>
      <PageHeading>{t('directory.newHeading')}</PageHeading>
      <p>
        <Link to="/admin/directory">{t('directory.back')}</Link>
      </p>
      <HelpServiceEditor
        draft={draft}
        onChange={setDraft}
        submitLabel={t('directory.create')}
        organisationName={session.organisation.name}
        lastCheckedAt={undefined}
        onSubmit={async (request) => {
          const created = await createHelpService(request);
          // The page path carries the id only; the outcome travels in history state, never in the URL.
          const outcome: HelpServiceOutcome = { kind: 'created' };
          void navigate(`/admin/directory/${created.id}`, { replace: true, state: { outcome } });
        }}
      />
    </>
  );
}
