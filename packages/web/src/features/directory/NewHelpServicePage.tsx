import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SubPage } from '../../ui/SubPage';
import { useSignedInSession } from '../auth/useSession';
import { directoryKeys, createHelpService } from './directory.api';
import { emptyDraft, type HelpServiceOutcome } from './help-service-form';
import { HelpServiceEditor, useHelpServiceForm } from './HelpServiceEditor';

/** `/admin/directory/new`: a new listing; once created the admin continues on its own page. */
export function NewHelpServicePage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useHelpServiceForm(emptyDraft(), async (request) => {
    const created = await createHelpService(request);
    void queryClient.invalidateQueries({ queryKey: directoryKeys.list() });
    // The page path carries the id only; the outcome travels in history state, never in the URL.
    const outcome: HelpServiceOutcome = { kind: 'created' };
    void navigate(`/admin/directory/${created.id}`, { replace: true, state: { outcome } });
  });

  return (
    <SubPage title={t('directory.newHeading')} heading={t('directory.newHeading')} back={{ to: '/admin/directory', label: t('directory.back') }}>
      <HelpServiceEditor form={form} submitLabel={t('directory.create')} organisationName={session.organisation.name} lastCheckedAt={undefined} />
    </SubPage>
  );
}
